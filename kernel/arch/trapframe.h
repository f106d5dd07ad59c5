/* The registers saved on the kernel stack by every trap, interrupt and
 * system call, whether it came in by `int` or by `sysenter` (see
 * trapentry.S).  The layout must match the pushes there.
 *
 * The data segment registers belong to the process: a program may load any
 * selector the CPU lets ring 3 load (0, or the user code or data segment)
 * into %ds, %es, %fs or %gs, and must find it there again after any system
 * call, interrupt or context switch.  So every entry saves all four here and
 * every return restores them from here.  The kernel itself uses the flat
 * user data segment in %ds and %es (ring 0 may) and never uses %fs or %gs;
 * it never trusts what user mode left in them.  Because loading a segment
 * register is one of the slower things an x86, real or emulated, does, the
 * entry reloads %ds/%es and the exit reloads each register only when the
 * value differs -- in the common case, never. */
#ifndef ARCH_TRAPFRAME_H
#define ARCH_TRAPFRAME_H

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trapframe {
    /* pushal */
    uint32_t edi, esi, ebp, esp_unused, ebx, edx, ecx, eax;
    /* pushed by trapentry.S: 16-bit selectors in 32-bit slots */
    uint16_t gs, gs_pad, fs, fs_pad, es, es_pad, ds, ds_pad;
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
#define T_DEVICE     7      /* FPU use with CR0.TS set (arch/fpu.c) */
#define T_GPFLT     13
#define T_PGFLT     14
#define T_FPERR     16
#define T_ALIGN     17
#define T_IRQ0      32
#define T_SYSCALL  128
#define T_NULLTRAP 129      /* does nothing at all: the floor (docs/performance.md) */

/* Byte offsets into struct trapframe, for trapentry.S. */
#define TF_EDI      0
#define TF_ESI      4
#define TF_EBP      8
#define TF_EBX     16
#define TF_EAX     28
#define TF_GS      32
#define TF_FS      36
#define TF_ES      40
#define TF_DS      44
#define TF_EIP     56
#define TF_EFLAGS  64
#define TF_ESP     68
#define TF_SIZE    76

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

/* A selector a user program may keep in a data segment register: the null
 * selector or one of the two flat ring-3 segments.  Anything else (a value
 * from a forged signal frame) becomes the user data segment. */
static inline uint16_t
user_data_selector(uint16_t sel)
{
    return sel == 0 || sel == SEG_UDATA || sel == SEG_UCODE ? sel : SEG_UDATA;
}

/* The segment registers a new program starts with: all flat user data. */
static inline void
trapframe_set_user_segments(struct trapframe *tf)
{
    tf->cs = SEG_UCODE;
    tf->ss = SEG_UDATA;
    tf->ds = tf->es = tf->fs = tf->gs = SEG_UDATA;
}

/* trap.c: every trap, interrupt and system call, from alltraps. */
void trap(struct trapframe *tf);
/* trap.c: a system call made by sysenter, from sysenter_entry. */
void syscall_trap(struct trapframe *tf);

/* trapentry.S: leave by sysexit with the registers tf holds (the stub's
 * %ecx and %edx excepted, which it reloads).  tf must be the frame at the
 * base of the kernel stack, returning to PARLEY_SYSENTER_RETURN.  A jump,
 * not a call: under TCG a direct jump is chained, a `ret` looked up. */
static inline __attribute__((noreturn)) void
sysenter_exit(struct trapframe *tf)
{
    __asm__ volatile("movl %0, %%esp\n\tjmp sysenter_exit_frame" : : "r"(tf) : "memory");
    __builtin_unreachable();
}

#endif

#endif
