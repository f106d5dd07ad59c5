/*
 * Helpers the semaphore suites share (test_sem, test_sem_wait,
 * test_semaphore): making a set, one-operation semop, and waiting until a
 * child is really asleep in semop (counted by GETNCNT/GETZCNT, not timed).
 */
#ifndef SEM_CHECK_H
#define SEM_CHECK_H

#include "check.h"
#include <sys/sem.h>

union semun {
    int              val;
    struct semid_ds *buf;
    unsigned short  *array;
};

/* A new private set of n semaphores, each set to value. */
static CHECK_UNUSED int
sem_new(int n, int value)
{
    int id = semget(IPC_PRIVATE, n, 0600);
    if (id < 0)
        check_fail(__FILE__, __LINE__, "semget failed with %s", check_errno_name(errno));
    for (int i = 0; i < n; i++) {
        union semun arg = { .val = value };
        CHECK_OK(semctl(id, i, SETVAL, arg));
    }
    return id;
}

static CHECK_UNUSED int
sem_val(int id, int num)
{
    return semctl(id, num, GETVAL);
}

/* One operation; returns semop's result. */
static CHECK_UNUSED int
sem_op1(int id, int num, int op, int flags)
{
    struct sembuf b = { (unsigned short)num, (short)op, (short)flags };
    return semop(id, &b, 1);
}

/* Wait (up to 8 s) until GETNCNT or GETZCNT of semaphore num is want. */
static CHECK_UNUSED void
sem_wait_count(int id, int num, int cmd, int want)
{
    time_t start = time(NULL);
    while (time(NULL) - start < 8) {
        if (semctl(id, num, cmd) == want)
            return;
        check_sleep_ms(5);
    }
    check_fail(__FILE__, __LINE__, "%s of semaphore %d stayed %d, want %d",
               cmd == GETNCNT ? "GETNCNT" : "GETZCNT", num, semctl(id, num, cmd), want);
}

/* Fork a child that runs fn and exits 0 (or with fn's failure code). */
static CHECK_UNUSED pid_t
sem_spawn(void (*fn)(int), int arg)
{
    pid_t pid = fork();
    if (pid < 0)
        check_fail(__FILE__, __LINE__, "fork failed with %s", check_errno_name(errno));
    if (pid == 0) {
        fn(arg);
        _exit(0);
    }
    return pid;
}

/* Wait for pid and return its exit status (as wait() encodes it). */
static CHECK_UNUSED int
sem_reap(pid_t pid)
{
    int status = -1;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    return status;
}

#endif
