#ifndef PROC_SCHED_H
#define PROC_SCHED_H

#include <stdbool.h>
#include <stddef.h>
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

/* Letting a receiver catch up (sched_catch_up in sched.c): a sender that
 * copied a large message straight into a sleeping receiver remembers it in
 * *handed, and lets it run before it queues the next large one.  The
 * tests are inline: every socket send passes here. */
#define HANDOFF_MIN_BYTES 16384
void sched_catch_up(pid_t *handed);     /* run *handed now, and forget it */

static inline void
sched_note_hand_over(pid_t *handed, pid_t receiver, size_t n)
{
    *handed = n >= HANDOFF_MIN_BYTES ? receiver : 0;
}

static inline void
sched_let_catch_up(pid_t *handed, size_t n)
{
    if (*handed && n >= HANDOFF_MIN_BYTES)
        sched_catch_up(handed);
}
struct proc *sched_runnable_nth(bool (*pick)(struct proc *), unsigned n);
void sched_tick(void);          /* timer interrupt */
void sched_idle(void) __attribute__((noreturn));

#endif
