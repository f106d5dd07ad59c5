/* <strings.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <strings.h>

static volatile int never;

int
main(void)
{
    /* types and constants only in the calls */
    if (never) {
        strcasecmp("a", "b"); strncasecmp("a", "b", 1);
    }
    return 0;
}
