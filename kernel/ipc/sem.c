/*
 * System V semaphores: semget, semop and semtimedop, and the queue of
 * pending operation lists.  semctl is in sem_ctl.c, SEM_UNDO in sem_undo.c.
 *
 * Protocol (who blocks, who is woken):
 *   semop(id, sops, n) applies the n operations in order and atomically.
 *     sem_op > 0 adds; sem_op == 0 needs the value to be 0; sem_op < 0
 *     needs the value to be at least |sem_op| and subtracts.  Either every
 *     operation is applied or none: sem_try_ops applies them one by one and
 *     takes back those already applied when one cannot go on.
 *   A list that would block (and has no IPC_NOWAIT on the operation that
 *   blocks) is queued as a struct sem_pending at the tail of the set's
 *   pending queue, and its process sleeps on the entry's own wait queue.
 *   It holds nothing while it waits.
 *   Whenever a set changes (a semop that altered it, SETVAL, SETALL, an
 *   undo at exit), sem_set_changed walks the queue from the oldest entry.
 *   Each list that can now complete is applied on its sleeper's behalf,
 *   taken off the queue and woken with status 0; a list that still cannot
 *   complete is skipped, so a blocked -2 never holds up a later -1 that
 *   fits.  After a completed list that changed values the walk starts again
 *   from the head, because the change may let an older list through.  When
 *   the walk ends, no list on the queue can complete: no lost wake-ups.
 *   The walk is skipped when a semop changed no semaphore that a pending
 *   list is blocked on: each semaphore counts the lists blocked on it
 *   (sem.waiting), and a list whose blocking semaphore kept its value
 *   still blocks (sem_retry), so none could complete.  A semop on one
 *   semaphore therefore costs the same however many processes sleep on the
 *   others (docs/semaphores.md, "Cost").
 *   A sleeper leaves the queue by completion (0), IPC_RMID (EIDRM), a list
 *   that became impossible (ERANGE), a signal (EINTR: never restarted, as
 *   on Linux) or its timeout (EAGAIN).  semncnt and semzcnt are counted
 *   from the queue, so they drop the moment a sleeper leaves, however it
 *   leaves, death included (a killed sleeper first leaves by EINTR).
 *
 * Concurrency: one CPU, interrupts off in the kernel, so a test and the
 * sleep after it are never split (docs/concurrency.md).
 */
#include "ipc/sem.h"
#include "ipc/deadline.h"
#include "lib/kstat.h"
#include "mm/frame.h"
#include "proc/proc.h"
#include "arch/timer.h"
#include "trace/trace.h"
#include "syscall.h"
#include <parley/limits.h>

_Static_assert(sizeof(struct sem_set) + SEMMSL * sizeof(struct sem) <= PAGE_SIZE,
               "a semaphore set fits in one page frame");

IPC_IDS_DEFINE(sem_ids, "sem", SEMMNI);

#define SEM_WOULD_BLOCK 2       /* sem_try_ops: nothing applied, sleep */

struct sem_set *
sem_set_find(int semid)
{
    return (struct sem_set *)ipc_find(&sem_ids, semid);
}

/* ---- semget ------------------------------------------------------------ */

static struct ipc_object *
sem_set_create(void *arg, int *err)
{
    int nsems = *(int *)arg;
    if (nsems == 0) {           /* a new set needs at least one semaphore */
        *err = -EINVAL;
        return NULL;
    }
    struct sem_set *set = frame_alloc_zeroed();     /* values start at 0, as on Linux */
    if (!set) {
        *err = -ENOMEM;
        return NULL;
    }
    set->nsems = nsems;
    kstat_add(KSTAT_sem_sets, +1);
    return &set->obj;
}

/* An existing set serves any request for at most as many semaphores. */
static int
sem_set_fits(struct ipc_object *obj, void *arg)
{
    return *(int *)arg > ((struct sem_set *)obj)->nsems ? -EINVAL : 0;
}

long
sys_semget(key_t key, int nsems, int flags)
{
    static const struct ipc_get_ops ops = { sem_set_create, sem_set_fits };
    if (nsems < 0 || nsems > SEMMSL)
        return -EINVAL;
    return ipc_get(&sem_ids, key, flags, &ops, &nsems);
}

/* ---- applying an operation list ---------------------------------------- */

/* Apply one operation for process p, or say why not: SEM_WOULD_BLOCK,
 * -EAGAIN (it would block but asked IPC_NOWAIT), -ERANGE. */
