/*
 * The scanf engine: conversions %d %i %u %o %x %X %c %s %[...] %e %f %g
 * %a (and upper case) %p %n %%, with a width, '*' to skip the assignment,
 * and the size letters hh h l ll j z t L.  White space in the format
 * matches any amount of input white space.  Returns the number of
 * assignments, or EOF if the input ended before the first conversion.
 * Numbers are collected into a buffer, then converted by strtoll,
 * strtoull and strtold, so the rules are those of the strto* functions.
 */
#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "scan.h"

#define NUMBER_MAX 128

enum size { S_HH, S_H, S_INT, S_L, S_LL, S_PTR, S_LD };

struct scanner {
    struct scan_source *in;
    int c;                      /* the lookahead, or -1 */
    int count;                  /* characters consumed, for %n */
};

static int
peek(struct scanner *s)
{
    return s->c;
}

static void
advance(struct scanner *s)
{
    s->count++;
    s->c = s->in->get(s->in->src);
}

static void
skip_space(struct scanner *s)
{
    while (s->c >= 0 && isspace(s->c))
        advance(s);
}

static const char *
read_size(const char *f, enum size *size)
{
    *size = S_INT;
    switch (*f) {
    case 'h': if (f[1] == 'h') { *size = S_HH; return f + 2; } *size = S_H; return f + 1;
    case 'l': if (f[1] == 'l') { *size = S_LL; return f + 2; } *size = S_L; return f + 1;
    case 'j': case 'q': *size = S_LL; return f + 1;
    case 'z': case 't': *size = S_L; return f + 1;
    case 'L': *size = S_LD; return f + 1;
    }
    return f;
}

static void
store_integer(va_list *ap, enum size size, unsigned long long v)
{
    switch (size) {
    case S_HH:  *va_arg(*ap, signed char *) = v; break;
    case S_H:   *va_arg(*ap, short *) = v; break;
    case S_L:   *va_arg(*ap, long *) = v; break;
    case S_LL:  *va_arg(*ap, long long *) = v; break;
    case S_PTR: *va_arg(*ap, void **) = (void *)(uintptr_t)v; break;
    default:    *va_arg(*ap, int *) = v; break;
    }
}

/* Appends the lookahead to buf while accept says so; returns the length. */
static int
take(struct scanner *s, char *buf, int len, int width, const char *accept)
{
    while (len < width && len < NUMBER_MAX - 1 && peek(s) >= 0 &&
           strchr(accept, peek(s)) && peek(s) != '\0') {
        buf[len++] = peek(s);
        advance(s);
    }
    buf[len] = '\0';
    return len;
}

/* The characters of an integer in base (0: by prefix) into buf. */
static int
scan_integer_text(struct scanner *s, char *buf, int width, int base)
{
    static const char *const digits[] = {
        [8] = "01234567", [10] = "0123456789", [16] = "0123456789abcdefABCDEF",
    };
    int len = take(s, buf, 0, width < 1 ? width : 1, "+-");
    if ((base == 0 || base == 16) && len < width && peek(s) == '0') {
        buf[len++] = '0';
        advance(s);
        if (len < width && (peek(s) == 'x' || peek(s) == 'X')) {
            buf[len++] = peek(s);
            advance(s);
            return take(s, buf, len, width, digits[16]);
        }
        if (base == 0)
            base = 8;
    }
    return take(s, buf, len, width, digits[base ? base : 10]);
}

static int
scan_integer(struct scanner *s, int conv, int width, int store, enum size size, va_list *ap)
{
    char buf[NUMBER_MAX], *end;
    int base = conv == 'o' ? 8 : conv == 'x' || conv == 'X' || conv == 'p' ? 16 :
               conv == 'i' ? 0 : 10;
    skip_space(s);
    scan_integer_text(s, buf, width, base);
    unsigned long long v = conv == 'd' || conv == 'i' ? (unsigned long long)strtoll(buf, &end, base)
                                                       : strtoull(buf, &end, base);
    if (end == buf || (*end != '\0' && !((*end == 'x' || *end == 'X') && !end[1])))
        return -1;                      /* no digits ("0x" is 0, as glibc reads it) */
    if (store)
        store_integer(ap, conv == 'p' ? S_PTR : size, v);
    return store;
}

