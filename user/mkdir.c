/* mkdir -- make directories; -p: make missing parents, and an existing
 * directory is not an error. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* Makes one directory; 0, or -1 after printing why not. */
static int
make_one(char *path, int parents)
{
    struct stat st;

    if (mkdir(path, 0777) == 0)
        return 0;
    if (parents && errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return 0;
    fprintf(stderr, "mkdir: %s: %s\n", path, strerror(errno));
    return -1;
}

/* For -p: make every prefix of path that ends before a '/', then path. */
static int
make_parents(char *path)
{
    char *slash;

    if (path[0] == '\0')
        return make_one(path, 1);
    for (slash = strchr(path + 1, '/'); slash != NULL; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        if (make_one(path, 1) < 0)
            return -1;
        *slash = '/';
    }
    return make_one(path, 1);
}

int
main(int argc, char **argv)
{
    int i = 1, parents = 0, status = 0;

    if (argc > 1 && strcmp(argv[1], "-p") == 0) {
        parents = 1;
        i++;
    }
    if (i == argc) {
        fprintf(stderr, "usage: mkdir [-p] dir...\n");
        return 2;
    }
    for (; i < argc; i++) {
        if ((parents ? make_parents(argv[i]) : make_one(argv[i], 0)) < 0)
            status = 1;
    }
    return status;
}
