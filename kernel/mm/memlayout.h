/*
 * Virtual memory layout.
 *
 *   0x00000000  unmapped guard page (NULL dereferences fault)
 *   0x08048000  user program text, data, bss, then the heap (brk) upwards
 *   0x40000000  mapped regions (mmap, shmat: mm/region.h), upwards to the
 *               stack's 8 MiB reserve
 *   0xBFFFF000  top of the user stack, which grows down on demand
 *   0xC0000000  KERNBASE: all physical memory mapped here, in every process
 */
#ifndef MM_MEMLAYOUT_H
#define MM_MEMLAYOUT_H

#define KERNBASE        0xC0000000
#define KERNEL_PHYS_MAX 0x30000000      /* at most 768 MiB of RAM is used */

#define USER_BASE       0x08048000
#define USER_MMAP_BASE  0x40000000
#define USER_STACK_TOP  0xBFFFF000
#define USER_STACK_MAX  (8 * 1024 * 1024)
#define USER_TOP        KERNBASE

#ifdef __ASSEMBLER__
#define V2P_ASM(x)      ((x) - KERNBASE)
#else
#include <stdint.h>
#define P2V(pa)         ((void *)((uintptr_t)(pa) + KERNBASE))
#define V2P(va)         ((uintptr_t)(va) - KERNBASE)
#endif

#endif
