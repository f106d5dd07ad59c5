/* <sys/shm.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/ipc.h>
#include <sys/shm.h>

static volatile int never;

int
main(void)
{
    struct shmid_ds ds;
    if (never) {
        int m = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600); void *p = shmat(m, 0, 0); shmdt(p); shmctl(m, IPC_STAT, &ds); (void)ds.shm_segsz;
    }
    return 0;
}
