/* cp -- copy files: cp SRC DST, or cp SRC... DIR. */
#include <fcntl.h>
#include <sys/stat.h>
#include "util.h"

static int
is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
copy_file(const char *src, const char *dst)
{
    struct stat st;
    int in, out, err;

    if ((in = open(src, O_RDONLY)) < 0)
        return complain("cp", src);
    if (fstat(in, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "cp: %s: is a directory (no -r)\n", src);
        close(in);
        return 1;
    }
    if ((out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 0777)) < 0) {
        close(in);
        return complain("cp", dst);
    }
    err = copy_fd(in, out) < 0 ? complain("cp", dst) : 0;
    close(in);
    close(out);
    return err;
}

int
main(int argc, char **argv)
{
    char path[512];
    int status = 0;

    USAGE(argc, argv, "usage: cp SOURCE DEST\n       cp SOURCE... DIRECTORY\n");
    if (argc < 3)
        usage();
    const char *last = argv[argc - 1];
    if (argc > 3 && !is_dir(last)) {
        fprintf(stderr, "cp: %s: not a directory\n", last);
        return 1;
    }
    for (int i = 1; i < argc - 1; i++) {
        target_path(path, sizeof path, argv[i], last, is_dir(last));
        status |= copy_file(argv[i], path);
    }
    return status;
}