static int
scan_float(struct scanner *s, int width, int store, enum size size, va_list *ap)
{
    char buf[NUMBER_MAX], *end;
    int len;
    skip_space(s);
    len = take(s, buf, 0, width > 1 ? 1 : width, "+-");
    if (len < width && (peek(s) == 'i' || peek(s) == 'I' || peek(s) == 'n' || peek(s) == 'N'))
        len = take(s, buf, len, width, "infatyINFATY()");
    else if (len < width && peek(s) == '0') {
        len = take(s, buf, len, len + 1, "0");
        if (len < width && (peek(s) == 'x' || peek(s) == 'X')) {
            len = take(s, buf, len, len + 1, "xX");
            len = take(s, buf, len, width, "0123456789abcdefABCDEF.");
            len = take(s, buf, len, len + 1, "pP");
        }
    }
    len = take(s, buf, len, width, "0123456789.");
    if (len < width && (peek(s) == 'e' || peek(s) == 'E')) {
        len = take(s, buf, len, len + 1, "eE");
        len = take(s, buf, len, len + 1, "+-");
        len = take(s, buf, len, width, "0123456789");
    } else if (len > 2 && (buf[1] == 'x' || buf[2] == 'x' || buf[1] == 'X' || buf[2] == 'X') &&
               (buf[len - 1] == 'p' || buf[len - 1] == 'P')) {
        len = take(s, buf, len, len + 1, "+-");
        len = take(s, buf, len, width, "0123456789");
    }
    long double v = strtold(buf, &end);
    if (end == buf || *end != '\0')
        return -1;
    if (store) {
        if (size == S_LD)
            *va_arg(*ap, long double *) = v;
        else if (size == S_L)
            *va_arg(*ap, double *) = v;
        else
            *va_arg(*ap, float *) = v;
    }
    return store;
}

/* %[abc], %[^abc], %[]abc], %[a-z]: is c in the set? */
static const char *
parse_set(const char *f, char set[256])
{
    int negate = *f == '^';
    memset(set, negate, 256);
    f += negate;
    if (*f == ']')
        set[(unsigned char)*f++] = !negate;
    for (; *f && *f != ']'; f++) {
        if (f[1] == '-' && f[2] && f[2] != ']') {
            for (int c = (unsigned char)f[0]; c <= (unsigned char)f[2]; c++)
                set[c] = !negate;
            f += 2;
        } else {
            set[(unsigned char)*f] = !negate;
        }
    }
    return *f ? f + 1 : f;
}

/* %c, %s and %[: characters into a char array. */
static int
scan_chars(struct scanner *s, int conv, int width, int store, const char *set, va_list *ap)
{
    char *dst = store ? va_arg(*ap, char *) : NULL;
    int n = 0;
    if (conv == 's')
        skip_space(s);
    if (width == 0)
        width = conv == 'c' ? 1 : -1;
    while ((width < 0 || n < width) && peek(s) >= 0) {
        int c = peek(s);
        if ((conv == 's' && isspace(c)) || (conv == '[' && !set[c]))
            break;
        if (dst)
            dst[n] = c;
        n++;
        advance(s);
    }
    if (n == 0 || (conv == 'c' && n < width))
        return -1;
    if (dst && conv != 'c')
        dst[n] = '\0';
    return store;
}

int
__scan(struct scan_source *in, const char *f, va_list ap0)
{
    struct scanner s = { in, -1, 0 };
    int assigned = 0, converted = 0;
    char set[256];
    va_list ap;

    va_copy(ap, ap0);
    s.c = in->get(in->src);
    s.count = 0;
    for (; *f; f++) {
        if (isspace((unsigned char)*f)) {
            skip_space(&s);
            continue;
        }
        if (*f != '%' || f[1] == '%') {
            f += *f == '%';
            if (*f == '%')
                skip_space(&s);
            if (peek(&s) != (unsigned char)*f)
                goto out;
            advance(&s);
            continue;
        }
        f++;
        int store = *f != '*';
        f += !store;
        int width = 0;
        while (isdigit((unsigned char)*f))
            width = width * 10 + *f++ - '0';
        enum size size;
        f = read_size(f, &size);
        int conv = *f, r;
        if (conv == 'n') {
            if (store)
                store_integer(&ap, size, s.count);
            continue;
        }
        if (conv != 'c' && conv != '[')
            skip_space(&s);
        if (peek(&s) < 0)
            goto out;
        switch (conv) {
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'p':
            r = scan_integer(&s, conv, width ? width : NUMBER_MAX - 1, store, size, &ap);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
            r = scan_float(&s, width ? width : NUMBER_MAX - 1, store, size, &ap);
            break;
        case '[':
            f = parse_set(f + 1, set) - 1;
            r = scan_chars(&s, '[', width, store, set, &ap);
            break;
        case 'c': case 's':
            r = scan_chars(&s, conv, width, store, NULL, &ap);
            break;
        default:
            goto out;
        }
        if (r < 0)
            goto out;
        converted++;
        assigned += r;
    }
out:
    if (s.c >= 0)
        in->unget(s.c, in->src);
    va_end(ap);
    if (converted == 0 && assigned == 0 && s.c < 0)
        return -1;                      /* EOF before the first conversion */
    return assigned;
}

/* ---- sscanf: a string as the source -------------------------------------- */

struct string_source {
    const unsigned char *p;
};

static int
string_get(void *src)
{
    struct string_source *s = src;
    return *s->p ? *s->p++ : -1;
}

static void
string_unget(int c, void *src)
{
    ((struct string_source *)src)->p--;
}

int
vsscanf(const char *str, const char *fmt, va_list ap)
{
    struct string_source ss = { (const unsigned char *)str };
    struct scan_source in = { string_get, string_unget, &ss };
    return __scan(&in, fmt, ap);
}

int
sscanf(const char *str, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsscanf(str, fmt, ap);
    va_end(ap);
    return n;
}
