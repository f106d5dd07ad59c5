/*
 * Reading directories.  The kernel's getdents(fd, buf, n) fills buf with
 * whole struct parley_dirent records (each d_reclen bytes) and returns the
 * bytes used, 0 at the end.  A DIR holds one such batch; readdir() hands
 * out its records one by one as struct dirent, refilling when it runs dry.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"

#define DIR_BATCH 16                    /* records fetched per getdents */

struct __dirstream {
    int    fd;
    size_t pos;                         /* next record in batch, in bytes */
    size_t len;                         /* bytes of batch filled */
    struct parley_dirent batch[DIR_BATCH];
    struct dirent entry;                /* what readdir returns */
};

DIR *
opendir(const char *path)
{
    DIR *dir;
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

    if (fd < 0)
        return NULL;
    dir = malloc(sizeof *dir);
    if (dir == NULL) {
        close(fd);
        return NULL;
    }
    dir->fd = fd;
    dir->pos = dir->len = 0;
    return dir;
}

struct dirent *
readdir(DIR *dir)
{
    const struct parley_dirent *d;

    if (dir->pos >= dir->len) {
        long n = SYSCALL3(getdents, dir->fd, dir->batch, sizeof dir->batch);
        if (n <= 0)
            return NULL;                /* the end (0) or an error (errno) */
        dir->pos = 0;
        dir->len = (size_t)n;
    }
    d = (const struct parley_dirent *)((const char *)dir->batch + dir->pos);
    if (d->d_reclen == 0) {             /* a malformed record: stop */
        dir->pos = dir->len;
        return NULL;
    }
    dir->pos += d->d_reclen;
    dir->entry.d_ino = d->d_ino;
    dir->entry.d_reclen = sizeof dir->entry;
    dir->entry.d_type = d->d_type;
    memcpy(dir->entry.d_name, d->d_name, sizeof dir->entry.d_name);
    dir->entry.d_name[NAME_MAX] = '\0';
    return &dir->entry;
}

int
closedir(DIR *dir)
{
    int r = close(dir->fd);

    free(dir);
    return r;
}

void
rewinddir(DIR *dir)
{
    lseek(dir->fd, 0, SEEK_SET);
    dir->pos = dir->len = 0;
}

int
dirfd(DIR *dir)
{
    return dir->fd;
}
