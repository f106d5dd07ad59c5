/* <assert.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <assert.h>

static volatile int never;

int
main(void)
{
    /* types and constants only in the calls */
    if (never) {
        assert(never == 0);
    }
    return 0;
}
