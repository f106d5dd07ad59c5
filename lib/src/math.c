/*
 * <math.h> on the x87 FPU.  The FPU computes in 80-bit long double and has
 * instructions for the hard parts: fsqrt, fsin, fcos, fptan, fpatan
 * (arctangent of y/x), fyl2x (y * log2 x), f2xm1 (2^x - 1 for |x| <= 1),
 * fscale (x * 2^n), frndint and fprem.  Each function is a short
 * composition of those; computing in long double and rounding once to
 * double keeps the results within an ulp or so of glibc's.
 *
 * fsin/fcos/fptan reduce their argument with a pi of only 66 bits, which
 * is not enough for large arguments, so the library reduces it first:
 * x - k * pi/2 with pi/2 in three pieces whose products with k are exact
 * (Cody and Waite's method), good while k fits 32 bits (|x| < 6e9).
 */
#include <math.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

typedef long double ld;

#define LN2_L    0.693147180559945309417232121458176568L
#define LOG2E_L  1.44269504088896340735992468100189214L
#define LOG10_2_L 0.301029995663981195213738894724493027L

static ld x87_sqrt(ld x) { __asm__("fsqrt" : "+t"(x)); return x; }
static ld x87_sin(ld x)  { __asm__("fsin" : "+t"(x)); return x; }
static ld x87_cos(ld x)  { __asm__("fcos" : "+t"(x)); return x; }
static ld x87_rndint(ld x) { __asm__("frndint" : "+t"(x)); return x; }

static ld
x87_tan(ld x)
{
    ld one;
    __asm__("fptan" : "=t"(one), "=u"(x) : "0"(x));
    return x;
}

