/* System-call numbers (SYS_read, ...), for syscall() in <unistd.h>. */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <parley/syscall.h>

#endif
