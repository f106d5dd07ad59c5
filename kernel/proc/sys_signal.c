/*
 * System calls about signals: kill, sigaction, sigprocmask, sigpending,
 * sigsuspend, pause, sigreturn.  See signal.c for delivery.
 */
#include "proc/proc.h"
#include "syscall.h"
#include "proc/sched.h"
#include "arch/trapframe.h"

static bool
valid_signal(int sig)
{
    return sig > 0 && sig < NSIG;
}

/* kill(pid, sig): pid > 0 one process, 0 our group, -1 everyone but init,
 * < -1 the group -pid.  sig 0 only checks that the target exists. */
long
sys_kill(pid_t pid, int sig)
{
    if (sig < 0 || sig >= NSIG)
        return -EINVAL;
    if (pid > 0) {
        struct proc *p = proc_find(pid);
        if (!p || p->state == PROC_ZOMBIE)
            return p ? 0 : -ESRCH;
        if (!signal_refused_by_init(p, sig))
            signal_send(p, sig, current->pid);
        return 0;
    }
    if (pid == 0 || pid < -1)
        return signal_send_group(pid == 0 ? current->pgid : -pid, sig, current->pid);
    int found = 0;
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        if (p->pid > 1 && p != current && p->state != PROC_UNUSED &&
            p->state != PROC_ZOMBIE && p->state != PROC_EMBRYO) {
            signal_send(p, sig, current->pid);
            found = 1;
        }
    }
    return found ? 0 : -ESRCH;
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
    /* Setting SIG_IGN discards a pending instance (POSIX). */
    if (act.sa_handler == SIG_IGN ||
        (act.sa_handler == SIG_DFL && (sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH)))
        current->sig.pending &= ~SIGBIT(sig);
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
 * frame.  Only user-mode segments and flags are accepted back. */
long
sys_sigreturn(void)
{
    struct trapframe *tf = current->tf;
    struct {
        int sig;
        void *info, *context;
        struct trapframe saved;
        sigset_t saved_mask;
    } frame;
    if (copy_from_user(&frame, (void *)tf->esp, sizeof frame) < 0) {
        signal_force(current, SIGSEGV);
        return -EFAULT;
    }
    *tf = frame.saved;
    tf->cs = SEG_UCODE;
    tf->ss = SEG_UDATA;
    tf->eflags = (tf->eflags & 0xCD5) | 0x200;   /* arithmetic flags, DF; IF on */
    current->sig.blocked = frame.saved_mask & ~UNBLOCKABLE;
    return (long)tf->eax;       /* dispatch stores it back into eax unchanged */
}
