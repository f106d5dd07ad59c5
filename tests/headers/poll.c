/* <poll.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <poll.h>

static volatile int never;

int
main(void)
{
    struct pollfd p = { 0, POLLIN | POLLOUT, 0 }; int e = POLLERR | POLLHUP | POLLNVAL; (void)e;
    if (never) {
        poll(&p, 1, 0);
    }
    return 0;
}
