/* <sys/time.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/time.h>

static volatile int never;

int
main(void)
{
    struct timeval a = { 1, 0 }, b = { 0, 5 }, r;
    if (never) {
        gettimeofday(&a, 0); timeradd(&a, &b, &r); timersub(&a, &b, &r); (void)timercmp(&a, &b, <); (void)timerisset(&a); timerclear(&r);
    }
    return 0;
}
