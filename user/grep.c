/*
 * grep -- print the lines that contain a fixed string (no regular
 * expressions).
 *   -v   select the lines that do NOT contain it
 *   -c   print only how many lines were selected
 *   -n   put the line number before each line
 * Reads the files named, or stdin.  With several files each output line
 * starts with "file:".  Exit status: 0 if any line was selected, 1 if none,
 * 2 if an error occurred.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int invert, count_only, number_lines, show_names;
static const char *pattern;

/*
 * Reads one line, of any length, into the malloc'ed *buf (growing it as
 * needed), without its newline.  Returns 1, 0 at the end of the input (or on
 * a read error: see ferror), or -1 if out of memory.
 */
static int
read_line(FILE *f, char **buf, int *capacity)
{
    int c, len = 0;
    char *bigger;

    for (;;) {
        c = getc(f);
        if (c == EOF && len == 0)
            return 0;
        if (len + 1 >= *capacity) {
            *capacity = *capacity ? 2 * *capacity : 256;
            if ((bigger = realloc(*buf, *capacity)) == NULL)
                return -1;
            *buf = bigger;
        }
        if (c == EOF || c == '\n')
            break;
        (*buf)[len++] = c;
    }
    (*buf)[len] = '\0';
    return 1;
}

/* Searches one stream; returns the number of selected lines, or -1. */
static long
grep_stream(FILE *f, const char *name)
{
    static char *line;
    static int capacity;
    long lineno = 0, selected = 0;
    int got;

    while ((got = read_line(f, &line, &capacity)) > 0) {
        lineno++;
        if ((strstr(line, pattern) != NULL) == invert)
            continue;
        selected++;
        if (count_only)
            continue;
        if (show_names)
            printf("%s:", name);
        if (number_lines)
            printf("%ld:", lineno);
        printf("%s\n", line);
    }
    if (got < 0 || ferror(f)) {
        fprintf(stderr, "grep: %s: %s\n", name, strerror(got < 0 ? ENOMEM : errno));
        return -1;
    }
    if (count_only) {
        if (show_names)
            printf("%s:", name);
        printf("%ld\n", selected);
    }
    return selected;
}

/* Returns the index of the pattern argument after the flags, or -1. */
static int
parse_flags(int argc, char **argv)
{
    int i;
    char *flag;

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        for (flag = argv[i] + 1; *flag != '\0'; flag++) {
            if (*flag == 'v')
                invert = 1;
            else if (*flag == 'c')
                count_only = 1;
            else if (*flag == 'n')
                number_lines = 1;
            else
                return -1;
        }
    }
    return i < argc ? i : -1;
}

int
main(int argc, char **argv)
{
    int i, error = 0;
    long found = 0, n;
    FILE *f;

    if ((i = parse_flags(argc, argv)) < 0) {
        fprintf(stderr, "usage: grep [-vcn] string [file...]\n");
        return 2;
    }
    pattern = argv[i++];
    show_names = argc - i > 1;
    if (i == argc) {
        n = grep_stream(stdin, "(standard input)");
        return n < 0 ? 2 : n > 0 ? 0 : 1;
    }
    for (; i < argc; i++) {
        f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
            error = 1;
            continue;
        }
        if ((n = grep_stream(f, argv[i])) < 0)
            error = 1;
        else
            found += n;
        if (f != stdin)
            fclose(f);
    }
    return error ? 2 : found > 0 ? 0 : 1;
}
