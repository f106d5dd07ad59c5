/*
 * The signal frame on x86.
 *
 * A handler is entered as if it had been called as handler(sig, info,
 * context) by a caller whose return address is the library's trampoline.
 * Above the three arguments the frame keeps the interrupted registers and
 * signal mask, so the trampoline's sigreturn can find them just above %esp
 * (the handler's `ret` has popped the return address):
 *
 *      higher addresses      stack_top (the interrupted %esp, or the top
 *                            of the alternate stack)
 *      +------------------+
 *      | x87 registers    |  the interrupted code's floats (arch/fpu.c)
 *      | siginfo          |  <- info points here
 *      | saved mask       |
 *      | saved trapframe  |  <- context points here
 *      | context, info    |
 *      | sig              |
 *      | return address   |  <- %esp on entry to the handler (16-aligned + 4,
 *      +------------------+     as the i386 ABI wants after a call)
 */
#include "lib/kernel.h"
#include "arch/sigframe.h"
#include "arch/trapframe.h"
#include "arch/fpu.h"
#include "mm/vm.h"
#include "proc/proc.h"

struct sigframe {
    uint32_t          return_address;   /* the trampoline */
    int               sig;
    siginfo_t        *info;
    void             *context;
    struct trapframe  saved;            /* user registers to return to */
    sigset_t          saved_mask;
    siginfo_t         siginfo;
    struct fpu_state  fpu;              /* the interrupted code's floats */
};

/* What sigreturn reads back: the frame after the handler's `ret`. */
#define SIGFRAME_AFTER_RETURN offsetof(struct sigframe, sig)

int
sigframe_push(struct trapframe *tf, const struct sigframe_args *args)
{
    uintptr_t sp = ROUNDDOWN(args->stack_top - sizeof(struct sigframe), 16) - 4;
    struct sigframe *frame = (struct sigframe *)sp;
    if (sp > args->stack_top || user_check(frame, sizeof *frame, true) < 0)
        return -EFAULT;
    frame->return_address = (uint32_t)args->restorer;
    frame->sig = args->sig;
    frame->info = &frame->siginfo;
    frame->context = &frame->saved;
    frame->saved = *tf;
    frame->saved_mask = args->saved_mask;
    frame->siginfo = *args->info;
    fpu_to_signal_frame(&frame->fpu);
    tf->esp = sp;
    tf->eip = (uint32_t)args->handler;
    tf->eax = args->sig;                /* also in %eax, handy in gdb */
    return 0;
}

/* Only user-mode segments and harmless flags are accepted back: a handler
 * may change the saved registers, never its privilege. */
int
sigframe_pop(struct trapframe *tf, sigset_t *saved_mask)
{
    struct sigframe frame;
    void *at = (char *)tf->esp - SIGFRAME_AFTER_RETURN;
    if (copy_from_user(&frame, at, sizeof frame) < 0)
        return -EFAULT;
    *tf = frame.saved;
    tf->cs = SEG_UCODE;
    tf->ss = SEG_UDATA;
    tf->ds = user_data_selector(tf->ds);        /* never a kernel selector */
    tf->es = user_data_selector(tf->es);
    tf->fs = user_data_selector(tf->fs);
    tf->gs = user_data_selector(tf->gs);
    tf->eflags = (tf->eflags & 0xCD5) | 0x200;   /* arithmetic flags, DF; IF on */
    *saved_mask = frame.saved_mask;
    fpu_from_signal_frame(&frame.fpu);
    return 0;
}

uintptr_t
sigframe_user_sp(const struct trapframe *tf)
{
    return tf->esp;
}

long
syscall_result(const struct trapframe *tf)
{
    return (long)tf->eax;
}

int
syscall_error(const struct trapframe *tf)
{
    long value = syscall_result(tf);
    return tf->trapno == T_SYSCALL && value < 0 ? (int)-value : 0;
}

/* Back up over the two bytes of `int $0x80`; %eax gets the number back
 * (it held the result).  The other argument registers were never changed. */
void
syscall_restart(struct trapframe *tf, int number)
{
    tf->eax = number;
    tf->eip -= 2;
}

void
syscall_set_result(struct trapframe *tf, long value)
{
    tf->eax = (uint32_t)value;
}
