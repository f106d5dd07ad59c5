/*
 * nullsyscall -- measure the cost of the cheapest system call.
 *
 *   nullsyscall [N]     (default N = 100000)
 *
 * Calls getppid() N times (the library does not cache it, so every call
 * enters the kernel) and prints:  getppid_ns <nanoseconds per call> ns
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double
now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int
main(int argc, char **argv)
{
    long i, n = argc > 1 ? atol(argv[1]) : 100000;
    double start;

    if (n <= 0) {
        fprintf(stderr, "usage: nullsyscall [iterations>0]\n");
        return 2;
    }
    start = now_ns();
    for (i = 0; i < n; i++)
        getppid();
    printf("getppid_ns %.3f ns\n", (now_ns() - start) / n);
    return 0;
}
