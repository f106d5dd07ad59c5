/* <fcntl.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <fcntl.h>

static volatile int never;

int
main(void)
{
    int f[] = { O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_NONBLOCK, O_CLOEXEC, F_DUPFD, F_GETFD, F_SETFD, F_GETFL, F_SETFL, FD_CLOEXEC }; (void)f;
    if (never) {
        int fd = open("/x", O_RDONLY); fcntl(fd, F_GETFL); creat("/y", 0600);
    }
    return 0;
}
