/* <sys/select.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/select.h>

static volatile int never;

int
main(void)
{
    fd_set s; struct timeval tv = { 0, 0 };
    if (never) {
        FD_ZERO(&s); FD_SET(0, &s); FD_ISSET(0, &s); FD_CLR(0, &s); select(1, &s, 0, 0, &tv);
    }
    return 0;
}
