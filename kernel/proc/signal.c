/*
 * Signals: a pending set, a blocked mask and one action per signal.
 *
 * Sending (signal_send_info) records the signal as pending and, if it can
 * be delivered now, wakes the target from an interruptible sleep; its
 * system call then returns -ERESTARTSYS.  A standard signal (1..31) is one
 * bit: sent twice before delivery, it is delivered once.  A real-time
 * signal (SIGRTMIN..SIGRTMAX) is queued: every sending is delivered, with
 * its value, in the order sent.  docs/realtime-signals.md contrasts them.
 *
 * Delivery (signal_deliver.c) happens only on the way back to user mode,
 * lowest-numbered signal first.  SIGKILL and SIGSTOP can be neither caught,
 * ignored nor blocked.
 */
#include "proc/proc.h"
#include "proc/sched.h"
#include <parley/wait.h>
#include "trace/trace.h"
#include "arch/irq.h"

enum default_action
signal_default_action(int sig)
{
    switch (sig) {
    case SIGCHLD: case SIGURG: case SIGWINCH:
        return ACT_IGNORE;
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
        return ACT_STOP;
    case SIGCONT:
        return ACT_CONTINUE;
    default:
        return ACT_TERMINATE;   /* the real-time signals too */
    }
}

static bool
is_stop_signal(int sig)
{
    return signal_default_action(sig) == ACT_STOP;
}

/* Would delivering sig do nothing at all?  (SIG_IGN, or SIG_DFL for a
 * signal whose default is to be ignored.) */
bool
signal_ignored(struct proc *p, int sig)
{
    sighandler_t h = p->sig.action[sig].sa_handler;
    if (sig == SIGKILL || sig == SIGSTOP)
        return false;
    return h == SIG_IGN || (h == SIG_DFL && signal_default_action(sig) == ACT_IGNORE);
}

/* Deliverable signals: pending and not blocked. */
sigset_t
signal_deliverable(struct proc *p)
{
    return signal_state_deliverable(&p->sig);
}

/* The lowest-numbered signal in set, or 0. */
int
signal_lowest(sigset_t set)
{
    return set ? __builtin_ctzll(set) + 1 : 0;
}

bool
signal_can_receive(const struct proc *p)
{
    return p->pid > 0 && p->state != PROC_UNUSED && p->state != PROC_ZOMBIE &&
           p->state != PROC_EMBRYO;
}

/* ---- the pending store ------------------------------------------------ */

/* Record one sending of info->si_signo.  -EAGAIN: the real-time queue is
 * full (POSIX sigqueue), nothing recorded. */
static int
signal_enqueue(struct proc *p, const siginfo_t *info)
{
    int sig = info->si_signo;
    if (signal_is_realtime(sig)) {
        struct signal_queue *q = &p->sig.queue;
        if (q->count == SIGQUEUE_MAX)
            return -EAGAIN;
        q->entry[q->count++] = *info;
    } else if (!(p->sig.pending & SIGBIT(sig))) {
        p->sig.info[sig] = *info;       /* a second sending adds nothing */
    }
    p->sig.pending |= SIGBIT(sig);
    return 0;
}

/* Index in the queue of the first entry for sig at or after from, or -1. */
static int
queue_find(const struct signal_queue *q, int sig, int from)
{
    for (int i = from; i < q->count; i++)
        if (q->entry[i].si_signo == sig)
            return i;
    return -1;
}

static void
queue_remove(struct signal_queue *q, int i)
{
    memmove(&q->entry[i], &q->entry[i + 1], (q->count - i - 1) * sizeof q->entry[0]);
    q->count--;
}

/* Take one pending instance of sig (which must be pending) into *info.  A
 * real-time signal stays pending while more of it are queued. */
void
signal_dequeue(struct proc *p, int sig, siginfo_t *info)
{
    struct signal_queue *q = &p->sig.queue;
    int i = signal_is_realtime(sig) ? queue_find(q, sig, 0) : -1;
    if (i < 0) {
        *info = p->sig.info[sig];
        p->sig.pending &= ~SIGBIT(sig);
        return;
    }
    *info = q->entry[i];
    queue_remove(q, i);
    if (queue_find(q, sig, i) < 0)
        p->sig.pending &= ~SIGBIT(sig);
}

/* Forget every pending instance of sig (SIG_IGN was set, or SIGCONT
 * cancels a stop). */
void
signal_discard(struct proc *p, int sig)
{
    struct signal_queue *q = &p->sig.queue;
    int i;
    while ((i = queue_find(q, sig, 0)) >= 0)
        queue_remove(q, i);
    p->sig.pending &= ~SIGBIT(sig);
}

/* ---- sending ---------------------------------------------------------- */

/* SIGCHLD to child's parent, saying what happened (CLD_EXITED...). */
void
signal_notify_parent(struct proc *child, int code, int status)
{
    siginfo_t info = {
        .si_signo = SIGCHLD, .si_code = code, .si_pid = child->pid,
        .si_uid = child->cred.uid, .si_status = status,
    };
    signal_send_info(child->parent, &info);
}