/* atan(y / x) in the right quadrant */
static ld
x87_atan2(ld y, ld x)
{
    ld r;
    __asm__("fpatan" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
    return r;
}

/* y * log2(x); with plus_one, y * log2(x + 1), accurate for small x
 * (|x| < 1 - sqrt(2)/2) */
static ld
x87_ylog2(ld y, ld x, int plus_one)
{
    ld r;
    if (plus_one)
        __asm__("fyl2xp1" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
    else
        __asm__("fyl2x" : "=t"(r) : "0"(x), "u"(y) : "st(1)");
    return r;
}
#define x87_yl2x(y, x)   x87_ylog2(y, x, 0)
#define x87_yl2xp1(y, x) x87_ylog2(y, x, 1)

/* x * 2^n for an integral n */
static ld
x87_scale(ld x, ld n)
{
    __asm__("fscale" : "+t"(x) : "u"(n));
    return x;
}

/* 2^x for any x: 2^int * 2^frac, with f2xm1 for the fraction. */
static ld
exp2_ld(ld x)
{
    if (__builtin_isnan(x))
        return x;
    if (__builtin_isinf(x))
        return x > 0 ? x : 0;
    if (x > 16384)
        return __builtin_infl();
    if (x < -16500)
        return 0;
    ld n = x87_rndint(x), f = x - n;
    __asm__("f2xm1" : "+t"(f));
    return x87_scale(f + 1, n);
}

/* Rounds with the FPU's rounding control set to mode (0x400 down,
 * 0x800 up, 0xc00 toward zero). */
static ld
round_with(ld x, unsigned short mode)
{
    unsigned short old, new_cw;
    __asm__ volatile("fnstcw %0" : "=m"(old));
    new_cw = (old & ~0xc00) | mode;
    __asm__ volatile("fldcw %0" : : "m"(new_cw));
    x = x87_rndint(x);
    __asm__ volatile("fldcw %0" : : "m"(old));
    return x;
}

/* x - n*y, n rounded toward zero (fprem: fmod) or to nearest (fprem1:
 * remainder).  The instruction reduces by at most 2^63 per go, so it is
 * repeated while C2 ("incomplete") is set. */
static ld
remainder_ld(ld x, ld y, int nearest)
{
    unsigned short status;
    do {
        if (nearest)
            __asm__("fprem1; fnstsw %1" : "+t"(x), "=a"(status) : "u"(y));
        else
            __asm__("fprem; fnstsw %1" : "+t"(x), "=a"(status) : "u"(y));
    } while (status & 0x400);
    return x;
}

static ld
log_ld(ld x)
{
    if (x < 0 || __builtin_isnan(x)) {
        if (x < 0)
            errno = EDOM;
        return __builtin_nanl("");
    }
    if (x == 0) {
        errno = ERANGE;
        return -__builtin_infl();
    }
    return x87_yl2x(LN2_L, x);
}



static ld
expm1_ld(ld x)
{
    if (__builtin_fabsl(x) < 0.25L) {       /* 2^(x log2 e) - 1 without cancellation */
        ld t = x * LOG2E_L;
        __asm__("f2xm1" : "+t"(t));
        return t;
    }
    return exp2_ld(x * LOG2E_L) - 1;
}

static double
check_overflow(ld r)
{
    double d = r;
    if (__builtin_isinf(d) && !__builtin_isinf(r))
        errno = ERANGE;
    return d;
}

double sqrt(double x)
{
    if (x < 0) {
        errno = EDOM;
        return __builtin_nan("");
    }
    return x87_sqrt(x);
}

double cbrt(double x)
{
    if (x == 0 || __builtin_isinf(x) || __builtin_isnan(x))
        return x;
    ld a = __builtin_fabsl(x), r = exp2_ld(x87_yl2x(1.0L / 3, a));
    r = r - (r * r * r - a) / (3 * r * r);  /* one Newton step */
    return x < 0 ? -r : r;
}

double hypot(double x, double y)
{
    if (__builtin_isinf(x) || __builtin_isinf(y))
        return __builtin_inf();
    return check_overflow(x87_sqrt((ld)x * x + (ld)y * y));
}

double exp(double x)   { return check_overflow(exp2_ld(x * LOG2E_L)); }
double exp2(double x)  { return check_overflow(exp2_ld(x)); }
double expm1(double x) { return check_overflow(expm1_ld(x)); }
double log(double x)   { return log_ld(x); }
double log2(double x)  { return log_ld(x) * LOG2E_L; }
double log10(double x) { return x > 0 ? x87_yl2x(LOG10_2_L, x) : log_ld(x); }

double log1p(double x)
{
    if (x == -1) {
        errno = ERANGE;
        return -__builtin_inf();
    }
    if (x < -1) {
        errno = EDOM;
        return __builtin_nan("");
    }
    if (__builtin_fabs(x) < 0.29)
        return x87_yl2xp1(LN2_L, x);
    return log_ld(1 + (ld)x);
}

/* x raised to an integer n, by squaring (exact where it can be) */
static ld
pow_int(ld x, long long n)
{
    ld r = 1;
    int negative = n < 0;
    unsigned long long m = negative ? -(unsigned long long)n : (unsigned long long)n;
    for (; m; m >>= 1, x *= x)
        if (m & 1)
            r *= x;
    return negative ? 1 / r : r;
}

static int
is_integer(double y)
{
    return y == round_with(y, 0xc00);
}

static int
is_odd_integer(double y)
{
    return is_integer(y) && __builtin_fabs(y) < 9007199254740992.0 &&
           ((long long)y & 1);
}

/* The C99 special cases of pow, in their order (Annex F.9.4.4). */
double pow(double x, double y)
{
    if (y == 0 || x == 1)
        return 1;
    if (__builtin_isnan(x) || __builtin_isnan(y))
        return x + y;
    if (x == 0) {
        if (y < 0) {
            errno = ERANGE;
            return is_odd_integer(y) ? __builtin_copysign(__builtin_inf(), x) : __builtin_inf();
        }
        return is_odd_integer(y) ? x : 0;
    }
    if (__builtin_isinf(y)) {
        ld a = __builtin_fabs(x);
        if (a == 1)
            return 1;
        return (a < 1) == (y < 0) ? __builtin_inf() : 0;
    }
    if (__builtin_isinf(x)) {
        int odd = is_odd_integer(y);
        ld r = y < 0 ? 0 : __builtin_inf();
        return x < 0 && odd ? -r : r;
    }
    if (x < 0 && !is_integer(y)) {
        errno = EDOM;
        return __builtin_nan("");
    }
    if (is_integer(y) && __builtin_fabs(y) <= 64)
        return check_overflow(pow_int(x, (long long)y));
    ld r = exp2_ld(x87_yl2x(y, __builtin_fabsl(x)));
    return check_overflow(x < 0 && is_odd_integer(y) ? -r : r);
}

#define PIO2_1 0x6487ed51p-30L           /* pi/2 = PIO2_1 + PIO2_2 + PIO2_3 */
#define PIO2_2 0x85a308d3p-65L
#define PIO2_3 0x98cc51701b839a25p-132L

/* x = k * pi/2 + r with |r| <= pi/4; returns r, and k in *quadrant. */
static ld
reduce(ld x, int *quadrant)
{
    *quadrant = 0;
    if (__builtin_fabsl(x) <= 0.785398163397448309616L || __builtin_fabsl(x) > 6e9L)
        return x;
    ld k = x87_rndint(x * 0.636619772367581343076L);
    *quadrant = (int)((long long)k & 3);
    return ((x - k * PIO2_1) - k * PIO2_2) - k * PIO2_3;
}

double sin(double x)
{
    int q;
    ld r = reduce(x, &q);
    ld v = q & 1 ? x87_cos(r) : x87_sin(r);
    return q & 2 ? -v : v;
}

double cos(double x)
{
    int q;
    ld r = reduce(x, &q);
    ld v = q & 1 ? x87_sin(r) : x87_cos(r);
    return (q == 1 || q == 2) ? -v : v;
}

double tan(double x)
{
    int q;
    ld r = reduce(x, &q), t = x87_tan(r);
    return q & 1 ? -1 / t : t;
}
double atan(double x) { return x87_atan2(x, 1); }
double atan2(double y, double x) { return x87_atan2(y, x); }

double asin(double x)
{
    if (__builtin_fabs(x) > 1) {
        errno = EDOM;
        return __builtin_nan("");
    }
    return x87_atan2(x, x87_sqrt((1 - (ld)x) * (1 + (ld)x)));
}

double acos(double x)
{
    if (__builtin_fabs(x) > 1) {
        errno = EDOM;
        return __builtin_nan("");
    }
    return x87_atan2(x87_sqrt((1 - (ld)x) * (1 + (ld)x)), x);
}

double sinh(double x)
{
    if (x == 0)
        return x;                       /* keeps the sign of zero */
    ld e = expm1_ld(__builtin_fabsl(x));
    ld r = __builtin_isinf(e) ? e : (e + e / (e + 1)) / 2;
    return check_overflow(x < 0 ? -r : r);
}

double cosh(double x)
{
    ld e = exp2_ld(__builtin_fabsl(x) * LOG2E_L);
    return check_overflow((e + 1 / e) / 2);
}

double tanh(double x)
{
    if (__builtin_fabs(x) > 22)
        return x < 0 ? -1 : 1;
    ld e = expm1_ld(2 * (ld)x);
    return e / (e + 2);
}

double fabs(double x)  { return __builtin_fabs(x); }
double floor(double x) { return round_with(x, 0x400); }
double ceil(double x)  { return round_with(x, 0x800); }
double trunc(double x) { return round_with(x, 0xc00); }
double rint(double x)  { return x87_rndint(x); }
double nearbyint(double x) { return x87_rndint(x); }
long   lrint(double x) { return (long)x87_rndint(x); }

/* Halfway cases away from zero; the sum is exact in long double. */
double round(double x)
{
    if (__builtin_isinf(x) || __builtin_isnan(x))
        return x;
    ld t = round_with(x, 0xc00);
    if (__builtin_fabsl(x - t) >= 0.5L)
        t += x < 0 ? -1 : 1;
    return __builtin_copysign((double)t, x);
}

long lround(double x) { return (long)round(x); }

double fmod(double x, double y)
{
    if (y == 0 || __builtin_isinf(x)) {
        errno = EDOM;
        return __builtin_nan("");
    }
    if (__builtin_isinf(y))
        return x;
    return remainder_ld(x, y, 0);
}

double remainder(double x, double y)
{
    if (y == 0 || __builtin_isinf(x)) {
        errno = EDOM;
        return __builtin_nan("");
    }
    return __builtin_isinf(y) ? x : (double)remainder_ld(x, y, 1);
}

double modf(double x, double *integer)
{
    double i = round_with(x, 0xc00);
    *integer = i;
    if (__builtin_isinf(x))
        return __builtin_copysign(0.0, x);
    return __builtin_copysign(x - i, x);
}

double frexp(double x, int *exp)
{
    uint64_t bits;
    int e;

    *exp = 0;
    if (x == 0 || __builtin_isinf(x) || __builtin_isnan(x))
        return x;
    memcpy(&bits, &x, sizeof bits);
    e = (bits >> 52) & 0x7ff;
    if (e == 0) {                       /* subnormal: normalise first */
        x *= 18446744073709551616.0;    /* 2^64 */
        memcpy(&bits, &x, sizeof bits);
        e = ((bits >> 52) & 0x7ff) - 64;
    }
    *exp = e - 1022;
    bits = (bits & ~(0x7ffull << 52)) | (1022ull << 52);
    memcpy(&x, &bits, sizeof x);
    return x;
}

double scalbn(double x, int exp)
{
    if (x == 0 || __builtin_isinf(x) || __builtin_isnan(x))
        return x;
    return check_overflow(x87_scale(x, exp));
}

double ldexp(double x, int exp) { return scalbn(x, exp); }
double copysign(double x, double y) { return __builtin_copysign(x, y); }

double fmin(double x, double y)
{
    if (__builtin_isnan(x))
        return y;
    return __builtin_isnan(y) || x < y ? x : y;
}

double fmax(double x, double y)
{
    if (__builtin_isnan(x))
        return y;
    return __builtin_isnan(y) || x > y ? x : y;
}

double fdim(double x, double y) { return x > y ? x - y : 0; }

/* Not fused: x*y is rounded to 64 bits first (an x87 has no fma). */
double fma(double x, double y, double z) { return (ld)x * y + z; }

float sqrtf(float x)           { return sqrt(x); }
float powf(float x, float y)   { return pow(x, y); }
float expf(float x)            { return exp(x); }
float logf(float x)            { return log(x); }
float sinf(float x)            { return sin(x); }
float cosf(float x)            { return cos(x); }
float tanf(float x)            { return tan(x); }
float atan2f(float y, float x) { return atan2(y, x); }
float fabsf(float x)           { return __builtin_fabsf(x); }
float floorf(float x)          { return floor(x); }
float ceilf(float x)           { return ceil(x); }
float roundf(float x)          { return round(x); }
float fmodf(float x, float y)  { return fmod(x, y); }
long double sqrtl(long double x) { return x < 0 ? __builtin_nanl("") : x87_sqrt(x); }
long double fabsl(long double x) { return __builtin_fabsl(x); }
