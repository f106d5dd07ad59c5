/* cat -- copy files (or stdin, also named '-') to stdout. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char buf[4096];

/* write() may take less than asked (a pipe, a signal): loop until done. */
static int
write_all(int fd, const char *p, int n)
{
    int done;

    while (n > 0) {
        if ((done = write(fd, p, n)) < 0)
            return -1;
        p += done;
        n -= done;
    }
    return 0;
}

static int
cat_fd(int fd, const char *name)
{
    int n;

    while ((n = read(fd, buf, sizeof buf)) > 0) {
        if (write_all(1, buf, n) < 0) {
            fprintf(stderr, "cat: write error: %s\n", strerror(errno));
            return -1;
        }
    }
    if (n < 0) {
        fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
        return -1;
    }
    return 0;
}

int
main(int argc, char **argv)
{
    int i, fd, status = 0;

    if (argc == 1)
        return cat_fd(0, "stdin") < 0;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            if (cat_fd(0, "stdin") < 0)
                status = 1;
            continue;
        }
        if ((fd = open(argv[i], O_RDONLY)) < 0) {
            fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (cat_fd(fd, argv[i]) < 0)
            status = 1;
        close(fd);
    }
    return status;
}
