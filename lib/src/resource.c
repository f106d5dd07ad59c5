/*
 * Resources and times: getrlimit, setrlimit, getrusage, getpriority,
 * setpriority, nice, times, clock, wait3, wait4.
 */
#include <errno.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "internal.h"

int
getrlimit(int resource, struct rlimit *rlim)
{
    return SYSCALL2(getrlimit, resource, rlim);
}

int
setrlimit(int resource, const struct rlimit *rlim)
{
    return SYSCALL2(setrlimit, resource, rlim);
}

int
getrusage(int who, struct rusage *usage)
{
    return SYSCALL2(getrusage, who, usage);
}

/* The kernel answers 20 - nice, never negative, so that a nice value of
 * -1 cannot be mistaken for an error (as Linux does). */
int
getpriority(int which, id_t who)
{
    long r = SYSCALL2(getpriority, which, who);

    return r < 0 ? -1 : 20 - (int)r;
}

int
setpriority(int which, id_t who, int prio)
{
    return SYSCALL3(setpriority, which, who, prio);
}

/* POSIX nice: add inc to the nice value, return the new one; lowering it
 * without privilege is EPERM. */
int
nice(int inc)
{
    int old, saved = errno;

    errno = 0;
    old = getpriority(PRIO_PROCESS, 0);
    if (old == -1 && errno != 0)
        return -1;
    errno = saved;
    if (setpriority(PRIO_PROCESS, 0, old + inc) < 0) {
        if (errno == EACCES)
            errno = EPERM;
        return -1;
    }
    return getpriority(PRIO_PROCESS, 0);
}

clock_t
times(struct tms *buf)
{
    return (clock_t)SYSCALL1(times, buf);
}

/* ISO C clock(): the processor time used, in CLOCKS_PER_SEC. */
clock_t
clock(void)
{
    struct tms t;

    if (times(&t) == (clock_t)-1)
        return (clock_t)-1;
    return (t.tms_utime + t.tms_stime) * (CLOCKS_PER_SEC / PARLEY_CLK_TCK);
}

pid_t
wait4(pid_t pid, int *status, int options, struct rusage *usage)
{
    return SYSCALL4(wait4, pid, status, options, usage);
}

int
waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
    return SYSCALL4(waitid, idtype, id, info, options);
}

pid_t
wait3(int *status, int options, struct rusage *usage)
{
    return wait4(-1, status, options, usage);
}
