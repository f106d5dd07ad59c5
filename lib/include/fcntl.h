/* open() and fcntl(): flags from <parley/fcntl.h>. */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/types.h>
#include <parley/fcntl.h>
#include <parley/stat.h>

int open(const char *path, int flags, ...);     /* mode_t mode with O_CREAT */
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);

#endif
