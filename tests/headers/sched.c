/* <sched.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sched.h>

static volatile int never;

int
main(void)
{
    /* types and constants only in the calls */
    if (never) {
        sched_yield();
    }
    return 0;
}
