/*
 * Signals: kill, raise, sigaction, signal, sigprocmask, sigpending,
 * sigsuspend, pause, alarm, and the trampoline handlers return through.
 *
 * How a handler runs: when the kernel delivers a caught signal it pushes a
 * frame on the user stack (the interrupted registers and signal mask) and
 * enters the handler as if it had been called from sa_restorer.  So the
 * handler's `ret` lands in __sigreturn_trampoline below, which asks the
 * kernel (sigreturn) to restore the frame.  sigaction() therefore always
 * passes the trampoline as sa_restorer; programs never supply one.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include "internal.h"

/*
 * The trampoline.  On entry %esp points just past the handler's return
 * address, at the kernel's frame, which sigreturn reads; so it must not
 * touch the stack, and is written in assembly.  It sits inside a C function
 * only so that the "i" operand can give it the number from the system-call
 * table; the function itself is never called.
 */
__attribute__((used)) static void
__sigreturn_trampoline_holder(void)
{
    __asm__ volatile(
        ".globl __sigreturn_trampoline\n"
        ".type __sigreturn_trampoline, @function\n"
        "__sigreturn_trampoline:\n"
        "    movl %0, %%eax\n"
        "    int $0x80\n"
        "    hlt\n"                     /* not reached: sigreturn does not return */
        ".size __sigreturn_trampoline, . - __sigreturn_trampoline\n"
        : : "i"(SYS_sigreturn));
}

int
kill(pid_t pid, int sig)
{
    return SYSCALL2(kill, pid, sig);
}

/* The handler, if any, has run by the time raise() returns. */
int
raise(int sig)
{
    return kill(getpid(), sig);
}

/* struct sigaction (what programs use) -> struct parley_sigaction (what
 * the kernel takes), and back for the old action. */
int
sigaction(int sig, const struct sigaction *act, struct sigaction *oldact)
{
    struct parley_sigaction kact, kold;
    long r;

    if (act != NULL && act->sa_handler == SIG_HOLD) {
        errno = EINVAL;                         /* only sigset() takes it */
        return -1;
    }
    if (act != NULL) {
        kact.sa_handler = act->sa_handler;      /* or sa_sigaction: same word */
        kact.sa_mask = act->sa_mask;
        kact.sa_flags = act->sa_flags;
        kact.sa_restorer = __sigreturn_trampoline;
    }
    r = SYSCALL3(sigaction, sig, act ? &kact : NULL, oldact ? &kold : NULL);
    if (r == 0 && oldact != NULL) {
        oldact->sa_handler = kold.sa_handler;
        oldact->sa_mask = kold.sa_mask;
        oldact->sa_flags = kold.sa_flags;
        oldact->sa_restorer = kold.sa_restorer;
    }
    return (int)r;
}

/*
 * BSD semantics, as glibc: the handler stays installed, the signal is
 * blocked while it runs, and interrupted system calls are restarted.
 * Returns the previous handler, or SIG_ERR.
 */
sighandler_t
signal(int sig, sighandler_t handler)
{
    struct sigaction act, old = { .sa_handler = SIG_DFL };

    act.sa_handler = handler;
    act.sa_mask = 0;
    act.sa_flags = SA_RESTART;
    act.sa_restorer = 0;
    if (sigaction(sig, &act, &old) < 0)
        return SIG_ERR;
    return old.sa_handler;
}

int
sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
    return SYSCALL3(sigprocmask, how, set, oldset);
}

int
sigpending(sigset_t *set)
{
    return SYSCALL1(sigpending, set);
}

/* Always -1 with EINTR, after a handler ran. */
int
sigsuspend(const sigset_t *mask)
{
    return SYSCALL1(sigsuspend, mask);
}

int
pause(void)
{
    return SYSCALL0(pause);
}

unsigned int
alarm(unsigned int seconds)
{
    return (unsigned int)__syscall1(SYS_alarm, (long)seconds);
}
