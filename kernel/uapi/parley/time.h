#ifndef PARLEY_TIME_H
#define PARLEY_TIME_H

#include <parley/types.h>

struct timespec {
    time_t tv_sec;
    long   tv_nsec;
};

struct timeval {
    time_t      tv_sec;
    suseconds_t tv_usec;
};

#define CLOCK_REALTIME   0
#define CLOCK_MONOTONIC  1
#define CLOCK_PROCESS_CPUTIME_ID 2  /* CPU time of the process, in timer ticks */
#define CLOCK_THREAD_CPUTIME_ID  3  /* one thread a process: the same */

#endif
