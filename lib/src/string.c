/* The str* functions of <string.h>: length, copy, compare, search. */
#include <stdlib.h>
#include <string.h>

size_t
strlen(const char *s)
{
    const char *p = s;

    while (*p)
        p++;
    return (size_t)(p - s);
}

size_t
strnlen(const char *s, size_t max)
{
    size_t n = 0;

    while (n < max && s[n])
        n++;
    return n;
}

char *
strcpy(char *dst, const char *src)
{
    char *d = dst;

    while ((*d++ = *src++) != '\0')
        ;
    return dst;
}

/* Copies at most n bytes and pads with NULs; no NUL if src is too long. */
char *
strncpy(char *dst, const char *src, size_t n)
{
    size_t i = 0;

    for (; i < n && src[i]; i++)
        dst[i] = src[i];
    for (; i < n; i++)
        dst[i] = '\0';
    return dst;
}

char *
strcat(char *dst, const char *src)
{
    strcpy(dst + strlen(dst), src);
    return dst;
}

/* Appends at most n bytes of src, and always a NUL. */
char *
strncat(char *dst, const char *src, size_t n)
{
    char *d = dst + strlen(dst);
    size_t i = 0;

    for (; i < n && src[i]; i++)
        d[i] = src[i];
    d[i] = '\0';
    return dst;
}

/* Bytes compare as unsigned char, as C requires. */
int
strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

int
strncmp(const char *a, const char *b, size_t n)
{
    for (; n > 0; n--, a++, b++) {
        if (*a != *b)
            return (unsigned char)*a - (unsigned char)*b;
        if (*a == '\0')
            return 0;
    }
    return 0;
}

/* The terminating NUL counts as part of the string: strchr(s, 0) finds it. */
char *
strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (*s == '\0')
            return NULL;
    }
}

char *
strrchr(const char *s, int c)
{
    const char *last = NULL;

    for (;; s++) {
        if (*s == (char)c)
            last = s;
        if (*s == '\0')
            return (char *)last;
    }
}

char *
strstr(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);

    for (; *haystack; haystack++)
        if (strncmp(haystack, needle, n) == 0)
            return (char *)haystack;
    return n == 0 ? (char *)haystack : NULL;
}

char *
strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);

    if (copy != NULL)
        memcpy(copy, s, n);
    return copy;
}

char *
strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = malloc(len + 1);

    if (copy != NULL) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

/* Length of the prefix of s made only of bytes in accept. */
size_t
strspn(const char *s, const char *accept)
{
    size_t n = 0;

    while (s[n] && strchr(accept, s[n]) != NULL)
        n++;
    return n;
}

/* Length of the prefix of s made only of bytes not in reject. */
size_t
strcspn(const char *s, const char *reject)
{
    size_t n = 0;

    while (s[n] && strchr(reject, s[n]) == NULL)
        n++;
    return n;
}

char *
strpbrk(const char *s, const char *accept)
{
    s += strcspn(s, accept);
    return *s ? (char *)s : NULL;
}

/*
 * Split a string into tokens separated by bytes of delim.  Each call
 * returns the next token, NUL-terminated in place; *save remembers where
 * to go on.  strtok keeps that in a static variable, so only one string
 * can be split at a time.
 */
char *
strtok_r(char *s, const char *delim, char **save)
{
    char *token;

    if (s == NULL)
        s = *save;
    s += strspn(s, delim);
    if (*s == '\0') {
        *save = s;
        return NULL;
    }
    token = s;
    s += strcspn(s, delim);
    if (*s != '\0')
        *s++ = '\0';
    *save = s;
    return token;
}

char *
strtok(char *s, const char *delim)
{
    static char *save;

    return strtok_r(s, delim, &save);
}
