/*
 * Mapped regions: the part of a process's address space that mmap and
 * shmat hand out.  Each process has a list of regions sorted by address;
 * a region is a run of whole pages with one protection, shared or private,
 * backed by an object or by nothing (anonymous, zero-filled).
 *
 * The object behind a region is an inode, always: a regular file for a
 * file mapping, and an unnamed inode (no directory entry) for a System V
 * segment or a shared anonymous mapping -- the design Linux calls shmem.
 * Its data blocks are page frames, so a shared mapping maps exactly the
 * frames that read() and write() use, and every process mapping the object
 * maps the same frames.  Frames are reference counted (mm/frame.c): the
 * object holds one reference, each page-table entry another.
 *
 * Pages are filled on the first touch (region_fault), not at mmap time.
 * The program's text, data, heap (sbrk) and stack are not regions: they
 * stay the simple bounds kept in struct vm.
 */
#ifndef MM_REGION_H
#define MM_REGION_H

#include "lib/kernel.h"

struct vm;
struct inode;
struct shm_segment;

/* Where regions go: between the heap's ceiling and the stack's floor. */
#define REGION_AREA_START USER_MMAP_BASE
#define REGION_AREA_END   (USER_STACK_TOP - USER_STACK_MAX)

struct region {
    uintptr_t           start, end;     /* page-aligned: [start, end) */
    int                 prot;           /* PROT_READ | PROT_WRITE, or PROT_NONE */
    int                 maxprot;        /* the most mprotect may grant (EACCES) */
    bool                shared;         /* MAP_SHARED: stores reach the object */
    struct inode       *object;         /* backing object, or NULL: anonymous private */
    uint32_t            pgoff;          /* page of object mapped at start */
    struct shm_segment *shm;            /* a System V attachment, or NULL */
    struct region      *next;           /* the process's list, by address */
};

/* Map a new region of len bytes (a multiple of PAGE_SIZE) described by
 * tmpl (start, end and next are ignored).  With fixed, exactly at *addr,
 * replacing what was there; otherwise at *addr if it is free, or at the
 * lowest free address.  Takes its own references to tmpl's object and
 * segment.  Sets *addr; 0, -ENOMEM (no room, no free region, a fixed
 * address outside the area), -EINVAL (a fixed address not page-aligned). */
int  region_map(struct vm *vm, uintptr_t *addr, size_t len, bool fixed,
                const struct region *tmpl);
/* Remove [start, end) from whatever regions cover it, splitting them. */
int  region_unmap(struct vm *vm, uintptr_t start, uintptr_t end);
/* mprotect: [start, end) must be mapped (-ENOMEM); -EACCES beyond maxprot. */
int  region_protect(struct vm *vm, uintptr_t start, uintptr_t end, int prot);
/* 0 if every page of [start, end) is in some region, else -ENOMEM. */
int  region_check_mapped(struct vm *vm, uintptr_t start, uintptr_t end);

/* Is [start, start + len) inside the area and free of regions? */
bool region_range_free(struct vm *vm, uintptr_t start, size_t len);
/* A new unnamed object of len bytes for a shared anonymous mapping (its
 * pages are made on first touch); NULL if the inode table is full. */
struct inode *region_anon_object(size_t len);

struct region *region_find(struct vm *vm, uintptr_t va);
/* A fault at va inside r: fill the page or break copy-on-write.  Returns
 * as vm_handle_fault does (VM_FAULT_SIGBUS past the object's end). */
int  region_fault(struct vm *vm, struct region *r, uintptr_t va, bool write);

/* For fork (a copy of every region, with its references), and for exec and
 * exit (drop them all).  vm.c calls these; the page tables are its job. */
int  regions_fork(struct vm *child, struct vm *parent);
void regions_destroy(struct vm *vm);
/* The file ip shrinks to size bytes: every process's pages of it past the
 * new end are unmapped (a later access raises SIGBUS), as Linux does. */
void regions_object_truncated(struct inode *ip, off_t size);
/* Bytes of address space the regions take, touched or not (RLIMIT_AS). */
size_t regions_bytes(struct vm *vm);

#endif
