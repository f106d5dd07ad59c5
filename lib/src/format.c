/*
 * The printf engine and the functions that format into a string:
 * snprintf, vsnprintf, sprintf, vsprintf.
 *
 * A conversion is  %[flags][width][.precision][length]conversion  with
 *   flags       - (left-justify)  + (always a sign)  space (sign or space)
 *               # (alternate form: 0x, leading 0, always a point)  0 (pad with 0)
 *   width       a number or *, the minimum field width
 *   precision   a number or *: least digits (integers), digits after the
 *               point (%f %e), significant digits (%g), most bytes (%s)
 *   length      hh h l ll z j t L
 *   conversion  d i u o x X c s p n % f F e E g G
 * An unknown conversion is copied out as written.
 *
 * This file makes no system calls, so tests/host/test_printf.c compiles it
 * on the host and checks its output against glibc's.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include "format.h"

#define FLAG_LEFT   0x01        /* '-' */
#define FLAG_PLUS   0x02        /* '+' */
#define FLAG_SPACE  0x04        /* ' ' */
#define FLAG_ALT    0x08        /* '#' */
#define FLAG_ZERO   0x10        /* '0' */

enum length { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T, LEN_LONG_DOUBLE };

/* One parsed conversion specification. */
struct spec {
    int         flags;
    int         width;          /* 0: none */
    int         precision;      /* -1: none given */
    enum length length;
    char        conversion;
};

/* ---- output ------------------------------------------------------------ */

static void
emit(struct format_sink *sink, const char *s, size_t n)
{
    if (n == 0)
        return;
    sink->write(sink, s, n);
    sink->count += n;
}

static void
emit_repeated(struct format_sink *sink, char c, size_t n)
{
    char block[32];
    size_t i;

    for (i = 0; i < sizeof block; i++)
        block[i] = c;
    while (n > 0) {
        size_t chunk = n < sizeof block ? n : sizeof block;
        emit(sink, block, chunk);
        n -= chunk;
    }
}

static size_t
length_of(const char *s)
{
    size_t n = 0;

    while (s[n])
        n++;
    return n;
}

/*
 * Every conversion ends here: a field of `width` characters made of
 *     [spaces] prefix [zeros] body [spaces]
 * The prefix is the sign or "0x".  zero_pad fills the width with zeros
 * between prefix and body instead of spaces (numbers only: "%05s" pads
 * with spaces, as in glibc).
 */
static void
emit_field(struct format_sink *sink, const struct spec *sp, const char *prefix,
           size_t zeros, const char *body, size_t len, int zero_pad)
{
    size_t plen = length_of(prefix);
    size_t used = plen + zeros + len;
    size_t fill = (size_t)sp->width > used ? (size_t)sp->width - used : 0;

    if (zero_pad && !(sp->flags & FLAG_LEFT)) {
        zeros += fill;
        fill = 0;
    }
    if (!(sp->flags & FLAG_LEFT))
        emit_repeated(sink, ' ', fill);
    emit(sink, prefix, plen);
    emit_repeated(sink, '0', zeros);
    emit(sink, body, len);
    if (sp->flags & FLAG_LEFT)
        emit_repeated(sink, ' ', fill);
}

/* ---- integers ---------------------------------------------------------- */

static const char *
sign_prefix(int negative, int flags)
{
    if (negative)
        return "-";
    if (flags & FLAG_PLUS)
        return "+";
    if (flags & FLAG_SPACE)
        return " ";
    return "";
}

/* d i u o x X p: `value` is the magnitude, `negative` its sign. */
static void
format_integer(struct format_sink *sink, const struct spec *sp,
               uintmax_t value, int negative)
{
    char digits[24];            /* 64 bits in octal: 22 digits */
    char *first = digits + sizeof digits;
    const char *alphabet = sp->conversion == 'X' ? "0123456789ABCDEF"
                                                 : "0123456789abcdef";
    const char *prefix = "";
    unsigned base = 10;
    size_t len, zeros = 0;

    if (sp->conversion == 'o')
        base = 8;
    else if (sp->conversion == 'x' || sp->conversion == 'X' || sp->conversion == 'p')
        base = 16;

    for (uintmax_t v = value; v != 0; v /= base)
        *--first = alphabet[v % base];
    len = (size_t)(digits + sizeof digits - first);

    /* The precision is the least number of digits; 0 with value 0 prints
     * no digits at all.  Without a precision, at least one digit. */
    if (sp->precision >= 0) {
        if ((size_t)sp->precision > len)
            zeros = (size_t)sp->precision - len;
    } else if (len == 0) {
        zeros = 1;
    }

    if (sp->conversion == 'd' || sp->conversion == 'i')
        prefix = sign_prefix(negative, sp->flags);
    else if ((sp->flags & FLAG_ALT) && base == 16 && value != 0)
        prefix = sp->conversion == 'X' ? "0X" : "0x";
    else if ((sp->flags & FLAG_ALT) && base == 8 && zeros == 0 &&
             (len == 0 || *first != '0'))
        zeros = 1;              /* "%#o": the first digit is a 0 */

    emit_field(sink, sp, prefix, zeros, first, len,
               (sp->flags & FLAG_ZERO) && sp->precision < 0);
}

