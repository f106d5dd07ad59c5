/* System V message queues. */
#ifndef _SYS_MSG_H
#define _SYS_MSG_H

#include <sys/ipc.h>

int     msgget(key_t key, int flags);
int     msgsnd(int msqid, const void *msgp, size_t msgsz, int flags);
ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int flags);
int     msgctl(int msqid, int cmd, struct msqid_ds *buf);

#endif
