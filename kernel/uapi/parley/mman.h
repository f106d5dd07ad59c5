/* mmap()/munmap() flags: Linux i386 values. */
#ifndef PARLEY_MMAN_H
#define PARLEY_MMAN_H

#define PROT_NONE       0
#define PROT_READ       1
#define PROT_WRITE      2
#define PROT_EXEC       4

#define MAP_SHARED      0x01    /* writes are seen by every process mapping it */
#define MAP_PRIVATE     0x02    /* copy-on-write across fork */
#define MAP_FIXED       0x10
#define MAP_ANONYMOUS   0x20    /* not backed by a file: zero-filled */
#define MAP_ANON        MAP_ANONYMOUS

#define MAP_FAILED      ((void *)-1)

/* msync flags */
#define MS_ASYNC        1
#define MS_INVALIDATE   2
#define MS_SYNC         4

/*
 * mmap has six arguments and a system call carries five (%ebx..%edi), so
 * the library passes one pointer to all six, as Linux's old i386 mmap did
 * (struct mmap_arg_struct).  See docs/shared-memory.md for why not %ebp.
 */
struct parley_mmap_args {
    unsigned long addr, len, prot, flags, fd, offset;
};

/*
 * vmpages(pid, buf, max): the pmap view.  One entry per mapped page of the
 * process (0: the caller), in address order: where it is, which frame holds
 * it and how many page tables (and files, segments) share that frame, and
 * what it belongs to.  Returns the number of pages, even beyond max.
 */
#define VMPAGE_PROGRAM  0       /* text, data, heap */
#define VMPAGE_STACK    1
#define VMPAGE_ANON     2       /* mmap MAP_ANONYMOUS */
#define VMPAGE_FILE     3       /* mmap of a file (or a /dev/shm object) */
#define VMPAGE_SHM      4       /* System V segment */

#define VMPAGE_WRITABLE 0x1     /* the page table lets the process write now */
#define VMPAGE_COW      0x2     /* copy-on-write: the first write copies */
#define VMPAGE_SHARED   0x4     /* a MAP_SHARED or shmat mapping */
#define VMPAGE_USER     0x8     /* reachable at all (not PROT_NONE) */

struct parley_vmpage {
    unsigned long addr;         /* virtual address of the page */
    unsigned long frame;        /* physical address of its frame */
    unsigned short refs;        /* references to the frame */
    unsigned short flags;       /* VMPAGE_WRITABLE... */
    unsigned char kind;         /* VMPAGE_PROGRAM... */
    unsigned char prot;         /* the region's PROT_ bits (program/stack: RW) */
    unsigned short pad;
    unsigned long region_start; /* the region (or program/stack part) it is in */
    unsigned long region_end;
    long          object;       /* shmid, inode number, or -1 */
};

#endif
