/*
 * System calls on names in the file system: stat, mkdir, unlink, rmdir,
 * chdir, getcwd, mknod, mkfifo, umask; and remove() from <stdio.h>.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "internal.h"

int
stat(const char *path, struct stat *st)
{
    return SYSCALL2(stat, path, st);
}

/* Parley has no symbolic links, so there is nothing to not follow. */
int
lstat(const char *path, struct stat *st)
{
    return stat(path, st);
}

int
fstat(int fd, struct stat *st)
{
    return SYSCALL2(fstat, fd, st);
}

int
mkdir(const char *path, mode_t mode)
{
    return SYSCALL2(mkdir, path, mode);
}

int
unlink(const char *path)
{
    return SYSCALL1(unlink, path);
}

int
rmdir(const char *path)
{
    return SYSCALL1(rmdir, path);
}

/* unlink for files, rmdir for directories. */
int
remove(const char *path)
{
    if (unlink(path) == 0)
        return 0;
    if (errno != EISDIR && errno != EPERM)
        return -1;
    return rmdir(path);
}

int
chdir(const char *path)
{
    return SYSCALL1(chdir, path);
}

/* As in glibc, buf NULL means "allocate one" (size bytes, or as needed). */
char *
getcwd(char *buf, size_t size)
{
    char *mine = NULL;

    if (buf == NULL) {
        if (size == 0)
            size = PATH_MAX;
        buf = mine = malloc(size);
        if (buf == NULL)
            return NULL;
    }
    if (SYSCALL2(getcwd, buf, size) < 0) {
        free(mine);
        return NULL;
    }
    return buf;
}

int
mknod(const char *path, mode_t mode, dev_t dev)
{
    return SYSCALL3(mknod, path, mode, dev);
}

int
mkfifo(const char *path, mode_t mode)
{
    return mknod(path, S_IFIFO | (mode & 07777), 0);
}

mode_t
umask(mode_t mask)
{
    return (mode_t)SYSCALL1(umask, mask);
}
