/*
 * demo_shm_race -- two processes add to one counter in shared memory, with
 * no synchronisation, and updates get lost.
 *
 *   shmget(IPC_PRIVATE, ...)   a new System V segment (zero-filled)
 *   shmat(id, NULL, 0)         maps it; fork() gives the child the same
 *                              mapping -- the same physical frame
 *   counter = counter + 1      is three steps: load, add, store.  When the
 *                              timer switches processes between the load
 *                              and the store, the other process's
 *                              increments in that time slice are
 *                              overwritten by a stale value.
 *
 * The work between load and store below only widens the window the timer
 * has to hit; the bug is there without it, just rarer.  demo_shm_sem is
 * the same program with a semaphore around the update: no loss.
 *   demo_shm_race [increments-per-process]
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

static void
add_many(volatile long *counter, long n)
{
    for (long i = 0; i < n; i++) {
        long seen = *counter;                   /* load */
        for (volatile int spin = 0; spin < 200; spin++)
            ;                                   /* ...the window... */
        *counter = seen + 1;                    /* store */
    }
}

int
main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 100000;
    int id = shmget(IPC_PRIVATE, sizeof(long), IPC_CREAT | 0600);
    volatile long *counter;

    if (id < 0 || (counter = shmat(id, NULL, 0)) == (void *)-1) {
        perror("demo_shm_race: shared memory");
        return 1;
    }
    shmctl(id, IPC_RMID, NULL);     /* freed when both have detached */
    for (int child = 0; child < 2; child++)
        if (fork() == 0) {
            add_many(counter, n);
            _exit(0);
        }
    while (wait(NULL) > 0)
        ;
    printf("expected %ld, counter says %ld: %ld updates lost\n",
           2 * n, *counter, 2 * n - *counter);
    return 0;
}
