/*
 * Signal sets.  A sigset_t is a bit mask: bit n-1 stands for signal n
 * (<parley/types.h>).  Signal numbers outside 1..NSIG-1 are EINVAL.
 */
#include <errno.h>
#include <signal.h>

#define SIGSET_BIT(sig) (1ULL << ((sig) - 1))

static int
signal_is_valid(int sig)
{
    if (sig > 0 && sig < NSIG)
        return 1;
    errno = EINVAL;
    return 0;
}

int
sigemptyset(sigset_t *set)
{
    *set = 0;
    return 0;
}

int
sigfillset(sigset_t *set)
{
    *set = ~(sigset_t)0;                /* signals 1 .. NSIG-1: all 64 bits */
    return 0;
}

int
sigaddset(sigset_t *set, int sig)
{
    if (!signal_is_valid(sig))
        return -1;
    *set |= SIGSET_BIT(sig);
    return 0;
}

int
sigdelset(sigset_t *set, int sig)
{
    if (!signal_is_valid(sig))
        return -1;
    *set &= ~SIGSET_BIT(sig);
    return 0;
}

int
sigismember(const sigset_t *set, int sig)
{
    if (!signal_is_valid(sig))
        return -1;
    return (*set & SIGSET_BIT(sig)) != 0;
}
