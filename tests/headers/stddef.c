/* <stddef.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <stddef.h>

static volatile int never;

int
main(void)
{
    size_t n = offsetof(struct { int a; int b; }, b); ptrdiff_t d = 0; void *p = NULL; (void)n; (void)d; (void)p;
    if (never) {
        (void)0;
    }
    return 0;
}