static int
sem_apply_one(struct sem_set *set, const struct sembuf *op, struct proc *p)
{
    struct sem *s = &set->sems[op->sem_num];
    int value = s->value + op->sem_op;
    if (op->sem_op == 0 ? s->value != 0 : value < 0)
        return (op->sem_flg & IPC_NOWAIT) ? -EAGAIN : SEM_WOULD_BLOCK;
    if (value > SEMVMX)
        return -ERANGE;         /* the result may not pass SEMVMX */
    if (op->sem_flg & SEM_UNDO) {
        short *adj = sem_undo_adj(p, set->obj.id, op->sem_num);
        int new_adj = *adj - op->sem_op;
        if (new_adj < -SEMAEM - 1 || new_adj > SEMAEM)
            return -ERANGE;
        *adj = (short)new_adj;
    }
    s->value = (unsigned short)value;
    return 0;
}

static void
sem_revert_one(struct sem_set *set, const struct sembuf *op, struct proc *p)
{
    set->sems[op->sem_num].value -= op->sem_op;
    if (op->sem_flg & SEM_UNDO)
        *sem_undo_adj(p, set->obj.id, op->sem_num) += op->sem_op;
}

/*
 * All or nothing: apply sops[0..nsops) in order for process p.  Returns 0
 * when all were applied; otherwise none is, and the result says why
 * (SEM_WOULD_BLOCK with *blocking = the index of the operation that
 * blocks, -EAGAIN, -ERANGE).
 */
static int
sem_try_ops(struct sem_set *set, const struct sembuf *sops, int nsops,
            struct proc *p, int *blocking)
{
    int i, err = 0;
    for (i = 0; i < nsops; i++)
        if ((err = sem_apply_one(set, &sops[i], p)) != 0)
            break;
    if (err) {
        if (err == SEM_WOULD_BLOCK)
            *blocking = i;
        while (i-- > 0)
            sem_revert_one(set, &sops[i], p);
        return err;
    }
    for (i = 0; i < nsops; i++)
        set->sems[sops[i].sem_num].pid = p->pid;
    return 0;       /* the caller sets otime: one clock read per call */
}

static bool
sem_ops_alter(const struct sembuf *sops, int nsops)
{
    for (int i = 0; i < nsops; i++)
        if (sops[i].sem_op != 0)
            return true;
    return false;
}

/* ---- the pending queue ------------------------------------------------- */

/* The semaphore a pending list is blocked on. */
static struct sem *
sem_blocking(struct sem_set *set, const struct sem_pending *q)
{
    return &set->sems[q->sops[q->blocking].sem_num];
}

static void
sem_pending_append(struct sem_set *set, struct sem_pending *q)
{
    struct sem_pending **link = &set->pending_head;
    while (*link)
        link = &(*link)->next;
    q->next = NULL;
    *link = q;
    sem_blocking(set, q)->waiting++;
}

static void
sem_pending_unlink(struct sem_set *set, struct sem_pending *q)
{
    struct sem_pending **link = &set->pending_head;
    while (*link != q)
        link = &(*link)->next;
    *link = q->next;
    sem_blocking(set, q)->waiting--;
}

/* The list is off the queue: tell its sleeper how it ended. */
static void
sem_pending_finish(struct sem_pending *q, int status)
{
    q->status = status;
    waitq_wake_all(&q->wake);
}

/* Try a pending list again, unless it cannot have become possible: a list
 * is blocked by the value of one semaphore, and while that value is what
 * it was, the same operation still blocks.  (This keeps a semop cheap when
 * many processes sleep on other semaphores of the set.) */
static int
sem_retry(struct sem_set *set, struct sem_pending *q)
{
    assert(q->status == SEM_STILL_WAITING && q->blocking < q->nsops);
    if (sem_blocking(set, q)->value == q->blocked_at)
        return SEM_WOULD_BLOCK;
    sem_blocking(set, q)->waiting--;
    int err = sem_try_ops(set, q->sops, q->nsops, q->proc, &q->blocking);
    sem_blocking(set, q)->waiting++;    /* perhaps another one now */
    if (err == SEM_WOULD_BLOCK)
        q->blocked_at = sem_blocking(set, q)->value;
    return err;
}

/* Complete every pending list that now can, oldest first (see the
 * protocol at the top of this file); true if any completed. */
