/*
 * The x87 FPU: every process has floating-point registers of its own.
 *
 * Saving and loading them (108 bytes) at every switch would tax the many
 * processes that never touch a float, so they are loaded lazily.  Every
 * process starts its turn on the CPU with CR0.TS set; its first FPU
 * instruction then traps ("device not available", #NM), and only then does
 * the kernel load its registers (or fresh ones, for its first float since
 * exec).  It is then the FPU's `fpu_owner` until it leaves the CPU, when
 * its registers go back into its struct proc (fnsave) and TS is set again.
 * A process that computes with floats pays a trap and a save per turn
 * that uses them; one that never does, or did once long ago (a benchmark
 * that timed itself with doubles), pays nothing at all.
 *
 * Why not leave the registers with their owner until somebody else wants
 * the FPU, as Unix kernels long did?  Then a switch between the owner and
 * anybody else flips TS, and under QEMU's TCG, which translates code
 * separately for each value of TS, every return and indirect jump after a
 * flip misses QEMU's cache of translated blocks: about 2.5 us a round trip
 * between a process that once used a double and one that never did
 * (docs/performance.md, "Floats and the jump cache").
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

static struct proc *fpu_owner;  /* whose registers the FPU holds: the process
                                   on the CPU (or the one idle ran after), or NULL */
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
    printk("fpu: x87, loaded at a turn's first float\n");
}

/* What a process's first float finds: the state fninit makes, with the
 * data registers zeroed too (fninit leaves their old contents, which
 * fnsave would show: the last owner's numbers). */
static const uint8_t fresh_regs[FPU_SAVE_SIZE] = {
    [0] = 0x7f, [1] = 0x03,             /* control word 0x037f: all masked */
    [8] = 0xff, [9] = 0xff,             /* tag word: every register empty */
};

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

/* The owner leaves the CPU: its registers go home and TS is set, so that
 * every turn starts with TS set and the FPU empty.  Not for the idle
 * process, which runs kernel code only: back from idle to the owner, its
 * registers are still there. */
void
fpu_switch_to(struct proc *next)
{
    if (fpu_owner && next != fpu_owner && next->vm.pgdir)
        fpu_save_owner();
}

/* The current process used the FPU with TS set.  Nobody owns it then
 * (fpu_switch_to sent the last owner's registers home; the save here is
 * only a guard, should that rule change), so fninit first: a dead owner
 * may have left an unmasked exception pending, and the kernel must not be
 * the one that takes it (#MF in frstor). */
void
fpu_device_trap(void)
{
    struct proc *p = current;
    set_ts(false);
    if (fpu_owner)
        __asm__ volatile("fnsave %0" : "=m"(fpu_owner->fpu.regs));
    else
        __asm__ volatile("fninit");
    const uint8_t (*regs)[FPU_SAVE_SIZE] = p->fpu.used ? &p->fpu.regs : &fresh_regs;
    __asm__ volatile("frstor %0" : : "m"(*regs));
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
