/*
 * demo_sigint -- a program that survives Ctrl-C and Ctrl-Z.
 *
 * The console turns Ctrl-C into SIGINT and Ctrl-Z into SIGTSTP, sent to
 * every process of the foreground process group.  By default SIGINT ends a
 * process and SIGTSTP stops it; this program catches both instead, says
 * what it got, and carries on.  After NCAUGHT signals it exits by itself.
 * Ctrl-\ (SIGQUIT) is not caught, so it still ends the program at once.
 *
 * The waiting is done the careful way.  The handler only records the
 * signal; main() prints.  A loop of `if (nothing yet) pause();` would have
 * a hole: a signal arriving between the test and pause() would be handled
 * there and pause() would then sleep on, unaware.  So both signals stay
 * blocked except inside sigsuspend(), which unblocks them and sleeps in
 * one atomic step.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define NCAUGHT 5

static volatile sig_atomic_t last_signal;

static void
remember_signal(int sig)
{
    last_signal = sig;          /* all a handler should do: record, return */
}

static void
catch_signal(int sig)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = remember_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    if (sigaction(sig, &sa, NULL) < 0)
        perror("demo_sigint: sigaction");
}

int
main(void)
{
    sigset_t both, old;
    int caught;

    catch_signal(SIGINT);
    catch_signal(SIGTSTP);
    sigemptyset(&both);
    sigaddset(&both, SIGINT);
    sigaddset(&both, SIGTSTP);
    sigprocmask(SIG_BLOCK, &both, &old);

    printf("demo_sigint (pid %d, process group %d): press Ctrl-C or Ctrl-Z;\n"
           "I will catch %d of them, then exit.  Ctrl-\\ ends me now.\n",
           getpid(), getpgrp(), NCAUGHT);
    fflush(stdout);
    for (caught = 1; caught <= NCAUGHT; caught++) {
        last_signal = 0;
        while (last_signal == 0)
            sigsuspend(&old);       /* the old mask: both unblocked */
        printf("caught %s (signal %d, %s): %s, still running [%d/%d]\n",
               last_signal == SIGINT ? "SIGINT" : "SIGTSTP", last_signal,
               last_signal == SIGINT ? "Ctrl-C" : "Ctrl-Z",
               strsignal(last_signal), caught, NCAUGHT);
        fflush(stdout);
    }
    printf("demo_sigint: that was %d, goodbye\n", NCAUGHT);
    return 0;
}
