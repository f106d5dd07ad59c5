/* <sys/times.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/times.h>

static volatile int never;

int
main(void)
{
    struct tms t;
    if (never) {
        clock_t c = times(&t); (void)c; (void)t.tms_utime; (void)t.tms_stime; (void)t.tms_cutime; (void)t.tms_cstime;
    }
    return 0;
}
