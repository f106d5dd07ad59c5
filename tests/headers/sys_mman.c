/* <sys/mman.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

static volatile int never;

int
main(void)
{
    int f[] = { PROT_READ, PROT_WRITE, PROT_NONE, MAP_SHARED, MAP_PRIVATE, MAP_ANONYMOUS }; void *fail = MAP_FAILED; (void)f; (void)fail;
    if (never) {
        void *p = mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0); mprotect(p, 4096, PROT_READ); msync(p, 4096, MS_SYNC); munmap(p, 4096); int fd = shm_open("/x", O_RDWR | O_CREAT, 0600); ftruncate(fd, 4096); shm_unlink("/x");
    }
    return 0;
}
