/*
 * demo_alarm -- a timeout on a blocking read, made with alarm().
 *
 *   usage: demo_alarm [seconds]      (default 5)
 *
 * read() on the console sleeps until a line is typed.  To give up after a
 * while, we ask for SIGALRM in `seconds` with alarm() and catch it with a
 * handler installed WITHOUT SA_RESTART: when the signal interrupts the
 * sleeping read(), the handler runs and read() then fails with EINTR
 * instead of going back to sleep.  (With SA_RESTART, or with signal(),
 * which sets it, the read would simply resume and the timeout would do
 * nothing.)  alarm(0) cancels the alarm if the line came in time.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t timed_out;

static void
on_alarm(int sig)
{
    (void)sig;
    timed_out = 1;
}

/* Reads one line from fd into buf within `seconds`: its length, 0 at end
 * of file, -1 with errno EINTR on timeout. */
static ssize_t
read_with_timeout(int fd, char *buf, size_t size, unsigned seconds)
{
    ssize_t n;

    timed_out = 0;
    alarm(seconds);
    n = read(fd, buf, size);
    alarm(0);                   /* in time: cancel the alarm */
    return n;
}

int
main(int argc, char **argv)
{
    unsigned seconds = argc > 1 ? (unsigned)atoi(argv[1]) : 5;
    struct sigaction sa;
    char line[128];
    ssize_t n;

    if (seconds == 0)
        seconds = 5;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;            /* no SA_RESTART: let read() fail with EINTR */
    if (sigaction(SIGALRM, &sa, NULL) < 0) {
        perror("demo_alarm: sigaction");
        return 1;
    }

    printf("Type a line within %u seconds: ", seconds);
    fflush(stdout);
    n = read_with_timeout(0, line, sizeof line - 1, seconds);
    if (n < 0 && errno == EINTR && timed_out) {
        printf("\ntoo slow: SIGALRM interrupted read(), which failed with EINTR\n");
        return 2;
    }
    if (n < 0) {
        perror("demo_alarm: read");
        return 1;
    }
    line[n] = '\0';
    if (n > 0 && line[n - 1] == '\n')
        line[n - 1] = '\0';
    printf("in time: you typed \"%s\"\n", line);
    return 0;
}
