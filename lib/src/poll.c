/* poll, select, pselect: thin wrappers; the kernel does the waiting
 * (kernel/fs/poll.c). */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/select.h>
#include "internal.h"

int
poll(struct pollfd *fds, nfds_t nfds, int timeout_ms)
{
    return SYSCALL3(poll, fds, nfds, timeout_ms);
}

/* The kernel takes a timespec and leaves the time not slept in it; select
 * reports that back in the timeval, as Linux does. */
int
select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
       struct timeval *timeout)
{
    struct timespec ts, *tsp = 0;
    if (timeout) {
        if (timeout->tv_usec < 0 || timeout->tv_usec >= 1000000 || timeout->tv_sec < 0) {
            errno = EINVAL;
            return -1;
        }
        ts.tv_sec = timeout->tv_sec;
        ts.tv_nsec = timeout->tv_usec * 1000;
        tsp = &ts;
    }
    int r = SYSCALL5(select, nfds, readfds, writefds, exceptfds, tsp);
    if (timeout) {
        timeout->tv_sec = ts.tv_sec;
        timeout->tv_usec = ts.tv_nsec / 1000;
    }
    return r;
}

/* pselect: the mask is swapped around the wait in user space, so a signal
 * that arrives between the two calls is seen only at the next one (the
 * kernel's pselect6 closes that gap; Parley has no such call yet). */
int
pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
        const struct timespec *timeout, const sigset_t *sigmask)
{
    sigset_t old;
    struct timespec ts, *tsp = 0;
    if (timeout) {
        ts = *timeout;
        tsp = &ts;
    }
    if (sigmask)
        sigprocmask(SIG_SETMASK, sigmask, &old);
    int r = SYSCALL5(select, nfds, readfds, writefds, exceptfds, tsp);
    if (sigmask) {
        int saved = errno;
        sigprocmask(SIG_SETMASK, &old, 0);
        errno = saved;
    }
    return r;
}
