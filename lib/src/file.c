/*
 * System calls on file descriptors: read, write, pread, pwrite, open,
 * close, lseek, dup,
 * dup2, fcntl, pipe, pipe2, isatty; fsync.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include "internal.h"

ssize_t
read(int fd, void *buf, size_t n)
{
    return SYSCALL3(read, fd, buf, n);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
    return SYSCALL3(write, fd, buf, n);
}

/* The third argument exists only when the caller creates a file. */
int
open(const char *path, int flags, ...)
{
    mode_t mode = 0;
    va_list ap;

    if (flags & O_CREAT) {
        va_start(ap, flags);
        mode = va_arg(ap, mode_t);
        va_end(ap);
    }
    return SYSCALL3(open, path, flags, mode);
}

int
creat(const char *path, mode_t mode)
{
    return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int
close(int fd)
{
    return SYSCALL1(close, fd);
}

off_t
lseek(int fd, off_t offset, int whence)
{
    return SYSCALL3(lseek, fd, offset, whence);
}

ssize_t
pread(int fd, void *buf, size_t n, off_t offset)
{
    return SYSCALL4(pread, fd, buf, n, offset);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t offset)
{
    return SYSCALL4(pwrite, fd, buf, n, offset);
}

int
dup(int fd)
{
    return SYSCALL1(dup, fd);
}

int
dup2(int oldfd, int newfd)
{
    return SYSCALL2(dup2, oldfd, newfd);
}

/* Every command Parley knows takes at most one integer argument; reading
 * it when the caller passed none is harmless on i386. */
int
fcntl(int fd, int cmd, ...)
{
    long arg;
    va_list ap;

    va_start(ap, cmd);
    arg = va_arg(ap, long);
    va_end(ap);
    return SYSCALL3(fcntl, fd, cmd, arg);
}

int
pipe2(int fds[2], int flags)
{
    return SYSCALL2(pipe2, fds, flags);
}

int
pipe(int fds[2])
{
    return pipe2(fds, 0);
}

/* 1 for the console.  Otherwise 0 with errno ENOTTY (or EBADF), as POSIX
 * asks; the kernel itself answers 0 or -EBADF. */
int
isatty(int fd)
{
    long r = SYSCALL1(isatty, fd);

    if (r == 0)
        errno = ENOTTY;
    return r == 1;
}

/* The third argument, when there is one, is a pointer (or an int passed in
 * its place); the kernel's operation decides what it means. */
int
ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    va_start(ap, request);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    return SYSCALL3(ioctl, fd, request, arg);
}

int
ftruncate(int fd, off_t length)
{
    return SYSCALL2(ftruncate, fd, length);
}

/* fsync, fdatasync: Parley's files live in memory, so there is nothing to
 * wait for; as on Linux, a pipe, socket or terminal is EINVAL. */
int
fsync(int fd)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return -1;
    if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        errno = EINVAL;
        return -1;
    }
    return 0;
}

int fdatasync(int fd) { return fsync(fd); }
