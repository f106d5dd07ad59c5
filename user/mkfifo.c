/* mkfifo -- make named pipes (FIFOs); -m MODE sets the octal permissions. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int
main(int argc, char **argv)
{
    int i = 1, status = 0;
    mode_t mode = 0666;
    char *end;

    if (argc > 2 && strcmp(argv[1], "-m") == 0) {
        mode = strtol(argv[2], &end, 8);
        if (*argv[2] == '\0' || *end != '\0' || mode > 07777) {
            fprintf(stderr, "mkfifo: invalid mode '%s'\n", argv[2]);
            return 2;
        }
        i = 3;
    }
    if (i == argc) {
        fprintf(stderr, "usage: mkfifo [-m mode] path...\n");
        return 2;
    }
    for (; i < argc; i++) {
        if (mkfifo(argv[i], mode) < 0) {
            fprintf(stderr, "mkfifo: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
