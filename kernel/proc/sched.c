/*
 * The scheduler: round robin, preemptive by the timer, over two run queues.
 *
 * A process woken from a sleep while it still has time left in its slice
 * goes on the `woken` queue, which runs before the `ready` queue of
 * everybody else (preempted, yielding, new).  So a process that sleeps
 * most of the time -- one end of a pipe, a server waiting for requests --
 * answers at once however many CPU-bound processes are waiting, instead of
 * queueing behind all of them (bench: pipe_rtt_runnable60_us).  It cannot
 * starve them: its slice is refilled only when used up, and then it goes to
 * the back of `ready` like anyone else.  Every operation is O(1).
 *
 * current is the running process; it is not on the run queue.  A process
 * gives up the CPU by setting its state and calling schedule(), which
 * switches straight to the next runnable process (or to the idle process,
 * pid 0, when there is none).  The timer only sets need_resched when a
 * slice ends; the switch happens on the way back to user mode (trap.c), so
 * a process is never preempted inside the kernel.
 */
#include "proc/proc.h"
#include "proc/sched.h"
#include "arch/gdt.h"
#include "arch/timer.h"
#include "arch/x86.h"
#include "mm/memlayout.h"
#include "trace/explore.h"

void context_switch(struct context **save, struct context *load);

struct proc *current;
volatile bool need_resched;
struct run_queue { struct proc *head, *tail; };
static struct run_queue woken, ready;
static struct proc *idle_proc;

static void
run_queue_push(struct run_queue *q, struct proc *p)
{
    p->run_next = 0;
    if (q->tail)
        q->tail->run_next = p;
    else
        q->head = p;
    q->tail = p;
}

static struct proc *
run_queue_pop(struct run_queue *q)
{
    struct proc *p = q->head;
    if (p) {
        q->head = p->run_next;
        if (!q->head)
            q->tail = 0;
    }
    return p;
}

void
sched_make_runnable(struct proc *p)
{
    assert_interrupts_off();
    assert(p->state != PROC_RUNNABLE && p->state != PROC_ZOMBIE && p->state != PROC_UNUSED);
    bool from_sleep = p->state == PROC_SLEEPING && p->ticks_left > 0;
    p->state = PROC_RUNNABLE;
    run_queue_push(from_sleep ? &woken : &ready, p);
}

/* The one way a sleeper becomes runnable: off its wait queue (if it is on
 * one), onto the run queue.  Wake-ups, deadlines and signals all use it. */
void
sched_wake(struct proc *p)
{
    waitq_remove(p);
    if (p->state == PROC_SLEEPING)
        sched_make_runnable(p);
}

static bool
anyone_runnable(void)
{
    return woken.head || ready.head;
}

static void
switch_to(struct proc *next)
{
    struct proc *prev = current;
    next->state = PROC_RUNNING;
    if (next->ticks_left <= 0)      /* a fresh slice only when used up; nice scales it */
        next->ticks_left = resource_slice_ticks(next, TIME_SLICE_TICKS);
    if (next == prev)
        return;
    current = next;
    /* The idle process has no address space of its own and runs in the last
     * one's; back from idle to that same process, it is still live and
     * vm_activate does nothing (mm/vm_switch.c). */
    if (next->vm.pgdir)
        vm_activate(&next->vm);
    tss_set_kernel_stack((uint32_t)next->kstack + KSTACK_SIZE);
    fpu_switch_to(next);
    context_switch(&prev->context, next->context);
}

void
schedule(void)
{
    struct proc *next = run_queue_pop(&woken);
    if (!next)
        next = run_queue_pop(&ready);
    need_resched = false;
    switch_to(next ? next : idle_proc);
}

void
sched_yield_cpu(void)
{
    if (current != idle_proc)
        sched_make_runnable(current);
    schedule();
}

/* Take p off queue q if it is there. */
static bool
run_queue_remove(struct run_queue *q, struct proc *p)
{
    struct proc **link = &q->head, *prev = 0;
    while (*link && *link != p) {
        prev = *link;
        link = &(*link)->run_next;
    }
    if (!*link)
        return false;
    *link = p->run_next;
    if (q->tail == p)
        q->tail = prev;
    return true;
}

/* Run next (a runnable process) now, current going to the back of the run
 * queue: how explore mode picks who runs after a system call. */
void
sched_yield_to(struct proc *next)
{
    if (current == idle_proc)
        return;
    if (!run_queue_remove(&woken, next) && !run_queue_remove(&ready, next))
        return;                 /* not on a run queue after all */
    sched_make_runnable(current);
    need_resched = false;
    switch_to(next);
}

/* current has just handed p, which it woke, a message too large to be
 * worth queueing: run p now and current right after it.  current goes on
 * `woken` (if its slice has time left), ahead of every preempted process,
 * so the hand-over costs it its turn, not its place.  Nothing happens if p
 * is not waiting on `woken` (it has run already, or used up its slice), or
 * in explore mode, whose switches must come from the seed only. */
void
sched_hand_off(struct proc *p)
{
    if (current == idle_proc || current->explore || p->explore || !run_queue_remove(&woken, p))
        return;
    current->state = PROC_RUNNABLE;
    run_queue_push(current->ticks_left > 0 ? &woken : &ready, current);
    switch_to(p);
}

/*
 * A sender that runs on after copying a message straight into a sleeping
 * receiver finds it woken but not yet run at its next send, and would
 * queue that message: a copy in and a copy out.  A large one
 * (HANDOFF_MIN_BYTES: a copy of 16 KiB costs about what the two switches
 * do) lets the receiver run first, which takes what it was given and
 * sleeps again with its buffer open, so each message is copied once
 * (net/dgram.c, ipc/byteq.c).  Only at the next send: a sender that waits
 * for a reply, as in a round trip, never yields.  A rendezvous send lets
 * the receiver it answers catch up the same way (ipc/mbox.h).
 */
void
sched_catch_up(pid_t *handed)
{
    struct proc *p = proc_find(*handed);
    *handed = 0;
    if (p)
        sched_hand_off(p);
}

/* The n-th runnable process for which pick(p) holds, in the order they
 * would run, or NULL. */
struct proc *
sched_runnable_nth(bool (*pick)(struct proc *), unsigned n)
{
    struct run_queue *queues[] = { &woken, &ready };
    for (int i = 0; i < 2; i++)
        for (struct proc *p = queues[i]->head; p; p = p->run_next)
            if (pick(p) && n-- == 0)
                return p;
    return NULL;
}

/* Wake timed sleepers whose deadline has passed, and count down the slice. */
void
sched_tick(void)
{
    uint64_t now = time_now_ns();
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        if (p->state == PROC_SLEEPING && p->wake_at_ns && p->wake_at_ns <= now)
            sched_wake(p);
        if (p->sig.alarm_at_ns && p->sig.alarm_at_ns <= now) {
            p->sig.alarm_at_ns = 0;
            signal_send(p, SIGALRM, 0);
        }
    }
    if (current != idle_proc)
        resource_tick(current);
    if (current == idle_proc ||
        (--current->ticks_left <= 0 && explore_timer_may_preempt(current)))
        need_resched = true;
}

/* pid 0: runs when nobody else can.  Interrupts are enabled only here and
 * in user mode. */
void
sched_idle(void)
{
    idle_proc = current;
    for (;;) {
        if (anyone_runnable()) {
            schedule();
            continue;
        }
        sti();
        hlt();
        cli();
    }
}
