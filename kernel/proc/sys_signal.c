/*
 * System calls about signals: kill, sigqueue, sigaction, sigprocmask,
 * sigpending, sigsuspend, pause, sigreturn, sigaltstack, sigtimedwait.
 * See signal.c for sending and signal_deliver.c for delivery.
 */
#include "proc/proc.h"
#include "syscall.h"
#include "proc/sched.h"
#include "arch/sigframe.h"
#include "arch/timer.h"
#include <parley/time.h>

static bool
valid_signal(int sig)
{
    return sig > 0 && sig < NSIG;
}

/* POSIX kill: the sender's real or effective user id must match the
 * target's real or saved user id, unless the sender is privileged; SIGCONT
 * may also go to any process of the sender's session. */
static int
signal_permitted(const struct proc *target, int sig)
{
    const struct cred *c = &current->cred, *t = &target->cred;
    if (cred_is_root(c))
        return 0;
    if (c->uid == t->uid || c->uid == t->suid || c->euid == t->uid || c->euid == t->suid)
        return 0;
    if (sig == SIGCONT && target->sid == current->sid)
        return 0;
    return -EPERM;
}

/* Send info to p if the caller may.  Signal 0 only checks.  What init
 * refuses is dropped silently, as on Linux. */
static int
kill_one(struct proc *p, const siginfo_t *info)
{
    int err = signal_permitted(p, info->si_signo);
    if (err || info->si_signo == 0 || signal_refused_by_init(p, info->si_signo))
        return err;
    return signal_send_info(p, info);
}

/* Is p one of the targets of kill(pid) for pid <= 0? */
static bool
kill_targets(const struct proc *p, pid_t pid)
{
    if (!signal_can_receive(p))
        return false;
    if (pid == -1)
        return p->pid > 1 && p != current;      /* everyone but init and us */
    return p->pgid == (pid == 0 ? current->pgid : -pid);
}

/* 0 if at least one target got the signal, -EPERM if some were refused
 * and none got it, -ESRCH if there was none. */
static int
kill_many(pid_t pid, const siginfo_t *info)
{
    int result = -ESRCH;
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        if (!kill_targets(p, pid))
            continue;
        int err = kill_one(p, info);
        if (err == 0 || result == -ESRCH)
            result = err;
    }
    return result;
}

/* What kill() and sigqueue() tell the receiver about the sender. */
static siginfo_t
sender_info(int sig, int code)
{
    siginfo_t info = {
        .si_signo = sig, .si_code = code,
        .si_pid = current->pid, .si_uid = current->cred.uid,
    };
    return info;
}

/* kill(pid, sig): pid > 0 one process, 0 our group, -1 everyone but init,
 * < -1 the group -pid.  sig 0 only checks that the target exists and may
 * be signalled. */
long
sys_kill(pid_t pid, int sig)
{
    if (sig < 0 || sig >= NSIG)
        return -EINVAL;
    siginfo_t info = sender_info(sig, SI_USER);
    if (pid <= 0)
        return kill_many(pid, &info);
    struct proc *p = proc_find(pid);
    if (!p)
        return -ESRCH;
    if (p->state == PROC_ZOMBIE)
        return signal_permitted(p, sig);
    return kill_one(p, &info);
}

/* sigqueue(pid, sig, value): like kill() to one process, but the receiver's
 * siginfo carries value and si_code SI_QUEUE; a real-time signal queues.
 * EAGAIN when the receiver's queue is full. */
long
sys_sigqueue(pid_t pid, int sig, void *value)
{
    if (sig < 0 || sig >= NSIG)
        return -EINVAL;
    struct proc *p = pid > 0 ? proc_find(pid) : 0;
    if (!p)
        return -ESRCH;
    siginfo_t info = sender_info(sig, SI_QUEUE);
    info.si_value.sival_ptr = value;
    if (p->state == PROC_ZOMBIE)
        return signal_permitted(p, sig);
    return kill_one(p, &info);
}

long
sys_sigaction(int sig, const struct parley_sigaction *uact, struct parley_sigaction *uold)
{
    struct parley_sigaction act;
    if (!valid_signal(sig))
        return -EINVAL;
    if (uact && copy_from_user(&act, uact, sizeof act) < 0)
        return -EFAULT;
    if (uact && (sig == SIGKILL || sig == SIGSTOP))
        return -EINVAL;
    if (uold && copy_to_user(uold, &current->sig.action[sig], sizeof *uold) < 0)
        return -EFAULT;
    if (!uact)
        return 0;
    act.sa_mask &= ~UNBLOCKABLE;
    current->sig.action[sig] = act;
    /* Setting SIG_IGN (or SIG_DFL where the default is to ignore)
     * discards a pending instance (POSIX). */
    if (signal_ignored(current, sig))
        signal_discard(current, sig);
    return 0;
}

long
sys_sigprocmask(int how, const sigset_t *uset, sigset_t *uold)
{
    sigset_t set, *blocked = &current->sig.blocked;
    if (uset && copy_from_user(&set, uset, sizeof set) < 0)
        return -EFAULT;
    if (uold && copy_to_user(uold, blocked, sizeof *uold) < 0)
        return -EFAULT;
    if (!uset)
        return 0;
    switch (how) {
    case SIG_BLOCK:   *blocked |= set; break;
    case SIG_UNBLOCK: *blocked &= ~set; break;
    case SIG_SETMASK: *blocked = set; break;
    default:          return -EINVAL;
    }
    *blocked &= ~UNBLOCKABLE;       /* silently: SIGKILL and SIGSTOP stay */
    return 0;
}

