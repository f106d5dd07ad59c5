/* The few string routines the kernel needs. */
#include "lib/kernel.h"

/* Eight words a turn, like memcpy below and for the same reason: `rep
 * stosb` is one TCG block per byte, so zeroing a 48-byte message header
 * cost 48 blocks and zeroing a page 4096. */
__attribute__((optimize("no-tree-loop-distribute-patterns")))
void *
memset(void *dst, int c, size_t n)
{
    unsigned char *dc = dst;
    uint32_t word = (unsigned char)c * 0x01010101u;
    for (; n > 0 && (uintptr_t)dc % 4; n--)
        *dc++ = (unsigned char)c;
    uint32_t *d = (uint32_t *)dc;
    for (; n >= 32; n -= 32, d += 8) {
        d[0] = word; d[1] = word; d[2] = word; d[3] = word;
        d[4] = word; d[5] = word; d[6] = word; d[7] = word;
    }
    for (; n >= 4; n -= 4)
        *d++ = word;
    dc = (unsigned char *)d;
    while (n-- > 0)
        *dc++ = (unsigned char)c;
    return dst;
}

/*
 * Eight words a turn, not `rep movsl`: under QEMU's TCG a rep string
 * instruction runs one element per pass through its translated block, while
 * this loop is one block of eight loads and eight stores per 32 bytes --
 * about 1.4x faster for the pipe's 4 KiB and 64 KiB copies (bench
 * pipe_tput_*; docs/performance.md).  The attribute stops gcc from turning
 * the loop back into a call of memcpy.
 */
__attribute__((optimize("no-tree-loop-distribute-patterns")))
void *
memcpy(void *dst, const void *src, size_t n)
{
    uint32_t *d = dst;
    const uint32_t *s = src;
    for (; n >= 32; n -= 32, d += 8, s += 8) {
        uint32_t a = s[0], b = s[1], c = s[2], e = s[3];
        d[0] = a; d[1] = b; d[2] = c; d[3] = e;
        a = s[4]; b = s[5]; c = s[6]; e = s[7];
        d[4] = a; d[5] = b; d[6] = c; d[7] = e;
    }
    for (; n >= 4; n -= 4)
        *d++ = *s++;
    char *dc = (char *)d;
    const char *sc = (const char *)s;
    while (n-- > 0)
        *dc++ = *sc++;
    return dst;
}

void *
memmove(void *dst, const void *src, size_t n)
{
    const char *s = src;
    char *d = dst;
    if (d <= s || d >= s + n)
        return memcpy(dst, src, n);
    while (n-- > 0)
        d[n] = s[n];
    return dst;
}

int
memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    for (; n > 0; n--, p++, q++)
        if (*p != *q)
            return *p - *q;
    return 0;
}

size_t
strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

size_t
strnlen(const char *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

int
strcmp(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (unsigned char)*a - (unsigned char)*b;
}

int
strncmp(const char *a, const char *b, size_t n)
{
    for (; n > 0; n--, a++, b++) {
        if (*a != *b)
            return (unsigned char)*a - (unsigned char)*b;
        if (*a == 0)
            return 0;
    }
    return 0;
}

/* Copy at most size-1 bytes and always NUL-terminate (BSD strlcpy). */
size_t
strlcpy(char *dst, const char *src, size_t size)
{
    size_t len = strlen(src);
    if (size > 0) {
        size_t n = len < size - 1 ? len : size - 1;
        memcpy(dst, src, n);
        dst[n] = 0;
    }
    return len;
}

char *
strchr(const char *s, int c)
{
    for (; *s; s++)
        if (*s == (char)c)
            return (char *)s;
    return c == 0 ? (char *)s : 0;
}
