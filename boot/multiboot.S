/*
 * Entry from a multiboot loader (GRUB, or QEMU's -kernel).
 *
 * The loader leaves us in 32-bit protected mode with paging off, %eax =
 * MULTIBOOT_BOOTLOADER_MAGIC and %ebx = physical address of the multiboot
 * information.  The kernel is linked at KERNBASE + 1 MiB but loaded at 1 MiB.
 * This first piece (section .boot.text) is linked at its physical address,
 * so that every loader finds the entry point inside a loaded segment, and
 * it may use only physical addresses until paging is on.  We map the first 16 MiB both at 0 and at KERNBASE with 4 MiB
 * pages, turn paging on, jump to the high addresses and call kmain().
 * kmain() then builds the real kernel page directory.
 */
#include "mm/memlayout.h"

#define MB_MAGIC     0x1BADB002
#define MB_FLAGS     0x00000003         /* modules page-aligned; memory info */

#define CR0_PG       0x80000000
#define CR0_WP       0x00010000
#define CR4_PSE      0x00000010
#define PDE_4M       0x083              /* present | writable | 4 MiB page */
#define BOOT_MAPPED_MB 16

.section .multiboot, "a"
.align 4
    .long MB_MAGIC
    .long MB_FLAGS
    .long -(MB_MAGIC + MB_FLAGS)

.section .boot.text, "ax"
.globl _start
_start:
    cli
    movl %eax, %esi             /* keep the loader's magic */
    /* Fill the boot page directory: identity and KERNBASE maps. */
    movl $V2P_ASM(boot_pgdir), %edi
    movl $PDE_4M, %eax
    xorl %ecx, %ecx
1:  movl %eax, (%edi, %ecx, 4)
    movl %eax, (KERNBASE >> 20)(%edi, %ecx, 4)
    addl $0x400000, %eax
    incl %ecx
    cmpl $(BOOT_MAPPED_MB / 4), %ecx
    jne 1b

    movl %cr4, %eax
    orl $CR4_PSE, %eax
    movl %eax, %cr4
    movl %edi, %cr3
    movl %cr0, %eax
    orl $(CR0_PG | CR0_WP), %eax
    movl %eax, %cr0

    /* Now running with paging; jump to the linked (high) address. */
    movl $high, %ecx
    jmp *%ecx

.text
high:
    movl $boot_stack_top, %esp
    xorl %ebp, %ebp             /* ends the backtrace chain */
    pushl %ebx                  /* multiboot information (physical) */
    pushl %esi                  /* multiboot magic */
    call kmain
1:  hlt
    jmp 1b

.section .bss
.align 4096
.globl boot_pgdir
boot_pgdir:
    .space 4096
.globl boot_stack
boot_stack:
    .space 16384
.globl boot_stack_top
boot_stack_top:
