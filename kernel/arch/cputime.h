#ifndef ARCH_CPUTIME_H
#define ARCH_CPUTIME_H

/* User or system time for a timer tick (cputime.c). */
#include "lib/kernel.h"

struct trapframe;

void cputime_resume_user(const struct trapframe *tf);   /* last thing before user mode */
bool cputime_tick_is_system(const struct trapframe *tf); /* the tick's own trapframe */

#endif
