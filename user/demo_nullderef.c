/*
 * demo_nullderef -- a crash kills only the process that crashed.
 *
 * The child reads address 0.  Page 0 is never mapped, so the CPU raises a
 * page fault; the kernel sees it came from user mode and sends the child
 * SIGSEGV, whose default action ends it.  The parent, in its own address
 * space, carries on and learns from waitpid() how the child died.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(void)
{
    int status;
    pid_t pid;

    printf("parent %d: forking a child that will dereference NULL\n", getpid());
    fflush(stdout);

    pid = fork();
    if (pid < 0) {
        perror("demo_nullderef: fork");
        return 1;
    }
    if (pid == 0) {
        /* volatile: the compiler must really load from the pointer, rather
         * than replace the undefined behaviour with something else. */
        int *volatile p = NULL;

        printf("child %d: reading *NULL...\n", getpid());
        fflush(stdout);
        printf("child: read %d -- page 0 should not be mapped!\n", *p);
        _exit(1);
    }

    if (waitpid(pid, &status, 0) < 0) {
        perror("demo_nullderef: waitpid");
        return 1;
    }
    if (WIFSIGNALED(status))
        printf("parent: child %d was killed by signal %d (%s)\n", pid,
               WTERMSIG(status), strsignal(WTERMSIG(status)));
    else
        printf("parent: child %d exited with status %d\n", pid, WEXITSTATUS(status));
    printf("parent %d: still running -- only the child was killed\n", getpid());
    return 0;
}
