/*
 * The XSI signal calls, from System V: sighold, sigrelse, sigignore,
 * sigpause and sigset.  Each is a few lines over sigprocmask, sigaction or
 * sigsuspend; SIG_HOLD exists only here.
 */
#include <errno.h>
#include <signal.h>

/* Block, unblock or ask about one signal; -1 EINVAL for a bad number. */
static int
change_one(int how, int sig, sigset_t *old)
{
    sigset_t set;

    sigemptyset(&set);
    if (sigaddset(&set, sig) < 0)
        return -1;
    return sigprocmask(how, &set, old);
}

int
sighold(int sig)
{
    return change_one(SIG_BLOCK, sig, NULL);
}

int
sigrelse(int sig)
{
    return change_one(SIG_UNBLOCK, sig, NULL);
}

int
sigignore(int sig)
{
    return signal(sig, SIG_IGN) == SIG_ERR ? -1 : 0;
}

/* Wait for a signal with sig removed from the mask; always -1 EINTR. */
int
sigpause(int sig)
{
    sigset_t mask;

    if (sigprocmask(SIG_BLOCK, NULL, &mask) < 0 || sigdelset(&mask, sig) < 0)
        return -1;
    return sigsuspend(&mask);
}

/*
 * sigset(sig, disp): SIG_HOLD adds sig to the mask and leaves the action
 * alone; anything else sets the action (System V style: no SA_RESTART) and
 * takes sig out of the mask.  Returns SIG_HOLD if sig was blocked before,
 * else the previous action; SIG_ERR on error.
 */
sighandler_t
sigset(int sig, sighandler_t disp)
{
    struct sigaction act, old;
    sigset_t was;

    if (change_one(SIG_BLOCK, sig, &was) < 0)    /* also checks sig */
        return SIG_ERR;
    if (sigaction(sig, NULL, &old) < 0)
        return SIG_ERR;
    if (disp != SIG_HOLD) {
        act.sa_handler = disp;
        sigemptyset(&act.sa_mask);
        act.sa_flags = 0;
        if (sigaction(sig, &act, NULL) < 0 || change_one(SIG_UNBLOCK, sig, NULL) < 0) {
            sigprocmask(SIG_SETMASK, &was, NULL);
            return SIG_ERR;
        }
    }
    return sigismember(&was, sig) ? SIG_HOLD : old.sa_handler;
}
