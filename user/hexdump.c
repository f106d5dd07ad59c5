/* hexdump -- bytes as hex and text, 16 a line (the -C "canonical" format
 * of BSD hexdump, which is the only one, so -C is accepted and ignored). */
#include <ctype.h>
#include "util.h"

static long offset;

static void
dump(FILE *f)
{
    unsigned char line[16];
    size_t n;
    while ((n = fread(line, 1, 16, f)) > 0) {
        printf("%08lx  ", offset);
        for (size_t i = 0; i < 16; i++) {
            if (i < n)
                printf("%02x ", line[i]);
            else
                printf("   ");
            if (i == 7)
                putchar(' ');
        }
        printf(" |");
        for (size_t i = 0; i < n; i++)
            putchar(isprint(line[i]) ? line[i] : '.');
        printf("|\n");
        offset += n;
    }
}

int
main(int argc, char **argv)
{
    int i = 1, status = 0;

    USAGE(argc, argv, "usage: hexdump [-C] [FILE...]\n");
    if (i < argc && strcmp(argv[i], "-C") == 0)
        i++;
    if (i == argc)
        dump(stdin);
    for (; i < argc; i++) {
        FILE *f = open_input("hexdump", argv[i]);
        if (!f) {
            status = 1;
            continue;
        }
        dump(f);
        close_input(f);
    }
    if (offset)
        printf("%08lx\n", offset);
    return status;
}
