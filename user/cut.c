/* cut -- select fields (-f LIST, split at -d C, a tab by default) or
 * characters (-c LIST) of each line.  LIST: N, N-M, N-, -M, comma-separated. */
#include "util.h"

#define MAXPOS 1024

static char wanted[MAXPOS + 2];     /* wanted[i]: position i (from 1) */

static int
parse_list(const char *list)
{
    while (*list) {
        char *end;
        long from = *list == '-' ? 1 : strtol(list, &end, 10), to;
        if (*list != '-')
            list = end;
        if (*list == '-') {
            list++;
            to = *list >= '0' && *list <= '9' ? strtol(list, &end, 10) : MAXPOS;
            if (*list >= '0' && *list <= '9')
                list = end;
        } else {
            to = from;
        }
        if (from < 1 || to < from)
            return -1;
        for (long i = from; i <= to && i <= MAXPOS; i++)
            wanted[i] = 1;
        if (*list == ',')
            list++;
        else if (*list)
            return -1;
    }
    return 0;
}

static void
cut_fields(char *line, char delim)
{
    int field = 1, printed = 0;
    if (!strchr(line, delim)) {
        fputs(line, stdout);        /* no delimiter: the line as it is */
        return;
    }
    for (char *p = line, *start = line;; p++) {
        if (*p == delim || *p == '\n' || *p == '\0') {
            if (field <= MAXPOS && wanted[field]) {
                if (printed++)
                    putchar(delim);
                fwrite(start, 1, p - start, stdout);
            }
            if (*p != delim)
                break;
            field++;
            start = p + 1;
        }
    }
    putchar('\n');
}

static void
cut_chars(const char *line)
{
    for (int i = 0; line[i] && line[i] != '\n'; i++)
        if (i + 1 <= MAXPOS && wanted[i + 1])
            putchar(line[i]);
    putchar('\n');
}

int
main(int argc, char **argv)
{
    char *line = NULL, delim = '\t';
    size_t size = 0;
    int c, by_chars = -1;

    USAGE(argc, argv, "usage: cut -f LIST [-d C] [FILE...]\n       cut -c LIST [FILE...]\n");
    while ((c = getopt(argc, argv, "f:c:d:")) != -1) {
        switch (c) {
        case 'f': case 'c':
            if (parse_list(optarg) < 0)
                usage();
            by_chars = c == 'c';
            break;
        case 'd': delim = optarg[0]; break;
        default: usage();
        }
    }
    if (by_chars < 0)
        usage();
    for (int i = optind; i <= argc; i++) {
        if (i == argc && optind < argc)
            break;
        FILE *f = i < argc ? open_input("cut", argv[i]) : stdin;
        if (!f)
            continue;
        while (getline(&line, &size, f) >= 0) {
            if (by_chars)
                cut_chars(line);
            else
                cut_fields(line, delim);
        }
        close_input(f);
    }
    return 0;
}
