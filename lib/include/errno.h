/* errno and its values (Linux's numbers, from <parley/errno.h>). */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <parley/errno.h>

/* Set by a failing library call; never cleared by a successful one.
 * Parley processes have one thread, so one variable suffices. */
extern int errno;

#endif
