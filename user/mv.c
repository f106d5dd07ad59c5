/* mv -- rename files: mv OLD NEW, or mv FILE... DIR. */
#include <sys/stat.h>
#include "util.h"

int
main(int argc, char **argv)
{
    struct stat st;
    char path[512];
    int status = 0;

    USAGE(argc, argv, "usage: mv OLD NEW\n       mv FILE... DIRECTORY\n");
    if (argc < 3)
        usage();
    const char *last = argv[argc - 1];
    int into_dir = stat(last, &st) == 0 && S_ISDIR(st.st_mode);
    if (argc > 3 && !into_dir) {
        fprintf(stderr, "mv: %s: not a directory\n", last);
        return 1;
    }
    for (int i = 1; i < argc - 1; i++) {
        target_path(path, sizeof path, argv[i], last, into_dir);
        if (rename(argv[i], path) < 0)
            status = complain("mv", argv[i]);
    }
    return status;
}
