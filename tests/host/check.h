/*
 * check.h -- the framework of the host unit tests (tests/host/test_*.c).
 *
 * tests/run.py compiles each test_NAME.c with the host compiler and runs it.
 * A test prints one line per case,
 *
 *     ok <suite>.<case>
 *     FAIL <suite>.<case>: <file>:<line>: <what went wrong>
 *
 * then "<suite>: N passed, N failed", and exits non-zero if a case failed.
 *
 *     #include "check.h"
 *
 *     TEST(adds_small_numbers)
 *     {
 *         CHECK_EQ(1 + 1, 2);
 *     }
 *
 *     int
 *     main(void)
 *     {
 *         check_begin("math");
 *         RUN(adds_small_numbers);
 *         return check_end();
 *     }
 *
 * A failed check ends its case (it returns from the TEST function); the next
 * case still runs.  Checks: CHECK(cond), CHECK_EQ(a, b) (as long long,
 * prints both), CHECK_STR_EQ(a, b), CHECK_MEM_EQ(a, b, n).
 *
 * Extra sources a test needs (code under test from lib/ or tools/) are named
 * in the test file itself, and extra compiler flags likewise:
 *
 *     // build: lib/src/format.c
 *     // cflags: -DSOMETHING
 *
 * This header uses the host's stdio (fprintf), never the code under test.
 */
#ifndef HOST_CHECK_H
#define HOST_CHECK_H

#include <stdio.h>
#include <string.h>

static const char *check_suite_name = "?";
static const char *check_case_name = "?";
static int check_case_failed;
static int check_passed, check_failed;

#define TEST(name) static void test_##name(void)

#define RUN(name) check_run(#name, test_##name)

#define CHECK_FAIL(...) do {                                                \
    fprintf(stdout, "FAIL %s.%s: %s:%d: ", check_suite_name,                \
            check_case_name, __FILE__, __LINE__);                           \
    fprintf(stdout, __VA_ARGS__);                                           \
    fprintf(stdout, "\n");                                                  \
    check_case_failed = 1;                                                  \
    return;                                                                 \
} while (0)

#define CHECK(cond) do {                                                    \
    if (!(cond))                                                            \
        CHECK_FAIL("CHECK(%s) failed", #cond);                              \
} while (0)

#define CHECK_EQ(a, b) do {                                                 \
    long long check_a_ = (long long)(a), check_b_ = (long long)(b);         \
    if (check_a_ != check_b_)                                               \
        CHECK_FAIL("%s == %s: %lld != %lld", #a, #b, check_a_, check_b_);   \
} while (0)

#define CHECK_STR_EQ(a, b) do {                                             \
    const char *check_a_ = (a), *check_b_ = (b);                            \
    if (strcmp(check_a_, check_b_) != 0)                                    \
        CHECK_FAIL("%s == %s: \"%s\" != \"%s\"", #a, #b, check_a_, check_b_); \
} while (0)

#define CHECK_MEM_EQ(a, b, n) do {                                          \
    if (memcmp((a), (b), (n)) != 0)                                         \
        CHECK_FAIL("%s and %s differ in their first %s bytes", #a, #b, #n); \
} while (0)

static __attribute__((unused)) void
check_begin(const char *suite)
{
    check_suite_name = suite;
}

static __attribute__((unused)) void
check_run(const char *name, void (*test)(void))
{
    check_case_name = name;
    check_case_failed = 0;
    test();
    if (check_case_failed) {
        check_failed++;
    } else {
        check_passed++;
        printf("ok %s.%s\n", check_suite_name, name);
    }
    fflush(stdout);
}

static __attribute__((unused)) int
check_end(void)
{
    printf("%s: %d passed, %d failed\n", check_suite_name, check_passed,
           check_failed);
    return check_failed ? 1 : 0;
}

#endif
