/*
 * sysconf, pathconf, fpathconf: what this system provides and how much of
 * it.  Limits a process can change (open files, processes) come from its
 * resource limits, as on Linux; an option Parley lacks answers -1 without
 * touching errno; an unknown name is EINVAL.
 */
#include <errno.h>
#include <limits.h>
#include <parley.h>
#include <semaphore.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/* A resource limit as sysconf reports it: -1 for "no limit". */
static long
limit_of(int resource)
{
    struct rlimit r;

    if (getrlimit(resource, &r) < 0 || r.rlim_cur == RLIM_INFINITY)
        return -1;
    return (long)r.rlim_cur;
}

static long
memory_pages(int free_only)
{
    struct sysinfo info;

    if (sysinfo(&info) < 0)
        return -1;
    return free_only ? info.free_pages : info.total_pages;
}

long
sysconf(int name)
{
    switch (name) {
    case _SC_ARG_MAX:           return ARG_MAX;
    case _SC_CHILD_MAX:         return limit_of(RLIMIT_NPROC);
    case _SC_CLK_TCK:           return PARLEY_CLK_TCK;
    case _SC_NGROUPS_MAX:       return NGROUPS_MAX;
    case _SC_OPEN_MAX:          return limit_of(RLIMIT_NOFILE);
    case _SC_STREAM_MAX:        return STREAM_MAX;
    case _SC_TZNAME_MAX:        return TZNAME_MAX;
    case _SC_JOB_CONTROL:       return _POSIX_JOB_CONTROL;
    case _SC_SAVED_IDS:         return _POSIX_SAVED_IDS;
    case _SC_REALTIME_SIGNALS:  return _POSIX_REALTIME_SIGNALS;
    case _SC_MONOTONIC_CLOCK:   return _POSIX_MONOTONIC_CLOCK;
    case _SC_SEMAPHORES:        return _POSIX_SEMAPHORES;
    case _SC_SHARED_MEMORY_OBJECTS: return _POSIX_SHARED_MEMORY_OBJECTS;
    case _SC_MAPPED_FILES:      return _POSIX_MAPPED_FILES;
    case _SC_MEMORY_PROTECTION: return _POSIX_MEMORY_PROTECTION;
    case _SC_VERSION:           return _POSIX_VERSION;
    case _SC_PAGESIZE:          return PAGE_SIZE;
    case _SC_RTSIG_MAX:         return RTSIG_MAX;
    case _SC_SIGQUEUE_MAX:      return limit_of(RLIMIT_SIGPENDING);
    case _SC_LINE_MAX:          return LINE_MAX;
    case _SC_LOGIN_NAME_MAX:    return LOGIN_NAME_MAX;
    case _SC_TTY_NAME_MAX:      return TTY_NAME_MAX;
    case _SC_HOST_NAME_MAX:     return HOST_NAME_MAX;
    case _SC_NPROCESSORS_CONF:
    case _SC_NPROCESSORS_ONLN:  return 1;
    case _SC_PHYS_PAGES:        return memory_pages(0);
    case _SC_AVPHYS_PAGES:      return memory_pages(1);
    case _SC_FSYNC:             return _POSIX_FSYNC;
    case _SC_SEM_VALUE_MAX:     return SEM_VALUE_MAX;
    case _SC_IOV_MAX:           return IOV_MAX;
    /* Limits with no fixed value: -1, errno unchanged.  sem_t lives in
     * the program's memory, as many as it likes (named ones: SEM_OPEN_MAX
     * open at once); there are no symbolic links to loop through. */
    case _SC_SEM_NSEMS_MAX: case _SC_SYMLOOP_MAX:
        return -1;
    /* Options Parley does not have: -1, errno unchanged (POSIX).  No
     * threads; no timer_create (so no TIMER_MAX); no mq_open (System V
     * queues are XSI, not this option); no aio_*; no sched_setscheduler;
     * not an XSI system. */
    case _SC_THREADS: case _SC_TIMERS: case _SC_TIMER_MAX:
    case _SC_MESSAGE_PASSING: case _SC_ASYNCHRONOUS_IO:
    case _SC_PRIORITY_SCHEDULING: case _SC_XOPEN_VERSION:
        return -1;
    default:
        errno = EINVAL;
        return -1;
    }
}

int
getpagesize(void)
{
    return PAGE_SIZE;
}

/* The same answer for every file: one file system, one console. */
static long
file_limit(int name)
{
    switch (name) {
    case _PC_LINK_MAX:          return -1;              /* no fixed limit */
    case _PC_MAX_CANON:
    case _PC_MAX_INPUT:         return _POSIX_MAX_CANON;
    case _PC_NAME_MAX:          return NAME_MAX;
    case _PC_PATH_MAX:          return PATH_MAX;
    case _PC_PIPE_BUF:          return PIPE_BUF;
    case _PC_CHOWN_RESTRICTED:  return 1;
    case _PC_NO_TRUNC:          return 1;               /* long names: ENAMETOOLONG */
    case _PC_VDISABLE:          return _POSIX_VDISABLE;
    default:
        errno = EINVAL;
        return -1;
    }
}

long
pathconf(const char *path, int name)
{
    struct stat st;

    if (stat(path, &st) < 0)
        return -1;
    return file_limit(name);
}

long
fpathconf(int fd, int name)
{
    struct stat st;

    if (fstat(fd, &st) < 0)
        return -1;
    return file_limit(name);
}
