/* <sys/uio.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/uio.h>

static volatile int never;

int
main(void)
{
    char b[4]; struct iovec v = { b, sizeof b };
    if (never) {
        readv(0, &v, 1); writev(1, &v, 1); (void)v.iov_base; (void)v.iov_len;
    }
    return 0;
}
