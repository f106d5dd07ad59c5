/*
 * The mem* functions.  memcpy, memmove and memset use the x86 string
 * instructions (rep movs, rep stos): fast, and they keep the compiler from
 * "optimizing" a copy loop in here into a call to memcpy itself.
 */
#include <string.h>

void *
memcpy(void *dst, const void *src, size_t n)
{
    void *d = dst;
    const void *s = src;
    size_t words = n / 4, bytes = n % 4;

    __asm__ volatile("rep movsl" : "+D"(d), "+S"(s), "+c"(words) : : "memory");
    __asm__ volatile("rep movsb" : "+D"(d), "+S"(s), "+c"(bytes) : : "memory");
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

void *
memset(void *dst, int c, size_t n)
{
    void *d = dst;
    unsigned int byte = (unsigned char)c;
    unsigned int word = byte * 0x01010101u;
    size_t words = n / 4, bytes = n % 4;

    __asm__ volatile("rep stosl" : "+D"(d), "+c"(words) : "a"(word) : "memory");
    __asm__ volatile("rep stosb" : "+D"(d), "+c"(bytes) : "a"(byte) : "memory");
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
