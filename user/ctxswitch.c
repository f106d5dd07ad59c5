/*
 * ctxswitch -- measure the cost of one context switch.
 *
 *   ctxswitch [N]       (default N = 100000)
 *
 * A parent and a forked child each call sched_yield() N times.  When both
 * are runnable (and nothing else is), every yield hands the CPU to the other
 * process, so the run is about 2N switches between two address spaces.
 * Prints one line:  ctxswitch_us <microseconds per switch> us
 */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void
yield_times(long n)
{
    while (n-- > 0)
        sched_yield();
}

int
main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 100000;
    double start, elapsed;
    int status;
    pid_t pid;

    if (n <= 0) {
        fprintf(stderr, "usage: ctxswitch [iterations>0]\n");
        return 2;
    }
    fflush(stdout);
    start = now_us();
    if ((pid = fork()) < 0) {
        fprintf(stderr, "ctxswitch: fork: %s\n", strerror(errno));
        return 1;
    }
    if (pid == 0) {
        yield_times(n);
        _exit(0);
    }
    yield_times(n);
    if (waitpid(pid, &status, 0) < 0) {
        fprintf(stderr, "ctxswitch: waitpid: %s\n", strerror(errno));
        return 1;
    }
    elapsed = now_us() - start;
    printf("ctxswitch_us %.3f us\n", elapsed / (2.0 * n));
    return 0;
}
