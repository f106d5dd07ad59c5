/*
 * Signals: a pending bitmap, a blocked mask and one action per signal.
 *
 * Sending (signal_send) sets a bit and, if the signal can be delivered now,
 * wakes the target from an interruptible sleep; its system call then
 * returns -ERESTARTSYS.  Delivery (signal_deliver) happens only on the way
 * back to user mode: the default action (terminate, ignore, stop, continue)
 * is taken in the kernel; for a handler, a signal frame is built on the user
 * stack and the process "returns" into the handler, whose return lands in
 * the library's trampoline, which calls sigreturn to restore the frame.
 * SIGKILL and SIGSTOP can be neither caught, ignored nor blocked.
 */
#include "proc/proc.h"
#include "proc/sched.h"
#include "arch/trapframe.h"
#include <parley/wait.h>

enum default_action { ACT_TERMINATE, ACT_IGNORE, ACT_STOP, ACT_CONTINUE };

static enum default_action
default_action(int sig)
{
    switch (sig) {
    case SIGCHLD: case SIGURG: case SIGWINCH:
        return ACT_IGNORE;
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
        return ACT_STOP;
    case SIGCONT:
        return ACT_CONTINUE;
    default:
        return ACT_TERMINATE;
    }
}

static bool
is_stop_signal(int sig)
{
    return default_action(sig) == ACT_STOP;
}

/* Would delivering sig do nothing at all? */
static bool
signal_ignored(struct proc *p, int sig)
{
    sighandler_t h = p->sig.action[sig].sa_handler;
    if (sig == SIGKILL || sig == SIGSTOP)
        return false;
    return h == SIG_IGN || (h == SIG_DFL && default_action(sig) == ACT_IGNORE);
}

/* Deliverable signals: pending and not blocked. */
static sigset_t
signal_deliverable(struct proc *p)
{
    return p->sig.pending & (~p->sig.blocked | UNBLOCKABLE);
}

bool
signal_pending(struct proc *p)
{
    return signal_deliverable(p) != 0;
}

/* SIGCHLD to child's parent, saying what happened (CLD_EXITED...). */
void
signal_notify_parent(struct proc *child, int code, int status)
{
    struct proc *parent = child->parent;
    signal_send(parent, SIGCHLD, child->pid);
    parent->sig.child_code = code;
    parent->sig.child_status = status;
}

/* Tell the parent that p stopped or continued (SIGCHLD, wakes wait()). */
static void
notify_parent_stop_change(struct proc *p)
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
    p->sig.pending &= ~(SIGBIT(SIGSTOP) | SIGBIT(SIGTSTP) | SIGBIT(SIGTTIN) | SIGBIT(SIGTTOU));
    if (p->state != PROC_STOPPED)
        return;
    p->cont_reported = false;
    sched_make_runnable(p);
    notify_parent_stop_change(p);
}

/* Wake p if it sleeps, so that its system call sees the signal. */
static void
signal_wake(struct proc *p)
{
    if (p->state == PROC_SLEEPING) {
        waitq_remove(p);
        sched_make_runnable(p);
    }
}

void
signal_send(struct proc *p, int sig, pid_t sender)
{
    if (sig <= 0 || sig >= NSIG || p->state == PROC_ZOMBIE || p->state == PROC_UNUSED)
        return;
    if (sig == SIGCONT)
        signal_continue(p);
    if (is_stop_signal(sig))
        p->sig.pending &= ~SIGBIT(SIGCONT);
    /* An ignored signal is discarded when sent, unless it is blocked. */
    if (signal_ignored(p, sig) && !(p->sig.blocked & SIGBIT(sig)))
        return;
    p->sig.pending |= SIGBIT(sig);
    p->sig.sender[sig] = sender;
    if (sig == SIGCHLD)
        p->sig.child_code = 0;          /* kill(): not about a child */
    if (sig == SIGKILL && p->state == PROC_STOPPED)
        sched_make_runnable(p);
    else if (signal_deliverable(p) & SIGBIT(sig))
        signal_wake(p);
}

