/* tail -- the last lines of a file (10, or -n N, or -N), kept in a ring. */
#include "util.h"

static int
tail(FILE *f, long n)
{
    char **ring = calloc(n > 0 ? n : 1, sizeof *ring), *line = NULL;
    size_t size = 0;
    long count = 0;
    ssize_t len;

    if (!ring)
        return 1;
    while (n > 0 && (len = getline(&line, &size, f)) >= 0) {
        free(ring[count % n]);
        ring[count % n] = strdup(line);
        count++;
    }
    for (long i = count > n ? count - n : 0; i < count; i++) {
        fputs(ring[i % n], stdout);
        free(ring[i % n]);
    }
    free(ring);
    free(line);
    return 0;
}

int
main(int argc, char **argv)
{
    long n;
    int i = 1, status = 0;

    USAGE(argc, argv, "usage: tail [-n N | -N] [FILE]\n");
    n = line_count_option(argc, argv, &i);
    if (i == argc)
        return tail(stdin, n);
    for (; i < argc; i++) {
        FILE *f = open_input("tail", argv[i]);
        status |= f ? tail(f, n) : 1;
        if (f)
            close_input(f);
    }
    return status;
}
