/*
 * __sysenter: make a system call with the fast `sysenter` instruction.
 *
 * Called (from the inline stubs in internal.h) exactly as `int $0x80` is
 * used: %eax the call number, %ebx %ecx %edx %esi %edi the arguments, the
 * answer in %eax; every other register comes back unchanged (the flags do
 * not).
 *
 * sysenter saves nothing, so this stub hands the kernel its stack pointer
 * in %ebp; the address to come back to is fixed (<parley/sysenter.h>):
 * lib/user.ld puts this stub first in every program, at PARLEY_USER_TEXT.
 * The kernel returns with sysexit, which takes the user %eip from %edx and
 * %esp from %ecx; so those two are saved here first and reloaded after.  (If
 * the kernel must change where the process resumes -- a signal handler, a
 * restarted call -- it returns by iret instead, with every register intact.)
 *
 * The `sysenter` instruction must stay right before __sysenter_return:
 * restarting an interrupted call backs up two bytes over it, as it does over
 * `int $0x80`.
 */
    .section .text.sysenter, "ax"
    .globl __sysenter, __sysenter_return
    .type __sysenter, @function
__sysenter:
    pushl %ecx
    pushl %edx
    pushl %ebp
    movl %esp, %ebp             /* the kernel's copy of our stack pointer */
    sysenter
__sysenter_return:              /* = PARLEY_SYSENTER_RETURN */
    popl %ebp
    popl %edx
    popl %ecx
    ret
    .size __sysenter, . - __sysenter
