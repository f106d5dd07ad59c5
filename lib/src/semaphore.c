/*
 * POSIX semaphores over the futex call (see <semaphore.h>).
 *
 * The count lives in sem->__value.  sem_wait takes one with compare-and-
 * swap when the count is positive; otherwise it counts itself in
 * __waiters and asks the kernel to sleep "while the count is still 0".
 * sem_post adds one and, if anyone may be sleeping, wakes one sleeper.
 *
 * Why no wake-up is lost: the waiter raises __waiters before the kernel
 * checks the count, and the poster raises the count before it reads
 * __waiters.  So either the poster sees the waiter and wakes it, or the
 * waiter's kernel check sees the new count and returns at once (EAGAIN),
 * and the waiter tries again.
 */
#include <errno.h>
#include <semaphore.h>
#include <parley/futex.h>
#include "internal.h"

static long
futex(volatile int *word, int op, int val, const struct timespec *timeout)
{
    return __syscall4(SYS_futex, (long)word, op, val, (long)timeout);
}

int
sem_init(sem_t *sem, int pshared, unsigned int value)
{
    if (value > SEM_VALUE_MAX) {
        errno = EINVAL;
        return -1;
    }
    sem->__value = (int)value;
    sem->__waiters = 0;
    sem->__pshared = pshared != 0;
    return 0;
}

int
sem_destroy(sem_t *sem)
{
    (void)sem;
    return 0;
}

/* Take one if the count is positive; never sleeps. */
static int
sem_take(sem_t *sem)
{
    int v = sem->__value;
    while (v > 0)
        if (__atomic_compare_exchange_n(&sem->__value, &v, v - 1, 0,
                                        __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
            return 1;
    return 0;
}

/* The time from now until the CLOCK_REALTIME instant abs: 0 if it has
 * passed, -1 with EINVAL for a bad abs. */
static int
time_until(const struct timespec *abs, struct timespec *rel)
{
    struct timespec now;
    if (abs->tv_nsec < 0 || abs->tv_nsec >= 1000000000) {
        errno = EINVAL;
        return -1;
    }
    clock_gettime(CLOCK_REALTIME, &now);
    long long ns = (long long)(abs->tv_sec - now.tv_sec) * 1000000000 + (abs->tv_nsec - now.tv_nsec);
    if (ns < 0)
        ns = 0;
    rel->tv_sec = (time_t)(ns / 1000000000);
    rel->tv_nsec = (long)(ns % 1000000000);
    return 0;
}

/* sem_wait (abs NULL) and sem_timedwait. */
static int
sem_wait_until(sem_t *sem, const struct timespec *abs)
{
    for (;;) {
        if (sem_take(sem))
            return 0;
        struct timespec rel;
        if (abs && time_until(abs, &rel) < 0)
            return -1;
        if (abs && rel.tv_sec == 0 && rel.tv_nsec == 0) {
            errno = ETIMEDOUT;
            return -1;
        }
        __atomic_add_fetch(&sem->__waiters, 1, __ATOMIC_SEQ_CST);
        long r = futex(&sem->__value, FUTEX_WAIT, 0, abs ? &rel : 0);
        __atomic_sub_fetch(&sem->__waiters, 1, __ATOMIC_SEQ_CST);
        if (r == -EINTR || r == -ETIMEDOUT || r == -EFAULT || r == -EINVAL) {
            errno = (int)-r;
            return -1;
        }
        /* 0 (woken) or EAGAIN (the count changed): look again */
    }
}

int
sem_wait(sem_t *sem)
{
    return sem_wait_until(sem, 0);
}

int
sem_timedwait(sem_t *sem, const struct timespec *abstime)
{
    return sem_wait_until(sem, abstime);
}

int
sem_trywait(sem_t *sem)
{
    if (sem_take(sem))
        return 0;
    errno = EAGAIN;
    return -1;
}

int
sem_post(sem_t *sem)
{
    int v = sem->__value;
    do {
        if (v == SEM_VALUE_MAX) {
            errno = EOVERFLOW;
            return -1;
        }
    } while (!__atomic_compare_exchange_n(&sem->__value, &v, v + 1, 0,
                                          __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
    if (__atomic_load_n(&sem->__waiters, __ATOMIC_SEQ_CST) > 0)
        futex(&sem->__value, FUTEX_WAKE, 1, 0);
    return 0;
}

int
sem_getvalue(sem_t *sem, int *sval)
{
    *sval = sem->__value;
    return 0;
}
