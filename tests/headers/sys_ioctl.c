/* <sys/ioctl.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/ioctl.h>

static volatile int never;

int
main(void)
{
    /* types and constants only in the calls */
    if (never) {
        ioctl(0, 0);
    }
    return 0;
}