/* A fault: the signal cannot be blocked or ignored away. */
void
signal_force(struct proc *p, int sig)
{
    struct parley_sigaction *a = &p->sig.action[sig];
    if ((p->sig.blocked & SIGBIT(sig)) || a->sa_handler == SIG_IGN) {
        a->sa_handler = SIG_DFL;
        p->sig.blocked &= ~SIGBIT(sig);
    }
    signal_send(p, sig, 0);
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

/* A fault whose handler's siginfo says what and where (si_code, si_addr). */
void
signal_force_fault(struct proc *p, int sig, int code, void *addr)
{
    p->sig.fault_signal = sig;
    p->sig.fault_code = code;
    p->sig.fault_addr = addr;
    signal_force(p, sig);
}

int
signal_send_group(pid_t pgid, int sig, pid_t sender)
{
    int found = 0;
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        if (p->pid > 0 && p->pgid == pgid && p->state != PROC_UNUSED &&
            p->state != PROC_ZOMBIE && p->state != PROC_EMBRYO) {
            if (!signal_refused_by_init(p, sig))
                signal_send(p, sig, sender);
            found = 1;
        }
    }
    return found ? 0 : -ESRCH;
}

static int
next_signal(sigset_t set)
{
    if (set & SIGBIT(SIGKILL))
        return SIGKILL;
    return set ? __builtin_ctzl(set) + 1 : 0;   /* lowest-numbered first */
}

/* Default action "stop": sleep until SIGCONT or SIGKILL. */
static void
signal_stop(struct proc *p, int sig)
{
    p->sig.stop_signal = sig;
    p->stop_reported = false;
    p->state = PROC_STOPPED;
    notify_parent_stop_change(p);
    schedule();
}

/*
 * The frame built on the user stack for a handler.  The handler is entered
 * as if called with (sig, info, context) by a caller whose return address is
 * the library's trampoline; sigreturn finds the frame just above %esp.
 */
struct sigframe {
    uint32_t          return_address;   /* sa_restorer */
    int               sig;
    siginfo_t        *info;
    void             *context;
    struct trapframe  saved;            /* user registers to return to */
    sigset_t          saved_mask;
    siginfo_t         siginfo;
};

static int
signal_build_frame(struct trapframe *tf, int sig, struct parley_sigaction *a)
{
    struct proc *p = current;
    uintptr_t sp = ROUNDDOWN(tf->esp - sizeof(struct sigframe), 16) - 4;
    struct sigframe *frame = (struct sigframe *)sp;
    if (user_check(frame, sizeof *frame, true) < 0)
        return -EFAULT;
    frame->return_address = (uint32_t)a->sa_restorer;
    frame->sig = sig;
    frame->info = &frame->siginfo;
    frame->context = &frame->saved;
    frame->saved = *tf;
    frame->saved_mask = p->sig.restore_mask ? p->sig.saved_mask : p->sig.blocked;
    p->sig.restore_mask = false;
    memset(&frame->siginfo, 0, sizeof frame->siginfo);
    frame->siginfo.si_signo = sig;
    frame->siginfo.si_pid = p->sig.sender[sig];
    frame->siginfo.si_code = p->sig.sender[sig] ? SI_USER : SI_KERNEL;
    if (sig == p->sig.fault_signal && !p->sig.sender[sig]) {
        frame->siginfo.si_code = p->sig.fault_code;
        frame->siginfo.si_addr = p->sig.fault_addr;
        p->sig.fault_signal = 0;
    }
    if (sig == SIGCHLD && p->sig.child_code) {
        frame->siginfo.si_code = p->sig.child_code;
        frame->siginfo.si_status = p->sig.child_status;
    }
    tf->esp = sp;
    tf->eip = (uint32_t)a->sa_handler;
    tf->eax = sig;              /* also in %eax, handy in gdb */
    return 0;
}

