#ifndef ARCH_CPUTIME_H
#define ARCH_CPUTIME_H

/* User or system time for a timer tick (cputime.c). */
#include "lib/kernel.h"
#include "arch/trapframe.h"

/* Where the kernel last went back to user mode, until a tick claims it. */
extern uint32_t cputime_resumed_eip;

/* The last thing before user mode, on every way out (one store: the
 * system-call fast path pays for it too). */
static inline void
cputime_resume_user(const struct trapframe *tf)
{
    cputime_resumed_eip = tf->eip;
}

bool cputime_tick_is_system(const struct trapframe *tf); /* the tick's own trapframe */

#endif
