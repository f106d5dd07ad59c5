/*
 * demo_rtsig -- a standard signal is one bit, a real-time signal is a queue.
 *
 * With both signals blocked, the program sends SIGUSR1 five times and
 * SIGRTMIN five times (each with a value, by sigqueue), then a SIGRTMIN+2
 * before one more SIGRTMIN, and unblocks them all at once.  The handler
 * prints each delivery:
 *
 *   SIGUSR1 arrives once: five sendings of one pending bit are one signal;
 *   SIGRTMIN arrives five (six) times, with its values in the order sent;
 *   SIGRTMIN+2 comes after every SIGRTMIN: lowest number first.
 *
 * docs/realtime-signals.md explains the two designs.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void
on_signal(int sig, siginfo_t *info, void *context)
{
    char line[80];
    int n;

    (void)context;
    if (sig == SIGUSR1)
        n = snprintf(line, sizeof line, "  SIGUSR1     (from pid %d)\n", info->si_pid);
    else
        n = snprintf(line, sizeof line, "  SIGRTMIN+%d  value %d\n", sig - SIGRTMIN,
                     info->si_value.sival_int);
    write(STDOUT_FILENO, line, (size_t)n);      /* write is safe in a handler */
}

static void
catch(int sig, sigset_t *all)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO;
    sa.sa_mask = *all;                  /* one handler at a time: delivery order shows */
    sigaction(sig, &sa, NULL);
}

static void
send(int sig, int value)
{
    union sigval v;

    v.sival_int = value;
    if (sigqueue(getpid(), sig, v) < 0)
        perror("sigqueue");
}

int
main(void)
{
    sigset_t both;

    sigemptyset(&both);
    sigaddset(&both, SIGUSR1);
    sigaddset(&both, SIGRTMIN);
    sigaddset(&both, SIGRTMIN + 2);
    catch(SIGUSR1, &both);
    catch(SIGRTMIN, &both);
    catch(SIGRTMIN + 2, &both);

    sigprocmask(SIG_BLOCK, &both, NULL);
    for (int i = 1; i <= 5; i++) {
        send(SIGUSR1, i);
        send(SIGRTMIN, i);
    }
    send(SIGRTMIN + 2, 100);
    send(SIGRTMIN, 6);
    printf("sent SIGUSR1 x5, SIGRTMIN x5 (values 1-5), SIGRTMIN+2 (100), SIGRTMIN (6)\n"
           "while blocked; now unblocking:\n");
    fflush(stdout);
    sigprocmask(SIG_UNBLOCK, &both, NULL);
    printf("done\n");
    return 0;
}
