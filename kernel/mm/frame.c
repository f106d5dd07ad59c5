/*
 * The physical page allocator: a stack of free frames threaded through the
 * free frames themselves, and one reference count per frame.
 */
#include "lib/kernel.h"
#include "mm/frame.h"
#include "mm/memlayout.h"
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

void *
frame_alloc(void)
{
    struct free_frame *f = free_list;
    if (!f)
        return 0;
    free_list = f->next;
    nfree--;
    refcounts[frame_index(f)] = 1;
    return f;
}

void *
frame_alloc_zeroed(void)
{
    void *f = frame_alloc();
    if (f)
        memset(f, 0, PAGE_SIZE);
    return f;
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