/* Fetch a signed argument of the size the length modifier names. */
static intmax_t
fetch_signed(va_list *ap, enum length length)
{
    switch (length) {
    case LEN_HH: return (signed char)va_arg(*ap, int);
    case LEN_H:  return (short)va_arg(*ap, int);
    case LEN_L:  return va_arg(*ap, long);
    case LEN_LL: return va_arg(*ap, long long);
    case LEN_J:  return va_arg(*ap, intmax_t);
    case LEN_Z:                 /* the signed type of size_t's size */
    case LEN_T:  return va_arg(*ap, ptrdiff_t);
    default:     return va_arg(*ap, int);
    }
}

static uintmax_t
fetch_unsigned(va_list *ap, enum length length)
{
    switch (length) {
    case LEN_HH: return (unsigned char)va_arg(*ap, unsigned int);
    case LEN_H:  return (unsigned short)va_arg(*ap, unsigned int);
    case LEN_L:  return va_arg(*ap, unsigned long);
    case LEN_LL: return va_arg(*ap, unsigned long long);
    case LEN_J:  return va_arg(*ap, uintmax_t);
    case LEN_Z:
    case LEN_T:  return va_arg(*ap, size_t);
    default:     return va_arg(*ap, unsigned int);
    }
}

/* ---- strings and characters ---------------------------------------------- */

static void
format_string(struct format_sink *sink, const struct spec *sp, const char *s)
{
    size_t len = 0;

    if (s == NULL)
        s = "(null)";
    while (s[len] && (sp->precision < 0 || len < (size_t)sp->precision))
        len++;
    emit_field(sink, sp, "", 0, s, len, 0);
}

static void
format_pointer(struct format_sink *sink, struct spec *sp, void *p)
{
    if (p == NULL) {            /* glibc's spelling */
        sp->precision = -1;
        format_string(sink, sp, "(nil)");
        return;
    }
    sp->flags |= FLAG_ALT;
    format_integer(sink, sp, (uintptr_t)p, 0);
}

/* ---- floating point ------------------------------------------------------
 *
 * A value is printed from an integer N of decimal digits: N = v * 10^-last
 * rounded to the nearest integer (ties to even, as glibc does), where 10^last
 * is the place value of the last digit wanted.  The product is computed in
 * long double (64-bit mantissa) together with the part rounding lost, so a
 * value is rounded as its exact binary value says, and "%.3f" agrees with
 * glibc digit for digit.  N must fit in 64 bits: past 19 significant digits
 * the remaining digits are printed as zeros (glibc prints the exact binary
 * value there).
 */

#define FLOAT_DIGITS_MAX  420   /* 309 integer digits of DBL_MAX + precision */
#define FLOAT_PRECISION_MAX 100 /* larger precisions are cut to this */

static long double
power_of_ten(int k)            /* 10^k, k >= 0, by repeated squaring */
{
    long double result = 1, factor = 10;

    for (; k > 0; k >>= 1) {
        if (k & 1)
            result *= factor;
        factor *= factor;
    }
    return result;
}

/*
 * Dekker's exact product: a * b == product + *error exactly.  Each factor is
 * split into two 32-bit halves, whose products fit the 64-bit mantissa
 * without rounding.
 */
static void
split_halves(long double a, long double *high, long double *low)
{
    long double c = 4294967297.0L * a;         /* 2^32 + 1 */

    *high = c - (c - a);
    *low = a - *high;
}

static long double
exact_product(long double a, long double b, long double *error)
{
    long double product = a * b, ah, al, bh, bl;

    split_halves(a, &ah, &al);
    split_halves(b, &bh, &bl);
    *error = ((ah * bh - product) + ah * bl + al * bh) + al * bl;
    return product;
}

/* v * 10^k, and (k >= 0) what rounding the product lost. */
static long double
scale_by_ten(long double v, int k, long double *error)
{
    *error = 0;
    if (k < 0)
        return v / power_of_ten(-k);
    return exact_product(v, power_of_ten(k), error);
}

