/* The registers saved on the kernel stack by every trap, interrupt and
 * system call (see trapentry.S).  The layout must match the pushes there.
 *
 * The data segment registers are not saved: user and kernel share the
 * flat ring-3 data segment for %ds, %es, %fs and %gs (ring 0 may use it),
 * so they never change across a trap -- and loading a segment register is
 * one of the slower things an x86, real or emulated, does. */
#ifndef ARCH_TRAPFRAME_H
#define ARCH_TRAPFRAME_H

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trapframe {
    /* pushal */
    uint32_t edi, esi, ebp, esp_unused, ebx, edx, ecx, eax;
    uint32_t trapno;
    uint32_t err;               /* error code, or 0 */
    /* pushed by the CPU */
    uint32_t eip, cs, eflags;
    uint32_t esp, ss;           /* only when coming from user mode */
};
#endif

#define SEG_KCODE  0x08
#define SEG_KDATA  0x10
#define SEG_UCODE  0x1B             /* ring 3 */
#define SEG_UDATA  0x23
#define SEG_TSS    0x28

#define T_DIVIDE     0
#define T_DEBUG      1
#define T_BRKPT      3
#define T_ILLOP      6
#define T_GPFLT     13
#define T_PGFLT     14
#define T_FPERR     16
#define T_ALIGN     17
#define T_IRQ0      32
#define T_SYSCALL  128

#define EFLAGS_VM  0x20000          /* virtual-8086 mode */

#ifndef __ASSEMBLER__
/* Did the trap interrupt user mode?  A trap from virtual-8086 mode pushes a
 * real-mode %cs whose low bits mean nothing, so EFLAGS.VM is tested too:
 * only ring 3 can be in v86 mode (QEMU's TCG lets a ring-3 iret enter it),
 * and a frame a user built must never make the kernel blame itself. */
static inline int
trapframe_from_user(const struct trapframe *tf)
{
    return (tf->cs & 3) == 3 || (tf->eflags & EFLAGS_VM);
}

/* trap.c: every trap, interrupt and system call, from alltraps. */
void trap(struct trapframe *tf);
#endif

#endif
