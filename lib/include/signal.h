/* Signals: numbers and SA_* flags from <parley/signal.h>. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <parley/signal.h>
#include <parley/time.h>            /* struct timespec, for sigtimedwait */

typedef int sig_atomic_t;

/* XSI sigset(): "block it" instead of a disposition.  Only sigset() takes
 * it; sigaction() and signal() give EINVAL. */
#define SIG_HOLD ((sighandler_t)2)

/*
 * What sigaction() takes.  The handler is sa_handler(sig), or with
 * SA_SIGINFO sa_sigaction(sig, info, context); the two share storage.
 * sa_restorer is filled in by the library: leave it alone.
 */
struct sigaction {
    __extension__ union {
        void (*sa_handler)(int);
        void (*sa_sigaction)(int, siginfo_t *, void *);
    };
    sigset_t sa_mask;           /* also blocked while the handler runs */
    int      sa_flags;          /* SA_RESTART, SA_SIGINFO, ... */
    void   (*sa_restorer)(void);
};

int          kill(pid_t pid, int sig);
int          raise(int sig);
int          sigaction(int sig, const struct sigaction *act, struct sigaction *oldact);
sighandler_t signal(int sig, sighandler_t handler);  /* BSD semantics: SA_RESTART */
int          sigprocmask(int how, const sigset_t *set, sigset_t *oldset);
int          sigpending(sigset_t *set);
int          sigsuspend(const sigset_t *mask);

int          sigemptyset(sigset_t *set);
int          sigfillset(sigset_t *set);
int          sigaddset(sigset_t *set, int sig);
int          sigdelset(sigset_t *set, int sig);
int          sigismember(const sigset_t *set, int sig);

/* The alternate stack, queued signals, and waiting for a signal. */
int          sigaltstack(const stack_t *ss, stack_t *old_ss);
int          sigqueue(pid_t pid, int sig, const union sigval value);
int          sigwait(const sigset_t *set, int *sig);         /* returns an error number */
int          sigwaitinfo(const sigset_t *set, siginfo_t *info);
int          sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout);
int          killpg(pid_t pgrp, int sig);

/* The XSI (System V) calls, on top of the ones above. */
int          sighold(int sig);
int          sigrelse(int sig);
int          sigignore(int sig);
int          sigpause(int sig);
sighandler_t sigset(int sig, sighandler_t disp);

void         psignal(int sig, const char *msg);
char        *strsignal(int sig);

#endif
