/*
 * Host test of the scanf engine (lib/src/scan.c) against glibc: the
 * library's sscanf is compiled here as parley_sscanf and each case runs
 * the same text and format through both, comparing the return value and
 * every stored value.
 */
#include <stdio.h>
#include <string.h>

#define sscanf parley_sscanf
#define vsscanf parley_vsscanf
#include "../../lib/src/scan.c"
#undef sscanf
#undef vsscanf

#include "check.h"

#pragma GCC diagnostic ignored "-Wformat"

/* Two of everything: one for the library, one for glibc. */
struct values {
    int i[4];
    unsigned u;
    long l;
    long long ll;
    short h;
    signed char hh;
    double d;
    float f;
    char s[4][32];
    char c[4];
    int n;
    void *p;
};

#define BOTH(text, fmt, ...) do {                                           \
    struct values a_, b_, *v_;                                              \
    memset(&a_, 0x55, sizeof a_);                                           \
    memset(&b_, 0x55, sizeof b_);                                           \
    v_ = &a_;                                                               \
    int ra_ = parley_sscanf(text, fmt, __VA_ARGS__);                        \
    v_ = &b_;                                                               \
    int rb_ = sscanf(text, fmt, __VA_ARGS__);                               \
    if (ra_ != rb_)                                                         \
        CHECK_FAIL("sscanf(\"%s\", \"%s\"): library returned %d, glibc %d", \
                   text, fmt, ra_, rb_);                                    \
    if (memcmp(&a_, &b_, sizeof a_) != 0)                                   \
        CHECK_FAIL("sscanf(\"%s\", \"%s\"): stored values differ", text, fmt); \
} while (0)

TEST(integers)
{
    BOTH("42", "%d", &v_->i[0]);
    BOTH("-17 +8", "%d %d", &v_->i[0], &v_->i[1]);
    BOTH("0x1f 017 9", "%i %i %i", &v_->i[0], &v_->i[1], &v_->i[2]);
    BOTH("ff FF 0xff", "%x %X %x", &v_->i[0], &v_->i[1], &v_->i[2]);
    BOTH("777", "%o", &v_->i[0]);
    BOTH("4294967295", "%u", &v_->u);
    BOTH("-5", "%u", &v_->u);
    BOTH("123456789012345", "%lld", &v_->ll);
    BOTH("2147483647", "%ld", &v_->l);
    BOTH("70000 300", "%hd %hhd", &v_->h, &v_->hh);
    BOTH("12345", "%3d%d", &v_->i[0], &v_->i[1]);
    BOTH("0x", "%x", &v_->i[0]);
}

TEST(floating_point)
{
    BOTH("3.5", "%lf", &v_->d);
    BOTH("-1e3 2.5", "%lf %f", &v_->d, &v_->f);
    BOTH("1.5e+2x", "%lg", &v_->d);
    BOTH(".25", "%le", &v_->d);
    BOTH("inf nan", "%lf %f", &v_->d, &v_->f);
    BOTH("123.456", "%4lf", &v_->d);
    BOTH("0x1p4", "%la", &v_->d);
}

TEST(strings_and_characters)
{
    BOTH("hello world", "%s %s", v_->s[0], v_->s[1]);
    BOTH("  abc", "%c", &v_->c[0]);
    BOTH("abcdef", "%3c", v_->c);
    BOTH("abcdef", "%2s%s", v_->s[0], v_->s[1]);
    BOTH("key=value;", "%[^=]=%[^;]", v_->s[0], v_->s[1]);
    BOTH("abc123", "%[a-z]%d", v_->s[0], &v_->i[0]);
    BOTH("]x", "%[]x]", v_->s[0]);
    BOTH("123", "%[a-z]", v_->s[0]);
}

TEST(literals_suppression_and_count)
{
    BOTH("(1,2)", "(%d,%d)", &v_->i[0], &v_->i[1]);
    BOTH("1 , 2", "%d , %d", &v_->i[0], &v_->i[1]);
    BOTH("7 8 9", "%*d %d %n", &v_->i[0], &v_->n);
    BOTH("100%", "%d%%", &v_->i[0]);
    BOTH("12:34:56", "%d:%d:%d", &v_->i[0], &v_->i[1], &v_->i[2]);
    BOTH("1-2", "%d:%d", &v_->i[0], &v_->i[1]);
    BOTH("0x10", "%p", &v_->p);
}

TEST(end_of_input_gives_eof)
{
    BOTH("", "%d", &v_->i[0]);
    BOTH("   ", "%d", &v_->i[0]);
    BOTH("", "x%d", &v_->i[0]);
    BOTH("abc", "%d", &v_->i[0]);
    BOTH("5", "%d %d", &v_->i[0], &v_->i[1]);
    BOTH("", "%s", v_->s[0]);
    BOTH("", "%c", v_->c);
}

int
main(void)
{
    check_begin("scanf");
    RUN(integers);
    RUN(floating_point);
    RUN(strings_and_characters);
    RUN(literals_suppression_and_count);
    RUN(end_of_input_gives_eof);
    return check_end();
}
