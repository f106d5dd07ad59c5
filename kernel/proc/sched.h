#ifndef PROC_SCHED_H
#define PROC_SCHED_H

#include <stdbool.h>
#include <parley/types.h>

struct proc;

#define TIME_SLICE_TICKS 5      /* 50 ms at 100 Hz */

extern volatile bool need_resched;

void sched_init(void);
void sched_make_runnable(struct proc *p);
void sched_wake(struct proc *p);        /* a sleeper: off its queue, runnable */
void schedule(void);            /* current has left RUNNING: run another */
void sched_yield_cpu(void);     /* current stays runnable, others go first */
void sched_yield_to(struct proc *next);     /* the same, next one chosen (explore) */
void sched_hand_off(struct proc *p);        /* run p, just woken, then current */
void sched_hand_off_pid(pid_t pid);         /* the same by pid (0: nobody) */

/* From this size on, a sender lets the receiver it handed its last message
 * to (one copy) run before it sends the next (net/dgram.c, ipc/byteq.c):
 * a copy of 16 KiB costs about what the two switches do. */
#define HANDOFF_MIN_BYTES 16384
struct proc *sched_runnable_nth(bool (*pick)(struct proc *), unsigned n);
void sched_tick(void);          /* timer interrupt */
void sched_idle(void) __attribute__((noreturn));

#endif
