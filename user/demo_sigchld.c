/*
 * demo_sigchld -- a parent that reaps its children from a SIGCHLD handler.
 *
 * When a child exits, the kernel sends its parent SIGCHLD.  Here the
 * handler calls waitpid(-1, ..., WNOHANG) in a loop, because signals do not
 * queue: two children that exit close together may produce a single
 * SIGCHLD, and one waitpid per signal would leave a zombie behind.
 * WNOHANG makes the loop stop, rather than block, once no child is ready.
 *
 * Meanwhile main() is free to do other work (here: print a dot now and
 * then); it only reports what the handler collected.  The handler touches
 * nothing but its own arrays and errno, which it saves and restores since
 * it may interrupt main() between a failing call and the errno check.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NCHILDREN 5

static volatile sig_atomic_t nreaped;
static pid_t reaped_pid[NCHILDREN];
static int   reaped_status[NCHILDREN];
static volatile sig_atomic_t nsignals;

static void
reap_children(int sig)
{
    int saved_errno = errno, status;
    pid_t pid;

    (void)sig;
    nsignals++;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        if (nreaped < NCHILDREN) {
            reaped_pid[nreaped] = pid;
            reaped_status[nreaped] = status;
            nreaped++;
        }
    }
    errno = saved_errno;
}

static void
sleep_ms(long ms)
{
    struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

    nanosleep(&t, NULL);
}

/* Child i lives (i % 3) * 300 ms, so some of them end together. */
static void
start_child(int i)
{
    pid_t pid = fork();

    if (pid < 0) {
        perror("demo_sigchld: fork");
        return;
    }
    if (pid == 0) {
        sleep_ms((i % 3) * 300);
        _exit(10 + i);
    }
    printf("parent: started child %d (pid %d)\n", i, pid);
}

static void
report(int i)
{
    int status = reaped_status[i];

    if (WIFEXITED(status))
        printf("parent: handler reaped pid %d, exit status %d\n",
               reaped_pid[i], WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        printf("parent: handler reaped pid %d, killed by %s\n",
               reaped_pid[i], strsignal(WTERMSIG(status)));
}

int
main(void)
{
    struct sigaction sa;
    int i, reported = 0;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = reap_children;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;    /* exits only, not stops */
    if (sigaction(SIGCHLD, &sa, NULL) < 0) {
        perror("demo_sigchld: sigaction");
        return 1;
    }
    for (i = 0; i < NCHILDREN; i++)
        start_child(i);
    fflush(stdout);

    while (reported < NCHILDREN) {
        printf(".");                    /* the parent's "other work" */
        fflush(stdout);
        sleep_ms(100);                  /* cut short by SIGCHLD: fine */
        if (reported < nreaped)
            printf("\n");
        while (reported < nreaped)
            report(reported++);
    }
    printf("parent: all %d children reaped by the handler, which ran %d times\n",
           NCHILDREN, (int)nsignals);
    return 0;
}