/* The decimal exponent of v > 0: E with 10^E <= v < 10^(E+1), give or
 * take one near a power of ten (the callers correct for that). */
static int
decimal_exponent(long double v)
{
    int e = 0;

    while (v >= 1e16L) {
        v /= 1e16L;
        e += 16;
    }
    while (v >= 10) {
        v /= 10;
        e++;
    }
    while (v < 1e-16L) {
        v *= 1e16L;
        e -= 16;
    }
    while (v < 1) {
        v *= 10;
        e--;
    }
    return e;
}

/* Round x + error (0 <= x < 2^64, error tiny) to an integer, ties to even. */
static uint64_t
round_half_even(long double x, long double error)
{
    uint64_t n = (uint64_t)x;
    long double rest = (x - (long double)n) + error;

    if (rest > 0.5L || (rest == 0.5L && (n & 1)))
        n++;
    return n;
}

/* Write n's decimal digits to out; returns how many. */
static int
put_decimal(uint64_t n, char *out)
{
    char tmp[20];
    int len = 0, i;

    do {
        tmp[len++] = (char)('0' + n % 10);
        n /= 10;
    } while (n != 0);
    for (i = 0; i < len; i++)
        out[i] = tmp[len - 1 - i];
    return len;
}

/*
 * The digits of v >= 0 rounded so that the last one has place value 10^last,
 * without leading zeros ("0" if it rounds to zero).  Returns the count.
 */
static int
float_digits(long double v, int last, char *out)
{
    const long double two64 = 18446744073709551616.0L;
    long double scaled, error;
    int len, e;

    if (v == 0) {
        out[0] = '0';
        return 1;
    }
    scaled = scale_by_ten(v, -last, &error);
    if (scaled < two64)
        return put_decimal(round_half_even(scaled, error), out);

    /* Too many digits for 64 bits: take 19 (or 18) and pad with zeros. */
    e = decimal_exponent(v);
    scaled = scale_by_ten(v, 18 - e, &error);
    if (scaled >= two64) {
        e++;
        scaled = scale_by_ten(v, 18 - e, &error);
    }
    len = put_decimal(round_half_even(scaled, error), out);
    for (int z = (e - 18) - last; z > 0 && len < FLOAT_DIGITS_MAX; z--)
        out[len++] = '0';
    return len;
}

/* %f: returns the length of the text put in body. */
static int
float_fixed(long double v, int precision, int alt, char *body)
{
    char digits[FLOAT_DIGITS_MAX + 2];
    int ndigits = float_digits(v, -precision, digits);
    /* Leading zeros so there is at least one digit before the point. */
    int pad = ndigits <= precision ? precision + 1 - ndigits : 0;
    int total = pad + ndigits, point_at = total - precision;
    int len = 0;

    for (int i = 0; i < total; i++) {
        if (i == point_at)
            body[len++] = '.';
        body[len++] = i < pad ? '0' : digits[i - pad];
    }
    if (precision == 0 && alt)
        body[len++] = '.';
    return len;
}

/* The precision+1 significant digits of v > 0 for %e, and their exponent. */
static int
float_significant(long double v, int precision, char *digits, int *exponent)
{
    int last = decimal_exponent(v) - precision;
    int len = 0;

    /* The exponent guess may be one off, and rounding may carry into a new
     * digit (9.99 -> 10.0): move the rounding point until the count is right. */
    for (int tries = 0; tries < 4; tries++) {
        len = float_digits(v, last, digits);
        if (len > precision + 1)
            last++;
        else if (len < precision + 1)
            last--;
        else
            break;
    }
    *exponent = last + precision;
    return len;
}

/* %e: d.ddde+XX */
static int
float_exponential(long double v, int precision, int alt, int upper, char *body)
{
    char digits[FLOAT_DIGITS_MAX + 2];
    int exponent = 0, len = 0, i, ndigits;

    if (v == 0) {
        ndigits = precision + 1;
        for (i = 0; i < ndigits; i++)
            digits[i] = '0';
    } else {
        ndigits = float_significant(v, precision, digits, &exponent);
    }
    body[len++] = digits[0];
    if (precision > 0 || alt)
        body[len++] = '.';
    for (i = 1; i < ndigits; i++)
        body[len++] = digits[i];
    body[len++] = upper ? 'E' : 'e';
    body[len++] = exponent < 0 ? '-' : '+';
    if (exponent < 0)
        exponent = -exponent;
    if (exponent < 10)
        body[len++] = '0';
    len += put_decimal((uint64_t)exponent, body + len);
    return len;
}

