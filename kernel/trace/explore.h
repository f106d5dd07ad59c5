#ifndef TRACE_EXPLORE_H
#define TRACE_EXPLORE_H

#include <stdbool.h>

struct proc;

/* See explore.c: preemption at system-call ends, driven by a seed. */
void explore_point(struct proc *p);
bool explore_timer_may_preempt(struct proc *p);

#endif
