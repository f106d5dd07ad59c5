/*
 * Scalar types shared by the kernel and the user library.
 * i386: int, long and pointers are 32 bits.
 */
#ifndef PARLEY_TYPES_H
#define PARLEY_TYPES_H

typedef unsigned int        __parley_size_t;
typedef int                 __parley_ssize_t;

#ifndef __PARLEY_SIZE_T_DEFINED
#define __PARLEY_SIZE_T_DEFINED
typedef __parley_size_t     size_t;
typedef __parley_ssize_t    ssize_t;
#endif

typedef int                 pid_t;
typedef long                off_t;
typedef unsigned int        mode_t;
typedef unsigned int        ino_t;
typedef unsigned int        dev_t;
typedef unsigned int        nlink_t;
typedef unsigned int        uid_t;
typedef unsigned int        gid_t;
typedef long                time_t;
typedef long                suseconds_t;
typedef long                blksize_t;
typedef long                blkcnt_t;
typedef int                 key_t;
typedef int                 clockid_t;
typedef long                clock_t;
typedef unsigned long long  sigset_t;   /* bit (n-1) is signal n, 1..64 */
typedef unsigned int        id_t;       /* a pid, pgid or uid (getpriority) */
typedef unsigned int        socklen_t;
typedef unsigned short      sa_family_t;

#endif