static bool
sem_complete_pending(struct sem_set *set)
{
    struct sem_pending *q, **link;
    bool completed = false;
again:
    for (link = &set->pending_head; (q = *link) != NULL; ) {
        int err = sem_retry(set, q);
        if (err == SEM_WOULD_BLOCK) {
            link = &q->next;
            continue;
        }
        bool altered = err == 0 && sem_ops_alter(q->sops, q->nsops);
        completed |= err == 0;
        *link = q->next;
        sem_blocking(set, q)->waiting--;
        sem_pending_finish(q, err);
        if (altered)
            goto again;
    }
    return completed;
}

/* The set changed (SETVAL, SETALL, an undo at exit): sleepers go on. */
void
sem_set_changed(struct sem_set *set)
{
    if (sem_complete_pending(set))
        set->otime = ipc_now();
}

/* IPC_RMID: every sleeper wakes with EIDRM; the id is gone at once. */
void
sem_set_destroy(struct sem_set *set)
{
    while (set->pending_head) {
        struct sem_pending *q = set->pending_head;
        set->pending_head = q->next;
        sem_pending_finish(q, -EIDRM);
    }
    sem_undo_forget_set(set->obj.id);
    ipc_remove(&sem_ids, &set->obj);
    frame_unref(set);
    kstat_add(KSTAT_sem_sets, -1);
}

/* semncnt (for_zero false) or semzcnt of one semaphore: the sleepers whose
 * blocking operation waits on it for an increase, or for zero. */
int
sem_count_waiters(const struct sem_set *set, int semnum, bool for_zero)
{
    int n = 0;
    for (const struct sem_pending *q = set->pending_head; q; q = q->next) {
        const struct sembuf *op = &q->sops[q->blocking];
        if (op->sem_num == semnum && (for_zero ? op->sem_op == 0 : op->sem_op < 0))
            n++;
    }
    return n;
}

/* ---- semop ------------------------------------------------------------- */

/* The name ps shows for the wait: "semop set 2 [0]-1 [1]=0". */
static void
sem_format_wait(char *buf, size_t size, int semid, const struct sembuf *sops, int nsops)
{
    size_t len = snprintk(buf, size, "semop set %d", semid);
    for (int i = 0; i < nsops && len < size; i++) {
        const struct sembuf *op = &sops[i];
        const char *fmt = op->sem_op > 0 ? " [%u]+%d" : op->sem_op < 0 ? " [%u]%d" : " [%u]=%d";
        len += snprintk(buf + len, size - len, fmt, op->sem_num, op->sem_op);
    }
}

/* The same as a format and two arguments for waitq_sleep_until, which
 * ps formats only when it looks: for the one-operation lists nearly every
 * program sleeps on (-1, or wait for zero) no text is written at all. */
static const char *
sem_wait_format(struct sem_pending *q, int semid, long *a, long *b)
{
    const struct sembuf *op = &q->sops[0];
    if (q->nsops == 1 && (op->sem_op == -1 || op->sem_op == 0)) {
        *a = semid;
        *b = op->sem_num;
        return op->sem_op ? "semop set %d [%u]-1" : "semop set %d [%u]=0";
    }
    sem_format_wait(q->what, sizeof q->what, semid, q->sops, q->nsops);
    *a = (long)q->what;
    *b = 0;
    return "%s";
}

/*
 * The list blocks at operation `blocking`: queue it and sleep until
 * someone completes it, the set goes, a signal comes, or the deadline (0:
 * none) passes.
 */
static int
sem_sleep(struct sem_set *set, const struct sembuf *sops, int nsops, int blocking,
          uint64_t deadline)
{
    struct sem_pending q = {
        .proc = current, .sops = sops, .nsops = nsops, .blocking = blocking,
        .status = SEM_STILL_WAITING, .wake = WAITQ_INIT,
    };
    if (deadline && time_now_ns() >= deadline)
        return -EAGAIN;
    q.blocked_at = sem_blocking(set, &q)->value;
    long a, b;
    const char *what = sem_wait_format(&q, set->obj.id, &a, &b);
    sem_pending_append(set, &q);
    for (;;) {
        int interrupted = waitq_sleep_until(&q.wake, deadline, what, a, b);
        if (q.status != SEM_STILL_WAITING)
            return q.status;    /* completed for us, or the set is gone */
        if (interrupted) {
            sem_pending_unlink(set, &q);
            return -EINTR;      /* semop is never restarted (Linux) */
        }
        if (deadline && time_now_ns() >= deadline) {
            sem_pending_unlink(set, &q);
            return -EAGAIN;     /* semtimedop: the time ran out */
        }
    }
}

