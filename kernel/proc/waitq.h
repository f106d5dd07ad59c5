#ifndef PROC_WAITQ_H
#define PROC_WAITQ_H

#include <stdint.h>
#include <stdbool.h>

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
 *
 * A queue holds wait entries, not processes: an entry is one process
 * waiting on one queue.  waitq_sleep uses the entry inside struct proc, so
 * an ordinary sleeper is on one queue; poll and select put one entry of
 * their own on each queue they watch (struct poll_table below), sleep once,
 * and take every entry off when they wake.  A wake-up takes the entry off
 * its queue and makes its process runnable if it still sleeps.
 */
struct wait_entry {
    struct proc       *proc;
    struct waitq      *queue;   /* the queue it is on, or NULL */
    struct wait_entry *next;
};

struct waitq {
    struct wait_entry *head;
    struct wait_entry *tail;
};

#define WAITQ_INIT { 0, 0 }

int  waitq_sleep(struct waitq *q, const char *what, long a, long b);
int  waitq_sleep_until(struct waitq *q, uint64_t deadline_ns,
                       const char *what, long a, long b);
void waitq_wake_one(struct waitq *q);
void waitq_wake_queued(struct waitq *q);    /* waitq_wake_all's loop */
void waitq_remove(struct proc *p);      /* p's own entry, off its queue */

void waitq_add(struct waitq *q, struct wait_entry *e);     /* e for current */
void waitq_del(struct wait_entry *e);   /* off its queue, if it is on one */

static inline int
waitq_empty(const struct waitq *q)
{
    return q->head == 0;
}

/* Wake everyone on q.  Inline because most calls find q empty (a queue or
 * pipe nobody waits on, a poller's queue without pollers) and then cost
 * one test instead of a call. */
static inline void
waitq_wake_all(struct waitq *q)
{
    if (q->head)
        waitq_wake_queued(q);
}

/*
 * Many queues at once, for poll and select: a file's poll operation calls
 * poll_wait(pt, q) for each queue whose change could change its answer.
 * pt is NULL when the caller only wants the answer.  The entries live in
 * one page taken for the call (poll_table_begin) and are all taken off by
 * poll_table_end; a table that runs out of entries asks for a short sleep
 * (overflow) instead of waiting forever on queues it could not join.
 */
struct poll_table {
    struct wait_entry *entries; /* one page of them, or NULL */
    unsigned           used;
    bool               overflow;
};

void poll_table_begin(struct poll_table *pt);
void poll_wait(struct poll_table *pt, struct waitq *q);
void poll_table_end(struct poll_table *pt);

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
