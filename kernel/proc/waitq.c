/*
 * Wait queues: how every blocking call in Parley sleeps.  See waitq.h for
 * the idiom.  A queue is a list of wait entries; an ordinary sleeper uses
 * the entry in its struct proc and is on at most one queue, which it
 * leaves when woken, when its deadline passes, or when a signal interrupts
 * the sleep.  poll and select use a table of entries, one per queue.
 */
#include "proc/proc.h"
#include "proc/sched.h"
#include "trace/trace.h"
#include "arch/irq.h"
#include "arch/timer.h"
#include "mm/frame.h"
#include "lib/kstat.h"

void
waitq_add(struct waitq *q, struct wait_entry *e)
{
    e->proc = current;
    e->queue = q;
    e->next = 0;
    if (q->tail)
        q->tail->next = e;
    else
        q->head = e;
    q->tail = e;
}

void
waitq_del(struct wait_entry *e)
{
    struct waitq *q = e->queue;
    if (!q)
        return;
    struct wait_entry **link = &q->head, *prev = 0;
    while (*link && *link != e) {
        prev = *link;
        link = &(*link)->next;
    }
    if (*link) {
        *link = e->next;
        if (q->tail == e)
            q->tail = prev;
    }
    e->queue = 0;
    e->next = 0;
}

/* Take p off whatever queue it sleeps on (it may be on none). */
void
waitq_remove(struct proc *p)
{
    waitq_del(&p->wait_entry);
}

/*
 * Sleep on q (which may be NULL for a pure timed sleep, or for poll, whose
 * entries are already queued) until woken, until deadline_ns (if not 0),
 * or until a signal arrives.  Returns 0, or -ERESTARTSYS if a signal is
 * pending.
 */
int
waitq_sleep_until(struct waitq *q, uint64_t deadline_ns,
                  const char *what, long a, long b)
{
    struct proc *p = current;
    assert_interrupts_off();            /* the caller's test stays true until we sleep */
    assert(!p->wait_entry.queue);       /* on one queue at a time */
    if (signal_pending(p))
        return -ERESTARTSYS;
    if (q)
        waitq_add(q, &p->wait_entry);
    p->wait_what = what;
    p->wait_a = a;
    p->wait_b = b;
    p->wake_at_ns = deadline_ns;
    p->state = PROC_SLEEPING;
    if (trace_ipc_on(p))
        trace_block(what, a, b);
    schedule();
    waitq_remove(p);                    /* a timer or signal woke us */
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
    struct wait_entry *e = q->head;
    if (!e)
        return;
    waitq_del(e);
    if (e->proc->state == PROC_SLEEPING) {
        if (trace_ipc_on(current) || trace_ipc_on(e->proc))  /* else trace_wake does nothing */
            trace_wake(e->proc, in_interrupt);
        sched_wake(e->proc);
    }
}

void
waitq_wake_queued(struct waitq *q)
{
    while (q->head)
        waitq_wake_one(q);
}

#define POLL_ENTRIES (PAGE_SIZE / sizeof(struct wait_entry))

void
poll_table_begin(struct poll_table *pt)
{
    pt->entries = 0;
    pt->used = 0;
    pt->overflow = false;
}

void
poll_wait(struct poll_table *pt, struct waitq *q)
{
    if (!pt)
        return;
    if (!pt->entries && !(pt->entries = frame_alloc())) {
        pt->overflow = true;
        return;
    }
    if (pt->used == POLL_ENTRIES) {
        pt->overflow = true;
        return;
    }
    waitq_add(q, &pt->entries[pt->used++]);
    kstat_add(KSTAT_wait_entries, +1);
}

void
poll_table_end(struct poll_table *pt)
{
    for (unsigned i = 0; i < pt->used; i++)
        waitq_del(&pt->entries[i]);
    kstat_add(KSTAT_wait_entries, -(int)pt->used);
    if (pt->entries)
        frame_unref(pt->entries);
    poll_table_begin(pt);
}
