/* System V shared memory: thin wrappers; the semantics are the kernel's
 * (kernel/ipc/). */
#include <sys/shm.h>
#include "internal.h"

int
shmget(key_t key, size_t size, int flags)
{
    return SYSCALL3(shmget, key, size, flags);
}

/* The address of the attachment, or (void *)-1 with errno. */
void *
shmat(int shmid, const void *addr, int flags)
{
    return (void *)SYSCALL3(shmat, shmid, addr, flags);
}

int
shmdt(const void *addr)
{
    return SYSCALL1(shmdt, addr);
}

int
shmctl(int shmid, int cmd, struct shmid_ds *buf)
{
    return SYSCALL3(shmctl, shmid, cmd, buf);
}
