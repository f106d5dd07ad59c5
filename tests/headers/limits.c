/* <limits.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <limits.h>

static volatile int never;

int
main(void)
{
    long l[] = { CHAR_BIT, INT_MAX, INT_MIN, LONG_MAX, UINT_MAX, SSIZE_MAX, PATH_MAX, NAME_MAX, PIPE_BUF, OPEN_MAX, ARG_MAX, CHILD_MAX, LINE_MAX, _POSIX_OPEN_MAX, _POSIX_PIPE_BUF, _POSIX_SIGQUEUE_MAX, _POSIX_RTSIG_MAX, _POSIX_PATH_MAX, _POSIX_NAME_MAX, _POSIX_CHILD_MAX, SIGQUEUE_MAX, RTSIG_MAX }; (void)l;
    if (never) {
        (void)0;
    }
    return 0;
}
