/* Ranges of the integer types (i386), and the kernel's limits. */
#ifndef _LIMITS_H
#define _LIMITS_H

#include <parley/limits.h>

#define CHAR_BIT    8
#define MB_LEN_MAX  1

#define SCHAR_MIN   (-128)
#define SCHAR_MAX   127
#define UCHAR_MAX   255
#define CHAR_MIN    SCHAR_MIN   /* char is signed on i386 */
#define CHAR_MAX    SCHAR_MAX

#define SHRT_MIN    (-32768)
#define SHRT_MAX    32767
#define USHRT_MAX   65535

#define INT_MIN     (-2147483647 - 1)
#define INT_MAX     2147483647
#define UINT_MAX    4294967295U

#define LONG_MIN    (-2147483647L - 1)
#define LONG_MAX    2147483647L
#define ULONG_MAX   4294967295UL

#define LLONG_MIN   (-9223372036854775807LL - 1)
#define LLONG_MAX   9223372036854775807LL
#define ULLONG_MAX  18446744073709551615ULL

#define SSIZE_MAX   LONG_MAX

#define ATEXIT_MAX  32          /* handlers atexit() accepts */
#define LINE_MAX    2048
#define NGROUPS_MAX 0           /* no supplementary groups */
#define HOST_NAME_MAX 64
#define LOGIN_NAME_MAX 32
#define TTY_NAME_MAX 32
#define STREAM_MAX  OPEN_MAX
#define TZNAME_MAX  6
#define IOV_MAX     64          /* readv, writev, sendmsg (the kernel's SOCK_IOV_MAX) */

/* The least any POSIX system gives (a portable program's assumptions). */
#define _POSIX_ARG_MAX       4096
#define _POSIX_CHILD_MAX     25
#define _POSIX_LINK_MAX      8
#define _POSIX_MAX_CANON     255
#define _POSIX_MAX_INPUT     255
#define _POSIX_NAME_MAX      14
#define _POSIX_NGROUPS_MAX   8
#define _POSIX_OPEN_MAX      20
#define _POSIX_PATH_MAX      256
#define _POSIX_PIPE_BUF      512
#define _POSIX_RTSIG_MAX     8
#define _POSIX_SIGQUEUE_MAX  32
#define _POSIX_SSIZE_MAX     32767
#define _POSIX_STREAM_MAX    8
#define _POSIX_TZNAME_MAX    6
#define _POSIX_HOST_NAME_MAX 255
#define _POSIX_LOGIN_NAME_MAX 9
#define _POSIX_TTY_NAME_MAX  9
#define _POSIX_SEM_NSEMS_MAX 256
#define _POSIX_SEM_VALUE_MAX 32767
#define _POSIX_SYMLOOP_MAX   8
#define _POSIX2_LINE_MAX     2048
#define _XOPEN_IOV_MAX       16

#endif
