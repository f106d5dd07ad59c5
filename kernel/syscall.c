/*
 * System-call dispatch.
 *
 * The table is generated from PARLEY_SYSCALLS in <parley/syscall.h>, the one
 * list shared with the user library.  Each handler is an ordinary C function
 * sys_NAME taking up to five word-sized arguments and returning a value or a
 * negative errno.  Its prototype comes from the table's row (syscall.h), so
 * the compiler checks every definition against it; a row marked N (not
 * implemented) has a NULL entry and returns -ENOSYS.
 *
 * trace(1) makes the kernel print each call of the process (and its
 * children) by name, with its arguments and result.
 */
#include "lib/kernel.h"
#include "arch/trapframe.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "arch/x86.h"
#include "syscall.h"
#include "arch/cputime.h"
#include "trace/trace.h"
#include "trace/explore.h"
#include <parley/sysenter.h>
#include <parley/syscall.h>

typedef long (*syscall_fn)(long, long, long, long, long);

/* Every argument arrives as a word in a register, so calling a handler
 * through syscall_fn is the i386 calling convention doing what it always
 * does; the detour through void (*)(void) tells gcc the cast is meant. */
#define HANDLER(name) ((syscall_fn)(void (*)(void))sys_##name)

static const struct {
    syscall_fn  fn;
    const char *name;
    int         nargs;
    const char *params;
} syscalls[SYS_MAX] = {
#define TABLE_ENTRY(num, name, nargs, params) [num] = { HANDLER(name), #name, nargs, #params },
#define NOSYS_ENTRY(num, name, nargs, params) [num] = { NULL, #name, nargs, #params },
    PARLEY_SYSCALLS(TABLE_ENTRY, NOSYS_ENTRY)
};

static void
trace_call(struct proc *p, int nr, const long *args, long result)
{
    const char *name = nr > 0 && nr < SYS_MAX && syscalls[nr].name ? syscalls[nr].name : "?";
    int nargs = nr > 0 && nr < SYS_MAX ? syscalls[nr].nargs : 0;
    printk("[%d %s] %s(", p->pid, p->name, name);
    for (int i = 0; i < nargs; i++)
        printk(i ? ", 0x%lx" : "0x%lx", args[i]);
    printk(") = %ld\n", result);
}

/* The handler of call nr, or NULL for a number outside the table or a row
 * marked N (-ENOSYS). */
static inline syscall_fn
syscall_handler(unsigned nr)
{
    return nr < SYS_MAX ? syscalls[nr].fn : NULL;
}

/* The call through the table, with the arguments in args[]. */
static long
syscall_call(int nr, const long *args)
{
    syscall_fn fn = syscall_handler((unsigned)nr);
    if (!fn)
        return -ENOSYS;
    long result = fn(args[0], args[1], args[2], args[3], args[4]);
    assert_interrupts_off();    /* every handler, IPC or not, keeps the model */
    return result;
}

/* A call of a process that trace(1) or explore mode watches: the hooks
 * around the call.  Out of line, off the fast path. */
static void __attribute__((noinline))
syscall_dispatch_watched(struct proc *p, struct trapframe *tf, int nr)
{
    long args[5] = { tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi };

    if (p->trace_flags)
        trace_syscall_begin(p, nr, args);
    long result = syscall_call(nr, args);
    if (p->trace)
        trace_call(p, nr, args, result);
    if (p->trace_flags)
        trace_syscall(p, nr, args, result);
    tf->eax = (uint32_t)result;
    if (p->explore) {
        p->explore_ticks = 0;
        explore_point(p);
    }
}

/* Inlined into both doors' paths: one test decides that no hook runs, and
 * the unwatched call takes its arguments straight from the trapframe (no
 * copy of them to build: under TCG every load and store counts).  This is
 * syscall_call written again on purpose: passing the five words to an
 * inline syscall_call made gcc load them before the table test and spill
 * two of them to the stack. */
static inline __attribute__((always_inline)) void
syscall_run(struct proc *p, struct trapframe *tf)
{
    int nr = (int)tf->eax;

    p->syscall_nr = nr;
    if (__builtin_expect(p->trace | p->trace_flags | p->explore, 0)) {
        syscall_dispatch_watched(p, tf, nr);
        return;
    }
    syscall_fn fn = syscall_handler((unsigned)nr);
    long result = fn ? fn(tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi) : -ENOSYS;
    assert_interrupts_off();
    tf->eax = (uint32_t)result;
}

void
syscall_dispatch(struct trapframe *tf)
{
    syscall_run(current, tf);
}

/* A system call that came in by sysenter (from sysenter_entry): always from
 * user mode and always a system call, so none of trap()'s questions; and
 * the way out goes through return_to_user only when there is something to
 * do there (preemption, a signal, a call to restart).  This is the fast
 * path getpid_ns measures (docs/performance.md): one call in from the
 * entry stub, the handler's call through the table, tests of a few words
 * on the way out, and a jump (not a return) to sysexit.  Returns only to
 * leave by iret: the frame no longer returns to the stub. */
void
syscall_trap(struct trapframe *tf)
{
    struct proc *p = current;

    p->tf = tf;
    syscall_run(p, tf);
    cputime_resume_user(tf);    /* the tick this call held off is system time */
    if (need_resched || (tf->eflags & EFLAGS_VM) || signal_work_after_call(&p->sig, (long)tf->eax))
        return_to_user(tf);
    if (tf->eip == PARLEY_SYSENTER_RETURN)
        sysenter_exit(tf);
}

/* trace(on): print this process's system calls.  Returns the old setting. */
long
sys_trace(int on)
{
    bool old = current->trace;
    current->trace = on != 0;
    return old;
}

const char *
syscall_params(int nr)
{
    return nr > 0 && nr < SYS_MAX ? syscalls[nr].params : NULL;
}
