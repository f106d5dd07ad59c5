/*
 * The one place where a kernel answer becomes a POSIX answer, and the
 * generic syscall() entry point.
 */
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>
#include "internal.h"

int errno;

/*
 * The kernel returns -errno (-4095..-1) on failure.  Test that range rather
 * than "negative": shmat() and mmap() return addresses, and an address above
 * 2 GiB is a negative long but not an error.
 */
long
__syscall_ret(long r)
{
    if ((unsigned long)r > -(unsigned long)(PARLEY_MAX_ERRNO + 1)) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

/* syscall(number, ...): any system call by number, up to five arguments.
 * Tests use it to reach a number no wrapper covers (ENOSYS). */
long
syscall(long number, ...)
{
    va_list ap;
    long a, b, c, d, e;

    va_start(ap, number);
    a = va_arg(ap, long);
    b = va_arg(ap, long);
    c = va_arg(ap, long);
    d = va_arg(ap, long);
    e = va_arg(ap, long);
    va_end(ap);
    return __syscall_ret(__syscall5(number, a, b, c, d, e));
}
