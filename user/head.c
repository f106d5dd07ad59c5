/* head -- the first lines of files (10, or -n N, or -N). */
#include "util.h"

static void
head(FILE *f, long n)
{
    int c;
    while (n > 0 && (c = getc(f)) != EOF) {
        putchar(c);
        n -= c == '\n';
    }
}

int
main(int argc, char **argv)
{
    long n;
    int i = 1, status = 0;

    USAGE(argc, argv, "usage: head [-n N | -N] [FILE...]\n");
    n = line_count_option(argc, argv, &i);
    if (i == argc)
        head(stdin, n);
    for (int k = i; k < argc; k++) {
        FILE *f = open_input("head", argv[k]);
        if (!f) {
            status = 1;
            continue;
        }
        if (argc - i > 1)
            printf("%s==> %s <==\n", k > i ? "\n" : "", argv[k]);
        head(f, n);
        close_input(f);
    }
    return status;
}