/* Are we returning from a system call that a signal interrupted? */
static bool
syscall_interrupted(struct trapframe *tf)
{
    int err = -(int)tf->eax;
    return tf->trapno == T_SYSCALL && (err == ERESTARTSYS || err == ERESTARTNOHAND);
}

/* If the system call we are returning from was interrupted by a signal,
 * either restart it (back up over `int $0x80`) or fail it with EINTR. */
static bool
syscall_restart_or_eintr(struct trapframe *tf, bool handler_runs, bool sa_restart)
{
    if (!syscall_interrupted(tf))
        return false;
    int err = -(int)tf->eax;
    if (!handler_runs || (err == ERESTARTSYS && sa_restart)) {
        tf->eax = current->syscall_nr;
        tf->eip -= 2;
        return true;
    }
    tf->eax = -EINTR;
    return false;
}

/* Run the handler of sig: returns false if the frame could not be built. */
static bool
signal_run_handler(struct trapframe *tf, int sig)
{
    struct proc *p = current;
    struct parley_sigaction *a = &p->sig.action[sig];
    struct parley_sigaction act = *a;

    syscall_restart_or_eintr(tf, true, act.sa_flags & SA_RESTART);
    if (signal_build_frame(tf, sig, &act) < 0)
        return false;
    p->sig.blocked |= act.sa_mask;
    if (!(act.sa_flags & SA_NODEFER))
        p->sig.blocked |= SIGBIT(sig);
    p->sig.blocked &= ~UNBLOCKABLE;
    if (act.sa_flags & SA_RESETHAND)
        a->sa_handler = SIG_DFL;
    return true;
}

void
signal_deliver(struct trapframe *tf)
{
    struct proc *p = current;
    int sig;

    /* The common case: nothing to do, nothing interrupted.  (A call can be
     * interrupted with nothing left to deliver: a stop signal that woke it
     * was cancelled by SIGCONT while we waited for the CPU.) */
    if (!signal_deliverable(p) && !p->sig.restore_mask && !syscall_interrupted(tf))
        return;
    while ((sig = next_signal(signal_deliverable(p))) != 0) {
        p->sig.pending &= ~SIGBIT(sig);
        sighandler_t h = p->sig.action[sig].sa_handler;
        if (sig == SIGKILL || sig == SIGSTOP)
            h = SIG_DFL;
        if (h == SIG_IGN)
            continue;
        if (h != SIG_DFL) {
            if (signal_run_handler(tf, sig))
                return;             /* one handler per return to user mode */
            printk("pid %d (%s): bad stack for signal %d handler\n", p->pid, p->name, sig);
            proc_exit(W_EXITCODE(0, SIGSEGV));
        }
        switch (default_action(sig)) {
        case ACT_IGNORE:
        case ACT_CONTINUE:
            break;
        case ACT_STOP:
            signal_stop(p, sig);
            break;
        case ACT_TERMINATE:
            proc_exit(W_EXITCODE(0, sig));
        }
    }
    /* No handler ran: an interrupted call restarts transparently. */
    bool restarted = syscall_restart_or_eintr(tf, false, false);
    if (p->sig.restore_mask && !restarted) {
        p->sig.blocked = p->sig.saved_mask;
        p->sig.restore_mask = false;
    }
}

void
signal_fork(struct proc *child, struct proc *parent)
{
    child->sig = parent->sig;
    child->sig.pending = 0;
    child->sig.alarm_at_ns = 0;
    child->sig.restore_mask = false;
    child->sig.stop_signal = 0;         /* never stopped: WCONTINUED has nothing to say */
}

/* exec: handlers go back to default (the code is gone); ignored signals
 * stay ignored; the mask and pending signals stay. */
void
signal_exec(struct proc *p)
{
    for (int sig = 1; sig < NSIG; sig++) {
        struct parley_sigaction *a = &p->sig.action[sig];
        if (a->sa_handler != SIG_IGN) {
            memset(a, 0, sizeof *a);
        }
    }
}
