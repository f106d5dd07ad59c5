/*
 * The mem* functions.  memcpy and memset move eight words a turn, as the
 * kernel's do (kernel/lib/string.c), not with the x86 string instructions:
 * under QEMU's TCG a `rep movs` or `rep stos` runs one element per pass
 * through its translated block, while these loops are one block of eight
 * loads and eight stores per 32 bytes -- a 4 KiB memcpy took 8.6 us with
 * `rep movsl` (docs/messages.md, "Performance").  The attribute keeps gcc
 * from turning a loop back into a call of memcpy or memset itself.
 */
#include <string.h>
#include <stdint.h>

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

/* The areas may overlap: copy upwards if dst is below src, else from the
 * top down (the direction flag set for the copy, cleared after, as the
 * ABI requires). */
void *
memmove(void *dst, const void *src, size_t n)
{
    if ((char *)dst <= (const char *)src || (char *)dst >= (const char *)src + n)
        return memcpy(dst, src, n);

    void *d = (char *)dst + n - 1;
    const void *s = (const char *)src + n - 1;
    __asm__ volatile("std\n\trep movsb\n\tcld"
                     : "+D"(d), "+S"(s), "+c"(n) : : "memory");
    return dst;
}

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

int
memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;

    for (size_t i = 0; i < n; i++)
        if (p[i] != q[i])
            return p[i] - q[i];
    return 0;
}

void *
memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;

    for (size_t i = 0; i < n; i++)
        if (p[i] == (unsigned char)c)
            return (void *)(p + i);
    return NULL;
}
