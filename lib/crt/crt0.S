/*
 * _start: where every user program begins.  exec leaves the stack as
 *
 *     %esp -> argc
 *             argv[0] ... argv[argc-1], NULL
 *             envp[0] ... , NULL
 *
 * We hand argc, argv and envp to __libc_start_main (lib/src/start.c), which
 * runs main and exits with its result.  It never returns.
 */
    .text
    .globl _start
    .type _start, @function
_start:
    xorl %ebp, %ebp             /* the outermost frame, for backtraces */
    movl (%esp), %eax           /* argc */
    leal 4(%esp), %ecx          /* argv */
    leal 8(%esp,%eax,4), %edx   /* envp = argv + argc + 1 */
    andl $-16, %esp             /* the ABI wants %esp 16-byte aligned */
    subl $4, %esp               /* at the call, after three pushes */
    pushl %edx
    pushl %ecx
    pushl %eax
    call __libc_start_main
    hlt                         /* not reached */
    .size _start, . - _start

    .section .note.GNU-stack, "", @progbits
