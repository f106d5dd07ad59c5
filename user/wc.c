/*
 * wc -- count lines, words and bytes.
 *   -l lines   -w words   -c bytes   (default: all three, in that order)
 * Reads the files named ('-' is stdin), or stdin; with several files also
 * prints a "total" line.  The columns are as wide as coreutils makes them:
 * wide enough for the total size of the regular files read, at least 7 if
 * one of them is a pipe or terminal, and unpadded for a single count of a
 * single input.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct counts {
    unsigned long lines, words, bytes;
};

static int show_lines, show_words, show_bytes;
static int width;

static int
count_fd(int fd, struct counts *c)
{
    static char buf[4096];
    int n, i, in_word = 0;

    c->lines = c->words = c->bytes = 0;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        c->bytes += n;
        for (i = 0; i < n; i++) {
            if (buf[i] == '\n')
                c->lines++;
            if (isspace((unsigned char)buf[i]))
                in_word = 0;
            else if (!in_word) {
                in_word = 1;
                c->words++;
            }
        }
    }
    return n < 0 ? -1 : 0;
}

static void
print_counts(const struct counts *c, const char *name)
{
    const char *sep = "";

    if (show_lines) {
        printf("%*lu", width, c->lines);
        sep = " ";
    }
    if (show_words) {
        printf("%s%*lu", sep, width, c->words);
        sep = " ";
    }
    if (show_bytes)
        printf("%s%*lu", sep, width, c->bytes);
    if (name != NULL)
        printf(" %s", name);
    printf("\n");
}

/* The column width coreutils would use for these inputs (see the top). */
static int
column_width(char **paths, int npaths)
{
    unsigned long total = 0;
    int i, digits = 1, minimum = 1, failed;
    struct stat st;

    if (show_lines + show_words + show_bytes == 1 && npaths <= 1)
        return 1;
    for (i = 0; i < (npaths ? npaths : 1); i++) {
        if (npaths == 0 || strcmp(paths[i], "-") == 0)
            failed = fstat(0, &st) < 0;
        else
            failed = stat(paths[i], &st) < 0;
        if (failed && i == 0)
            return 1;
        if (failed)
            continue;
        if (S_ISREG(st.st_mode))
            total += st.st_size;
        else
            minimum = 7;
    }
    for (; total >= 10; total /= 10)
        digits++;
    return digits > minimum ? digits : minimum;
}

int
main(int argc, char **argv)
{
    struct counts c, total = { 0, 0, 0 };
    int i, fd, status = 0, npaths;
    char *flag;

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        for (flag = argv[i] + 1; *flag != '\0'; flag++) {
            if (*flag == 'l')
                show_lines = 1;
            else if (*flag == 'w')
                show_words = 1;
            else if (*flag == 'c')
                show_bytes = 1;
            else {
                fprintf(stderr, "usage: wc [-lwc] [file...]\n");
                return 2;
            }
        }
    }
    if (!show_lines && !show_words && !show_bytes)
        show_lines = show_words = show_bytes = 1;
    npaths = argc - i;
    width = column_width(argv + i, npaths);
    if (npaths == 0) {
        if (count_fd(0, &c) < 0) {
            fprintf(stderr, "wc: stdin: %s\n", strerror(errno));
            return 1;
        }
        print_counts(&c, NULL);
        return 0;
    }
    for (; i < argc; i++) {
        fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);
        if (fd < 0 || count_fd(fd, &c) < 0) {
            fprintf(stderr, "wc: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        } else {
            print_counts(&c, argv[i]);
            total.lines += c.lines;
            total.words += c.words;
            total.bytes += c.bytes;
        }
        if (fd > 0)
            close(fd);
    }
    if (npaths > 1)
        print_counts(&total, "total");
    return status;
}
