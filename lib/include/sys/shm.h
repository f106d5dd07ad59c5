/* System V shared-memory segments. */
#ifndef _SYS_SHM_H
#define _SYS_SHM_H

#include <sys/ipc.h>

int   shmget(key_t key, size_t size, int flags);
void *shmat(int shmid, const void *addr, int flags);  /* (void *)-1 on error */
int   shmdt(const void *addr);
int   shmctl(int shmid, int cmd, struct shmid_ds *buf);

#endif
