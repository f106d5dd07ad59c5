/*
 * strtod, strtof, strtold, atof: decimal ("1.5e-3") and hexadecimal
 * ("0x1.8p3") numbers, "inf", "infinity" and "nan", with optional sign and
 * leading blanks, as C99 describes.
 *
 * Decimal: up to 19 significant digits are collected exactly in an
 * integer, then scaled by a power of ten computed in long double (the x87's
 * 64-bit mantissa), and rounded once more to the caller's type.  That is
 * correctly rounded for all but rare halfway cases, where it may be one
 * unit in the last place off (glibc uses big-number arithmetic instead).
 * Overflow gives HUGE_VAL and ERANGE, underflow 0 and ERANGE.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <strings.h>

#define MAX_DIGITS 19           /* what fits in a uint64_t */

static long double
power_of(long double base, int n)
{
    long double result = 1;
    for (; n > 0; n >>= 1, base *= base)
        if (n & 1)
            result *= base;
    return result;
}

static long double
scale(uint64_t mantissa, int exp, long double base)
{
    long double m = mantissa;
    if (mantissa == 0)
        return 0;
    if (exp < 0) {
        if (exp < -4950)
            return 0;
        /* two steps keep the power itself from underflowing */
        if (exp < -4900)
            return m / power_of(base, 4900) / power_of(base, -exp - 4900);
        return m / power_of(base, -exp);
    }
    return exp > 4950 ? m * power_of(base, 4951) : m * power_of(base, exp);
}

static int
hex_digit(int c)
{
    if (isdigit(c))
        return c - '0';
    c = tolower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Digits with an optional point: the first MAX_DIGITS significant ones
 * into *mantissa, the power adjustment into *exp.  Returns the end, or
 * NULL if there was no digit. */
static const char *
read_digits(const char *p, int radix, uint64_t *mantissa, int *exp)
{
    int any = 0, seen_point = 0, digits = 0, d;
    *mantissa = 0;
    *exp = 0;
    for (;; p++) {
        if (*p == '.' && !seen_point) {
            seen_point = 1;
            continue;
        }
        d = radix == 16 ? hex_digit((unsigned char)*p) : isdigit((unsigned char)*p) ? *p - '0' : -1;
        if (d < 0)
            break;
        any = 1;
        if (*mantissa == 0 && d == 0) {
            *exp -= seen_point;         /* leading zeros after the point */
            continue;
        }
        if (digits < (radix == 16 ? 15 : MAX_DIGITS)) {
            *mantissa = *mantissa * radix + d;
            digits++;
            *exp -= seen_point;
        } else {
            *exp += !seen_point;        /* dropped digit before the point */
        }
    }
    return any ? p : NULL;
}

static const char *
read_exponent(const char *p, char letter, int *exp)
{
    const char *q = p + 1;
    int sign = 1, n = 0;
    if (tolower((unsigned char)*p) != letter)
        return p;
    if (*q == '+' || *q == '-')
        sign = *q++ == '-' ? -1 : 1;
    if (!isdigit((unsigned char)*q))
        return p;                       /* "1e" is 1 followed by "e" */
    for (; isdigit((unsigned char)*q); q++)
        if (n < 100000)
            n = n * 10 + *q - '0';
    *exp += sign * n;
    return q;
}

static long double
read_special(const char *p, const char **end)
{
    if (strncasecmp(p, "infinity", 8) == 0) {
        *end = p + 8;
        return __builtin_infl();
    }
    if (strncasecmp(p, "inf", 3) == 0) {
        *end = p + 3;
        return __builtin_infl();
    }
    if (strncasecmp(p, "nan", 3) == 0) {
        *end = p + 3;
        if (**end == '(') {             /* nan(chars) */
            const char *q = *end + 1;
            while (isalnum((unsigned char)*q) || *q == '_')
                q++;
            if (*q == ')')
                *end = q + 1;
        }
        return __builtin_nanl("");
    }
    *end = NULL;
    return 0;
}

static long double
parse(const char *s, char **end, int *special)
{
    const char *p = s, *q;
    uint64_t mantissa;
    int negative = 0, exp;
    long double value;

    while (isspace((unsigned char)*p))
        p++;
    if (*p == '+' || *p == '-')
        negative = *p++ == '-';
    value = read_special(p, &q);
    *special = q != NULL;
    if (q) {
        p = q;
    } else if (p[0] == '0' && tolower((unsigned char)p[1]) == 'x' &&
               (q = read_digits(p + 2, 16, &mantissa, &exp))) {
        exp *= 4;
        p = read_exponent(q, 'p', &exp);
        value = scale(mantissa, exp, 2);
    } else if ((q = read_digits(p, 10, &mantissa, &exp))) {
        p = read_exponent(q, 'e', &exp);
        value = scale(mantissa, exp, 10);
    } else {
        if (end)
            *end = (char *)s;           /* no number at all */
        return 0;
    }
    if (end)
        *end = (char *)p;
    return negative ? -value : value;
}

/* ERANGE when the value does not fit the type: it became infinite (but
 * was not "inf"), zero (but was not 0) or subnormal. */
static void
check_range(long double exact, long double rounded, long double min, int special)
{
    if (special)
        return;
    if (__builtin_isinf(rounded) || (rounded == 0 && exact != 0) ||
        (rounded != 0 && __builtin_fabsl(rounded) < min))
        errno = ERANGE;
}

double
strtod(const char *s, char **end)
{
    int special;
    long double v = parse(s, end, &special);
    double d = (double)v;
    check_range(v, d, __DBL_MIN__, special);
    return d;
}

float
strtof(const char *s, char **end)
{
    int special;
    long double v = parse(s, end, &special);
    float f = (float)v;
    check_range(v, f, __FLT_MIN__, special);
    return f;
}

long double
strtold(const char *s, char **end)
{
    int special;
    long double v = parse(s, end, &special);
    check_range(v, v, __LDBL_MIN__, special);
    return v;
}

double
atof(const char *s)
{
    return strtod(s, NULL);
}
