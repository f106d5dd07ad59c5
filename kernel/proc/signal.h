#ifndef PROC_SIGNAL_H
#define PROC_SIGNAL_H

#include <stdint.h>
#include <stdbool.h>
#include <parley/signal.h>
#include <parley/limits.h>
#include "proc/waitq.h"             /* ERESTARTSYS, ERESTARTNOHAND */

struct proc;
struct trapframe;

#define SIGBIT(sig)    (1ULL << ((sig) - 1))
#define UNBLOCKABLE    (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP))

static inline bool
signal_is_realtime(int sig)
{
    return sig >= SIGRTMIN && sig <= SIGRTMAX;
}

/* Real-time signals waiting for delivery: every sending, in the order sent
 * (so two of the same signal come out first-sent first). */
struct signal_queue {
    siginfo_t entry[SIGQUEUE_MAX];
    int       count;
};

/*
 * A process's signal state.  A standard signal is one bit: sending it
 * twice before it is delivered delivers it once, with the first sending's
 * siginfo.  A real-time signal queues every sending with its value; its
 * bit says that at least one is queued.
 */
struct signal_state {
    sigset_t pending;                   /* sent, not yet delivered */
    sigset_t blocked;                   /* the signal mask */
    bool     restore_mask;              /* sigsuspend: put saved_mask back */
    sigset_t saved_mask;
    struct parley_sigaction action[NSIG];
    siginfo_t info[SIGRTMIN];           /* a pending standard signal's siginfo */
    struct signal_queue queue;          /* pending real-time signals */
    stack_t  altstack;                  /* sigaltstack; ss_size 0: none */
    sigset_t waiting;                   /* sigtimedwait: these wake us though blocked */
    uint64_t alarm_at_ns;               /* alarm() deadline, or 0 */
    int      stop_signal;               /* which signal stopped us */
};

/* Signals pending and not blocked (SIGKILL and SIGSTOP cannot be). */
static inline sigset_t
signal_state_deliverable(const struct signal_state *s)
{
    return s->pending & (~s->blocked | UNBLOCKABLE);
}

/* Must signal_deliver run on the way out of a system call that returned
 * result?  Only with a signal to deliver, a mask to restore (sigsuspend)
 * or an interrupted call to restart or fail.
 * Inline: every system call asks, and the answer is nearly always no. */
static inline bool
signal_work_after_call(const struct signal_state *s, long result)
{
    if (__builtin_expect(s->pending != 0, 0) && signal_state_deliverable(s))
        return true;                    /* (pending first: nearly always 0) */
    return s->restore_mask || result == -ERESTARTSYS || result == -ERESTARTNOHAND;
}

/* Sending.  signal_send_info returns 0, or -EAGAIN when a real-time
 * signal finds the queue full; the others cannot fail. */
int  signal_send_info(struct proc *p, const siginfo_t *info);
void signal_send(struct proc *p, int sig, pid_t sender);
void signal_notify_parent(struct proc *child, int code, int status);
void signal_notify_stop_change(struct proc *p);    /* SIGCHLD CLD_STOPPED/CONTINUED */
void signal_force(struct proc *p, int sig);
void signal_force_info(struct proc *p, const siginfo_t *info);
void signal_force_fault(struct proc *p, int sig, int code, void *addr);
bool signal_refused_by_init(struct proc *p, int sig);
int  signal_send_group(pid_t pgid, int sig, pid_t sender);
bool signal_can_receive(const struct proc *p);

/* The pending store. */
void signal_dequeue(struct proc *p, int sig, siginfo_t *info);
void signal_discard(struct proc *p, int sig);
int  signal_lowest(sigset_t set);

/* What SIG_DFL does. */
enum default_action { ACT_TERMINATE, ACT_IGNORE, ACT_STOP, ACT_CONTINUE };
enum default_action signal_default_action(int sig);

sigset_t signal_deliverable(struct proc *p);     /* pending and not blocked */
/* signal_pending(p), inline, is in proc/proc.h (it needs struct proc). */
bool signal_ignored(struct proc *p, int sig);
bool signal_on_altstack(const struct proc *p, uintptr_t sp);
void signal_deliver(struct trapframe *tf);
void signal_fork(struct proc *child, struct proc *parent);
void signal_exec(struct proc *p);

#endif
