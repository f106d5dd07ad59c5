/* Non-local jumps.  A jmp_buf holds %ebx, %esi, %edi, %ebp, %esp and the
 * return address: everything a C function must preserve for its caller. */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <parley/types.h>           /* sigset_t */

typedef int jmp_buf[6];

int  setjmp(jmp_buf env) __attribute__((__returns_twice__));
void longjmp(jmp_buf env, int val) __attribute__((__noreturn__));

/* sigsetjmp(env, savemask) also keeps the signal mask if savemask is not 0,
 * and siglongjmp puts it back: the way out of a signal handler (whose
 * signal is blocked while it runs) to a point before it. */
typedef struct {
    jmp_buf  __regs;                /* first: sigsetjmp hands it to setjmp */
    int      __mask_saved;
    sigset_t __mask;
} sigjmp_buf[1];

int  sigsetjmp(sigjmp_buf env, int savemask) __attribute__((__returns_twice__));
void siglongjmp(sigjmp_buf env, int val) __attribute__((__noreturn__));

/* _setjmp/_longjmp: never the mask (it is not saved by setjmp either). */
#define _setjmp(env)        setjmp(env)
#define _longjmp(env, val)  longjmp(env, val)

#endif
