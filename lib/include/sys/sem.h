/* System V semaphore sets. */
#ifndef _SYS_SEM_H
#define _SYS_SEM_H

#include <sys/ipc.h>

int semget(key_t key, int nsems, int flags);
int semop(int semid, struct sembuf *sops, size_t nsops);

struct timespec;
/* semop that gives up with EAGAIN after the relative timeout (NULL: never). */
int semtimedop(int semid, struct sembuf *sops, size_t nsops,
               const struct timespec *timeout);

/*
 * semctl(semid, semnum, cmd[, arg]): SETVAL, GETALL, SETALL, IPC_STAT and
 * IPC_SET take a fourth argument, a union the caller declares itself
 * (POSIX):
 *
 *     union semun { int val; struct semid_ds *buf; unsigned short *array; };
 *
 * It is passed by value; on i386 it is one 32-bit word.
 */
int semctl(int semid, int semnum, int cmd, ...);

#endif
