/* seq -- print numbers: seq LAST, seq FIRST LAST, seq FIRST STEP LAST;
 * -s SEP between them (a newline by default). */
#include "util.h"

static int
is_integer(const char *s)
{
    char *end;
    strtol(s, &end, 10);
    return *s && !*end;
}

int
main(int argc, char **argv)
{
    const char *sep = "\n";
    int i = 1, integers = 1;

    USAGE(argc, argv, "usage: seq [-s SEP] [FIRST [STEP]] LAST\n");
    if (i + 1 < argc && strcmp(argv[i], "-s") == 0)
        sep = argv[i + 1], i += 2;
    int n = argc - i;
    if (n < 1 || n > 3)
        usage();
    for (int k = i; k < argc; k++)
        integers &= is_integer(argv[k]);
    double first = n > 1 ? strtod(argv[i], NULL) : 1;
    double step = n == 3 ? strtod(argv[i + 1], NULL) : 1;
    double last = strtod(argv[argc - 1], NULL);
    if (step == 0) {
        fprintf(stderr, "seq: the step must not be 0\n");
        return 1;
    }
    for (long k = 0;; k++) {
        double v = first + k * step;
        if (step > 0 ? v > last + 1e-9 : v < last - 1e-9)
            break;
        if (k > 0)
            fputs(sep, stdout);
        if (integers)
            printf("%ld", (long)v);
        else
            printf("%g", v);
    }
    if (step > 0 ? first <= last : first >= last)
        putchar('\n');
    return 0;
}
