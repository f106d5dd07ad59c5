/* System V message queues: thin wrappers; the semantics are the kernel's
 * (kernel/ipc/). */
#include <sys/msg.h>
#include "internal.h"

int
msgget(key_t key, int flags)
{
    return SYSCALL2(msgget, key, flags);
}

/* msgp points at a long mtype followed by msgsz bytes of text. */
int
msgsnd(int msqid, const void *msgp, size_t msgsz, int flags)
{
    return SYSCALL4(msgsnd, msqid, msgp, msgsz, flags);
}

/* Returns the number of text bytes received. */
ssize_t
msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int flags)
{
    return SYSCALL5(msgrcv, msqid, msgp, msgsz, msgtyp, flags);
}

int
msgctl(int msqid, int cmd, struct msqid_ds *buf)
{
    return SYSCALL3(msgctl, msqid, cmd, buf);
}