long
sys_sigpending(sigset_t *uset)
{
    sigset_t pending = current->sig.pending & current->sig.blocked;
    return copy_to_user(uset, &pending, sizeof pending);
}

/* Wait for a signal with the mask temporarily replaced; the old mask comes
 * back after the handler (signal.c restores saved_mask). */
long
sys_sigsuspend(const sigset_t *umask)
{
    sigset_t mask;
    if (copy_from_user(&mask, umask, sizeof mask) < 0)
        return -EFAULT;
    struct signal_state *s = &current->sig;
    if (!s->restore_mask) {
        s->saved_mask = s->blocked;
        s->restore_mask = true;
    }
    s->blocked = mask & ~UNBLOCKABLE;
    while (waitq_sleep(0, "sigsuspend", 0, 0) == 0)
        ;
    return -ERESTARTNOHAND;
}

long
sys_pause(void)
{
    while (waitq_sleep(0, "pause", 0, 0) == 0)
        ;
    return -ERESTARTNOHAND;
}

/* Return from a handler: restore the registers and mask saved in the signal
 * frame (arch/sigframe.c). */
long
sys_sigreturn(void)
{
    struct trapframe *tf = current->tf;
    sigset_t mask;
    if (sigframe_pop(tf, &mask) < 0) {
        signal_force(current, SIGSEGV);
        return -EFAULT;
    }
    current->sig.blocked = mask & ~UNBLOCKABLE;
    return syscall_result(tf);   /* dispatch stores it back unchanged */
}

/* sigaltstack(ss, old): set or disable the alternate stack that SA_ONSTACK
 * handlers run on.  EPERM while running on it, ENOMEM if smaller than
 * MINSIGSTKSZ, EINVAL for unknown flags. */
long
sys_sigaltstack(const stack_t *uss, stack_t *uold)
{
    struct signal_state *s = &current->sig;
    bool on = signal_on_altstack(current, sigframe_user_sp(current->tf));
    stack_t old = s->altstack, ss;
    old.ss_flags = on ? SS_ONSTACK : old.ss_size ? 0 : SS_DISABLE;
    if (uold && user_check(uold, sizeof *uold, true) < 0)
        return -EFAULT;
    if (uss) {
        if (copy_from_user(&ss, uss, sizeof ss) < 0)
            return -EFAULT;
        if (ss.ss_flags & ~(SS_DISABLE | SS_ONSTACK))
            return -EINVAL;
        if (on)
            return -EPERM;
        if (!(ss.ss_flags & SS_DISABLE) && ss.ss_size < MINSIGSTKSZ)
            return -ENOMEM;
        if (ss.ss_flags & SS_DISABLE)
            memset(&ss, 0, sizeof ss);
        ss.ss_flags = 0;
        s->altstack = ss;
    }
    return uold ? copy_to_user(uold, &old, sizeof old) : 0;
}

/* A timeout for sigtimedwait: the deadline in ns, 0 for none (NULL).
 * -EINVAL for a malformed one. */
static int
sigtimedwait_deadline(const struct timespec *utimeout, uint64_t *deadline)
{
    struct timespec t;
    *deadline = 0;
    if (!utimeout)
        return 0;
    if (copy_from_user(&t, utimeout, sizeof t) < 0)
        return -EFAULT;
    if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= 1000000000)
        return -EINVAL;
    *deadline = time_now_ns() + (uint64_t)t.tv_sec * 1000000000 + t.tv_nsec;
    return 0;
}

/*
 * sigtimedwait(set, info, timeout): take a pending signal of set (the
 * lowest) without running its handler, and return its number, filling
 * *info.  Waits until one is sent -- blocked or not -- or the timeout
 * passes (EAGAIN); another signal whose handler runs gives EINTR.
 */
long
sys_sigtimedwait(const sigset_t *uset, siginfo_t *uinfo, const struct timespec *utimeout)
{
    struct signal_state *s = &current->sig;
    sigset_t set;
    uint64_t deadline;
    if (copy_from_user(&set, uset, sizeof set) < 0)
        return -EFAULT;
    int err = sigtimedwait_deadline(utimeout, &deadline);
    if (err)
        return err;
    if (uinfo && user_check(uinfo, sizeof *uinfo, true) < 0)
        return -EFAULT;
    set &= ~UNBLOCKABLE;
    while (!(s->pending & set)) {
        if (utimeout && time_now_ns() >= deadline)
            return -EAGAIN;
        s->waiting = set;
        err = waitq_sleep_until(0, utimeout ? deadline : 0, "sigtimedwait", 0, 0);
        s->waiting = 0;
        if (err && !(s->pending & set))
            return -ERESTARTNOHAND;
    }
    siginfo_t info;
    int sig = signal_lowest(s->pending & set);
    signal_dequeue(current, sig, &info);
    if (uinfo)
        copy_to_user(uinfo, &info, sizeof info);
    return sig;
}
