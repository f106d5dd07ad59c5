/*
 * kill -- send a signal to processes.
 *   kill pid...               SIGTERM
 *   kill -SIGNAL pid...       by name, with or without "SIG": -KILL, -SIGINT
 *   kill -N pid...            by number: -9
 *   kill -s SIGNAL pid...
 *   kill -l [N]               list the signal names (or the name of N)
 * A negative pid names a process group ("kill -- -5" or "kill -9 -5").
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Indexed by signal number (Linux's numbering, as in <signal.h>). */
static const char *const signal_names[] = {
    NULL, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL",
    "USR1", "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT",
    "STOP", "TSTP", "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF",
    "WINCH", "POLL", "PWR", "SYS",
};
#define NSIGNALS (int)(sizeof signal_names / sizeof signal_names[0])

/* Does a equal b, ignoring the case of letters? */
static int
same_name(const char *a, const char *b)
{
    while (*a != '\0' && toupper((unsigned char)*a) == toupper((unsigned char)*b)) {
        a++;
        b++;
    }
    return *a == '\0' && *b == '\0';
}

/* "9", "KILL", "SIGKILL" or "kill" -> 9; -1 if unknown. */
static int
signal_parse(const char *s)
{
    char *end;
    long n;
    int sig;

    if (isdigit((unsigned char)*s)) {
        n = strtol(s, &end, 10);
        return *end == '\0' && n >= 0 && n < NSIGNALS ? (int)n : -1;
    }
    if (toupper((unsigned char)s[0]) == 'S' && toupper((unsigned char)s[1]) == 'I' &&
        toupper((unsigned char)s[2]) == 'G')
        s += 3;
    for (sig = 1; sig < NSIGNALS; sig++)
        if (same_name(s, signal_names[sig]))
            return sig;
    return -1;
}

static int
list_signals(const char *number)
{
    int sig;

    if (number != NULL) {
        sig = atoi(number);
        if (sig > 128)              /* an exit status of 128 + signal */
            sig -= 128;
        if (sig <= 0 || sig >= NSIGNALS) {
            fprintf(stderr, "kill: %s: invalid signal number\n", number);
            return 1;
        }
        printf("%s\n", signal_names[sig]);
        return 0;
    }
    for (sig = 1; sig < NSIGNALS; sig++) {
        if (sig % 4 == 0 || sig == NSIGNALS - 1)        /* last in its row */
            printf("%2d) SIG%s\n", sig, signal_names[sig]);
        else
            printf("%2d) SIG%-8s", sig, signal_names[sig]);
    }
    return 0;
}

static int
send_signal(const char *arg, int sig)
{
    char *end;
    long pid = strtol(arg, &end, 10);

    if (*arg == '\0' || *end != '\0') {
        fprintf(stderr, "kill: %s: arguments must be process ids\n", arg);
        return -1;
    }
    if (kill((pid_t)pid, sig) < 0) {
        fprintf(stderr, "kill: %s: %s\n", arg, strerror(errno));
        return -1;
    }
    return 0;
}

static int
usage(void)
{
    fprintf(stderr, "usage: kill [-SIGNAL | -N | -s SIGNAL] pid...  or  kill -l [N]\n");
    return 2;
}

int
main(int argc, char **argv)
{
    int i = 1, sig = SIGTERM, status = 0;
    const char *name = NULL;

    if (argc > 1 && strcmp(argv[1], "-l") == 0)
        return list_signals(argc > 2 ? argv[2] : NULL);
    if (argc > 2 && strcmp(argv[1], "-s") == 0) {
        name = argv[2];
        i = 3;
    } else if (argc > 1 && strcmp(argv[1], "--") == 0) {
        i = 2;
    } else if (argc > 1 && argv[1][0] == '-') {
        name = argv[1] + 1;             /* -KILL, -SIGKILL or -9 */
        i = 2;
    }
    if (name != NULL && (sig = signal_parse(name)) < 0) {
        fprintf(stderr, "kill: %s: invalid signal specification\n", name);
        return 2;
    }
    if (i < argc && strcmp(argv[i], "--") == 0 && name != NULL)
        i++;
    if (i == argc)
        return usage();
    for (; i < argc; i++)
        if (send_signal(argv[i], sig) < 0)
            status = 1;
    return status;
}
