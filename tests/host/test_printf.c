// build: lib/src/format.c
// cflags: -fno-builtin -Ilib/src
/*
 * Host-side test of the printf engine (lib/src/format.c): formats with the
 * library's snprintf and compares with the text glibc produces for the same
 * format.  Run from the top of the tree:
 *
 *   cc -fno-builtin tests/host/test_printf.c lib/src/format.c \
 *      -o /tmp/test_printf && /tmp/test_printf
 *
 * The library's snprintf replaces the host C library's in this program (and
 * -fno-builtin keeps the compiler from working out constant cases itself);
 * the report is printed with the host's printf.  Prints "N passed, N
 * failed" and exits non-zero on a failure.
 */
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#ifndef __clang__
#pragma GCC diagnostic ignored "-Wformat-overflow"
#endif

static int passed, failed;

static void
check(const char *expected, const char *got, int returned, const char *fmt)
{
    if (strcmp(expected, got) == 0 && returned == (int)strlen(expected)) {
        passed++;
        return;
    }
    failed++;
    printf("FAIL format \"%s\": want \"%s\" (%d), got \"%s\" (%d)\n",
           fmt, expected, (int)strlen(expected), got, returned);
}

/* T(expected, format, arguments...): one formatting case. */
#define T(expected, ...) do {                                   \
    char out_[512];                                             \
    int n_ = snprintf(out_, sizeof out_, __VA_ARGS__);          \
    check(expected, out_, n_, #__VA_ARGS__);                    \
} while (0)

