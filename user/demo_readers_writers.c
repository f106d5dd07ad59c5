/*
 * demo_readers_writers -- a readers-writers lock from two System V
 * semaphores, each lock and unlock one atomic semop:
 *
 *   READERS  how many readers are inside
 *   WRITER   1 while a writer is inside
 *
 *   read lock    { WRITER == 0 ?, READERS += 1 }            (wait for zero, then add)
 *   read unlock  { READERS -= 1 }
 *   write lock   { READERS == 0 ?, WRITER == 0 ?, WRITER += 1 }
 *   write unlock { WRITER -= 1 }
 *
 * Because the kernel applies a whole list or nothing, "no writer inside"
 * and "count me in" happen as one step: no reader slips in between a
 * writer's check and its entry.  SEM_UNDO on every operation means a
 * process killed inside the lock does not leave it held.
 *
 * Writers write the same number into two fields, with a pause between;
 * readers check that the two fields agree.  Any disagreement would be a
 * reader that saw half a write.  (Readers are preferred: a steady stream
 * of readers could keep a writer out for ever.  Exercise: add a third
 * semaphore, "writers waiting", that new readers wait on.)
 */
#include <sched.h>
#include <stdio.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define READERS_N 3
#define WRITERS_N 2
#define ROUNDS    200
enum { READERS, WRITER };

struct record {
    int a, b;
    int torn;                   /* reads that saw a != b */
    int reads, writes;
};

static int lock;

static void
locked_op(struct sembuf *ops, int n)
{
    for (int i = 0; i < n; i++)
        ops[i].sem_flg = SEM_UNDO;
    if (semop(lock, ops, n) < 0)
        perror("semop");
}

static void
read_lock(void)    { struct sembuf o[2] = { { WRITER, 0, 0 }, { READERS, 1, 0 } }; locked_op(o, 2); }
static void
read_unlock(void)  { struct sembuf o[1] = { { READERS, -1, 0 } }; locked_op(o, 1); }
static void
write_lock(void)   { struct sembuf o[3] = { { READERS, 0, 0 }, { WRITER, 0, 0 }, { WRITER, 1, 0 } }; locked_op(o, 3); }
static void
write_unlock(void) { struct sembuf o[1] = { { WRITER, -1, 0 } }; locked_op(o, 1); }

static void
reader(struct record *r)
{
    for (int i = 0; i < ROUNDS; i++) {
        read_lock();
        int a = r->a;
        sched_yield();          /* let a writer try its luck */
        int b = r->b;
        __atomic_add_fetch(&r->reads, 1, __ATOMIC_SEQ_CST);
        if (a != b)
            __atomic_add_fetch(&r->torn, 1, __ATOMIC_SEQ_CST);
        read_unlock();
    }
}

static void
writer(struct record *r, int id)
{
    for (int i = 0; i < ROUNDS; i++) {
        write_lock();
        r->a = id * 100000 + i;
        sched_yield();          /* half written: a reader now would see it */
        r->b = id * 100000 + i;
        r->writes++;
        write_unlock();
    }
}

int
main(void)
{
    int shm = shmget(IPC_PRIVATE, sizeof(struct record), 0600);
    lock = semget(IPC_PRIVATE, 2, 0600);
    if (shm < 0 || lock < 0) {
        perror("shmget/semget");
        return 1;
    }
    struct record *r = shmat(shm, 0, 0);
    shmctl(shm, IPC_RMID, 0);
    for (int i = 0; i < READERS_N + WRITERS_N; i++)
        if (fork() == 0) {
            if (i < READERS_N)
                reader(r);
            else
                writer(r, i);
            _exit(0);
        }
    while (wait(0) > 0)
        ;
    printf("%d reads, %d writes, %d torn reads (0 expected)\n", r->reads, r->writes, r->torn);
    semctl(lock, 0, IPC_RMID);
    return r->torn != 0;
}
