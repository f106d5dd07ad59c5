/*
 * Numbers from text: strtol, strtoul, strtoll, strtoull, atoi, atol, atoll.
 *
 * All share parse_integer(): optional white space, an optional sign, then
 * digits in the base (2..36, or 0: "0x" means 16, "0" means 8, else 10; base
 * 16 also accepts "0x").  A value out of range gives the nearest limit and
 * ERANGE.  *end is set to the first byte not used, or to s itself if there
 * were no digits.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

static int
digit_value(int c)
{
    if (isdigit(c))
        return c - '0';
    if (isalpha(c))
        return tolower(c) - 'a' + 10;
    return 99;                          /* never a digit */
}

/* The magnitude in *value (capped at ULLONG_MAX, *overflow set beyond
 * that) and the sign in *negative.  Returns where parsing stopped. */
static const char *
parse_integer(const char *s, int base, unsigned long long *value,
              int *negative, int *overflow)
{
    const char *start = s, *digits;
    unsigned long long v = 0;

    *value = 0;
    *negative = *overflow = 0;
    if (base < 0 || base == 1 || base > 36) {
        errno = EINVAL;
        return start;
    }
    while (isspace((unsigned char)*s))
        s++;
    if (*s == '+' || *s == '-')
        *negative = *s++ == '-';
    /* "0x" counts only if a hex digit follows: "0xg" is the number 0. */
    if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') &&
        digit_value((unsigned char)s[2]) < 16) {
        s += 2;
        base = 16;
    } else if (base == 0) {
        base = s[0] == '0' ? 8 : 10;
    }
    for (digits = s; digit_value((unsigned char)*s) < base; s++) {
        unsigned d = (unsigned)digit_value((unsigned char)*s);
        if (v > (ULLONG_MAX - d) / (unsigned)base) {
            *overflow = 1;
            v = ULLONG_MAX;
        } else if (!*overflow) {
            v = v * (unsigned)base + d;
        }
    }
    if (s == digits)
        return start;                   /* no digits: no number */
    *value = v;
    return s;
}

/* The signed conversions: the magnitude may reach max + 1 if negative. */
static long long
to_signed(const char *s, char **end, int base, long long min, long long max)
{
    unsigned long long v;
    int negative, overflow;
    const char *stop = parse_integer(s, base, &v, &negative, &overflow);

    if (end != NULL)
        *end = (char *)stop;
    if (!negative && (overflow || v > (unsigned long long)max)) {
        errno = ERANGE;
        return max;
    }
    if (negative && (overflow || v > (unsigned long long)max + 1)) {
        errno = ERANGE;
        return min;
    }
    if (negative)
        return v == (unsigned long long)max + 1 ? min : -(long long)v;
    return (long long)v;
}

/* The unsigned conversions: "-1" is ULONG_MAX, as C says (negation in
 * the unsigned type). */
static unsigned long long
to_unsigned(const char *s, char **end, int base, unsigned long long max)
{
    unsigned long long v;
    int negative, overflow;
    const char *stop = parse_integer(s, base, &v, &negative, &overflow);

    if (end != NULL)
        *end = (char *)stop;
    if (overflow || v > max) {
        errno = ERANGE;
        return max;
    }
    return negative ? (max - v + 1) & max : v;
}

long
strtol(const char *s, char **end, int base)
{
    return (long)to_signed(s, end, base, LONG_MIN, LONG_MAX);
}

long long
strtoll(const char *s, char **end, int base)
{
    return to_signed(s, end, base, LLONG_MIN, LLONG_MAX);
}

unsigned long
strtoul(const char *s, char **end, int base)
{
    return (unsigned long)to_unsigned(s, end, base, ULONG_MAX);
}

unsigned long long
strtoull(const char *s, char **end, int base)
{
    return to_unsigned(s, end, base, ULLONG_MAX);
}

int
atoi(const char *s)
{
    return (int)strtol(s, NULL, 10);
}

long
atol(const char *s)
{
    return strtol(s, NULL, 10);
}

long long
atoll(const char *s)
{
    return strtoll(s, NULL, 10);
}
