/*
 * POSIX semaphores.  A sem_t holds its count in user memory; the library
 * changes it with atomic instructions and enters the kernel only to sleep
 * on it or to wake a sleeper (futex, <parley/futex.h>).  Because the kernel
 * names the word by its physical address, a sem_t in shared memory (mmap
 * MAP_SHARED, shmat) works between processes: sem_init(s, 1, value).
 * Named semaphores (sem_open) are such a sem_t in a file under /dev/shm.
 */
#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <sys/types.h>
#include <time.h>

typedef struct {
    volatile int __value;       /* the count, >= 0; the futex word */
    volatile int __waiters;     /* processes in (or entering) sem_wait's sleep */
    int          __pshared;     /* as given to sem_init */
    int          __pad;
} sem_t;

#define SEM_FAILED    ((sem_t *)0)
#ifndef SEM_VALUE_MAX
#define SEM_VALUE_MAX 2147483647
#endif

int sem_init(sem_t *sem, int pshared, unsigned int value);
int sem_destroy(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *sem, const struct timespec *abstime);  /* CLOCK_REALTIME */
int sem_post(sem_t *sem);
int sem_getvalue(sem_t *sem, int *sval);

/* sem_open(name, oflag[, mode, value]): mode and value with O_CREAT. */
sem_t *sem_open(const char *name, int oflag, ...);
int    sem_close(sem_t *sem);
int    sem_unlink(const char *name);

#endif
