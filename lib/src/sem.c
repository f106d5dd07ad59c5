/* System V semaphore sets: thin wrappers; the semantics are the kernel's
 * (kernel/ipc/). */
#include <stdarg.h>
#include <sys/sem.h>
#include "internal.h"

int
semget(key_t key, int nsems, int flags)
{
    return SYSCALL3(semget, key, nsems, flags);
}

int
semop(int semid, struct sembuf *sops, size_t nsops)
{
    return SYSCALL3(semop, semid, sops, nsops);
}

int
semtimedop(int semid, struct sembuf *sops, size_t nsops, const struct timespec *timeout)
{
    return SYSCALL4(semtimedop, semid, sops, nsops, timeout);
}

/*
 * The optional fourth argument is the caller's union semun, passed by
 * value.  Every member (int val, a pointer) is one 32-bit word on i386, so
 * the word itself goes to the kernel, which reads it as the command needs.
 * It is fetched only for the commands that have it.
 */
int
semctl(int semid, int semnum, int cmd, ...)
{
    unsigned long arg = 0;
    va_list ap;

    switch (cmd) {
    case SETVAL:
    case GETALL:
    case SETALL:
    case IPC_STAT:
    case IPC_SET:
    case IPC_INFO:
    case SEM_INFO:
    case SEM_STAT:
    case SEM_STAT_ANY:
        va_start(ap, cmd);
        arg = va_arg(ap, unsigned long);
        va_end(ap);
        break;
    }
    return SYSCALL4(semctl, semid, semnum, cmd, arg);
}
