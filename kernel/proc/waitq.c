/*
 * Wait queues: how every blocking call in Parley sleeps.  See waitq.h for
 * the idiom.  A sleeping process is on at most one queue; it leaves it when
 * woken, when its deadline passes, or when a signal interrupts the sleep.
 */
#include "proc/proc.h"
#include "proc/sched.h"
#include "arch/timer.h"

static void
waitq_append(struct waitq *q, struct proc *p)
{
    p->waitq = q;
    p->waitq_next = 0;
    if (q->tail)
        q->tail->waitq_next = p;
    else
        q->head = p;
    q->tail = p;
}

/* Take p off whatever queue it sleeps on (it may be on none). */
void
waitq_remove(struct proc *p)
{
    struct waitq *q = p->waitq;
    if (!q)
        return;
    struct proc **link = &q->head, *prev = 0;
    while (*link && *link != p) {
        prev = *link;
        link = &(*link)->waitq_next;
    }
    if (*link) {
        *link = p->waitq_next;
        if (q->tail == p)
            q->tail = prev;
    }
    p->waitq = 0;
    p->waitq_next = 0;
}

/*
 * Sleep on q (which may be NULL for a pure timed sleep) until woken, until
 * deadline_ns (if not 0), or until a signal arrives.  Returns 0, or
 * -ERESTARTSYS if a signal is pending.
 */
int
waitq_sleep_until(struct waitq *q, uint64_t deadline_ns,
                  const char *what, long a, long b)
{
    struct proc *p = current;
    if (signal_pending(p))
        return -ERESTARTSYS;
    if (q)
        waitq_append(q, p);
    p->wait_what = what;
    p->wait_a = a;
    p->wait_b = b;
    p->wake_at_ns = deadline_ns;
    p->state = PROC_SLEEPING;
    schedule();
    p->wait_what = 0;
    p->wake_at_ns = 0;
    return signal_pending(p) ? -ERESTARTSYS : 0;
}

int
waitq_sleep(struct waitq *q, const char *what, long a, long b)
{
    return waitq_sleep_until(q, 0, what, a, b);
}

void
waitq_wake_one(struct waitq *q)
{
    struct proc *p = q->head;
    if (!p)
        return;
    sched_wake(p);
}

void
waitq_wake_all(struct waitq *q)
{
    while (q->head)
        waitq_wake_one(q);
}
