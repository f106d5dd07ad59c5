/*
 * trap(): where every interrupt, exception and system call arrives.
 *
 * A fault in user mode becomes a signal for the process (SIGSEGV, SIGFPE,
 * SIGILL...) and never harms the kernel; a fault in kernel mode is a kernel
 * bug and panics.  On the way back to user mode the process may be
 * preempted (its time slice ran out) and pending signals are delivered.
 */
#include "lib/kernel.h"
#include "arch/x86.h"
#include "arch/irq.h"
#include "arch/trapframe.h"
#include "arch/gdt.h"
#include "arch/cputime.h"
#include "arch/fpu.h"
#include "mm/vm.h"
#include "mm/frame.h"
#include "mm/memlayout.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "syscall.h"
#include <parley/wait.h>

static const char *const exception_names[] = {
    "divide error", "debug", "NMI", "breakpoint", "overflow", "bound range",
    "invalid opcode", "device not available", "double fault", "coprocessor",
    "invalid TSS", "segment not present", "stack fault", "general protection",
    "page fault", "reserved", "x87 error", "alignment check", "machine check",
    "SIMD error",
};

static int
exception_signal(int trapno)
{
    switch (trapno) {
    case T_DIVIDE: case T_FPERR: case 19: return SIGFPE;
    case T_ILLOP:                         return SIGILL;
    case T_DEBUG: case T_BRKPT:           return SIGTRAP;
    case T_ALIGN:                         return SIGBUS;
    default:                              return SIGSEGV;   /* bound and into too, as on Linux */
    }
}

static const char *
exception_name(int trapno)
{
    return trapno < (int)ARRAY_SIZE(exception_names) ? exception_names[trapno] : "trap";
}

/* A user page fault: stack growth and copy-on-write are resolved; a page
 * of a mapped file wholly past its end is SIGBUS (BUS_ADRERR); anything
 * else is SIGSEGV, whose siginfo carries the address and, from the error
 * code's present bit, SEGV_ACCERR (a page the access may not touch) or
 * SEGV_MAPERR (no page there). */
static void
user_page_fault(struct trapframe *tf)
{
    struct proc *p = current;
    uint32_t addr = read_cr2();
    int err = vm_handle_fault(&p->vm, addr, tf->err & 2);

    if (err == 0)
        return;
    if (err == -ENOMEM) {       /* no frame even in the reserve */
        frame_wait_for_memory();
        return;                 /* the instruction faults again, or a signal comes */
    }
    if (err == VM_FAULT_SIGBUS) {
        printk("pid %d (%s): bus error at address %p (past the end of a mapped file), eip %p\n",
               p->pid, p->name, (void *)addr, (void *)tf->eip);
        signal_force_fault(p, SIGBUS, BUS_ADRERR, (void *)addr);
        return;
    }
    printk("pid %d (%s): %s at address %p (%s, %s), eip %p\n",
           p->pid, p->name, exception_name(tf->trapno), (void *)addr,
           tf->err & 2 ? "write" : "read",
           tf->err & 1 ? "protection violation" : "page not mapped",
           (void *)tf->eip);
    signal_force_fault(p, SIGSEGV, tf->err & 1 ? SEGV_ACCERR : SEGV_MAPERR, (void *)addr);
}

/* A user process did something illegal: say so clearly, then signal it. */
static void
user_fault(struct trapframe *tf)
{
    struct proc *p = current;

    if (tf->trapno == T_PGFLT) {
        user_page_fault(tf);
        return;
    }
    if (tf->trapno == T_DEVICE) {
        fpu_device_trap();      /* not a fault: its first float since a switch */
        return;
    }
    printk("pid %d (%s): %s, eip %p\n", p->pid, p->name,
           exception_name(tf->trapno), (void *)tf->eip);
    signal_force(p, exception_signal(tf->trapno));
}

/*
 * A page fault in kernel mode at a user address: the kernel was copying to
 * or from a buffer it checked before the system call slept, and a page has
 * gone meanwhile (another process truncated a file the buffer is mapped
 * from).  Bring the page back if its region allows, as a fault in user
 * mode would, and retry; if not, a fault inside user_copy resumes at its
 * fixup, which fails the copy with EFAULT.  False: a kernel bug.
 */
