/* System V message queues. */
#ifndef _SYS_MSG_H
#define _SYS_MSG_H

#include <sys/ipc.h>

#ifdef _GNU_SOURCE
/* The message template of the manual pages (see struct parley_msgbuf). */
struct msgbuf {
    long mtype;
    char mtext[1];
};
#endif

int     msgget(key_t key, int flags);
int     msgsnd(int msqid, const void *msgp, size_t msgsz, int flags);
ssize_t msgrcv(int msqid, void *msgp, size_t msgsz, long msgtyp, int flags);
int     msgctl(int msqid, int cmd, struct msqid_ds *buf);

#endif
