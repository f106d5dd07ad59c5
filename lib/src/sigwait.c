/*
 * The alternate signal stack, queued signals, waiting for a signal, and
 * killpg: sigaltstack, sigqueue, sigwait, sigwaitinfo, sigtimedwait.
 */
#include <errno.h>
#include <signal.h>
#include "internal.h"

int
sigaltstack(const stack_t *ss, stack_t *old_ss)
{
    return SYSCALL2(sigaltstack, ss, old_ss);
}

int
sigqueue(pid_t pid, int sig, const union sigval value)
{
    return SYSCALL3(sigqueue, pid, sig, value.sival_ptr);
}

int
sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
    return SYSCALL3(sigtimedwait, set, info, timeout);
}

int
sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
    return sigtimedwait(set, info, NULL);
}

/* POSIX: sigwait returns 0 or an error number, and leaves errno alone. */
int
sigwait(const sigset_t *set, int *sig)
{
    int saved = errno, r;

    do
        r = sigwaitinfo(set, NULL);
    while (r < 0 && errno == EINTR);    /* sigwait is never EINTR */
    if (r < 0) {
        r = errno;
        errno = saved;
        return r;
    }
    *sig = r;
    return 0;
}

/* POSIX: killpg(pgrp, sig) is kill(-pgrp, sig); pgrp 0 is our own group. */
int
killpg(pid_t pgrp, int sig)
{
    if (pgrp < 0) {
        errno = EINVAL;
        return -1;
    }
    return kill(-pgrp, sig);
}
