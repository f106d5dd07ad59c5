#ifndef PROC_WAITQ_H
#define PROC_WAITQ_H

#include <stdint.h>

struct proc;

/*
 * A wait queue: the processes sleeping until something about one object
 * changes (a pipe gains data, a child exits, a line is typed...).
 *
 * The one way to block, used by every mechanism:
 *
 *     while (!condition) {
 *         int err = waitq_sleep(&obj->readers, "pipe %d empty", id, 0);
 *         if (err)
 *             return err;         // a signal arrived: -ERESTARTSYS
 *     }
 *
 * The condition is re-tested after every wake-up, because a wake-up means
 * "something changed", not "your condition holds".  The format and its two
 * numbers name the wait; ps and Ctrl-P show it.
 */
struct waitq {
    struct proc *head;
    struct proc *tail;
};

#define WAITQ_INIT { 0, 0 }

int  waitq_sleep(struct waitq *q, const char *what, long a, long b);
int  waitq_sleep_until(struct waitq *q, uint64_t deadline_ns,
                       const char *what, long a, long b);
void waitq_wake_all(struct waitq *q);
void waitq_wake_one(struct waitq *q);
void waitq_remove(struct proc *p);

static inline int
waitq_empty(const struct waitq *q)
{
    return q->head == 0;
}

/*
 * Kernel-internal error codes, never seen by user programs: a sleep that a
 * signal interrupted.  On the way out to user mode, signal delivery turns
 * them into EINTR or restarts the call (see proc/signal.c):
 *   ERESTARTSYS:    restart if the handler has SA_RESTART or no handler runs
 *   ERESTARTNOHAND: restart only if no handler runs (calls never restarted)
 */
#define ERESTARTSYS     512
#define ERESTARTNOHAND  514

#endif
