/* tr -- translate (tr SET1 SET2), delete (-d SET1) or squeeze (-s SET1)
 * characters from stdin.  Sets may use ranges a-z and \n \t \\ escapes. */
#include "util.h"

/* Expands a set into out; returns its length. */
static int
expand_set(const char *s, unsigned char *out)
{
    int n = 0;
    while (*s && n < 256) {
        int c = (unsigned char)*s++;
        if (c == '\\' && *s) {
            c = *s++;
            c = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == '0' ? 0 : c;
        }
        if (*s == '-' && s[1]) {
            int last = (unsigned char)s[1];
            s += 2;
            for (; c <= last && n < 256; c++)
                out[n++] = c;
        } else {
            out[n++] = c;
        }
    }
    return n;
}

int
main(int argc, char **argv)
{
    unsigned char set1[256], set2[256], map[256], in_set1[256] = { 0 };
    int delete = 0, squeeze = 0, i = 1, c, last = -1;

    USAGE(argc, argv, "usage: tr SET1 SET2\n       tr -d SET1\n       tr -s SET1\n");
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "-d") == 0) delete = 1;
        else if (strcmp(argv[i], "-s") == 0) squeeze = 1;
        else usage();
    }
    if (i >= argc || (!delete && !squeeze && i + 1 >= argc))
        usage();
    int n1 = expand_set(argv[i], set1), n2 = i + 1 < argc ? expand_set(argv[i + 1], set2) : 0;
    for (c = 0; c < 256; c++)
        map[c] = c;
    for (int k = 0; k < n1; k++) {
        in_set1[set1[k]] = 1;
        if (n2)
            map[set1[k]] = set2[k < n2 ? k : n2 - 1];   /* SET2 is padded with its last */
    }
    while ((c = getchar()) != EOF) {
        if (delete && in_set1[c])
            continue;
        c = map[c];
        if (squeeze && c == last && (n2 ? memchr(set2, c, n2) != NULL : in_set1[c]))
            continue;
        putchar(c);
        last = c;
    }
    return 0;
}