/* Could the list just applied have let a pending list through?  Only if
 * it changed a semaphore some list is blocked on (see sem_retry). */
static bool
sem_ops_wake_anyone(const struct sem_set *set, const struct sembuf *sops, int nsops)
{
    for (int i = 0; i < nsops; i++)
        if (sops[i].sem_op != 0 && set->sems[sops[i].sem_num].waiting)
            return true;
    return false;
}

/* Apply the list now (the common case, kept short: no pending entry is
 * built), or sleep until it completes. */
static int
sem_op_or_sleep(struct sem_set *set, const struct sembuf *sops, int nsops,
                uint64_t deadline)
{
    int blocking;
    int err = sem_try_ops(set, sops, nsops, current, &blocking);
    if (err == SEM_WOULD_BLOCK)
        return sem_sleep(set, sops, nsops, blocking, deadline);
    if (err == 0) {
        if (sem_ops_wake_anyone(set, sops, nsops))
            sem_complete_pending(set);
        set->otime = ipc_now();         /* for this list and any it completed */
    }
    return err;
}

/* What one pass over a list finds: whether it alters values and whether
 * it asks for SEM_UNDO anywhere. */
struct sem_list_info {
    bool alters;
    bool undo;
};

/*
 * EFBIG for a semaphore past the set, EACCES without permission: altering
 * needs write ("alter") permission, waiting for zero only read.  The same
 * pass asserts the set's invariant at every semop (a broken one panics
 * here, with a backtrace, not as a lost wake-up later): the semaphores the
 * list names hold legal values.  (That everything queued is still waiting,
 * its blocking operation inside its list, is asserted as sem_retry looks
 * at each list: checking the whole queue here would make every semop cost
 * as much as the sleepers on the set.)
 */
static int
sem_check_ops(const struct sem_set *set, const struct sembuf *sops, int nsops,
              struct sem_list_info *info)
{
    info->alters = info->undo = false;
    for (int i = 0; i < nsops; i++) {
        if (sops[i].sem_num >= set->nsems)
            return -EFBIG;
        assert(set->sems[sops[i].sem_num].value <= SEMVMX);
        info->alters |= sops[i].sem_op != 0;
        info->undo |= (sops[i].sem_flg & SEM_UNDO) != 0;
    }
    return ipc_check_access(&set->obj, info->alters ? IPC_ACCESS_WRITE : IPC_ACCESS_READ);
}

/* For the IPC tracer (trace -D, tools/ipc-diagram): one event for each
 * operation of a list that completed. */
static void
sem_trace_ops(int semid, const struct sembuf *sops, int nsops)
{
    for (int i = 0; i < nsops; i++)
        trace_ipc(TRACE_EV_SEMOP, TRACE_OBJ_SEM, semid, 0, sops[i].sem_num, sops[i].sem_op, NULL);
}

static long
sem_do_op(int semid, struct sembuf *usops, size_t nsops,
          const struct timespec *utimeout)
{
    struct sembuf sops[SEMOPM];
    uint64_t deadline = 0;
    int err;

    if (nsops < 1)
        return -EINVAL;
    if (nsops > SEMOPM)
        return -E2BIG;
    if (copy_from_user(sops, usops, nsops * sizeof *sops) < 0)
        return -EFAULT;
    if (utimeout && (err = deadline_from_user(utimeout, &deadline)) < 0)
        return err;
    struct sem_set *set = sem_set_find(semid);
    if (!set)
        return -EINVAL;
    struct sem_list_info info;
    if ((err = sem_check_ops(set, sops, nsops, &info)) < 0)
        return err;
    err = info.undo ? sem_undo_reserve(current, semid, sops, nsops) : 0;
    if (err == 0)
        err = sem_op_or_sleep(set, sops, nsops, deadline);
    if (current->sem_undo)              /* most processes have no undo list */
        sem_undo_tidy(current);
    if (err == 0 && trace_ipc_on(current))
        sem_trace_ops(semid, sops, nsops);
    return err;
}

long
sys_semop(int semid, struct sembuf *usops, size_t nsops)
{
    return sem_do_op(semid, usops, nsops, NULL);
}

long
sys_semtimedop(int semid, struct sembuf *usops, size_t nsops,
               const struct timespec *utimeout)
{
    return sem_do_op(semid, usops, nsops, utimeout);
}
