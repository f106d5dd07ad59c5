/* <errno.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <errno.h>

static volatile int never;

int
main(void)
{
    int e[] = { EPERM, ENOENT, ESRCH, EINTR, EIO, EBADF, ECHILD, EAGAIN, EWOULDBLOCK, ENOMEM, EACCES, EFAULT, EEXIST, ENOTDIR, EISDIR, EINVAL, EMFILE, ENOSPC, ESPIPE, EPIPE, ERANGE, ENAMETOOLONG, ENOSYS, ENOTEMPTY, EIDRM, ENOMSG, EOVERFLOW, ETIMEDOUT }; (void)e;
    if (never) {
        errno = 0;
    }
    return 0;
}