/* %g without '#': drop trailing zeros of the fraction, then a bare point. */
static int
strip_fraction_zeros(char *body, int len)
{
    int point = -1, end = len, i;

    for (i = 0; i < len; i++) {
        if (body[i] == '.')
            point = i;
        if (body[i] == 'e' || body[i] == 'E') {
            end = i;
            break;
        }
    }
    if (point < 0)
        return len;
    i = end;
    while (i > point + 1 && body[i - 1] == '0')
        i--;
    if (i == point + 1)
        i = point;
    for (int j = end; j < len; j++)     /* move the exponent up */
        body[i++] = body[j];
    return i;
}

/* %g: %e if the exponent is < -4 or >= the precision, else %f; then
 * without '#' trailing zeros go. */
static int
float_general(long double v, int precision, int alt, int upper, char *body)
{
    char digits[FLOAT_DIGITS_MAX + 2];
    int exponent = 0, len;

    if (precision == 0)
        precision = 1;
    if (v != 0)
        float_significant(v, precision - 1, digits, &exponent);
    if (exponent < precision && exponent >= -4)
        len = float_fixed(v, precision - 1 - exponent, alt, body);
    else
        len = float_exponential(v, precision - 1, alt, upper, body);
    return alt ? len : strip_fraction_zeros(body, len);
}

static void
format_float(struct format_sink *sink, const struct spec *sp, long double v)
{
    char body[FLOAT_DIGITS_MAX + 16];
    char c = sp->conversion;
    int upper = c == 'F' || c == 'E' || c == 'G';
    int alt = sp->flags & FLAG_ALT;
    int precision = sp->precision < 0 ? 6 : sp->precision;
    const char *prefix = sign_prefix(__builtin_signbit(v), sp->flags);
    int len;

    if (__builtin_isnan(v) || __builtin_isinf(v)) {
        const char *text = __builtin_isnan(v) ? (upper ? "NAN" : "nan")
                                              : (upper ? "INF" : "inf");
        emit_field(sink, sp, prefix, 0, text, 3, 0);
        return;
    }
    if (v < 0)
        v = -v;
    if (precision > FLOAT_PRECISION_MAX)
        precision = FLOAT_PRECISION_MAX;
    if ((c == 'f' || c == 'F') && v >= 1e309L)
        c = 'e';                /* a long double too long for the buffers */

    if (c == 'f' || c == 'F')
        len = float_fixed(v, precision, alt, body);
    else if (c == 'e' || c == 'E')
        len = float_exponential(v, precision, alt, upper, body);
    else
        len = float_general(v, precision, alt, upper, body);
    emit_field(sink, sp, prefix, 0, body, (size_t)len, sp->flags & FLAG_ZERO);
}

/* ---- the driver ---------------------------------------------------------- */

/* Parse flags, width, precision and length after a '%'; `*` takes an int
 * argument.  Returns a pointer to the conversion character. */
static const char *
parse_spec(const char *p, struct spec *sp, va_list *ap)
{
    sp->flags = 0;
    sp->width = 0;
    sp->precision = -1;
    sp->length = LEN_NONE;

    for (;; p++) {
        if (*p == '-')      sp->flags |= FLAG_LEFT;
        else if (*p == '+') sp->flags |= FLAG_PLUS;
        else if (*p == ' ') sp->flags |= FLAG_SPACE;
        else if (*p == '#') sp->flags |= FLAG_ALT;
        else if (*p == '0') sp->flags |= FLAG_ZERO;
        else break;
    }
    if (*p == '*') {
        sp->width = va_arg(*ap, int);
        if (sp->width < 0) {            /* a negative width means '-' */
            sp->flags |= FLAG_LEFT;
            sp->width = -sp->width;
        }
        p++;
    } else {
        while (*p >= '0' && *p <= '9')
            sp->width = sp->width * 10 + (*p++ - '0');
    }
    if (*p == '.') {
        p++;
        sp->precision = 0;
        if (*p == '*') {
            sp->precision = va_arg(*ap, int);
            if (sp->precision < 0)      /* as if none were given */
                sp->precision = -1;
            p++;
        } else {
            while (*p >= '0' && *p <= '9')
                sp->precision = sp->precision * 10 + (*p++ - '0');
        }
    }
    switch (*p) {
    case 'h':
        sp->length = LEN_H;
        if (*++p == 'h') {
            sp->length = LEN_HH;
            p++;
        }
        break;
    case 'l':
        sp->length = LEN_L;
        if (*++p == 'l') {
            sp->length = LEN_LL;
            p++;
        }
        break;
    case 'z': sp->length = LEN_Z; p++; break;
    case 'j': sp->length = LEN_J; p++; break;
    case 't': sp->length = LEN_T; p++; break;
    case 'L': sp->length = LEN_LONG_DOUBLE; p++; break;
    }
    sp->conversion = *p;
    return p;
}

