/* <sys/ipc.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/ipc.h>

static volatile int never;

int
main(void)
{
    key_t k = IPC_PRIVATE; struct ipc_perm p; int f[] = { IPC_CREAT, IPC_EXCL, IPC_NOWAIT, IPC_RMID, IPC_SET, IPC_STAT }; (void)k; (void)p; (void)f;
    if (never) {
        ftok("/", 1);
    }
    return 0;
}
