/*
 * Ending the process.
 *
 *   exit(status)   atexit handlers (last registered first), flush every
 *                  stdio stream, then _exit
 *   _exit, _Exit   straight to the kernel: buffered output is lost
 *   abort()        raise SIGABRT, which a handler cannot stop for good
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <limits.h>
#include "internal.h"

static void (*exit_handlers[ATEXIT_MAX])(void);
static int exit_handler_count;

int
atexit(void (*fn)(void))
{
    if (exit_handler_count == ATEXIT_MAX)
        return -1;
    exit_handlers[exit_handler_count++] = fn;
    return 0;
}

void
exit(int status)
{
    /* A handler may call exit() again: take each one off the list first. */
    while (exit_handler_count > 0)
        exit_handlers[--exit_handler_count]();
    __stdio_flush_all();
    _exit(status);
}

void
_exit(int status)
{
    __syscall1(SYS_exit, status);
    for (;;)                            /* the kernel does not come back */
        ;
}

void
_Exit(int status)
{
    _exit(status);
}

/*
 * POSIX: abort() ends the process by SIGABRT even if the signal is blocked,
 * ignored or caught by a handler that returns.  So: unblock it and raise
 * it; if we are still here, restore the default action and raise it again.
 */
void
abort(void)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGABRT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(SIGABRT);
    signal(SIGABRT, SIG_DFL);
    raise(SIGABRT);
    _exit(127);
}
