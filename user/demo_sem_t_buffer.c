/*
 * demo_sem_t_buffer -- the same bounded buffer as demo_sem_buffer, written
 * the way textbooks write it: POSIX sem_t semaphores (<semaphore.h>) placed
 * in the shared memory itself, next to the ring.
 *
 *   sem_init(&r->empty, 1, SLOTS)   the 1 (pshared) says other processes
 *                                   will use it; it must then live in
 *                                   memory they share (mmap MAP_SHARED).
 *
 * sem_wait and sem_post are ordinary memory operations while nobody has to
 * wait; only a sem_wait that finds 0 enters the kernel, to sleep on the
 * semaphore's word (Ctrl-P shows `futex 0x...`, the physical address).
 */
#include <semaphore.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define SLOTS 4
#define ITEMS 20

struct ring {
    sem_t empty, full, mutex;
    int   slot[SLOTS];
    int   in, out;
};

static void
producer(struct ring *r)
{
    for (int i = 1; i <= ITEMS; i++) {
        sem_wait(&r->empty);
        sem_wait(&r->mutex);
        r->slot[r->in] = i * i;
        r->in = (r->in + 1) % SLOTS;
        sem_post(&r->mutex);
        sem_post(&r->full);
    }
}

static void
consumer(struct ring *r)
{
    long sum = 0;
    for (int i = 1; i <= ITEMS; i++) {
        sem_wait(&r->full);
        sem_wait(&r->mutex);
        int v = r->slot[r->out];
        r->out = (r->out + 1) % SLOTS;
        sem_post(&r->mutex);
        sem_post(&r->empty);
        sum += v;
        printf("consumer: got %d\n", v);
    }
    printf("consumer: sum %ld (expected %d)\n", sum, ITEMS * (ITEMS + 1) * (2 * ITEMS + 1) / 6);
}

int
main(void)
{
    struct ring *r = mmap(0, sizeof *r, PROT_READ | PROT_WRITE,
                          MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (r == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    sem_init(&r->empty, 1, SLOTS);
    sem_init(&r->full, 1, 0);
    sem_init(&r->mutex, 1, 1);
    r->in = r->out = 0;

    pid_t pid = fork();
    if (pid == 0) {
        producer(r);
        _exit(0);
    }
    consumer(r);
    waitpid(pid, 0, 0);
    sem_destroy(&r->empty);
    sem_destroy(&r->full);
    sem_destroy(&r->mutex);
    return 0;
}
