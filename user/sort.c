/*
 * sort -- sort lines: -r reverse, -n by number, -u unique, -k N by the
 * N-th field (blank-separated, or by -t C).
 */
#include "util.h"

static int reverse, numeric, unique, key;
static char separator;

/* The start of the key field of line (the whole line without -k). */
static const char *
key_of(const char *line)
{
    const char *p = line;
    for (int field = 1; field < key && *p; field++) {
        if (separator) {
            while (*p && *p != separator)
                p++;
            p += *p == separator;
        } else {
            while (*p == ' ' || *p == '\t')
                p++;
            while (*p && *p != ' ' && *p != '\t')
                p++;
        }
    }
    return p;
}

static int
compare(const void *a, const void *b)
{
    const char *x = key_of(*(char *const *)a), *y = key_of(*(char *const *)b);
    int r;
    if (numeric) {
        double dx = strtod(x, NULL), dy = strtod(y, NULL);
        r = dx < dy ? -1 : dx > dy;
    } else {
        r = strcmp(x, y);
    }
    if (r == 0 && !unique)
        r = strcmp(*(char *const *)a, *(char *const *)b);
    return reverse ? -r : r;
}

static int
read_lines(FILE *f, char ***lines, size_t *n, size_t *cap)
{
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    while ((len = getline(&line, &size, f)) >= 0) {
        if (len > 0 && line[len - 1] == '\n')
            line[len - 1] = '\0';
        if (*n == *cap) {
            char **more = realloc(*lines, (*cap = *cap * 2 + 64) * sizeof **lines);
            if (!more)
                return -1;
            *lines = more;
        }
        (*lines)[(*n)++] = strdup(line);
    }
    free(line);
    return 0;
}

int
main(int argc, char **argv)
{
    char **lines = NULL;
    size_t n = 0, cap = 0;
    int c, status = 0;

    USAGE(argc, argv, "usage: sort [-rnu] [-k FIELD] [-t SEP] [FILE...]\n");
    while ((c = getopt(argc, argv, "rnuk:t:")) != -1) {
        switch (c) {
        case 'r': reverse = 1; break;
        case 'n': numeric = 1; break;
        case 'u': unique = 1; break;
        case 'k': key = atoi(optarg); break;
        case 't': separator = optarg[0]; break;
        default: usage();
        }
    }
    if (optind == argc)
        status |= read_lines(stdin, &lines, &n, &cap) < 0;
    for (int i = optind; i < argc; i++) {
        FILE *f = open_input("sort", argv[i]);
        status |= !f || read_lines(f, &lines, &n, &cap) < 0;
        if (f)
            close_input(f);
    }
    qsort(lines, n, sizeof *lines, compare);
    for (size_t i = 0; i < n; i++)
        if (!unique || i == 0 || compare(&lines[i - 1], &lines[i]) != 0)
            puts(lines[i]);
    return status;
}
