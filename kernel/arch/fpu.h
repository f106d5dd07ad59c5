#ifndef ARCH_FPU_H
#define ARCH_FPU_H

/* Each process's x87 floating-point registers, switched lazily (fpu.c). */
#include "lib/kernel.h"

#define FPU_SAVE_SIZE 108               /* what fnsave writes in 32-bit mode */

struct fpu_state {
    uint8_t used;                       /* touched the FPU since exec (a byte:
                                           it comes back from signal frames) */
    uint8_t regs[FPU_SAVE_SIZE];        /* valid when used and not live */
};

struct proc;

void fpu_init(void);
void fpu_switch_to(struct proc *next);  /* the scheduler, before running next */
void fpu_device_trap(void);             /* #NM from user mode */
void fpu_fork(struct proc *child, struct proc *parent);
void fpu_forget(struct proc *p);        /* exec or exit: no state any more */
void fpu_to_signal_frame(struct fpu_state *frame);      /* the handler starts clean */
void fpu_from_signal_frame(const struct fpu_state *frame);

#endif
