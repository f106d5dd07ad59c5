#ifndef MM_FRAME_H
#define MM_FRAME_H

#include <stdint.h>
#include <stdbool.h>

/*
 * Physical page frames.  Each frame has a reference count: a frame mapped by
 * several page tables (shared memory, copy-on-write after fork) is freed only
 * when the last reference goes.  Frames are named by their kernel virtual
 * address (P2V of the physical address).  The memory policy (a reserve,
 * the file-data limit, the OOM killer) is described in frame.c.
 */
void  frame_init(uintptr_t phys_start, uintptr_t phys_end);
void  frame_free_range(uintptr_t phys_start, uintptr_t phys_end);
void *frame_alloc(void);                /* contents undefined, refcount 1 */
void *frame_alloc_zeroed(void);
void *frame_alloc_urgent(void);         /* may take the reserve: copy-on-write */
void *frame_alloc_urgent_zeroed(void);  /* ... and page tables */
void *file_frame_alloc(void);           /* zeroed; within the file-data limit */
void  file_frame_free(void *frame);
void  frame_out_of_memory(void);        /* the OOM killer */
bool  frame_wait_for_memory(void);      /* ... then yield; true: retry */
void  frame_ref(void *frame);
void  frame_unref(void *frame);         /* frees at zero */
int   frame_refcount(void *frame);
unsigned frame_free_count(void);
unsigned frame_total_count(void);

#endif
