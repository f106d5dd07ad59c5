/*
 * The physical page allocator: a stack of free frames threaded through the
 * free frames themselves, and one reference count per frame.
 *
 * The memory policy (docs/robustness.md) lives here too:
 *
 *   - Ordinary allocations (program memory, kernel objects, file data) fail
 *     once only FRAME_RESERVE frames are left, and the caller answers ENOMEM
 *     (or ENOSPC) to the call that asked.
 *   - The reserve is for the allocations whose failure would kill a process
 *     that did nothing wrong: copy-on-write copies and page tables
 *     (frame_alloc_urgent).
 *   - File data may hold at most FILE_FRAMES_PERCENT of memory: past that,
 *     write gives ENOSPC (pipe queues are bounded by PIPE_CAPACITY instead).
 *   - If even the reserve runs out, frame_out_of_memory() kills the
 *     largest process with SIGKILL and says so on the console (an OOM
 *     killer): the process that happened to fault next is not the victim
 *     unless it is also the largest.
 */
#include "lib/kernel.h"
#include "lib/kstat.h"
#include "mm/frame.h"
#include "mm/memlayout.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include <parley/limits.h>

#define MAX_FRAMES (KERNEL_PHYS_MAX / PAGE_SIZE)

struct free_frame {
    struct free_frame *next;
};

static struct free_frame *free_list;
static unsigned nfree, ntotal;
static uint16_t refcounts[MAX_FRAMES];

static unsigned
frame_index(void *frame)
{
    uintptr_t pa = V2P(frame);
    assert(pa % PAGE_SIZE == 0 && pa < KERNEL_PHYS_MAX);
    return pa / PAGE_SIZE;
}

static void
frame_push(void *frame)
{
    struct free_frame *f = frame;
    f->next = free_list;
    free_list = f;
    nfree++;
}

void
frame_free_range(uintptr_t start, uintptr_t end)
{
    start = ROUNDUP(start, PAGE_SIZE);
    end = MIN(ROUNDDOWN(end, PAGE_SIZE), KERNEL_PHYS_MAX);
    for (uintptr_t pa = end; pa > start; pa -= PAGE_SIZE) {
        frame_push(P2V(pa - PAGE_SIZE));
        ntotal++;
    }
}

void
frame_init(uintptr_t start, uintptr_t end)
{
    frame_free_range(start, end);
}

static void *
frame_take(void)
{
    struct free_frame *f = free_list;
    if (!f)
        return 0;
    free_list = f->next;
    nfree--;
    refcounts[frame_index(f)] = 1;
    return f;
}

static void *
frame_zero(void *f)
{
    if (f)
        memset(f, 0, PAGE_SIZE);
    return f;
}

/* An ordinary allocation: never takes the reserve. */
void *
frame_alloc(void)
{
    return nfree > FRAME_RESERVE ? frame_take() : 0;
}

void *
frame_alloc_zeroed(void)
{
    return frame_zero(frame_alloc());
}

/* Copy-on-write and page tables: may take the reserve. */
void *
frame_alloc_urgent(void)
{
    return frame_take();
}

void *
frame_alloc_urgent_zeroed(void)
{
    return frame_zero(frame_take());
}

/* The most frames file data may hold. */
static unsigned
file_frames_max(void)
{
    return ntotal / 100 * FILE_FRAMES_PERCENT;
}

/* A zeroed frame for file data or an index block; NULL past the limit. */
void *
file_frame_alloc(void)
{
    if (kstat_get(KSTAT_file_frames) >= file_frames_max())
        return 0;
    void *f = frame_alloc_zeroed();
    if (f)
        kstat_add(KSTAT_file_frames, +1);
    return f;
}

void
file_frame_free(void *frame)
{
    kstat_add(KSTAT_file_frames, -1);
    frame_unref(frame);
}

/* The live process holding the most user memory, init excepted. */
static struct proc *
largest_process(void)
{
    struct proc *largest = 0;
    unsigned largest_bytes = 0;
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        if (p->pid <= 1 || p->state == PROC_UNUSED || p->state == PROC_EMBRYO ||
            p->state == PROC_ZOMBIE)
            continue;
        unsigned bytes = vm_user_bytes(&p->vm);
        if (!largest || bytes > largest_bytes) {
            largest = p;
            largest_bytes = bytes;
        }
    }
    return largest;
}

/*
 * Even the reserve is gone (a copy-on-write fault could not be served): kill
 * the largest process, unless the last victim is still on its way out, and
 * let the faulting process try again once the victim's memory is back.
 */
void
frame_out_of_memory(void)
{
    static pid_t victim_pid;
    struct proc *victim = victim_pid ? proc_find(victim_pid) : 0;
    if (victim && victim->state != PROC_ZOMBIE)
        return;                 /* still dying: its frames come back soon */
    victim = largest_process();
    if (!victim)
        return;
    printk("out of memory: killing pid %d (%s), %u KiB of user memory\n",
           victim->pid, victim->name, vm_user_bytes(&victim->vm) / 1024);
    victim_pid = victim->pid;
    signal_send(victim, SIGKILL, 0);
}

/* A fault found no frame even in the reserve: choose a victim and give up
 * the CPU so it can die.  True if the caller should try again (false: the
 * caller itself has a signal to take, perhaps as the victim). */
bool
frame_wait_for_memory(void)
{
    frame_out_of_memory();
    sched_yield_cpu();
    return !signal_pending(current);
}

void
frame_ref(void *frame)
{
    unsigned i = frame_index(frame);
    assert(refcounts[i] > 0 && refcounts[i] < 0xffff);
    refcounts[i]++;
}

void
frame_unref(void *frame)
{
    unsigned i = frame_index(frame);
    assert(refcounts[i] > 0);
    if (--refcounts[i] == 0)
        frame_push(frame);
}

int
frame_refcount(void *frame)
{
    return refcounts[frame_index(frame)];
}

unsigned frame_free_count(void)  { return nfree; }
unsigned frame_total_count(void) { return ntotal; }
