/*
 * sh -- the Parley shell.
 *
 *   sh                     read commands from stdin ("$ " prompt on a terminal)
 *   sh script [args...]    read commands from a file; $1... are the args
 *   sh -c 'text' [name args...]   run text; $0 is name, $1... the args
 *
 * Input is read a line at a time and parsed; a line that leaves a quote or
 * an if/while/for open asks for the next one ("> " on a terminal) and the
 * whole is parsed again, then run.  The parts are described in sh.h;
 * docs/shell.md tells the story.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

int last_status;
pid_t last_background;
pid_t shell_pid;
int interactive;

/*
 * Reads one line from fd, a byte at a time so that nothing past the newline
 * is consumed: commands started from a script share its input.  Returns the
 * length, -1 at end of input, -2 for an over-long line (skipped), or -3 if
 * a keyboard signal interrupted the read.
 */
static int
read_line(int fd, char *buf, int size)
{
    int len = 0, too_long = 0, n;
    char c;

    for (;;) {
        n = read(fd, &c, 1);
        if (n < 0 && errno == EINTR) {
            if (line_interrupted)
                return -3;
            continue;
        }
        if (n <= 0) {
            if (len == 0 && !too_long)
                return -1;
            break;
        }
        if (c == '\n')
            break;
        if (len < size - 1)
            buf[len++] = c;
        else
            too_long = 1;
    }
    buf[len] = '\0';
    return too_long ? -2 : len;
}

static int
get_line(int fd, const char *prompt, char *buf, int size)
{
    if (interactive)
        return edit_line(prompt, buf, size);
    return read_line(fd, buf, size);
}

/*
 * Reads lines into text until they parse as complete commands, then runs
 * them.  Returns 0, or -1 at end of input.
 */
static int
read_and_run(int fd, char *text)
{
    char line[LINE_MAX_LEN];
    struct list *list;
    int len = 0, n, err;

    arena_reset();
    for (;;) {
        n = get_line(fd, len ? "> " : "$ ", line, sizeof line);
        if (n == -3) {                  /* ^C: the lines so far are dropped */
            last_status = 128 + SIGINT;
            return 0;
        }
        if (n == -1) {
            if (len)
                fprintf(stderr, "sh: syntax error: unexpected end of input\n");
            return -1;
        }
        if (n == -2 || len + n + 2 >= TEXT_MAX) {
            fprintf(stderr, "sh: line too long\n");
            last_status = 2;
            return 0;
        }
        memcpy(text + len, line, n);
        len += n;
        text[len++] = '\n';
        text[len] = '\0';
        arena_reset();
        err = parse_text(text, &list);
        if (err != PARSE_MORE)
            break;
    }
    if (err < 0)
        last_status = 2;
    else
        run_list(list);
    return 0;
}

static int
run_option_c(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "sh: -c: option requires an argument\n");
        return 2;
    }
    if (argc > 3)
        positional_set(argc - 3, argv + 3); /* sh -c text name args: $0 is name */
    else
        positional_set(1, argv);
    return run_text(argv[2]);
}

int
main(int argc, char **argv)
{
    char *text = malloc(TEXT_MAX);
    int fd = 0;

    if (!text)
        return 2;
    shell_pid = getpid();
    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        printf("usage: sh [-c text [name [arg...]] | script [arg...]]\n");
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "-c") == 0)
        return run_option_c(argc, argv);
    positional_set(argc, argv);
    if (argc > 1) {
        if ((fd = open(argv[1], O_RDONLY | O_CLOEXEC)) < 0) {
            fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
            return 127;
        }
        positional_set(argc - 1, argv + 1);
    }
    interactive = fd == 0 && isatty(0);
    if (interactive)
        jobs_init();
    for (;;) {
        jobs_notify();
        line_interrupted = 0;
        fflush(stdout);
        if (read_and_run(fd, text) < 0)
            break;
    }
    if (interactive)
        write(2, "\n", 1);
    jobs_hangup();
    fflush(stdout);
    return last_status;
}
