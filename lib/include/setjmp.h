/* Non-local jumps.  A jmp_buf holds %ebx, %esi, %edi, %ebp, %esp and the
 * return address: everything a C function must preserve for its caller. */
#ifndef _SETJMP_H
#define _SETJMP_H

typedef int jmp_buf[6];

int  setjmp(jmp_buf env) __attribute__((__returns_twice__));
void longjmp(jmp_buf env, int val) __attribute__((__noreturn__));

#endif
