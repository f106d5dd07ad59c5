/*
 * The x86 half of signal delivery: the frame a handler runs on, and how a
 * system call that a signal interrupted is restarted or failed.  Which
 * signal to deliver, to whom and with what mask is decided in
 * proc/signal.c; only how registers and the user stack are laid out for it
 * lives here.
 */
#ifndef ARCH_SIGFRAME_H
#define ARCH_SIGFRAME_H

#include <stdint.h>
#include <stdbool.h>
#include <parley/signal.h>

struct trapframe;

/* What a handler is entered with. */
struct sigframe_args {
    int              sig;
    const siginfo_t *info;
    void            *handler;
    void           (*restorer)(void);   /* the library's sigreturn trampoline */
    sigset_t         saved_mask;         /* what sigreturn puts back */
    uintptr_t        stack_top;          /* build below here: %esp, or the alternate stack */
};

/* Build the frame below args->stack_top and point tf at the handler.
 * 0, or -EFAULT if that memory is not writable user memory. */
int sigframe_push(struct trapframe *tf, const struct sigframe_args *args);

/* sigreturn: restore tf from the frame at the user's %esp, and give back
 * the mask saved in it.  0, or -EFAULT for a frame we cannot read. */
int sigframe_pop(struct trapframe *tf, sigset_t *saved_mask);

/* The user stack pointer at the moment of the trap. */
uintptr_t sigframe_user_sp(const struct trapframe *tf);

/* What the system call in tf returns (%eax). */
long syscall_result(const struct trapframe *tf);

/* The -errno a system call is about to return, if tf is the return of a
 * system call; 0 otherwise (an interrupt or a fault). */
int syscall_error(const struct trapframe *tf);

/* Make the system call in tf run again, with the same arguments, when the
 * process returns to user mode. */
void syscall_restart(struct trapframe *tf, int number);

/* Make the system call in tf return value instead. */
void syscall_set_result(struct trapframe *tf, long value);

#endif