/* Tell the parent that p stopped or continued (SIGCHLD, wakes wait()). */
void
signal_notify_stop_change(struct proc *p)
{
    struct proc *parent = p->parent;
    if (!parent)
        return;
    if (!(parent->sig.action[SIGCHLD].sa_flags & SA_NOCLDSTOP)) {
        if (p->state == PROC_STOPPED)
            signal_notify_parent(p, CLD_STOPPED, p->sig.stop_signal);
        else
            signal_notify_parent(p, CLD_CONTINUED, SIGCONT);
    }
    waitq_wake_all(&parent->child_waitq);
}

static void
signal_continue(struct proc *p)
{
    static const int stops[] = { SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU };
    for (size_t i = 0; i < ARRAY_SIZE(stops); i++)
        signal_discard(p, stops[i]);
    if (p->state != PROC_STOPPED)
        return;
    p->cont_reported = false;
    sched_make_runnable(p);
    signal_notify_stop_change(p);
}

/* Should sending sig wake p?  If p can take it now, or waits for it in
 * sigtimedwait. */
static bool
signal_wakes(struct proc *p, int sig)
{
    sigset_t bit = SIGBIT(sig);
    return (signal_deliverable(p) & bit) || (p->sig.waiting & bit);
}

int
signal_send_info(struct proc *p, const siginfo_t *info)
{
    int sig = info->si_signo;
    if (sig <= 0 || sig >= NSIG || !signal_can_receive(p))
        return 0;
    trace_signal(p, sig, in_interrupt);
    if (sig == SIGCONT)
        signal_continue(p);
    if (is_stop_signal(sig))
        signal_discard(p, SIGCONT);
    /* An ignored signal is discarded when sent, unless it is blocked or
     * waited for. */
    if (signal_ignored(p, sig) && !((p->sig.blocked | p->sig.waiting) & SIGBIT(sig)))
        return 0;
    int err = signal_enqueue(p, info);
    if (err)
        return err;
    if (sig == SIGKILL && p->state == PROC_STOPPED)
        sched_make_runnable(p);
    else if (p->state == PROC_SLEEPING && signal_wakes(p, sig))
        sched_wake(p);
    return 0;
}

/* A signal from the kernel (sender 0) or a plain kill() by sender. */
void
signal_send(struct proc *p, int sig, pid_t sender)
{
    struct proc *from = sender ? proc_find(sender) : 0;
    siginfo_t info = {
        .si_signo = sig,
        .si_code = sender ? SI_USER : SI_KERNEL,
        .si_pid = sender,
        .si_uid = from ? from->cred.uid : 0,
    };
    signal_send_info(p, &info);
}

/* A fault: the signal cannot be blocked or ignored away. */
void
signal_force_info(struct proc *p, const siginfo_t *info)
{
    int sig = info->si_signo;
    struct parley_sigaction *a = &p->sig.action[sig];
    if ((p->sig.blocked & SIGBIT(sig)) || a->sa_handler == SIG_IGN) {
        a->sa_handler = SIG_DFL;
        p->sig.blocked &= ~SIGBIT(sig);
    }
    signal_send_info(p, info);
}

void
signal_force(struct proc *p, int sig)
{
    siginfo_t info = { .si_signo = sig, .si_code = SI_KERNEL };
    signal_force_info(p, &info);
}

/* A fault whose handler's siginfo says what and where (si_code, si_addr). */
void
signal_force_fault(struct proc *p, int sig, int code, void *addr)
{
    siginfo_t info = { .si_signo = sig, .si_code = code, .si_addr = addr };
    signal_force_info(p, &info);
}

/* As on Linux, init (pid 1) receives from other processes and the console
 * only the signals it has a handler for: never SIGKILL or SIGSTOP, never one
 * whose default action would end or stop it.  (A fault in init still kills
 * it, and the kernel then panics.) */
bool
signal_refused_by_init(struct proc *p, int sig)
{
    if (p->pid != 1)
        return false;
    return sig == SIGKILL || sig == SIGSTOP || p->sig.action[sig].sa_handler == SIG_DFL;
}

/* The kernel's own group signals (the console's ^C, SIGTTIN). */
int
signal_send_group(pid_t pgid, int sig, pid_t sender)
{
    int found = 0;
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        if (signal_can_receive(p) && p->pgid == pgid) {
            if (!signal_refused_by_init(p, sig))
                signal_send(p, sig, sender);
            found = 1;
        }
    }
    return found ? 0 : -ESRCH;
}

/* ---- fork and exec ------------------------------------------------------ */

/* The child has the same actions, mask and alternate stack, nothing
 * pending. */
void
signal_fork(struct proc *child, struct proc *parent)
{
    child->sig = parent->sig;
    child->sig.pending = 0;
    child->sig.queue.count = 0;
    child->sig.waiting = 0;
    child->sig.alarm_at_ns = 0;
    child->sig.restore_mask = false;
    child->sig.stop_signal = 0;         /* never stopped: WCONTINUED has nothing to say */
}

/* exec: handlers go back to default (the code is gone), and so does the
 * alternate stack; ignored signals stay ignored; the mask and pending
 * signals stay. */
void
signal_exec(struct proc *p)
{
    for (int sig = 1; sig < NSIG; sig++) {
        struct parley_sigaction *a = &p->sig.action[sig];
        if (a->sa_handler != SIG_IGN)
            memset(a, 0, sizeof *a);
    }
    memset(&p->sig.altstack, 0, sizeof p->sig.altstack);
}
