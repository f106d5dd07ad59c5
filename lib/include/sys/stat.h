/* File status: struct stat and S_* from <parley/stat.h>. */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>
#include <parley/stat.h>
#include <parley/time.h>             /* struct timespec */
#include <parley/fcntl.h>            /* AT_FDCWD, UTIME_NOW */

int    stat(const char *path, struct stat *st);
int    fstat(int fd, struct stat *st);
int    lstat(const char *path, struct stat *st);   /* no symlinks: = stat */
int    mkdir(const char *path, mode_t mode);
int    mkfifo(const char *path, mode_t mode);
int    mknod(const char *path, mode_t mode, dev_t dev);
mode_t umask(mode_t mask);
int    chmod(const char *path, mode_t mode);
int    utimensat(int dirfd, const char *path, const struct timespec times[2], int flags);

#endif
