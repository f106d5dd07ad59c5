/* touch -- make files exist, and set their times to now. */
#include <fcntl.h>
#include <sys/stat.h>
#include "util.h"

int
main(int argc, char **argv)
{
    int status = 0;

    USAGE(argc, argv, "usage: touch FILE...\n");
    if (argc < 2)
        usage();
    for (int i = 1; i < argc; i++) {
        if (utimensat(AT_FDCWD, argv[i], NULL, 0) == 0)
            continue;
        int fd = errno == ENOENT ? open(argv[i], O_WRONLY | O_CREAT, 0666) : -1;
        if (fd < 0)
            status = complain("touch", argv[i]);
        else
            close(fd);
    }
    return status;
}
