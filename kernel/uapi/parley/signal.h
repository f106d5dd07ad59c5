/* Signal numbers (Linux's), dispositions and the kernel's struct sigaction. */
#ifndef PARLEY_SIGNAL_H
#define PARLEY_SIGNAL_H

#include <parley/types.h>

#define SIGHUP     1
#define SIGINT     2
#define SIGQUIT    3
#define SIGILL     4
#define SIGTRAP    5
#define SIGABRT    6
#define SIGIOT     SIGABRT
#define SIGBUS     7
#define SIGFPE     8
#define SIGKILL    9
#define SIGUSR1   10
#define SIGSEGV   11
#define SIGUSR2   12
#define SIGPIPE   13
#define SIGALRM   14
#define SIGTERM   15
#define SIGSTKFLT 16
#define SIGCHLD   17
#define SIGCONT   18
#define SIGSTOP   19
#define SIGTSTP   20
#define SIGTTIN   21
#define SIGTTOU   22
#define SIGURG    23
#define SIGXCPU   24
#define SIGXFSZ   25
#define SIGVTALRM 26
#define SIGPROF   27
#define SIGWINCH  28
#define SIGIO     29
#define SIGPOLL   SIGIO
#define SIGPWR    30
#define SIGSYS    31
/* Real-time signals: queued, each with a value, lowest number first. */
#define SIGRTMIN  32
#define SIGRTMAX  64
#define NSIG      65            /* signals are 1 .. NSIG-1 */
#define _NSIG     NSIG

typedef void (*sighandler_t)(int);

#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002 /* children are reaped by the kernel: wait gives ECHILD */
#define SA_SIGINFO   0x00000004
#define SA_ONSTACK   0x08000000 /* run the handler on the alternate stack */
#define SA_RESTART   0x10000000
#define SA_NODEFER   0x40000000
#define SA_RESETHAND 0x80000000

#define SIG_BLOCK    0
#define SIG_UNBLOCK  1
#define SIG_SETMASK  2

/* What sigaction() passes across the boundary.  sa_restorer is the user
 * library's trampoline that calls sigreturn when the handler returns. */
struct parley_sigaction {
    sighandler_t sa_handler;
    sigset_t     sa_mask;
    int          sa_flags;
    void       (*sa_restorer)(void);
};

/* The alternate signal stack (sigaltstack). */
typedef struct {
    void  *ss_sp;               /* lowest address */
    int    ss_flags;            /* SS_ONSTACK, SS_DISABLE */
    size_t ss_size;
} stack_t;

#define SS_ONSTACK   1          /* the process is running on it now */
#define SS_DISABLE   2          /* there is none */
#define MINSIGSTKSZ  2048       /* smaller: ENOMEM */
#define SIGSTKSZ     8192       /* enough for an ordinary handler */

/* The value sigqueue() sends with a signal. */
union sigval {
    int   sival_int;
    void *sival_ptr;
};

/* What an SA_SIGINFO handler receives as its second argument. */
typedef struct {
    int   si_signo;
    int   si_errno;
    int   si_code;              /* SI_USER, SI_QUEUE, SI_KERNEL, CLD_*, SEGV_* */
    pid_t si_pid;               /* sender, for kill() and sigqueue() */
    uid_t si_uid;               /* the sender's real user id */
    void *si_addr;              /* faulting address, for SIGSEGV and SIGBUS */
    int   si_status;            /* SIGCHLD: exit code or signal */
    union sigval si_value;      /* sigqueue()'s value */
    long  si_band;              /* SIGPOLL (unused) */
} siginfo_t;

#define SI_USER    0            /* sent by kill() or raise() */
#define SI_KERNEL  0x80         /* sent by the kernel */
#define SI_QUEUE   (-1)         /* sent by sigqueue() */
#define SI_TIMER   (-2)
#define SI_MESGQ   (-3)
#define SI_ASYNCIO (-4)
/* si_code of SIGCHLD: what happened to the child (si_status says more). */
#define CLD_EXITED    1         /* si_status: exit code */
#define CLD_KILLED    2         /* si_status: the signal */
#define CLD_STOPPED   5         /* si_status: the stop signal */
#define CLD_CONTINUED 6         /* si_status: SIGCONT */
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
/* si_code of SIGBUS. */
#define BUS_ADRALN  1           /* misaligned address */
#define BUS_ADRERR  2           /* no such physical address: a mapped file's page past its end */
#define BUS_OBJERR  3

#endif
