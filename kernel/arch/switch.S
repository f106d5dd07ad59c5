/*
 * void context_switch(struct context **save, struct context *load)
 *
 * Save the callee-saved registers of the current kernel thread on its stack,
 * store the stack pointer in *save, and resume the thread whose saved stack
 * pointer is load.  The caller-saved registers were saved by the C caller.
 */
.globl context_switch
context_switch:
    movl 4(%esp), %eax
    movl 8(%esp), %edx
    pushl %ebp
    pushl %ebx
    pushl %esi
    pushl %edi
    movl %esp, (%eax)
    movl %edx, %esp
    popl %edi
    popl %esi
    popl %ebx
    popl %ebp
    ret
