/*
 * sigsetjmp and siglongjmp: setjmp and longjmp that also keep and restore
 * the signal mask.  sigsetjmp itself is in setjmp.S (it must not have a C
 * frame of its own); this is the part that can be C.
 */
#include <setjmp.h>
#include <signal.h>

void __sigsetjmp_save(sigjmp_buf env, int savemask);

void
__sigsetjmp_save(sigjmp_buf env, int savemask)
{
    env->__mask_saved = savemask != 0;
    if (savemask)
        sigprocmask(SIG_BLOCK, NULL, &env->__mask);
}

void
siglongjmp(sigjmp_buf env, int val)
{
    if (env->__mask_saved)
        sigprocmask(SIG_SETMASK, &env->__mask, NULL);
    longjmp(env->__regs, val);
}