static void
test_conversions(void)
{
    /* Expected texts are glibc 2.36's output for the same calls. */
    T("0", "%d", 0);
    T("42", "%d", 42);
    T("-42", "%d", -42);
    T("2147483647", "%i", 2147483647);
    T("-2147483648", "%d", (-2147483647 - 1));
    T("4294967295", "%u", 4294967295u);
    T("ff", "%x", 255);
    T("ABCDEF", "%X", 0xabcdefu);
    T("10", "%o", 8);
    T("010", "%#o", 8);
    T("0", "%#o", 0);
    T("0", "%#x", 0);
    T("0xff", "%#x", 255);
    T("0XFF", "%#X", 255);
    T("   42", "%5d", 42);
    T("42   |", "%-5d|", 42);
    T("00042", "%05d", 42);
    T("-0042", "%05d", -42);
    T("+42", "%+d", 42);
    T("-42", "%+d", -42);
    T(" 42", "% d", 42);
    T("-42", "% d", -42);
    T("007", "%.3d", 7);
    T("", "%.0d", 0);
    T(" -007", "%5.3d", -7);
    T("+7    |", "%-+6d|", 7);
    T("     007", "%08.3d", 7);
    T("    42", "%*d", 6, 42);
    T("42    |", "%-*d|", 6, 42);
    T("42    |", "%*d|", -6, 42);
    T("0042", "%.*d", 4, 42);
    T("-123456789", "%ld", -123456789L);
    T("4000000000", "%lu", 4000000000UL);
    T("-9223372036854775808", "%lld", (-9223372036854775807LL - 1));
    T("18446744073709551615", "%llu", 18446744073709551615ULL);
    T("123456789abcdef", "%llx", 0x123456789abcdefULL);
    T("4000000000", "%zu", (size_t)4000000000u);
    T("-5", "%zd", (long)-5);
    T("44", "%hhd", 300);
    T("4464", "%hd", 70000);
    T("1", "%hhu", 257);
    T("A", "%c", 'A');
    T("  A|", "%3c|", 'A');
    T("A  |", "%-3c|", 'A');
    T("hello", "%s", "hello");
    T("     hello|", "%10s|", "hello");
    T("hello     |", "%-10s|", "hello");
    T("hel", "%.3s", "hello");
    T("   he|", "%5.2s|", "hello");
    T("   ab", "%05s", "ab");
    T("(null)", "%s", (char *)0);
    T("0x1234", "%p", (void *)0x1234);
    T("(nil)", "%p", (void *)0);
    T("     (nil)|", "%10p|", (void *)0);
    T("%", "%%");
    T("100%", "100%%");
    T("a%b", "a%5%b");
    T("0.000000", "%f", 0.0);
    T("1.000000", "%f", 1.0);
    T("-0.000000", "%f", -0.0);
    T("3.141593", "%f", 3.14159265358979);
    T("0.001", "%.3f", 0.0005);
    T("0.002", "%.3f", 0.0015);
    T("2.001", "%.3f", 2.0005);
    T("0.000", "%.3f", 1e-5);
    T("123.457", "%.3f", 123.4567);
    T("12.346", "%.3f", 12.3456);
    T("62.500", "%.3f", 62.5);
    T("1.000", "%.3f", 0.9995);
    T("1000.000", "%.3f", 999.9996);
    T("0", "%.0f", 0.5);
    T("2", "%.0f", 1.5);
    T("2", "%.0f", 2.5);
    T("4", "%.0f", 3.5);
    T("0.2", "%.1f", 0.25);
    T("0.3", "%.1f", 0.35);
    T("-0.0", "%.1f", -0.04);
    T("1.00", "%.2f", 1.005);
    T("2.67", "%.2f", 2.675);
    T("3.", "%#.0f", 3.0);
    T("     3.142|", "%10.3f|", 3.14159);
    T("3.142     |", "%-10.3f|", 3.14159);
    T("-00003.142", "%010.3f", -3.14159);
    T("+2.50", "%+.2f", 2.5);
    T(" 2.50", "% .2f", 2.5);
    T("100000000000000000000.000000", "%f", 1e20);
    T("123456789.123", "%.3f", 123456789.123456);
    T("4503599627370498.000", "%.3f", 4503599627370497.5);
    T("0.3333333333", "%.10f", 1.0 / 3);
    T("0.100000000000000", "%.15f", 0.1);
    T("0.50000000000000000000", "%.20f", 0.5);
    T("0.000000", "%f", 1e-7);
    T("142857142857142.844", "%.3f", 1e15 / 7);
    T("0.000000e+00", "%e", 0.0);
    T("1.000000e+00", "%e", 1.0);
    T("1.234568e+04", "%e", 12345.678);
    T("1.234568E+04", "%E", 12345.678);
    T("1e+00", "%.0e", 1.0);
    T("1.e+00", "%#.0e", 1.0);
    T("1.23e+03", "%.2e", 1234.5);
    T("9.99e+00", "%.2e", 9.995);
    T("1.00e+01", "%.2e", 9.996);
    T("1.000000e-10", "%e", 1e-10);
    T("1.000000e+100", "%e", 1e100);
    T("1.797693e+308", "%e", 1.7976931348623157e308);
    T("4.940656e-324", "%e", 4.9406564584124654e-324);
    T("-2.500000e-05", "%e", -2.5e-5);
    T("-001.500e+00", "%012.3e", -1.5);
    T("1.000e+06", "%.3e", 999999.0);
    T("0", "%g", 0.0);
    T("1", "%g", 1.0);
    T("0.5", "%g", 0.5);
    T("100000", "%g", 100000.0);
    T("1e+06", "%g", 1000000.0);
    T("123456", "%g", 123456.0);
    T("1.23457e+06", "%g", 1234567.0);
    T("0.0001", "%g", 0.0001);
    T("1e-05", "%g", 0.00001);
    T("0.0001234", "%g", 0.0001234);
    T("1e-10", "%g", 1e-10);
    T("1.23457e+08", "%g", 123456789.0);
    T("0.3333333333", "%.10g", 1.0 / 3);
    T("1.23e+06", "%.3g", 1234567.0);
    T("0.000123", "%.3g", 0.0001234);
    T("1.00000", "%#g", 1.0);
    T("1.00", "%#.3g", 1.0);
    T("1E-10", "%G", 1e-10);
    T("1e+02", "%.0g", 123.0);
    T("99999.9", "%g", 99999.95);
    T("1e+06", "%g", 999999.5);
    T("     3.142|", "%10.4g|", 3.14159);
    T("2.5       |", "%-10g|", 2.5);
    T("inf", "%f", 1.0 / 0.0);
    T("-inf", "%f", -1.0 / 0.0);
    T("INF", "%F", 1.0 / 0.0);
    T("       inf|", "%010f|", 1.0 / 0.0);
    T("-inf  |", "%-6f|", -1.0 / 0.0);
    T("inf", "%e", 1.0 / 0.0);
    T("-inf", "%g", -1.0 / 0.0);
    T("nan", "%f", __builtin_nan(""));
    T("2.500000", "%Lf", 2.5L);
    T("1.001", "%.3Lf", 1.0005L);
    T("pipe_rtt_us 3 62.500 us", "%s %d %.3f %s", "pipe_rtt_us", 3, 62.5004, "us");
    T("getpid_ns 528.123 ns", "%s %.3f %s", "getpid_ns", 528.123456, "ns");
    T("pipe_4k_mibs 295.000 MiB/s", "%s %.3f %s", "pipe_4k_mibs", 295.0, "MiB/s");
    T("%y", "%y");
    T("abc", "abc%");
}

/* snprintf keeps size-1 characters and a NUL, and returns the full length. */
static void
test_truncation(void)
{
    char buf[8];
    int n;

    memset(buf, 'x', sizeof buf);
    n = snprintf(buf, 5, "%d", 1234567);
    check("1234", buf, n == 7 ? 4 : -1, "truncated to 5");
    memset(buf, 'x', sizeof buf);
    n = snprintf(buf, 1, "abc");
    check("", buf, n == 3 ? 0 : -1, "size 1");
    n = snprintf(NULL, 0, "%s-%d", "abc", 42);
    check("", "", n == 6 ? 0 : -1, "size 0 counts only");
    memset(buf, 'x', sizeof buf);
    n = snprintf(buf, sizeof buf, "%.3f", 62.5);
    check("62.500", buf, n, "exact fit");
    n = sprintf(buf, "%5s", "ab");
    check("   ab", buf, n, "sprintf");
}

/* %n stores the count so far. */
static void
test_count(void)
{
    char buf[32];
    int where = -1;

    snprintf(buf, sizeof buf, "abc%nde", &where);
    check("3", where == 3 ? "3" : "wrong", 1, "%n");
}

int
main(void)
{
    test_conversions();
    test_truncation();
    test_count();
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
