/*
 * Is a timer tick user time or system time?
 *
 * Tick sampling charges each tick by the mode it interrupted: user mode
 * (ring 3, or virtual-8086 mode) or the kernel.  But Parley's kernel runs
 * with interrupts off, so a tick that comes due during a system call or a
 * fault is taken only on the way out, before the first user instruction.
 * Such a tick finds the process exactly where the kernel has just put it
 * back (the same eip), a moment ago: that tick was the kernel's.  A tick
 * taken later, or anywhere else, interrupted the program itself.
 */
#include "lib/kernel.h"
#include "arch/x86.h"
#include "arch/trapframe.h"
#include "arch/timer.h"
#include "arch/cputime.h"

/* Where and when the kernel last went back to user mode (one CPU). */
static uint32_t resumed_eip;
static uint64_t resumed_tsc;

void
cputime_resume_user(const struct trapframe *tf)
{
    resumed_eip = tf->eip;
    resumed_tsc = rdtsc();
}

/* A pending interrupt is taken within microseconds of the return; a
 * millisecond is slack enough for a slow emulator and still rules out
 * a program that merely spins in place (`for (;;);` keeps one eip). */
bool
cputime_tick_is_system(const struct trapframe *tf)
{
    if (!trapframe_from_user(tf))
        return true;
    return tf->eip == resumed_eip && rdtsc() - resumed_tsc < time_tsc_per_ms();
}