static bool
kernel_user_fault(struct trapframe *tf)
{
    extern char user_copy_end[], user_copy_fault[];
    uint32_t addr = read_cr2();
    if (tf->trapno != T_PGFLT || addr >= USER_TOP || !current || !current->vm.pgdir)
        return false;
    if (vm_handle_fault(&current->vm, addr, tf->err & 2) == 0)
        return true;
    if (tf->eip < (uint32_t)user_copy || tf->eip >= (uint32_t)user_copy_end)
        return false;
    tf->eip = (uint32_t)user_copy_fault;
    return true;
}

static void
kernel_fault(struct trapframe *tf)
{
    if (kernel_user_fault(tf))
        return;
    if (tf->trapno == T_PGFLT)
        printk("kernel page fault at address %p, error %x\n",
               (void *)read_cr2(), tf->err);
    printk("eip %p eax %x ebx %x ecx %x edx %x esi %x edi %x ebp %x\n",
           (void *)tf->eip, tf->eax, tf->ebx, tf->ecx, tf->edx, tf->esi,
           tf->edi, tf->ebp);
    backtrace_print(tf->ebp);
    panic("%s in kernel mode (trap %d)", exception_name(tf->trapno), tf->trapno);
}

_Static_assert(offsetof(struct trapframe, edi) == TF_EDI, "TF_EDI");
_Static_assert(offsetof(struct trapframe, esi) == TF_ESI, "TF_ESI");
_Static_assert(offsetof(struct trapframe, ebp) == TF_EBP, "TF_EBP");
_Static_assert(offsetof(struct trapframe, ebx) == TF_EBX, "TF_EBX");
_Static_assert(offsetof(struct trapframe, eax) == TF_EAX, "TF_EAX");
_Static_assert(offsetof(struct trapframe, gs) == TF_GS, "TF_GS");
_Static_assert(offsetof(struct trapframe, ds) == TF_DS, "TF_DS");
_Static_assert(offsetof(struct trapframe, eip) == TF_EIP, "TF_EIP");
_Static_assert(offsetof(struct trapframe, esp) == TF_ESP, "TF_ESP");
_Static_assert(sizeof(struct trapframe) == TF_SIZE, "TF_SIZE");

/* A program that sets the trap flag and then executes sysenter takes the
 * single-step trap on the first instruction of sysenter_entry, in ring 0,
 * before any trapframe exists.  Take the flag away and carry on with the
 * system call; the program gets its SIGTRAP (one step: over the call) when
 * the call returns. */
static bool
sysenter_single_step(struct trapframe *tf)
{
    if (tf->trapno != T_DEBUG || tf->eip != (uint32_t)sysenter_entry)
        return false;
    tf->eflags &= ~EFLAGS_TF;
    signal_send(current, SIGTRAP, 0);
    return true;
}

void
trap(struct trapframe *tf)
{
    bool from_user = trapframe_from_user(tf);

    if (!from_user && sysenter_single_step(tf))
        return;

    if (from_user)
        current->tf = tf;
    if (tf->trapno == T_SYSCALL)
        syscall_dispatch(tf);
    else if (tf->trapno >= T_IRQ0 && tf->trapno < T_IRQ0 + NIRQ)
        irq_dispatch(tf->trapno - T_IRQ0);
    else if (from_user)
        user_fault(tf);
    else
        kernel_fault(tf);

    if (from_user)
        return_to_user(tf);
}

/*
 * A trap from virtual-8086 mode.  Parley never runs v86 code, so a process
 * got there with a forged iret frame; there is no sane user state to return
 * to (or to build a signal frame on), so once the trap itself is handled
 * (an interrupt must still be acknowledged) the process dies of SIGSEGV.
 */
static void
v86_mode_kill(struct trapframe *tf)
{
    printk("pid %d (%s): trap %d in virtual-8086 mode at %x:%x; killed\n",
           current->pid, current->name, tf->trapno, tf->cs, tf->eip);
    proc_exit(W_EXITCODE(0, SIGSEGV));
}

/* Last stop before user mode: take the CPU away if the slice is over, and
 * run pending signals (which may end the process here). */
void
return_to_user(struct trapframe *tf)
{
    if (tf->eflags & EFLAGS_VM)
        v86_mode_kill(tf);
    if (need_resched)
        sched_yield_cpu();
    signal_deliver(tf);
    cputime_resume_user(tf);    /* for the next tick: user or system time? */
}
