/* <sys/resource.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/resource.h>

static volatile int never;

int
main(void)
{
    struct rlimit r; struct rusage u; rlim_t inf = RLIM_INFINITY; int n[] = { RLIMIT_CORE, RLIMIT_CPU, RLIMIT_DATA, RLIMIT_FSIZE, RLIMIT_NOFILE, RLIMIT_STACK, RLIMIT_AS, RLIMIT_NPROC, RUSAGE_SELF, RUSAGE_CHILDREN, PRIO_PROCESS, PRIO_PGRP, PRIO_USER }; (void)inf; (void)n;
    if (never) {
        getrlimit(RLIMIT_NOFILE, &r); setrlimit(RLIMIT_NOFILE, &r); (void)r.rlim_cur; (void)r.rlim_max; getrusage(RUSAGE_SELF, &u); (void)u.ru_utime.tv_sec; (void)u.ru_stime.tv_usec; getpriority(PRIO_PROCESS, 0); setpriority(PRIO_PROCESS, 0, 1);
    }
    return 0;
}
