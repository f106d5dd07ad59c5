/*
 * demo_sem_buffer -- the bounded buffer with three System V semaphores
 * over a shared-memory segment: a producer and a consumer pass numbers
 * through a ring of SLOTS slots.
 *
 *   EMPTY  counts free slots (starts at SLOTS): the producer takes one
 *          before it fills a slot, so it sleeps when the ring is full;
 *   FULL   counts filled slots (starts at 0): the consumer takes one
 *          before it empties a slot, so it sleeps when the ring is empty;
 *   MUTEX  (starts at 1) keeps the two from touching the ring at once.
 *
 * All three are one set; one semctl(SETALL) sets them.  While it runs,
 * press Ctrl-P: a sleeping side shows as `semop set N [0]-1`.  Try giving
 * EMPTY the value 0 at the start (nobody can ever go: a deadlock), or
 * removing the MUTEX operations and running several producers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define SLOTS 4
#define ITEMS 20
enum { EMPTY, FULL, MUTEX };

union semun { int val; struct semid_ds *buf; unsigned short *array; };

struct ring {
    int slot[SLOTS];
    int in, out;
};

static int sems;

static void
sem_change(int which, int op)
{
    struct sembuf b = { (unsigned short)which, (short)op, 0 };
    if (semop(sems, &b, 1) < 0) {
        perror("semop");
        exit(1);
    }
}

static void
producer(struct ring *r)
{
    for (int i = 1; i <= ITEMS; i++) {
        sem_change(EMPTY, -1);          /* wait for a free slot */
        sem_change(MUTEX, -1);
        r->slot[r->in] = i * i;
        r->in = (r->in + 1) % SLOTS;
        sem_change(MUTEX, +1);
        sem_change(FULL, +1);           /* one more to take */
    }
}

static void
consumer(struct ring *r)
{
    long sum = 0;
    for (int i = 1; i <= ITEMS; i++) {
        sem_change(FULL, -1);           /* wait for a filled slot */
        sem_change(MUTEX, -1);
        int v = r->slot[r->out];
        r->out = (r->out + 1) % SLOTS;
        sem_change(MUTEX, +1);
        sem_change(EMPTY, +1);
        sum += v;
        printf("consumer: got %d\n", v);
    }
    printf("consumer: sum %ld (expected %d)\n", sum, ITEMS * (ITEMS + 1) * (2 * ITEMS + 1) / 6);
}

int
main(void)
{
    int shm = shmget(IPC_PRIVATE, sizeof(struct ring), 0600);
    sems = semget(IPC_PRIVATE, 3, 0600);
    if (shm < 0 || sems < 0) {
        perror("shmget/semget");
        return 1;
    }
    struct ring *r = shmat(shm, 0, 0);
    shmctl(shm, IPC_RMID, 0);           /* gone when the last one detaches */
    unsigned short start[3] = { SLOTS, 0, 1 };
    union semun arg = { .array = start };
    semctl(sems, 0, SETALL, arg);

    pid_t pid = fork();
    if (pid == 0) {
        producer(r);
        _exit(0);
    }
    consumer(r);
    waitpid(pid, 0, 0);
    semctl(sems, 0, IPC_RMID);
    return 0;
}
