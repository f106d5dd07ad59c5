/* <sys/sem.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/ipc.h>
#include <sys/sem.h>

static volatile int never;

int
main(void)
{
    struct sembuf op = { 0, 1, SEM_UNDO };
    if (never) {
        int s = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600); semop(s, &op, 1); semctl(s, 0, GETVAL); semctl(s, 0, IPC_RMID);
    }
    return 0;
}
