/*
 * demo_forkexec -- the three calls behind every shell command.
 *
 *   fork()     makes a copy of this process: both copies return from it,
 *              the child with 0, the parent with the child's pid.
 *   execv()    replaces the child's program with /bin/echo; on success it
 *              never returns.
 *   waitpid()  lets the parent sleep until the child ends and collect its
 *              exit status, which WIFEXITED/WEXITSTATUS decode.
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(void)
{
    char pidtext[16];
    int status;
    pid_t pid;

    printf("parent %d: forking\n", getpid());
    /* Empty our stdio buffer first, or the child would inherit a copy of it
     * and print its contents a second time. */
    fflush(stdout);

    pid = fork();
    if (pid < 0) {
        perror("demo_forkexec: fork");
        return 1;
    }
    if (pid == 0) {
        char *argv[] = { "echo", "child", pidtext, "says hello from /bin/echo", NULL };

        snprintf(pidtext, sizeof pidtext, "%d", getpid());
        execv("/bin/echo", argv);
        perror("demo_forkexec: execv /bin/echo");  /* only if exec failed */
        _exit(127);
    }

    printf("parent %d: started child %d, waiting for it\n", getpid(), pid);
    fflush(stdout);
    if (waitpid(pid, &status, 0) < 0) {
        perror("demo_forkexec: waitpid");
        return 1;
    }
    if (WIFEXITED(status))
        printf("parent: child %d exited, WEXITSTATUS = %d\n", pid, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("parent: child %d was killed by signal %d (%s)\n", pid,
               WTERMSIG(status), strsignal(WTERMSIG(status)));
    printf("parent: raw status word 0x%04x\n", status);
    return 0;
}
