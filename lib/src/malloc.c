/*
 * malloc, free, calloc, realloc: an allocator over one free list,
 * in the style of Kernighan & Ritchie.
 *
 * The heap is memory between the end of the program and the break, which
 * sbrk() moves up.  It is cut into blocks; each starts with a header that
 * holds its size, counted in header-sized units (16 bytes, so every block
 * and every pointer malloc returns is 16-byte aligned, enough for any type).
 *
 *     | header | payload ...              | header | payload ... |
 *
 * Free blocks form a circular list sorted by address.  free() puts a block
 * back in its place and merges it with a free neighbour on either side, so
 * the heap does not crumble into pieces too small to use.  malloc() takes
 * the first block big enough, searching on from where the last search
 * ended, and splits off the tail it needs; when no block is big enough it
 * asks sbrk() for at least MORECORE_MIN_BYTES more.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MORECORE_MIN_BYTES (16 * 1024)

union header {
    struct {
        union header *next;     /* next free block (while free) */
        size_t        units;    /* size of the block, header included */
    } s;
    char align[16];
};
typedef union header Header;

#define UNIT sizeof(Header)

static Header base;             /* a zero-sized block that anchors the list */
static Header *free_list;       /* where the last search ended */

/* Units for a block with `bytes` of payload, or 0 if that is absurdly big. */
static size_t
units_for(size_t bytes)
{
    if (bytes > SIZE_MAX - 2 * UNIT)
        return 0;
    return (bytes + UNIT - 1) / UNIT + 1;
}

/* Put a block into the address-ordered free list, merged with the free
 * blocks right above and below it if they touch. */
static void
free_list_insert(Header *block)
{
    Header *p;

    /* Find p, the free block just below `block` (the list is circular: at
     * the wrap-around, block may lie beyond either end). */
    for (p = free_list; !(block > p && block < p->s.next); p = p->s.next)
        if (p >= p->s.next && (block > p || block < p->s.next))
            break;

    if (block + block->s.units == p->s.next) {     /* merge with upper */
        block->s.units += p->s.next->s.units;
        block->s.next = p->s.next->s.next;
    } else {
        block->s.next = p->s.next;
    }
    if (p + p->s.units == block) {                 /* merge with lower */
        p->s.units += block->s.units;
        p->s.next = block->s.next;
    } else {
        p->s.next = block;
    }
    free_list = p;
}

/* Grow the heap by at least `units`; returns the free list, or NULL. */
static Header *
heap_grow(size_t units)
{
    uintptr_t brk_now;
    size_t bytes, misalign;
    char *p;

    if (units < MORECORE_MIN_BYTES / UNIT)
        units = MORECORE_MIN_BYTES / UNIT;
    if (units > (SIZE_MAX - UNIT) / UNIT)
        return NULL;
    bytes = units * UNIT;

    /* The break starts wherever the program ends: align it once. */
    brk_now = (uintptr_t)sbrk(0);
    misalign = brk_now % UNIT;
    if (misalign != 0 && sbrk((long)(UNIT - misalign)) == (void *)-1)
        return NULL;

    if (bytes > (size_t)LONG_MAX)      /* sbrk takes a long */
        return NULL;
    p = sbrk((long)bytes);
    if (p == (char *)-1)
        return NULL;
    ((Header *)p)->s.units = units;
    free_list_insert((Header *)p);
    return free_list;
}

/* The allocator proper.  (malloc and calloc call it under this name: GCC
 * knows what `malloc` means and would turn calloc's malloc-then-memset
 * into a call to calloc, that is, into endless recursion.) */
static void *
heap_alloc(size_t bytes)
{
    size_t units = units_for(bytes);
    Header *prev, *p;

    if (units == 0) {
        errno = ENOMEM;
        return NULL;
    }
    if (free_list == NULL) {            /* first call: an empty list */
        base.s.next = free_list = &base;
        base.s.units = 0;
    }
    prev = free_list;
    for (p = prev->s.next; ; prev = p, p = p->s.next) {
        if (p->s.units >= units) {
            if (p->s.units == units) {  /* exactly right: unlink it */
                prev->s.next = p->s.next;
            } else {                    /* hand out the tail end */
                p->s.units -= units;
                p += p->s.units;
                p->s.units = units;
            }
            free_list = prev;
            return p + 1;
        }
        if (p == free_list) {           /* went all the way round */
            p = heap_grow(units);
            if (p == NULL) {
                errno = ENOMEM;
                return NULL;
            }
        }
    }
}

void *
malloc(size_t bytes)
{
    return heap_alloc(bytes);
}

void
free(void *ptr)
{
    if (ptr != NULL)
        free_list_insert((Header *)ptr - 1);
}

void *
calloc(size_t n, size_t size)
{
    void *p;

    if (size != 0 && n > SIZE_MAX / size) {
        errno = ENOMEM;
        return NULL;
    }
    p = heap_alloc(n * size);
    if (p != NULL)
        memset(p, 0, n * size);
    return p;
}

/* Shrinking, or growing within the block's slack, keeps the block;
 * otherwise the data moves to a new one. */
void *
realloc(void *ptr, size_t bytes)
{
    Header *block;
    size_t units;
    void *fresh;

    if (ptr == NULL)
        return malloc(bytes);
    if (bytes == 0) {
        free(ptr);
        return NULL;
    }
    block = (Header *)ptr - 1;
    units = units_for(bytes);
    if (units != 0 && units <= block->s.units)
        return ptr;
    fresh = heap_alloc(bytes);
    if (fresh == NULL)
        return NULL;
    memcpy(fresh, ptr, (block->s.units - 1) * UNIT);
    free(ptr);
    return fresh;
}
