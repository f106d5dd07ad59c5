/* Clocks and sleeping: clock_gettime, time, gettimeofday, nanosleep,
 * sleep, usleep. */
#include <errno.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <parley/resource.h>         /* PARLEY_CLK_TCK */
#include "internal.h"

int
clock_gettime(clockid_t clock, struct timespec *ts)
{
    return SYSCALL2(clock_gettime, clock, ts);
}

/* The clocks' resolutions: the TSC gives the two wall clocks a nanosecond;
 * CPU time is counted in timer ticks.  EINVAL for another clock. */
int
clock_getres(clockid_t clock, struct timespec *res)
{
    struct timespec r = { 0, 1 };

    switch (clock) {
    case CLOCK_REALTIME:
    case CLOCK_MONOTONIC:
        break;
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID:
        r.tv_nsec = 1000000000L / PARLEY_CLK_TCK;
        break;
    default:
        errno = EINVAL;
        return -1;
    }
    if (res != NULL)
        *res = r;
    return 0;
}

time_t
time(time_t *t)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
        return (time_t)-1;
    if (t != NULL)
        *t = ts.tv_sec;
    return ts.tv_sec;
}

int
gettimeofday(struct timeval *tv, void *tz)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
        return -1;
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
    return 0;
}

int
nanosleep(const struct timespec *req, struct timespec *rem)
{
    return SYSCALL2(nanosleep, req, rem);
}

/* Returns 0, or the whole seconds left if a signal handler woke us. */
unsigned int
sleep(unsigned int seconds)
{
    struct timespec req = { (time_t)seconds, 0 }, rem = { 0, 0 };

    if (nanosleep(&req, &rem) == 0)
        return 0;
    return (unsigned int)rem.tv_sec + (rem.tv_nsec > 0);
}

int
usleep(useconds_t usec)
{
    struct timespec req;

    req.tv_sec = (time_t)(usec / 1000000);
    req.tv_nsec = (long)(usec % 1000000) * 1000;
    return nanosleep(&req, NULL);
}
