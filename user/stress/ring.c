/*
 * stress channel: a ring of record slots in a System V shared-memory
 * segment, guarded by three System V semaphores -- the bounded buffer of
 * the textbook, made to survive a writer killed at any instruction.
 *
 *   MUTEX    1: whoever holds it may touch head, tail and the slots.  Taken
 *            with SEM_UNDO, so a writer killed while it holds it gives it
 *            back as it dies.
 *   SPACE    free slots.  A writer takes one together with MUTEX, in one
 *            semop (both or neither; SPACE without SEM_UNDO, as it is the
 *            collector that gives it back).
 *   RECORDS  wake-ups for the collector: a writer adds one with its
 *            release of MUTEX, in one semop.
 *
 * A writer copies its record into slot head % RING_SLOTS and then commits
 * it by storing head + 1: killed before that store, the record is absent
 * (the slot is overwritten by the next writer; its SPACE token is lost,
 * so the ring is one slot smaller for the rest of the round); killed after
 * it, the record is there even if the RECORDS wake-up never came.  So the
 * collector trusts head, not RECORDS: it takes a record whenever
 * tail != head, and sleeps on RECORDS only when it found the ring empty.
 * Every record taken also spends one wake-up if there is one, which keeps
 * RECORDS from growing past SEMVMX over a long run.
 */
#include <errno.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>

#include "stress.h"

#define RING_SLOTS 32           /* more than MAX_WRITERS: losing one per victim is fine */

enum { MUTEX, SPACE, RECORDS, RING_NSEMS };

struct ring {
    volatile uint32_t head, tail;       /* records committed, records taken */
    uint32_t length[RING_SLOTS];
    char     slot[RING_SLOTS][RECORD_MAX];
};

static int ring_shm = -1, ring_sem = -1;
static struct ring *ring;

static int
ring_semop(short sem1, short op1, short flags1, short sem2, short op2)
{
    struct sembuf ops[2] = { { sem1, op1, flags1 }, { sem2, op2, 0 } };
    return semop(ring_sem, ops, sem2 < 0 ? 1 : 2);
}

static int
ring_setup(int writers)
{
    unsigned short initial[RING_NSEMS] = { [MUTEX] = 1, [SPACE] = RING_SLOTS, [RECORDS] = 0 };

    ring_shm = shmget(IPC_PRIVATE, sizeof *ring, IPC_CREAT | 0600);
    ring_sem = semget(IPC_PRIVATE, RING_NSEMS, IPC_CREAT | 0600);
    if (ring_shm < 0 || ring_sem < 0 || semctl(ring_sem, 0, SETALL, initial) < 0)
        return -1;
    ring = shmat(ring_shm, NULL, 0);    /* the writers inherit the mapping */
    shmctl(ring_shm, IPC_RMID, NULL);   /* gone when the last one detaches */
    if (ring == (void *)-1)
        return -1;
    ring->head = ring->tail = 0;
    return 0;
}

static int
ring_writer_open(uint32_t writer)
{
    return 0;
}

static int
ring_send(const void *rec, size_t n)
{
    if (ring_semop(MUTEX, -1, SEM_UNDO, SPACE, -1) < 0)
        return -1;
    uint32_t i = ring->head % RING_SLOTS;
    memcpy(ring->slot[i], rec, n);
    ring->length[i] = n;
    __asm__ volatile("" ::: "memory");  /* the slot is written before the commit */
    ring->head = ring->head + 1;        /* the commit: one store */
    return ring_semop(MUTEX, +1, SEM_UNDO, RECORDS, +1);
}

/* Take the record at tail, if any: its length, 0 if the ring is empty. */
static size_t
ring_take(void *buf, size_t size)
{
    if (ring->tail == ring->head)
        return 0;
    uint32_t i = ring->tail % RING_SLOTS;
    size_t n = ring->length[i] < size ? ring->length[i] : size;
    memcpy(buf, ring->slot[i], n);
    ring->tail = ring->tail + 1;
    return n;
}

static ssize_t
ring_recv(void *buf, size_t size, struct arrival *from, bool wait)
{
    for (;;) {
        if (ring_semop(MUTEX, -1, SEM_UNDO, -1, 0) < 0)
            return -1;
        size_t n = ring_take(buf, size);
        if (ring_semop(MUTEX, +1, SEM_UNDO, n ? SPACE : -1, +1) < 0)
            return -1;
        if (n) {
            ring_semop(RECORDS, -1, IPC_NOWAIT, -1, 0);     /* its wake-up, if any */
            return (ssize_t)n;
        }
        if (!wait) {
            errno = EAGAIN;
            return -1;
        }
        if (ring_semop(RECORDS, -1, 0, -1, 0) < 0)
            return -1;                  /* EINTR: the collector's tick */
    }
}

static void
ring_teardown(void)
{
    shmdt(ring);
    semctl(ring_sem, 0, IPC_RMID);
}

const struct channel shm_ring_channel = {
    .name = "shm-ring", .messages = true,
    .setup = ring_setup, .writer_open = ring_writer_open, .send_record = ring_send,
    .recv_record = ring_recv, .teardown = ring_teardown,
};
