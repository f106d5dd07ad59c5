/* <sys/msg.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/ipc.h>
#include <sys/msg.h>

static volatile int never;

int
main(void)
{
    struct msqid_ds ds; struct { long mtype; char mtext[4]; } m;
    if (never) {
        int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600); msgsnd(q, &m, 4, 0); msgrcv(q, &m, 4, 0, 0); msgctl(q, IPC_STAT, &ds); (void)ds.msg_qnum;
    }
    return 0;
}
