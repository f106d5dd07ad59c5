/* <stdbool.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <stdbool.h>

static volatile int never;

int
main(void)
{
    bool b = true; (void)b;
    if (never) {
        (void)0;
    }
    return 0;
}
