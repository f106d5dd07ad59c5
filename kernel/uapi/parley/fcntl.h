/* open() and fcntl() flags: Linux i386 values. */
#ifndef PARLEY_FCNTL_H
#define PARLEY_FCNTL_H

#define O_ACCMODE   0003
#define O_RDONLY    00
#define O_WRONLY    01
#define O_RDWR      02
#define O_CREAT     0100
#define O_EXCL      0200
#define O_NOCTTY    0400
#define O_TRUNC     01000
#define O_APPEND    02000
#define O_NONBLOCK  04000
#define O_NDELAY    O_NONBLOCK
#define O_DIRECTORY 0200000
#define O_CLOEXEC   02000000

#define F_DUPFD          0
#define F_GETFD          1
#define F_SETFD          2
#define F_GETFL          3
#define F_SETFL          4
#define F_DUPFD_CLOEXEC  1030

#define FD_CLOEXEC  1

#define SEEK_SET    0
#define SEEK_CUR    1
#define SEEK_END    2

#define AT_FDCWD    (-100)

/* access() modes (<unistd.h> on Linux) */
#define F_OK        0
#define X_OK        1
#define W_OK        2
#define R_OK        4

/* utimensat(): a tv_nsec that means "now" or "leave it" */
#define UTIME_NOW   ((1l << 30) - 1l)
#define UTIME_OMIT  ((1l << 30) - 2l)

#endif
