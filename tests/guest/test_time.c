/*
 * test_time -- clocks and sleeping.
 *
 * Only lower bounds are asserted: under emulation a sleep may last much
 * longer than asked, but never shorter.
 */
#include <errno.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define NSEC_PER_SEC 1000000000L

static long long
nanoseconds(const struct timespec *t)
{
    return (long long)t->tv_sec * NSEC_PER_SEC + t->tv_nsec;
}

static long long
monotonic_now(void)
{
    struct timespec t;

    CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &t));
    return nanoseconds(&t);
}

static void
case_monotonic_clock_never_goes_backwards(void)
{
    struct timespec t;
    long long prev = 0, now;
    int i;

    for (i = 0; i < 20000; i++) {
        CHECK_OK(clock_gettime(CLOCK_MONOTONIC, &t));
        CHECK(t.tv_nsec >= 0 && t.tv_nsec < NSEC_PER_SEC);
        CHECK(t.tv_sec >= 0);
        now = nanoseconds(&t);
        CHECK(now >= prev);
        prev = now;
    }
}

static void
case_monotonic_clock_advances(void)
{
    long long start = monotonic_now();

    check_sleep_ms(20);
    CHECK(monotonic_now() > start);
}

/* POSIX: nanosleep suspends for at least the requested time. */
static void
case_nanosleep_50ms_lasts_at_least_50ms(void)
{
    struct timespec req = { 0, 50 * 1000 * 1000 };
    long long start = monotonic_now(), elapsed;

    CHECK_EQ(nanosleep(&req, NULL), 0);
    elapsed = monotonic_now() - start;
    if (elapsed < 50 * 1000 * 1000LL)
        check_fail(__FILE__, __LINE__, "slept only %ld us",
                   (long)(elapsed / 1000));
}

static void
case_nanosleep_over_a_second_lasts_long_enough(void)
{
    struct timespec req = { 1, 10 * 1000 * 1000 };
    long long start = monotonic_now();

    CHECK_EQ(nanosleep(&req, NULL), 0);
    CHECK(monotonic_now() - start >= NSEC_PER_SEC + 10 * 1000 * 1000LL);
}

static void
case_nanosleep_zero_returns_zero(void)
{
    struct timespec req = { 0, 0 };

    CHECK_EQ(nanosleep(&req, NULL), 0);
}

/* POSIX: EINVAL if tv_nsec is not in [0, 1e9) or tv_sec is negative. */
static void
case_nanosleep_with_bad_time_is_einval(void)
{
    struct timespec big = { 0, NSEC_PER_SEC }, negative = { 0, -1 };
    struct timespec before = { -1, 0 };

    CHECK_ERR(nanosleep(&big, NULL), EINVAL);
    CHECK_ERR(nanosleep(&negative, NULL), EINVAL);
    CHECK_ERR(nanosleep(&before, NULL), EINVAL);
}

static void
case_clock_gettime_with_unknown_clock_is_einval(void)
{
    struct timespec t;

    CHECK_ERR(clock_gettime(12345, &t), EINVAL);
}

static void
case_realtime_clock_is_readable(void)
{
    struct timespec t;

    CHECK_OK(clock_gettime(CLOCK_REALTIME, &t));
    CHECK(t.tv_nsec >= 0 && t.tv_nsec < NSEC_PER_SEC);
}

/* A sleeping process lets others run: two children sleeping 300 ms each at
 * the same time both finish, and each slept its full time. */
static void
case_sleepers_sleep_concurrently(void)
{
    int status, i;
    pid_t pid[2];

    for (i = 0; i < 2; i++) {
        pid[i] = fork();
        if (pid[i] == 0) {
            long long start = monotonic_now();

            check_sleep_ms(300);
            _exit(monotonic_now() - start >= 300 * 1000 * 1000LL ? 0 : 1);
        }
    }
    for (i = 0; i < 2; i++) {
        CHECK_EQ(waitpid(pid[i], &status, 0), pid[i]);
        CHECK_EQ(status, 0);
    }
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(monotonic_clock_never_goes_backwards),
        CHECK_CASE(monotonic_clock_advances),
        CHECK_CASE(nanosleep_50ms_lasts_at_least_50ms),
        CHECK_CASE(nanosleep_over_a_second_lasts_long_enough),
        CHECK_CASE(nanosleep_zero_returns_zero),
        CHECK_CASE(nanosleep_with_bad_time_is_einval),
        CHECK_CASE(clock_gettime_with_unknown_clock_is_einval),
        CHECK_CASE(realtime_clock_is_readable),
        CHECK_CASE(sleepers_sleep_concurrently),
    };

    return check_main("time", cases, CHECK_NCASES(cases), argc, argv);
}
