#ifndef PROC_SIGNAL_H
#define PROC_SIGNAL_H

#include <stdint.h>
#include <stdbool.h>
#include <parley/signal.h>

struct proc;
struct trapframe;

#define SIGBIT(sig)    (1UL << ((sig) - 1))
#define UNBLOCKABLE    (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

/*
 * A process's signal state.  A signal is one bit: sending it twice before it
 * is delivered delivers it once.
 */
struct signal_state {
    sigset_t pending;                   /* sent, not yet delivered */
    sigset_t blocked;                   /* the signal mask */
    struct parley_sigaction action[NSIG];
    pid_t    sender[NSIG];              /* for siginfo: who sent it */
    int      child_code, child_status;  /* for siginfo of SIGCHLD (CLD_*) */
    uint64_t alarm_at_ns;               /* alarm() deadline, or 0 */
    bool     restore_mask;              /* sigsuspend: put saved_mask back */
    sigset_t saved_mask;
    int      stop_signal;               /* which signal stopped us */
    int      fault_signal;              /* siginfo of a fault (signal_force_fault): */
    int      fault_code;                /*   si_code, e.g. SEGV_MAPERR */
    void    *fault_addr;                /*   si_addr */
};

void signal_send(struct proc *p, int sig, pid_t sender);
void signal_notify_parent(struct proc *child, int code, int status);
void signal_force(struct proc *p, int sig);
void signal_force_fault(struct proc *p, int sig, int code, void *addr);
bool signal_pending(struct proc *p);
void signal_deliver(struct trapframe *tf);
void signal_fork(struct proc *child, struct proc *parent);
void signal_exec(struct proc *p);
int  signal_send_group(pid_t pgid, int sig, pid_t sender);
bool signal_refused_by_init(struct proc *p, int sig);

#endif
