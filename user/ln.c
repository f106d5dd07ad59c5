/* ln -- make a second name (a hard link): ln OLD NEW. */
#include "util.h"

int
main(int argc, char **argv)
{
    USAGE(argc, argv, "usage: ln OLD NEW   (hard links only: Parley has no symbolic links)\n");
    if (argc == 4 && strcmp(argv[1], "-s") == 0) {
        fprintf(stderr, "ln: symbolic links are not supported\n");
        return 1;
    }
    if (argc != 3)
        usage();
    if (link(argv[1], argv[2]) < 0)
        return complain("ln", argv[2]);
    return 0;
}
