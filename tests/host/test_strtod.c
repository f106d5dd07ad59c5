// build: -lm
/*
 * Host test of lib/src/strtod.c against glibc: the library's strtod,
 * strtof and atof are compiled here under other names (parley_*) and every
 * case compares their result, end pointer and errno with glibc's for the
 * same text.  Decimal conversions may differ from glibc's correctly
 * rounded ones by at most one unit in the last place (see strtod.c).
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define strtod parley_strtod
#define strtof parley_strtof
#define strtold parley_strtold
#define atof parley_atof
#include "../../lib/src/strtod.c"
#undef strtod
#undef strtof
#undef strtold
#undef atof

#include "check.h"

static int
within_one_ulp(double a, double b)
{
    if (isnan(a) || isnan(b))
        return isnan(a) && isnan(b);
    if (a == b)
        return 1;
    return nextafter(a, b) == b;
}

/* Compares one text; exact: must equal glibc bit for bit. */
static int
same_as_glibc(const char *text, int exact)
{
    char *end_lib, *end_glibc;
    errno = 0;
    double lib = parley_strtod(text, &end_lib);
    int errno_lib = errno;
    errno = 0;
    double want = strtod(text, &end_glibc);
    int errno_glibc = errno;
    if (end_lib != end_glibc || errno_lib != errno_glibc ||
        (exact ? !(lib == want || (isnan(lib) && isnan(want))) ||
                     signbit(lib) != signbit(want)
               : !within_one_ulp(lib, want))) {
        printf("  strtod(\"%s\"): library %.17g (end +%d, errno %d), glibc %.17g (end +%d, errno %d)\n",
               text, lib, (int)(end_lib - text), errno_lib, want,
               (int)(end_glibc - text), errno_glibc);
        return 0;
    }
    return 1;
}

TEST(simple_decimals_match_glibc_exactly)
{
    static const char *const texts[] = {
        "0", "1", "-1", "+1", "1.5", "0.5", "-0", "-0.0", "3.14159", "100",
        "  42", "\t\n7", "1e10", "1E10", "1e-3", "2.5e+2", ".5", "5.", "0.1",
        "123456789", "0.000001", "1e22", "1e23", "9007199254740993",
        "12345678901234567890123", "0.3", "2.2250738585072014e-308",
        "1.7976931348623157e308",
    };
    for (unsigned i = 0; i < sizeof texts / sizeof texts[0]; i++)
        CHECK(same_as_glibc(texts[i], 1));
}

TEST(long_mantissas_within_one_ulp)
{
    static const char *const texts[] = {
        "3.141592653589793238462643383279", "2.718281828459045235360287",
        "0.1000000000000000055511151231257827", "123.456e-67", "6.02214076e23",
        "1.602176634e-19", "4.9406564584124654e-324",
    };
    for (unsigned i = 0; i < sizeof texts / sizeof texts[0]; i++)
        CHECK(same_as_glibc(texts[i], 0));
}

TEST(end_pointer_stops_at_the_first_non_number)
{
    static const char *const texts[] = {
        "12abc", "1e", "1e+", "1.2.3", "abc", "", "-", "+.", ".", "0x", "1e5x",
        "  -3.5 rest",
    };
    for (unsigned i = 0; i < sizeof texts / sizeof texts[0]; i++)
        CHECK(same_as_glibc(texts[i], 1));
}

TEST(hexadecimal_floats)
{
    static const char *const texts[] = {
        "0x1p3", "0x1.8p1", "0X10", "0xAp-2", "-0x1.fffffffffffffp1023", "0x.8",
    };
    for (unsigned i = 0; i < sizeof texts / sizeof texts[0]; i++)
        CHECK(same_as_glibc(texts[i], 1));
}

TEST(infinity_and_nan)
{
    static const char *const texts[] = {
        "inf", "-inf", "INF", "infinity", "Infinity", "infin", "nan", "-nan",
        "NaN", "nan(123)", "nan(", "nanx",
    };
    for (unsigned i = 0; i < sizeof texts / sizeof texts[0]; i++)
        CHECK(same_as_glibc(texts[i], 1));
}

TEST(out_of_range_sets_erange)
{
    CHECK(same_as_glibc("1e400", 1));
    CHECK(same_as_glibc("-1e400", 1));
    CHECK(same_as_glibc("1e-400", 1));
    CHECK(same_as_glibc("1e-320", 0));
    CHECK(same_as_glibc("1e99999999999", 1));
}

TEST(strtof_and_atof)
{
    const char *texts[] = { "1.5", "0.1", "3.4028235e38", "1e39", "1e-50", "16777217" };
    for (unsigned i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char *e1, *e2;
        errno = 0;
        float lib = parley_strtof(texts[i], &e1);
        int errno_lib = errno;
        errno = 0;
        float want = strtof(texts[i], &e2);
        CHECK(lib == want);
        CHECK(e1 == e2);
        CHECK_EQ(errno_lib, errno);
    }
    CHECK(parley_atof("2.5xyz") == atof("2.5xyz"));
    CHECK(parley_atof("junk") == 0);
}

int
main(void)
{
    check_begin("strtod");
    RUN(simple_decimals_match_glibc_exactly);
    RUN(long_mantissas_within_one_ulp);
    RUN(end_pointer_stops_at_the_first_non_number);
    RUN(hexadecimal_floats);
    RUN(infinity_and_nan);
    RUN(out_of_range_sets_erange);
    RUN(strtof_and_atof);
    return check_end();
}
