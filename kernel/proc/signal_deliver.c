/*
 * Signal delivery, on the way back to user mode (trap.c's return_to_user).
 *
 * The lowest-numbered deliverable signal goes first (SIGKILL before all).
 * A default action (terminate, ignore, stop, continue) is taken in the
 * kernel; for a handler, a signal frame is built on the user stack -- or
 * on the alternate stack, for an SA_ONSTACK handler when the process is not
 * already on it -- and the process "returns" into the handler, whose return
 * lands in the library's trampoline, which calls sigreturn to restore the
 * frame.  The frame's layout is x86's and lives in arch/sigframe.c.
 */
#include "proc/proc.h"
#include "proc/sched.h"
#include "arch/sigframe.h"
#include <parley/wait.h>
#include "trace/trace.h"

static int
next_signal(sigset_t set)
{
    if (set & SIGBIT(SIGKILL))
        return SIGKILL;
    return signal_lowest(set);
}

/* Default action "stop": sleep until SIGCONT or SIGKILL. */
static void
signal_stop(struct proc *p, int sig)
{
    p->sig.stop_signal = sig;
    p->stop_reported = false;
    p->state = PROC_STOPPED;
    signal_notify_stop_change(p);
    schedule();
}

/* Is sp on p's alternate signal stack?  (The stack grows down, so its top
 * address belongs to it and its bottom does not.) */
bool
signal_on_altstack(const struct proc *p, uintptr_t sp)
{
    const stack_t *ss = &p->sig.altstack;
    uintptr_t base = (uintptr_t)ss->ss_sp;
    return ss->ss_size != 0 && sp > base && sp - base <= ss->ss_size;
}

/* Where the handler's frame goes: below the interrupted %esp, or at the top
 * of the alternate stack for an SA_ONSTACK handler not already on it. */
static uintptr_t
signal_stack_top(struct proc *p, struct trapframe *tf, const struct parley_sigaction *a)
{
    uintptr_t sp = sigframe_user_sp(tf);
    const stack_t *ss = &p->sig.altstack;
    if ((a->sa_flags & SA_ONSTACK) && ss->ss_size != 0 && !signal_on_altstack(p, sp))
        return (uintptr_t)ss->ss_sp + ss->ss_size;
    return sp;
}

static int
signal_build_frame(struct trapframe *tf, const siginfo_t *info, const struct parley_sigaction *a)
{
    struct proc *p = current;
    struct sigframe_args args = {
        .sig = info->si_signo,
        .info = info,
        .handler = (void *)a->sa_handler,
        .restorer = a->sa_restorer,
        .saved_mask = p->sig.restore_mask ? p->sig.saved_mask : p->sig.blocked,
        .stack_top = signal_stack_top(p, tf, a),
    };
    int err = sigframe_push(tf, &args);
    if (err == 0)
        p->sig.restore_mask = false;
    return err;
}

/* Are we returning from a system call that a signal interrupted? */
static bool
syscall_interrupted(struct trapframe *tf)
{
    int err = syscall_error(tf);
    return err == ERESTARTSYS || err == ERESTARTNOHAND;
}

/* If the system call we are returning from was interrupted by a signal,
 * either restart it or fail it with EINTR. */
static bool
syscall_restart_or_eintr(struct trapframe *tf, bool handler_runs, bool sa_restart)
{
    if (!syscall_interrupted(tf))
        return false;
    if (!handler_runs || (syscall_error(tf) == ERESTARTSYS && sa_restart)) {
        syscall_restart(tf, current->syscall_nr);
        return true;
    }
    syscall_set_result(tf, -EINTR);
    return false;
}

/* Run the handler for info: returns false if the frame could not be built. */
static bool
signal_run_handler(struct trapframe *tf, const siginfo_t *info)
{
    struct proc *p = current;
    int sig = info->si_signo;
    struct parley_sigaction *a = &p->sig.action[sig];
    struct parley_sigaction act = *a;

    syscall_restart_or_eintr(tf, true, act.sa_flags & SA_RESTART);
    if (signal_build_frame(tf, info, &act) < 0)
        return false;
    p->sig.blocked |= act.sa_mask;
    if (!(act.sa_flags & SA_NODEFER))
        p->sig.blocked |= SIGBIT(sig);
    p->sig.blocked &= ~UNBLOCKABLE;
    if (act.sa_flags & SA_RESETHAND)
        a->sa_handler = SIG_DFL;
    return true;
}

/* SIG_DFL for sig: returns only if the process carries on. */
static void
signal_default(struct proc *p, int sig)
{
    switch (signal_default_action(sig)) {
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

void
signal_deliver(struct trapframe *tf)
{
    struct proc *p = current;
    int sig;

    /* The common case: nothing to do, nothing interrupted.  (A call can be
     * interrupted with nothing left to deliver: a stop signal that woke it
     * was cancelled by SIGCONT while we waited for the CPU.) */
    if (!signal_work_after_call(&p->sig, -syscall_error(tf)))
        return;
    while ((sig = next_signal(signal_deliverable(p))) != 0) {
        siginfo_t info;
        signal_dequeue(p, sig, &info);
        sighandler_t h = p->sig.action[sig].sa_handler;
        if (sig == SIGKILL || sig == SIGSTOP)
            h = SIG_DFL;
        if (h == SIG_IGN)
            continue;
        if (trace_ipc_on(p))
            trace_ipc(TRACE_EV_DELIVER, TRACE_OBJ_NONE, 0, 0, sig, h != SIG_DFL, NULL);
        if (h == SIG_DFL) {
            signal_default(p, sig);
            continue;
        }
        if (signal_run_handler(tf, &info))
            return;                 /* one handler per return to user mode */
        printk("pid %d (%s): bad stack for signal %d handler\n", p->pid, p->name, sig);
        proc_exit(W_EXITCODE(0, SIGSEGV));
    }
    /* No handler ran: an interrupted call restarts transparently. */
    bool restarted = syscall_restart_or_eintr(tf, false, false);
    if (p->sig.restore_mask && !restarted) {
        p->sig.blocked = p->sig.saved_mask;
        p->sig.restore_mask = false;
    }
}
