/* uniq -- collapse adjacent equal lines: -c count, -d only repeated, -u
 * only unrepeated. */
#include "util.h"

static int count, only_repeated, only_unique;

static void
emit(const char *line, long n)
{
    if ((only_repeated && n < 2) || (only_unique && n > 1))
        return;
    if (count)
        printf("%7ld %s", n, line);
    else
        fputs(line, stdout);
}

int
main(int argc, char **argv)
{
    char *line = NULL, *prev = NULL;
    size_t size = 0;
    long n = 0;
    int c;

    USAGE(argc, argv, "usage: uniq [-cdu] [FILE]\n");
    while ((c = getopt(argc, argv, "cdu")) != -1) {
        switch (c) {
        case 'c': count = 1; break;
        case 'd': only_repeated = 1; break;
        case 'u': only_unique = 1; break;
        default: usage();
        }
    }
    FILE *f = optind < argc ? open_input("uniq", argv[optind]) : stdin;
    if (!f)
        return 1;
    while (getline(&line, &size, f) >= 0) {
        if (prev && strcmp(prev, line) == 0) {
            n++;
            continue;
        }
        if (prev)
            emit(prev, n);
        free(prev);
        prev = strdup(line);
        n = 1;
    }
    if (prev)
        emit(prev, n);
    return 0;
}
