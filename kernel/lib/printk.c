/*
 * Kernel formatted output: printk() to the console, snprintk() to a buffer.
 * Supports %d %i %u %x %X %o %c %s %p %% with the l and ll length
 * modifiers, a width and the '0' and '-' flags.
 */
#include "lib/kernel.h"
#include "dev/console.h"

struct outbuf {
    char  *buf;
    size_t size;
    size_t len;
};

static void
out_char(struct outbuf *o, char c)
{
    if (o->len + 1 < o->size)
        o->buf[o->len] = c;
    o->len++;
}

static void
out_padded(struct outbuf *o, const char *s, size_t n, int width, int left, char pad)
{
    int fill = width > (int)n ? width - (int)n : 0;
    if (!left)
        while (fill-- > 0)
            out_char(o, pad);
    while (n-- > 0)
        out_char(o, *s++);
    if (left)
        while (fill-- > 0)
            out_char(o, ' ');
}

static void
out_number(struct outbuf *o, unsigned long long v, int base, bool upper,
           bool negative, int width, int left, char pad)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24];
    int i = sizeof tmp;
    do {
        tmp[--i] = digits[v % base];
        v /= base;
    } while (v != 0);
    if (negative) {
        if (pad == '0') {       /* sign goes before zero padding */
            out_char(o, '-');
            width--;
        } else {
            tmp[--i] = '-';
        }
    }
    out_padded(o, tmp + i, sizeof tmp - i, width, left, pad);
}

int
vsnprintk(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct outbuf o = { buf, size, 0 };
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            out_char(&o, *fmt);
            continue;
        }
        fmt++;
        int left = 0, width = 0, longs = 0;
        char pad = ' ';
        for (; *fmt == '-' || *fmt == '0'; fmt++) {
            if (*fmt == '-')
                left = 1;
            else
                pad = '0';
        }
        for (; *fmt >= '0' && *fmt <= '9'; fmt++)
            width = width * 10 + (*fmt - '0');
        for (; *fmt == 'l'; fmt++)
            longs++;
        if (left)
            pad = ' ';
        unsigned long long u;
        long long s;
        switch (*fmt) {
        case 'd':
        case 'i':
            s = longs >= 2 ? va_arg(ap, long long) : va_arg(ap, long);
            out_number(&o, s < 0 ? -(unsigned long long)s : (unsigned long long)s,
                       10, false, s < 0, width, left, pad);
            break;
        case 'u':
        case 'x':
        case 'X':
        case 'o':
            u = longs >= 2 ? va_arg(ap, unsigned long long) : va_arg(ap, unsigned long);
            out_number(&o, u, *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16,
                       *fmt == 'X', false, width, left, pad);
            break;
        case 'p':
            out_char(&o, '0');
            out_char(&o, 'x');
            out_number(&o, (uintptr_t)va_arg(ap, void *), 16, false, false, 8, 0, '0');
            break;
        case 'c': {
            char c = (char)va_arg(ap, int);
            out_padded(&o, &c, 1, width, left, ' ');
            break;
        }
        case 's': {
            const char *str = va_arg(ap, const char *);
            if (!str)
                str = "(null)";
            out_padded(&o, str, strlen(str), width, left, ' ');
            break;
        }
        case '%':
            out_char(&o, '%');
            break;
        case 0:
            fmt--;
            break;
        default:
            out_char(&o, '%');
            out_char(&o, *fmt);
        }
    }
    if (size > 0)
        buf[o.len < size ? o.len : size - 1] = 0;
    return (int)o.len;
}

int
snprintk(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintk(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

void
printk(const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintk(buf, sizeof buf, fmt, ap);
    va_end(ap);
    console_write(buf, MIN(n, (int)sizeof buf - 1));
}
