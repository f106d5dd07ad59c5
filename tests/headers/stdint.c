/* <stdint.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <stdint.h>

static volatile int never;

int
main(void)
{
    int64_t a = INT64_MAX; uint8_t b = UINT8_MAX; uintptr_t p = UINTPTR_MAX; unsigned long s = SIZE_MAX; (void)a; (void)b; (void)p; (void)s;
    if (never) {
        (void)0;
    }
    return 0;
}
