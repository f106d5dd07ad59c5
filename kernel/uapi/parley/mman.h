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

#endif
