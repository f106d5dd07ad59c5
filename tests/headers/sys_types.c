/* <sys/types.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/types.h>

static volatile int never;

int
main(void)
{
    pid_t p = 0; uid_t u = 0; gid_t g = 0; off_t o = 0; mode_t m = 0; ssize_t s = 0; size_t z = 0; ino_t i = 0; dev_t d = 0; nlink_t n = 0; time_t t = 0; clock_t c = 0; key_t k = 0; id_t id = 0; useconds_t us = 0; suseconds_t sus = 0; (void)p; (void)u; (void)g; (void)o; (void)m; (void)s; (void)z; (void)i; (void)d; (void)n; (void)t; (void)c; (void)k; (void)id; (void)us; (void)sus;
    if (never) {
        (void)0;
    }
    return 0;
}
