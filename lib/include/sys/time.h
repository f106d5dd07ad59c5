/* struct timeval and gettimeofday(), for older programs. */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <time.h>

/* struct timeval is in <parley/time.h>. */
int gettimeofday(struct timeval *tv, void *tz);   /* tz is ignored */

#define timerclear(t)   ((t)->tv_sec = (t)->tv_usec = 0)
#define timerisset(t)   ((t)->tv_sec || (t)->tv_usec)
#define timercmp(a, b, CMP)                                     \
    ((a)->tv_sec == (b)->tv_sec ? (a)->tv_usec CMP (b)->tv_usec \
                                : (a)->tv_sec CMP (b)->tv_sec)
#define timeradd(a, b, r) do {                                  \
    (r)->tv_sec = (a)->tv_sec + (b)->tv_sec;                    \
    (r)->tv_usec = (a)->tv_usec + (b)->tv_usec;                 \
    if ((r)->tv_usec >= 1000000) {                              \
        (r)->tv_sec++;                                          \
        (r)->tv_usec -= 1000000;                                \
    }                                                           \
} while (0)
#define timersub(a, b, r) do {                                  \
    (r)->tv_sec = (a)->tv_sec - (b)->tv_sec;                    \
    (r)->tv_usec = (a)->tv_usec - (b)->tv_usec;                 \
    if ((r)->tv_usec < 0) {                                     \
        (r)->tv_sec--;                                          \
        (r)->tv_usec += 1000000;                                \
    }                                                           \
} while (0)

#endif
