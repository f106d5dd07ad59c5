/*
 * demo_shm_ring -- producer and consumer share a ring of slots in shared
 * memory; three semaphores say when they may go on:
 *
 *   EMPTY  free slots (starts at NSLOTS): the producer takes one per item
 *   FULL   filled slots (starts at 0):    the consumer takes one per item
 *
 *       producer                          consumer
 *       P(EMPTY)  wait for a free slot    P(FULL)   wait for an item
 *       ring[head] = item                 item = ring[tail]
 *       V(FULL)   one more item           V(EMPTY)  one more free slot
 *
 * Only the producer moves head and only the consumer moves tail, so with
 * one of each no mutex is needed.  The data never passes through the
 * kernel: only the semaphore operations do.
 *   demo_shm_ring [items]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define NSLOTS 8
#define SLOT   64
enum { EMPTY, FULL };

union semun { int val; struct semid_ds *buf; unsigned short *array; };

struct ring {
    unsigned head, tail;        /* next slot to fill, next slot to empty */
    char     slot[NSLOTS][SLOT];
};

static void
sem_change(int semid, int which, int delta)
{
    struct sembuf op = { (unsigned short)which, (short)delta, 0 };

    if (semop(semid, &op, 1) < 0) {
        perror("demo_shm_ring: semop");
        _exit(1);
    }
}

static void
produce(struct ring *r, int semid, int items)
{
    for (int i = 0; i < items; i++) {
        sem_change(semid, EMPTY, -1);
        snprintf(r->slot[r->head], SLOT, "item %d from pid %d", i, (int)getpid());
        r->head = (r->head + 1) % NSLOTS;
        sem_change(semid, FULL, +1);
    }
    sem_change(semid, EMPTY, -1);       /* an empty string ends the stream */
    r->slot[r->head][0] = 0;
    r->head = (r->head + 1) % NSLOTS;
    sem_change(semid, FULL, +1);
}

static int
consume(struct ring *r, int semid, int verbose)
{
    int got = 0;

    for (;;) {
        sem_change(semid, FULL, -1);
        char *s = r->slot[r->tail];
        if (s[0] == 0)
            return got;
        if (verbose)
            printf("consumer: %s\n", s);
        got++;
        r->tail = (r->tail + 1) % NSLOTS;
        sem_change(semid, EMPTY, +1);
    }
}

int
main(int argc, char **argv)
{
    int items = argc > 1 ? atoi(argv[1]) : 20, got;
    int shmid = shmget(IPC_PRIVATE, sizeof(struct ring), IPC_CREAT | 0600);
    int semid = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    unsigned short initial[2] = { NSLOTS, 0 };
    struct ring *r;

    if (shmid < 0 || semid < 0 || (r = shmat(shmid, NULL, 0)) == (void *)-1 ||
        semctl(semid, 0, SETALL, (union semun){ .array = initial }) < 0) {
        perror("demo_shm_ring: set-up");
        return 1;
    }
    shmctl(shmid, IPC_RMID, NULL);
    if (fork() == 0) {
        produce(r, semid, items);
        _exit(0);
    }
    got = consume(r, semid, items <= 50);
    wait(NULL);
    printf("consumer got %d of %d items through %d slots\n", got, items, NSLOTS);
    semctl(semid, 0, IPC_RMID);
    return got == items ? 0 : 1;
}
