/*
 * The x87 FPU: every process has floating-point registers of its own.
 *
 * Saving and loading them (108 bytes) at every switch would tax the many
 * processes that never touch a float, so they are switched lazily.  The
 * registers stay with their owner, `fpu_owner`; switching to anyone else
 * sets CR0.TS, and that process's first FPU instruction traps ("device not
 * available", #NM).  Only then does the kernel save the owner's registers
 * in its struct proc and load the new process's (or fresh ones, fninit,
 * for a process's first float).  A ping-pong of two processes of which
 * one computes never saves anything.
 *
 * x87 only: Parley's programs are built for i686 without SSE, and
 * CR4.OSFXSR stays clear, so SSE instructions are #UD (SIGILL).  The
 * kernel itself never uses the FPU (-mgeneral-regs-only).
 */
#include "lib/kernel.h"
#include "arch/fpu.h"
#include "arch/x86.h"
#include "proc/proc.h"

#define CR0_MP 0x02             /* wait/fwait trap on TS too */
#define CR0_EM 0x04             /* no FPU: every instruction traps */
#define CR0_TS 0x08             /* task switched: the next FPU use traps */
#define CR0_NE 0x20             /* x87 errors as #MF (SIGFPE), not IRQ 13 */

static struct proc *fpu_owner;  /* whose registers the FPU holds, or NULL */
static bool ts_set;             /* CR0.TS as last written */

static void
set_ts(bool on)
{
    if (on == ts_set)
        return;                 /* a CR0 write costs; most switches need none */
    if (on)
        write_cr0(read_cr0() | CR0_TS);
    else
        __asm__ volatile("clts");
    ts_set = on;
}

void
fpu_init(void)
{
    write_cr0((read_cr0() & ~CR0_EM) | CR0_MP | CR0_NE | CR0_TS);
    ts_set = true;
    printk("fpu: x87, switched lazily\n");
}

void
fpu_switch_to(struct proc *next)
{
    set_ts(next != fpu_owner);
}

/* Put the owner's registers in its struct proc; nobody owns the FPU after
 * (fnsave leaves it reinitialised). */
static void
fpu_save_owner(void)
{
    if (!fpu_owner)
        return;
    set_ts(false);
    __asm__ volatile("fnsave %0" : "=m"(fpu_owner->fpu.regs));
    fpu_owner = NULL;
    set_ts(true);
}

/* The current process used the FPU with TS set.  fninit first when nobody
 * owns it: a dead owner may have left an unmasked exception pending, and
 * the kernel must not be the one that takes it (#MF in frstor). */
void
fpu_device_trap(void)
{
    struct proc *p = current;
    set_ts(false);
    if (fpu_owner)
        __asm__ volatile("fnsave %0" : "=m"(fpu_owner->fpu.regs));
    else
        __asm__ volatile("fninit");
    if (p->fpu.used)
        __asm__ volatile("frstor %0" : : "m"(p->fpu.regs));
    p->fpu.used = true;
    fpu_owner = p;
}

/* The child starts with the parent's registers, as on Linux. */
void
fpu_fork(struct proc *child, struct proc *parent)
{
    if (parent == fpu_owner)
        fpu_save_owner();
    child->fpu = parent->fpu;
}

void
fpu_forget(struct proc *p)
{
    if (p == fpu_owner) {
        fpu_owner = NULL;
        set_ts(true);           /* an exec'd program's first float traps */
    }
    p->fpu.used = false;
}

/* A handler must not disturb the floats of the code it interrupted: they
 * go into the signal frame, and the handler starts with fresh ones. */
void
fpu_to_signal_frame(struct fpu_state *frame)
{
    struct proc *p = current;
    if (p == fpu_owner)
        fpu_save_owner();
    *frame = p->fpu;
    p->fpu.used = false;
}

/* sigreturn: whatever the frame holds now (the handler may have changed
 * it) is loaded at the next FPU instruction.  A pending exception in it is
 * taken then, in user mode, as SIGFPE. */
void
fpu_from_signal_frame(const struct fpu_state *frame)
{
    struct proc *p = current;
    if (p == fpu_owner)
        fpu_owner = NULL;
    p->fpu = *frame;
    p->fpu.used = frame->used != 0;
    set_ts(true);
}
