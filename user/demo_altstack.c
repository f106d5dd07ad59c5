/*
 * demo_altstack -- catching a stack overflow with an alternate signal stack.
 *
 * A child recurses without end.  The stack grows down a page at a time
 * until it reaches its limit; the next push faults and the kernel sends
 * SIGSEGV.  To run a handler the kernel must build a frame on the stack --
 * the stack that just overflowed -- so an ordinary handler can never run
 * and the child dies.  With sigaltstack() and SA_ONSTACK the frame goes on
 * a second stack set aside for it, and the handler can report the depth
 * and leave.  The demo runs both children and prints how each ended.
 *
 * docs/signals.md ("The alternate stack"), kernel/proc/signal_deliver.c.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int depth;

static int
recurse(int n)
{
    volatile char frame[1024];          /* a kilobyte of stack per call */

    frame[0] = (char)n;
    depth = n;
    if (depth < 0)                      /* never: keeps the compiler honest */
        return 0;
    return recurse(n + 1) + frame[0];
}

static void
on_overflow(int sig)
{
    char line[96];
    int n = snprintf(line, sizeof line, "  handler: SIGSEGV (%d) at depth %d, on the alternate stack\n",
                     sig, depth);

    write(STDOUT_FILENO, line, (size_t)n);
    _exit(0);                           /* the stack is full: return is not an option */
}

static void
overflow(int use_altstack)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_overflow;
    sigemptyset(&sa.sa_mask);
    if (use_altstack) {
        stack_t ss;
        ss.ss_sp = malloc(SIGSTKSZ);
        ss.ss_size = SIGSTKSZ;
        ss.ss_flags = 0;
        if (ss.ss_sp == NULL || sigaltstack(&ss, NULL) < 0) {
            perror("sigaltstack");
            _exit(2);
        }
        sa.sa_flags = SA_ONSTACK;
    }
    sigaction(SIGSEGV, &sa, NULL);
    recurse(0);
}

static void
run(const char *title, int use_altstack)
{
    int status;
    pid_t pid;

    printf("%s\n", title);
    fflush(stdout);
    pid = fork();
    if (pid == 0)
        overflow(use_altstack);
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        printf("  child killed by %s: its handler never ran\n", strsignal(WTERMSIG(status)));
    else
        printf("  child exited with status %d\n", WEXITSTATUS(status));
}

int
main(void)
{
    run("1. a SIGSEGV handler on the ordinary stack:", 0);
    run("2. the same handler with sigaltstack and SA_ONSTACK:", 1);
    return 0;
}
