/* <math.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <math.h>

static volatile int never;

int
main(void)
{
    volatile double x = 0.5, r = 0; volatile float f = 0.5f; int e;
    if (never) {
        r += sqrt(x) + cbrt(x) + hypot(x, x) + pow(x, x) + exp(x) + exp2(x) + expm1(x) + log(x) + log2(x);
        r += log10(x) + log1p(x) + sin(x) + cos(x) + tan(x) + asin(x) + acos(x) + atan(x) + atan2(x, x);
        r += sinh(x) + cosh(x) + tanh(x) + fabs(x) + floor(x) + ceil(x) + trunc(x) + round(x) + rint(x);
        r += nearbyint(x) + lround(x) + lrint(x) + fmod(x, x) + remainder(x, x) + modf(x, (double *)&r);
        r += frexp(x, &e) + ldexp(x, 2) + scalbn(x, 2) + copysign(x, -x) + fmin(x, x) + fmax(x, x);
        r += fdim(x, x) + fma(x, x, x) + M_PI + M_E + HUGE_VAL + isnan(x) + isinf(x);
        f += sqrtf(f) + powf(f, f) + expf(f) + logf(f) + sinf(f) + cosf(f) + tanf(f) + atan2f(f, f);
        f += fabsf(f) + floorf(f) + ceilf(f) + roundf(f) + fmodf(f, f) + (float)sqrtl(x) + (float)fabsl(x);
    }
    return (int)(r + f) * 0;
}