/* %n: store the count so far. */
static void
store_count(struct format_sink *sink, const struct spec *sp, va_list *ap)
{
    switch (sp->length) {
    case LEN_HH: *va_arg(*ap, signed char *) = (signed char)sink->count; break;
    case LEN_H:  *va_arg(*ap, short *) = (short)sink->count; break;
    case LEN_L:  *va_arg(*ap, long *) = (long)sink->count; break;
    case LEN_LL: *va_arg(*ap, long long *) = (long long)sink->count; break;
    default:     *va_arg(*ap, int *) = (int)sink->count; break;
    }
}

/* Do one conversion.  Returns 0, or -1 if the conversion is unknown. */
static int
convert(struct format_sink *sink, struct spec *sp, va_list *ap)
{
    char c;

    switch (sp->conversion) {
    case 'd':
    case 'i': {
        intmax_t v = fetch_signed(ap, sp->length);
        /* The magnitude of INTMAX_MIN does not fit intmax_t: negate as unsigned. */
        format_integer(sink, sp, v < 0 ? -(uintmax_t)v : (uintmax_t)v, v < 0);
        return 0;
    }
    case 'u': case 'o': case 'x': case 'X':
        format_integer(sink, sp, fetch_unsigned(ap, sp->length), 0);
        return 0;
    case 'c':
        c = (char)va_arg(*ap, int);
        emit_field(sink, sp, "", 0, &c, 1, 0);
        return 0;
    case 's':
        format_string(sink, sp, va_arg(*ap, const char *));
        return 0;
    case 'p':
        format_pointer(sink, sp, va_arg(*ap, void *));
        return 0;
    case 'n':
        store_count(sink, sp, ap);
        return 0;
    case '%':
        emit(sink, "%", 1);
        return 0;
    case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
        if (sp->length == LEN_LONG_DOUBLE)
            format_float(sink, sp, va_arg(*ap, long double));
        else
            format_float(sink, sp, va_arg(*ap, double));
        return 0;
    default:
        return -1;
    }
}

int
__format(struct format_sink *sink, const char *fmt, va_list ap)
{
    va_list args;
    struct spec sp;
    const char *p = fmt, *start;

    /* A copy we can pass by address: va_list may be an array type. */
    va_copy(args, ap);
    while (*p) {
        if (*p != '%') {
            start = p;
            while (*p && *p != '%')
                p++;
            emit(sink, start, (size_t)(p - start));
            continue;
        }
        start = p;
        p = parse_spec(p + 1, &sp, &args);
        if (sp.conversion == '\0')
            break;              /* a lone '%' at the end: dropped, as in glibc */
        p++;
        if (convert(sink, &sp, &args) < 0)
            emit(sink, start, (size_t)(p - start));     /* unknown: as written */
    }
    va_end(args);
    return sink->error ? -1 : (int)sink->count;
}

/* ---- formatting into a string ------------------------------------------- */

struct string_sink {
    struct format_sink base;
    char   *buf;
    size_t  room;               /* bytes left in buf, the final NUL included */
};

/* Keep what fits, always leaving space for the NUL; count everything. */
static void
string_write(struct format_sink *sink, const char *s, size_t n)
{
    struct string_sink *ss = (struct string_sink *)sink;
    size_t i;

    for (i = 0; i < n && ss->room > 1; i++, ss->room--)
        *ss->buf++ = s[i];
}

/* C99: writes at most size bytes, NUL included, and returns the length the
 * whole output would have had. */
int
vsnprintf(char *s, size_t size, const char *fmt, va_list ap)
{
    struct string_sink ss = { { string_write, 0, 0 }, s, size };
    int n = __format(&ss.base, fmt, ap);

    if (size > 0)
        *ss.buf = '\0';
    return n;
}

int
snprintf(char *s, size_t size, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(s, size, fmt, ap);
    va_end(ap);
    return n;
}

int
vsprintf(char *s, const char *fmt, va_list ap)
{
    return vsnprintf(s, INT_MAX, fmt, ap);  /* no bound: any int-sized result fits */
}

int
sprintf(char *s, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(s, INT_MAX, fmt, ap);
    va_end(ap);
    return n;
}
