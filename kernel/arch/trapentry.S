/*
 * The ways into the kernel and back out.
 *
 * int:      every interrupt and exception vector, and `int $0x80`.  The
 *           vector pushes a zero error code if the CPU did not push one,
 *           then its number, and jumps to alltraps, which saves the rest of
 *           struct trapframe and calls trap(tf); trapret undoes it all and
 *           irets.
 * sysenter: the fast system call (the library's __sysenter stub).  The CPU
 *           saves nothing, so sysenter_entry pushes by hand a trapframe
 *           identical to the one `int $0x80` leaves, and returns with
 *           sysexit when it can (<parley/sysenter.h>).
 * int $0x81 and sysenter with %ebp = 0: the null trap, straight back to
 *           user mode -- the floor every other figure is read against.
 *
 * Entering, the segment registers are saved into the trapframe and %ds/%es
 * are made the kernel's own again if user mode changed them; DF is
 * cleared (the C compiler assumes it).  Leaving, each segment register is
 * reloaded only if it differs from the saved value (see trapframe.h).
 */
#include "arch/trapframe.h"
#include <parley/sysenter.h>

#define EFLAGS_IF 0x200
#define EFLAGS_NT 0x4000

/* Save the segment registers and the general registers; then give the
 * kernel the flat data segment in %ds and %es and a clear direction flag.
 * (A trap from virtual-8086 mode arrives with null selectors, which this
 * also mends.)  %eax is free afterwards (pushal saved it). */
.macro SAVE_REGISTERS
    pushl %ds
    pushl %es
    pushl %fs
    pushl %gs
    pushal
    cld
    movw %ds, %ax
    cmpw $SEG_UDATA, %ax
    je 1f
    movw $SEG_UDATA, %ax
    movw %ax, %ds
1:  movw %es, %ax
    cmpw $SEG_UDATA, %ax
    je 2f
    movw $SEG_UDATA, %ax
    movw %ax, %es
2:
.endm

/* Put back the saved segment registers that differ from the live ones,
 * then the general registers.  %esp is left at the trap number. */
.macro RESTORE_SEGMENT reg, offset
    movw %\reg, %ax
    cmpw \offset(%esp), %ax
    je 3f
    movw \offset(%esp), %\reg
3:
.endm
.macro RESTORE_REGISTERS
    RESTORE_SEGMENT gs, TF_GS
    RESTORE_SEGMENT fs, TF_FS
    RESTORE_SEGMENT es, TF_ES
    RESTORE_SEGMENT ds, TF_DS
    popal
    addl $16, %esp              /* the segment registers */
.endm

.macro VECTOR n
    .globl vector\n
vector\n:
    .if !(\n == 8 || (\n >= 10 && \n <= 14) || \n == 17)
    pushl $0
    .endif
    pushl $\n
    jmp alltraps
.endm

.text
.altmacro
.macro VECTORS from, to
    VECTOR \from
    .if \to-\from
    VECTORS %(\from+1), \to
    .endif
.endm
VECTORS 0, 47
VECTOR 128

.globl alltraps
alltraps:
    SAVE_REGISTERS
    pushl %esp                  /* argument: struct trapframe * */
    call trap
    addl $4, %esp

/* Return to whatever the trapframe on the stack describes. */
.globl trapret
trapret:
    RESTORE_REGISTERS
    addl $8, %esp               /* trapno and error code */
    iret

/* int $0x81: the floor of the int/iret path -- in and straight out. */
.globl null_trap
null_trap:
    iret

/*
 * sysenter arrives here in ring 0 with interrupts off, %esp from the
 * IA32_SYSENTER_ESP register (a small stack used only until the next
 * instruction) and every general register as user mode left it: %eax the
 * call number, %ebx %ecx %edx %esi %edi the arguments, %ebp the user stack
 * pointer; the user address to return to is PARLEY_SYSENTER_RETURN.  (The test
 * for the null trap changes the arithmetic flags: like any call, a sysenter
 * system call does not preserve them.)
 */
.globl sysenter_entry
sysenter_entry:
    testl %ebp, %ebp
    jz sysenter_null_trap
    movl %ss:task_state+4, %esp /* tss.esp0: this process's kernel stack */
    pushl $SEG_UDATA            /* ss */
    pushl %ebp                  /* esp */
    pushfl                      /* eflags: the user's, but IF was cleared */
    orl $EFLAGS_IF, (%esp)
    pushl $SEG_UCODE            /* cs */
    pushl $PARLEY_SYSENTER_RETURN /* eip */
    pushl $0                    /* error code */
    pushl $T_SYSCALL
    testl $EFLAGS_NT, 12(%esp)  /* user mode set NT: an iret would be a task */
    jnz sysenter_clear_nt       /* switch, so clear it (rare; popfl is slow) */
sysenter_flags_ok:
    SAVE_REGISTERS
    pushl %esp
    call syscall_trap           /* returns only when not leaving by sysexit */
    addl $4, %esp
    jmp trapret

/* Back by sysexit, when the trapframe still returns to the stub:
 * syscall_trap jumps here (sysenter_exit) with %esp at the frame.  %ecx and
 * %edx are lost; the stub reloads them.  Anything else -- a signal handler,
 * a restarted call, exec -- has gone out by iret.  sysexit leaves the flags
 * as they are: the user's (minus TF, see trap.c) but for the arithmetic
 * ones, which a call does not preserve, and DF, which the C ABI wants clear
 * at a call anyway.  No popfl: under emulation it ends a translated block. */
.globl sysenter_exit_frame
sysenter_exit_frame:            /* %esp = the trapframe (sysenter_exit in trapframe.h) */
    RESTORE_SEGMENT gs, TF_GS
    RESTORE_SEGMENT fs, TF_FS
    RESTORE_SEGMENT es, TF_ES
    RESTORE_SEGMENT ds, TF_DS
    movl TF_EDI(%esp), %edi     /* not popal: sysexit sets %ecx and %edx */
    movl TF_ESI(%esp), %esi
    movl TF_EBP(%esp), %ebp
    movl TF_EBX(%esp), %ebx
    movl TF_EAX(%esp), %eax
    movl TF_EIP(%esp), %edx
    movl TF_ESP(%esp), %ecx
    sti                         /* interrupts on only after sysexit (sti's shadow) */
    sysexit

sysenter_clear_nt:
    pushl $2                    /* the kernel's flags: nothing but bit 1 */
    popfl
    jmp sysenter_flags_ok

/* sysenter with %ebp = 0: back at once to %edx with stack %ecx. */
sysenter_null_trap:
    sti
    sysexit

.data
.globl vectors
vectors:
.macro VECADDR n
    .long vector\n
.endm
.macro VECADDRS from, to
    VECADDR \from
    .if \to-\from
    VECADDRS %(\from+1), \to
    .endif
.endm
VECADDRS 0, 47
