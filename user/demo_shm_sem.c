/*
 * demo_shm_sem -- demo_shm_race with the update made a critical section:
 * a System V semaphore with value 1 lets one process at a time between
 * P (semop -1: wait until positive, take it) and V (semop +1: give back).
 *
 * Same window between load and store, same timer switching processes in
 * the middle of it -- but the other process now waits at P instead of
 * reading a stale counter, so nothing is lost.  The price is two system
 * calls per increment: compare the run time with demo_shm_race.
 *   demo_shm_sem [increments-per-process]
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

union semun { int val; struct semid_ds *buf; unsigned short *array; };

static void
sem_change(int semid, int delta)
{
    struct sembuf op = { 0, (short)delta, 0 };

    if (semop(semid, &op, 1) < 0) {
        perror("demo_shm_sem: semop");
        _exit(1);
    }
}

static void
add_many(volatile long *counter, int semid, long n)
{
    for (long i = 0; i < n; i++) {
        sem_change(semid, -1);                  /* P: enter */
        long seen = *counter;
        for (volatile int spin = 0; spin < 200; spin++)
            ;
        *counter = seen + 1;
        sem_change(semid, +1);                  /* V: leave */
    }
}

int
main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 100000;
    int shmid = shmget(IPC_PRIVATE, sizeof(long), IPC_CREAT | 0600);
    int semid = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
    volatile long *counter;

    if (shmid < 0 || semid < 0 || (counter = shmat(shmid, NULL, 0)) == (void *)-1 ||
        semctl(semid, 0, SETVAL, (union semun){ .val = 1 }) < 0) {
        perror("demo_shm_sem: set-up");
        return 1;
    }
    shmctl(shmid, IPC_RMID, NULL);
    for (int child = 0; child < 2; child++)
        if (fork() == 0) {
            add_many(counter, semid, n);
            _exit(0);
        }
    while (wait(NULL) > 0)
        ;
    printf("expected %ld, counter says %ld: %ld updates lost\n",
           2 * n, *counter, 2 * n - *counter);
    semctl(semid, 0, IPC_RMID);
    return 0;
}
