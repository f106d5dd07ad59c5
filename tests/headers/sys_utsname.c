/* <sys/utsname.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/utsname.h>

static volatile int never;

int
main(void)
{
    struct utsname u;
    if (never) {
        uname(&u); (void)u.sysname; (void)u.nodename; (void)u.release; (void)u.version; (void)u.machine;
    }
    return 0;
}
