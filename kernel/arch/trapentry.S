/*
 * Interrupt and trap entry points.  Each vector pushes a zero error code if
 * the CPU did not push one, then its number, and jumps to alltraps, which
 * saves the rest of struct trapframe and calls trap(tf).
 */
#include "arch/trapframe.h"

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
    pushal
    pushl %esp                  /* argument: struct trapframe * */
    call trap
    addl $4, %esp

/* Return to whatever the trapframe on the stack describes. */
.globl trapret
trapret:
    popal
    addl $8, %esp               /* trapno and error code */
    iret

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
