/*
 * setjmp and longjmp for i386.
 *
 * A jmp_buf (int[6]) keeps what a C function must preserve for its caller
 * (cdecl): %ebx, %esi, %edi, %ebp; plus the stack pointer and the return
 * address of the setjmp call.  longjmp reloads them all and "returns from
 * setjmp" a second time, with val (1 if val is 0).
 */
    .text

    .globl setjmp
    .type setjmp, @function
setjmp:
    movl 4(%esp), %eax          /* env */
    movl %ebx, 0(%eax)
    movl %esi, 4(%eax)
    movl %edi, 8(%eax)
    movl %ebp, 12(%eax)
    leal 4(%esp), %ecx          /* %esp as it will be after our ret */
    movl %ecx, 16(%eax)
    movl (%esp), %ecx           /* where our ret goes */
    movl %ecx, 20(%eax)
    xorl %eax, %eax             /* the first return: 0 */
    ret
    .size setjmp, . - setjmp

    .globl longjmp
    .type longjmp, @function
longjmp:
    movl 4(%esp), %edx          /* env */
    movl 8(%esp), %eax          /* val */
    testl %eax, %eax
    jnz 1f
    incl %eax                   /* setjmp never appears to return 0 twice */
1:  movl 0(%edx), %ebx
    movl 4(%edx), %esi
    movl 8(%edx), %edi
    movl 12(%edx), %ebp
    movl 16(%edx), %esp
    jmp *20(%edx)
    .size longjmp, . - longjmp

/*
 * sigsetjmp(env, savemask): record the mask (in C, __sigsetjmp_save), then
 * carry on as setjmp with the same arguments and return address -- so the
 * registers setjmp keeps are still our caller's (the C helper preserved
 * them, as every cdecl function does).
 */
    .globl sigsetjmp
    .type sigsetjmp, @function
sigsetjmp:
    pushl 8(%esp)               /* savemask */
    pushl 8(%esp)               /* env (the push moved it) */
    call __sigsetjmp_save
    addl $8, %esp
    jmp setjmp                  /* env's first member is the jmp_buf */
    .size sigsetjmp, . - sigsetjmp

    .section .note.GNU-stack, "", @progbits
