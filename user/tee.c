/* tee -- copy stdin to stdout and to files (-a: append). */
#include <fcntl.h>
#include "util.h"

int
main(int argc, char **argv)
{
    int fds[32], n = 0, flags = O_WRONLY | O_CREAT | O_TRUNC, i = 1, status = 0;
    char buf[4096];
    ssize_t got;

    USAGE(argc, argv, "usage: tee [-a] [FILE...]\n");
    if (i < argc && strcmp(argv[i], "-a") == 0)
        flags = O_WRONLY | O_CREAT | O_APPEND, i++;
    for (; i < argc && n < 32; i++) {
        if ((fds[n] = open(argv[i], flags, 0666)) < 0)
            status = complain("tee", argv[i]);
        else
            n++;
    }
    while ((got = read(0, buf, sizeof buf)) > 0) {
        write(1, buf, got);
        for (int k = 0; k < n; k++)
            write(fds[k], buf, got);
    }
    return status;
}
