/*
 * Resource limits, usage and priorities: <sys/resource.h> and
 * <sys/times.h>, with Linux's numbers.
 */
#ifndef PARLEY_RESOURCE_H
#define PARLEY_RESOURCE_H

#include <parley/types.h>
#include <parley/time.h>

typedef unsigned long rlim_t;

#define RLIM_INFINITY   (~0UL)
#define RLIM_SAVED_MAX  RLIM_INFINITY
#define RLIM_SAVED_CUR  RLIM_INFINITY

/* Parley enforces NOFILE, NPROC and AS; the others are kept and reported. */
#define RLIMIT_CPU        0
#define RLIMIT_FSIZE      1
#define RLIMIT_DATA       2
#define RLIMIT_STACK      3
#define RLIMIT_CORE       4     /* accepted: Parley writes no core files */
#define RLIMIT_RSS        5
#define RLIMIT_NPROC      6     /* fork: EAGAIN at this many processes of the real user */
#define RLIMIT_NOFILE     7     /* one more than the highest descriptor number */
#define RLIMIT_MEMLOCK    8
#define RLIMIT_AS         9     /* bytes of user address space: sbrk, mmap give ENOMEM */
#define RLIMIT_LOCKS     10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE  12
#define RLIMIT_NICE      13
#define RLIMIT_RTPRIO    14
#define RLIMIT_RTTIME    15
#define RLIM_NLIMITS     16

struct rlimit {
    rlim_t rlim_cur;            /* the soft limit, enforced */
    rlim_t rlim_max;            /* the hard limit: a ceiling for rlim_cur */
};

#define RUSAGE_SELF      0
#define RUSAGE_CHILDREN (-1)    /* children that have been waited for */

struct rusage {
    struct timeval ru_utime;    /* user CPU time */
    struct timeval ru_stime;    /* system CPU time */
    long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt,
         ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv,
         ru_nsignals, ru_nvcsw, ru_nivcsw;
};

#define PRIO_PROCESS 0
#define PRIO_PGRP    1
#define PRIO_USER    2
#define PRIO_MIN   (-20)        /* the most favoured nice value */
#define PRIO_MAX    20          /* one past the least favoured (19) */

/* Clock ticks a second: the kernel's timer rate, sysconf(_SC_CLK_TCK). */
#define PARLEY_CLK_TCK 100

/* times(): CPU time in clock ticks (sysconf(_SC_CLK_TCK) a second). */
struct tms {
    clock_t tms_utime;
    clock_t tms_stime;
    clock_t tms_cutime;         /* of waited-for children */
    clock_t tms_cstime;
};

#endif
