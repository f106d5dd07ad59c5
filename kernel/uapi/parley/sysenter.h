/*
 * The fast system call, `sysenter`, and where it comes back.
 *
 * sysenter saves no return address, and the registers that could carry one
 * all carry arguments.  So, like Linux's early vsyscall page, Parley fixes
 * the address: every program is linked (lib/user.ld) with the library's
 * __sysenter stub (lib/src/sysenter.S) first in its text, so the
 * instruction after its `sysenter` is always at PARLEY_SYSENTER_RETURN, and
 * the kernel's sysexit goes there.  A program that executes sysenter from
 * anywhere else simply continues at that address -- its own business.
 *
 * The convention: %eax the call number, %ebx %ecx %edx %esi %edi the
 * arguments, %ebp the user stack pointer (%ebp = 0 asks for the null trap:
 * straight back to %edx with stack %ecx, for measuring the floor).
 */
#ifndef PARLEY_SYSENTER_H
#define PARLEY_SYSENTER_H

#define PARLEY_USER_TEXT        0x08048000
#define PARLEY_SYSENTER_RETURN  (PARLEY_USER_TEXT + 7)   /* checked by lib/user.ld */

#endif
