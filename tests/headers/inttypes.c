/* <inttypes.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <inttypes.h>

static volatile int never;

int
main(void)
{
    int8_t a = INT8_MAX; uint16_t b = UINT16_MAX; int32_t c = INT32_MIN; uint64_t d = UINT64_MAX; intptr_t p = 0; uintmax_t m = UINTMAX_MAX; char f[] = PRId64 PRIu32 PRIx64; (void)a; (void)b; (void)c; (void)d; (void)p; (void)m; (void)f;
    if (never) {
        (void)0;
    }
    return 0;
}
