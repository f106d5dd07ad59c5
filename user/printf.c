/*
 * printf -- format and print: printf FORMAT [ARG...].  The C conversions
 * (d i o u x X c s f e g E G, with flags, width and precision, '*' too),
 * %b for an argument with backslash escapes, and the escapes \n \t \\ \a
 * \b \r \v \f \0NNN \xHH in the format.  The format is reused while
 * arguments remain, as POSIX says.
 */
#include <ctype.h>
#include "util.h"

static char **args;
static int nargs, status;

static const char *
next_arg(void)
{
    if (nargs == 0)
        return NULL;
    nargs--;
    return *args++;
}

/* The escape at s (after the backslash); its byte in *c, returns the
 * characters used. */
static int
escape(const char *s, int *c)
{
    static const char from[] = "ntr\\abvf\"'", to[] = "\n\t\r\\\a\b\v\f\"'";
    const char *p = strchr(from, *s);
    int n = 0, used = 0;
    if (*s && p) {
        *c = to[p - from];
        return 1;
    }
    if (*s == '0' || (*s >= '1' && *s <= '7')) {
        for (used = *s == '0'; used < 4 && s[used] >= '0' && s[used] <= '7'; used++)
            n = n * 8 + s[used] - '0';
        *c = n;
        return used;
    }
    if (*s == 'x' && isxdigit((unsigned char)s[1])) {
        for (used = 1; used < 3 && isxdigit((unsigned char)s[used]); used++)
            n = n * 16 + (isdigit((unsigned char)s[used]) ? s[used] - '0' : (tolower(s[used]) - 'a' + 10));
        *c = n;
        return used;
    }
    *c = '\\';
    return 0;
}

static void
print_escaped(const char *s)
{
    int c;
    while (*s) {
        if (*s == '\\' && s[1]) {
            s += 1 + escape(s + 1, &c);
            putchar(c);
        } else {
            putchar(*s++);
        }
    }
}

static long long
number_arg(void)
{
    const char *a = next_arg();
    char *end;
    if (!a)
        return 0;
    if (*a == '\'' || *a == '"')
        return (unsigned char)a[1];         /* 'c: the character's code */
    long long v = strtoll(a, &end, 0);
    if (*end) {
        fprintf(stderr, "printf: %s: invalid number\n", a);
        status = 1;
    }
    return v;
}

/* One conversion starting at the '%' at f; returns the end. */
static const char *
convert(const char *f)
{
    char spec[32];
    int n = 0;
    spec[n++] = *f++;
    while (*f && strchr("-+ #0", *f) && n < 20)
        spec[n++] = *f++;
    for (int part = 0; part < 2; part++) {
        if (*f == '*') {
            n += snprintf(spec + n, sizeof spec - n, "%d", (int)number_arg());
            f++;
        } else {
            while (isdigit((unsigned char)*f) && n < 28)
                spec[n++] = *f++;
        }
        if (part == 0 && *f == '.')
            spec[n++] = *f++;
        else
            break;
    }
    char conv = *f ? *f++ : 's';
    const char *a;
    switch (conv) {
    case 'd': case 'i':
        spec[n++] = 'l'; spec[n++] = 'l'; spec[n++] = conv; spec[n] = 0;
        printf(spec, number_arg());
        break;
    case 'o': case 'u': case 'x': case 'X':
        spec[n++] = 'l'; spec[n++] = 'l'; spec[n++] = conv; spec[n] = 0;
        printf(spec, (unsigned long long)number_arg());
        break;
    case 'f': case 'e': case 'g': case 'E': case 'G': case 'F':
        spec[n++] = conv; spec[n] = 0;
        a = next_arg();
        printf(spec, a ? strtod(a, NULL) : 0.0);
        break;
    case 'c':
        spec[n++] = 'c'; spec[n] = 0;
        a = next_arg();
        printf(spec, a ? a[0] : 0);
        break;
    case 'b':
        a = next_arg();
        print_escaped(a ? a : "");
        break;
    case '%':
        putchar('%');
        break;
    default:
        spec[n++] = 's'; spec[n] = 0;
        a = next_arg();
        printf(spec, a ? a : "");
    }
    return f;
}

int
main(int argc, char **argv)
{
    int c;

    USAGE(argc, argv, "usage: printf FORMAT [ARGUMENT...]\n");
    if (argc < 2)
        usage();
    args = argv + 2;
    nargs = argc - 2;
    do {
        int before = nargs;
        for (const char *f = argv[1]; *f;) {
            if (*f == '\\' && f[1]) {
                f += 1 + escape(f + 1, &c);
                putchar(c);
            } else if (*f == '%') {
                f = convert(f);
            } else {
                putchar(*f++);
            }
        }
        if (nargs == before)
            break;                  /* the format takes no arguments */
    } while (nargs > 0);
    return status;
}
