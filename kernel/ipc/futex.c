/*
 * futex: wait on an address (FUTEX_WAIT / FUTEX_WAKE, see <parley/futex.h>),
 * the one kernel primitive under the POSIX semaphores of <semaphore.h>.
 *
 * Protocol: the user library keeps the semaphore's count in a word of user
 * memory and changes it with atomic instructions, entering the kernel only
 * to sleep or to wake a sleeper.
 *   FUTEX_WAIT checks that the word still holds the value the caller saw
 *   and, if so, sleeps on it.  The check and the sleep cannot be split (one
 *   CPU, interrupts off in the kernel), so a FUTEX_WAKE that follows a
 *   change of the word is never lost: either the waiter saw the new value
 *   (EAGAIN, and it looks again), or it was asleep in time to be woken.
 *   FUTEX_WAKE takes sleepers off the list, oldest first, marks them woken
 *   and makes them runnable.
 *
 * The key: a word is named by its physical address, the page frame plus the
 * offset in the page, not by its virtual address.  Two processes that map
 * one shared page (MAP_SHARED, shmat) at different addresses still name the
 * same word; two processes whose private pages happen to share a frame
 * copy-on-write after fork must not, so the key is taken after a write
 * check, which gives the caller its own copy of a copy-on-write page.
 *
 * Waiters live on their own kernel stacks and on one list: few processes
 * ever wait at once on a teaching kernel (kstat: futex_waiters).
 */
#include "lib/kstat.h"
#include "ipc/deadline.h"
#include "proc/proc.h"
#include "arch/timer.h"
#include "syscall.h"
#include <parley/futex.h>

struct futex_waiter {
    struct futex_waiter *next;
    uintptr_t            key;           /* physical address of the word */
    struct waitq         wake;          /* only its process sleeps here */
    bool                 woken;         /* by FUTEX_WAKE, and off the list */
};

static struct futex_waiter *waiters;    /* oldest first */

static void
futex_enqueue(struct futex_waiter *w)
{
    struct futex_waiter **link = &waiters;
    while (*link)
        link = &(*link)->next;
    w->next = NULL;
    *link = w;
    kstat_add(KSTAT_futex_waiters, +1);
}

static void
futex_dequeue(struct futex_waiter *w)
{
    struct futex_waiter **link = &waiters;
    while (*link != w)
        link = &(*link)->next;
    *link = w->next;
    kstat_add(KSTAT_futex_waiters, -1);
}

/* The physical address of the caller's word at uaddr. */
static int
futex_key(const int *uaddr, uintptr_t *key)
{
    if ((uintptr_t)uaddr % sizeof(int))
        return -EINVAL;
    if (user_check(uaddr, sizeof(int), true) < 0)
        return -EFAULT;         /* also: our own copy of a copy-on-write page */
    uint32_t *pte = vm_pte(&current->vm, (uintptr_t)uaddr, false);
    *key = PTE_ADDR(*pte) | ((uintptr_t)uaddr & (PAGE_SIZE - 1));
    return 0;
}

static long
futex_wait(int *uaddr, int val, const struct timespec *utimeout)
{
    uint64_t deadline = 0;
    struct futex_waiter w = { .wake = WAITQ_INIT };
    int err;

    if (utimeout && (err = deadline_from_user(utimeout, &deadline)) < 0)
        return err;
    if ((err = futex_key(uaddr, &w.key)) < 0)
        return err;
    if (*uaddr != val)
        return -EAGAIN;         /* it changed: the caller looks again */
    futex_enqueue(&w);
    for (;;) {
        int interrupted = waitq_sleep_until(&w.wake, deadline, "futex 0x%lx", (long)w.key, 0);
        if (w.woken)
            return 0;
        if (interrupted)
            err = -ERESTARTNOHAND;      /* EINTR after a handler, never restarted then */
        else if (deadline && time_now_ns() >= deadline)
            err = -ETIMEDOUT;
        else
            continue;
        futex_dequeue(&w);
        return err;
    }
}

static long
futex_wake(int *uaddr, int max)
{
    uintptr_t key;
    int err = futex_key(uaddr, &key);
    if (err < 0)
        return err;
    int woken = 0;
    struct futex_waiter *w = waiters, *next;
    for (; w && woken < max; w = next) {
        next = w->next;
        if (w->key != key)
            continue;
        futex_dequeue(w);
        w->woken = true;
        waitq_wake_all(&w->wake);
        woken++;
    }
    return woken;
}

long
sys_futex(int *uaddr, int op, int val, const struct timespec *utimeout)
{
    switch (op) {
    case FUTEX_WAIT: return futex_wait(uaddr, val, utimeout);
    case FUTEX_WAKE: return futex_wake(uaddr, val);
    default:         return -ENOSYS;    /* as Linux, for an unknown op */
    }
}
