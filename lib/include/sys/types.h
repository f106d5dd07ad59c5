/* Scalar types (pid_t, off_t, ...): the kernel's, from <parley/types.h>. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <parley/types.h>

typedef unsigned int  useconds_t;
typedef unsigned char  u_char;
typedef unsigned short u_short;
typedef unsigned int   u_int;
typedef unsigned long  u_long;

#ifndef NULL
#define NULL ((void *)0)
#endif

#endif
