/* rm -- remove files and FIFOs; -r: directories and their contents too;
 * -f: a missing file is not an error. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int recursive, force;

static int remove_path(const char *path);

/* Removes everything inside directory path, then the directory itself. */
static int
remove_tree(const char *path)
{
    char child[PATH_MAX];
    struct dirent *entry;
    DIR *dir;
    int status = 0;

    if ((dir = opendir(path)) == NULL) {
        fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
        return -1;
    }
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        if (snprintf(child, sizeof child, "%s/%s", path, entry->d_name) >= (int)sizeof child) {
            fprintf(stderr, "rm: %s/%s: %s\n", path, entry->d_name, strerror(ENAMETOOLONG));
            status = -1;
            continue;
        }
        if (remove_path(child) < 0)
            status = -1;
    }
    closedir(dir);
    if (status == 0 && rmdir(path) < 0) {
        fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
        status = -1;
    }
    return status;
}

static int
remove_path(const char *path)
{
    struct stat st;

    if (recursive && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return remove_tree(path);
    if (unlink(path) < 0) {
        if (force && errno == ENOENT)
            return 0;
        fprintf(stderr, "rm: %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

int
main(int argc, char **argv)
{
    int i, status = 0;
    char *flag;

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        for (flag = argv[i] + 1; *flag != '\0'; flag++) {
            if (*flag == 'r' || *flag == 'R')
                recursive = 1;
            else if (*flag == 'f')
                force = 1;
            else {
                fprintf(stderr, "usage: rm [-rf] file...\n");
                return 2;
            }
        }
    }
    if (i == argc && !force) {
        fprintf(stderr, "usage: rm [-rf] file...\n");
        return 2;
    }
    for (; i < argc; i++)
        if (remove_path(argv[i]) < 0)
            status = 1;
    return status;
}
