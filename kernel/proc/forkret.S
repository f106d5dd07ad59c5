/* A forked child's first instructions in the kernel: its stack pointer is at
 * the copy of the parent's trapframe, so just return to user mode. */
.globl fork_return
fork_return:
    jmp trapret
