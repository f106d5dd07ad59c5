/*
 * Is a timer tick user time or system time?
 *
 * Tick sampling charges each tick by the mode it interrupted: user mode
 * (ring 3, or virtual-8086 mode) or the kernel.  But Parley's kernel runs
 * with interrupts off, so a tick that comes due during a system call or a
 * fault is taken only on the way out, before the first user instruction.
 * Such a tick finds the process exactly where the kernel has just put it
 * back (the same eip): that tick was the kernel's.  A tick taken anywhere
 * else interrupted the program itself.
 */
#include "lib/kernel.h"
#include "arch/x86.h"
#include "arch/trapframe.h"
#include "arch/cputime.h"

uint32_t cputime_resumed_eip;

/* Each return can be blamed for one tick at most: the next tick at that
 * address (a program that spins on the instruction after its call, which
 * no compiled loop does) is the program's own. */
bool
cputime_tick_is_system(const struct trapframe *tf)
{
    if (!trapframe_from_user(tf))
        return true;
    bool just_resumed = tf->eip == cputime_resumed_eip;
    cputime_resumed_eip = 0;
    return just_resumed;
}
