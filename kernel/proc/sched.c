/*
 * The scheduler: round robin over one run queue, preemptive by the timer.
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
#include "trace/explore.h"

void context_switch(struct context **save, struct context *load);

struct proc *current;
volatile bool need_resched;
static struct proc *run_head, *run_tail;
static struct proc *idle_proc;

void
sched_make_runnable(struct proc *p)
{
    assert_interrupts_off();
    assert(p->state != PROC_RUNNABLE && p->state != PROC_ZOMBIE && p->state != PROC_UNUSED);
    p->state = PROC_RUNNABLE;
    p->run_next = 0;
    if (run_tail)
        run_tail->run_next = p;
    else
        run_head = p;
    run_tail = p;
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

static struct proc *
run_queue_pop(void)
{
    struct proc *p = run_head;
    if (p) {
        run_head = p->run_next;
        if (!run_head)
            run_tail = 0;
    }
    return p;
}

static void
switch_to(struct proc *next)
{
    struct proc *prev = current;
    if (next == prev) {
        next->state = PROC_RUNNING;
        return;
    }
    current = next;
    next->state = PROC_RUNNING;
    next->ticks_left = resource_slice_ticks(next, TIME_SLICE_TICKS);   /* nice */
    if (next->vm.pgdir)
        vm_activate(&next->vm);
    tss_set_kernel_stack((uint32_t)next->kstack + KSTACK_SIZE);
    context_switch(&prev->context, next->context);
}

void
schedule(void)
{
    struct proc *next = run_queue_pop();
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

/* Run next (a runnable process) now, current going to the back of the run
 * queue: how explore mode picks who runs after a system call. */
void
sched_yield_to(struct proc *next)
{
    struct proc **link = &run_head, *prev = 0;
    while (*link && *link != next) {
        prev = *link;
        link = &(*link)->run_next;
    }
    if (!*link || current == idle_proc)
        return;                 /* not on the run queue after all */
    *link = next->run_next;
    if (run_tail == next)
        run_tail = prev;
    sched_make_runnable(current);
    need_resched = false;
    switch_to(next);
}

/* The n-th runnable process for which pick(p) holds, or NULL. */
struct proc *
sched_runnable_nth(bool (*pick)(struct proc *), unsigned n)
{
    for (struct proc *p = run_head; p; p = p->run_next)
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
        if (run_head) {
            schedule();
            continue;
        }
        sti();
        hlt();
        cli();
    }
}
