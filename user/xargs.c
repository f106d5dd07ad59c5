/*
 * xargs -- build command lines from stdin: the words read (split at blanks
 * and newlines; quotes '...' "..." and \ keep blanks in a word) are added
 * to COMMAND (echo by default), at most -n N words per run.
 */
#include <sys/wait.h>
#include "util.h"

#define MAX_ARGS 256

/* One word from stdin into buf; 0 at the end of input. */
static int
read_word(char *buf, int size)
{
    int c, n = 0, quote = 0;
    while ((c = getchar()) == ' ' || c == '\t' || c == '\n')
        ;
    for (; c != EOF; c = getchar()) {
        if (quote && c == quote) {
            quote = 0;
            continue;
        }
        if (!quote && (c == '\'' || c == '"')) {
            quote = c;
            continue;
        }
        if (!quote && (c == ' ' || c == '\t' || c == '\n'))
            break;
        if (!quote && c == '\\' && (c = getchar()) == EOF)
            break;
        if (n < size - 1)
            buf[n++] = c;
    }
    buf[n] = '\0';
    return n > 0 || c != EOF;
}

static int
run(char **argv)
{
    int status;
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[0], argv);
        fprintf(stderr, "xargs: %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return complain("xargs", "fork");
    return WIFEXITED(status) ? WEXITSTATUS(status) != 0 : 1;
}

int
main(int argc, char **argv)
{
    char *cmd[MAX_ARGS + 2], word[1024];
    int i = 1, per_run = MAX_ARGS - 64, status = 0, fixed = 0, n;

    USAGE(argc, argv, "usage: xargs [-n N] [COMMAND [ARG...]]\n");
    if (i + 1 < argc && strcmp(argv[i], "-n") == 0) {
        per_run = atoi(argv[i + 1]);
        i += 2;
        if (per_run < 1)
            usage();
    }
    if (i == argc)
        cmd[fixed++] = "echo";
    for (; i < argc && fixed < 64; i++)
        cmd[fixed++] = argv[i];
    if (per_run > MAX_ARGS - fixed)
        per_run = MAX_ARGS - fixed;
    n = fixed;
    while (read_word(word, sizeof word)) {
        if (!*word)
            continue;
        cmd[n++] = strdup(word);
        if (n - fixed == per_run) {
            cmd[n] = NULL;
            status |= run(cmd);
            while (n > fixed)
                free(cmd[--n]);
        }
    }
    if (n > fixed) {
        cmd[n] = NULL;
        status |= run(cmd);
    }
    return status ? 123 : 0;
}
