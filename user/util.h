/*
 * util.h -- what the small utilities share (included by user/NAME.c).
 *
 * Each utility has a usage text: USAGE(text) at the top of main prints it
 * and exits 0 for "--help", and usage() prints it and exits 2 for bad
 * options, as the GNU tools do.
 */
#ifndef USER_UTIL_H
#define USER_UTIL_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *usage_text;

static void __attribute__((noreturn, unused))
usage(void)
{
    fprintf(stderr, "%s", usage_text);
    exit(2);
}

#define USAGE(argc, argv, text) do {                                     \
    usage_text = (text);                                                 \
    if ((argc) > 1 && strcmp((argv)[1], "--help") == 0) {                \
        printf("%s", usage_text);                                        \
        exit(0);                                                         \
    }                                                                    \
} while (0)

/* "prog: what: strerror" on stderr; returns 1 for an exit status. */
static int __attribute__((unused))
complain(const char *prog, const char *what)
{
    fprintf(stderr, "%s: %s: %s\n", prog, what, strerror(errno));
    return 1;
}

/* Opens name for reading ("-" is stdin); NULL after a message. */
__attribute__((unused)) static FILE *
open_input(const char *prog, const char *name)
{
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
    if (!f)
        complain(prog, name);
    return f;
}

static void __attribute__((unused))
close_input(FILE *f)
{
    if (f != stdin)
        fclose(f);
}

/* Copies everything from fd in to fd out; 0, or -1 with errno. */
static int __attribute__((unused))
copy_fd(int in, int out)
{
    char buf[4096];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        for (ssize_t done = 0, w; done < n; done += w)
            if ((w = write(out, buf + done, n - done)) < 0)
                return -1;
    }
    return n < 0 ? -1 : 0;
}

/* head and tail: "-n N" or "-N" at argv[*i] (10 if neither); advances
 * *i past it.  Another option is a usage error. */
static long __attribute__((unused))
line_count_option(int argc, char **argv, int *i)
{
    long n = 10;
    if (*i < argc && strcmp(argv[*i], "-n") == 0 && *i + 1 < argc) {
        n = atol(argv[*i + 1]);
        *i += 2;
    } else if (*i < argc && argv[*i][0] == '-' && argv[*i][1] >= '0' && argv[*i][1] <= '9') {
        n = atol(argv[*i] + 1);
        (*i)++;
    } else if (*i < argc && argv[*i][0] == '-' && argv[*i][1]) {
        usage();
    }
    return n;
}

/* cp and mv: where SOURCE goes: DEST itself, or DEST/basename(SOURCE) when
 * DEST is a directory. */
static void __attribute__((unused))
target_path(char *buf, size_t size, const char *source, const char *dest, int dest_is_dir)
{
    const char *slash = strrchr(source, '/');
    const char *base = slash ? slash + 1 : source;
    if (dest_is_dir)
        snprintf(buf, size, "%s/%s", dest, base);
    else
        snprintf(buf, size, "%s", dest);
}

#endif
