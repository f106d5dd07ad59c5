/*
 * POSIX semaphores (<semaphore.h>) and the futex call under them: the
 * errors POSIX names, sleeping and waking within one process's memory,
 * between processes through shared memory (anonymous MAP_SHARED, System V
 * shm mapped at two addresses), and by name (sem_open).
 */
#include "sem_check.h"
#include <fcntl.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <parley.h>
#include <parley/futex.h>

static unsigned
futex_waiters(void)
{
    struct kstat k;
    CHECK_OK(kstat(&k));
    return k.count[KSTAT_futex_waiters];
}

/* Wait (up to 10 s) until want processes sleep in the futex call. */
static void
wait_for_futex_sleepers(unsigned want)
{
    for (int i = 0; i < 2000 && futex_waiters() != want; i++)
        check_sleep_ms(5);
    CHECK_EQ(futex_waiters(), want);
}

static sem_t *
shared_page(void)
{
    void *p = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    return p;
}

static struct timespec
realtime_in_ms(long ms)
{
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_nsec += (ms % 1000) * 1000000;
    t.tv_sec += ms / 1000 + t.tv_nsec / 1000000000;
    t.tv_nsec %= 1000000000;
    return t;
}

/* sem_init, sem_post, sem_trywait, sem_getvalue count as POSIX says;
 * sem_trywait on 0 is EAGAIN. */
static void
case_post_and_trywait_count(void)
{
    sem_t s;
    int v = -1;
    CHECK_OK(sem_init(&s, 0, 2));
    CHECK_OK(sem_getvalue(&s, &v));
    CHECK_EQ(v, 2);
    CHECK_OK(sem_trywait(&s));
    CHECK_OK(sem_wait(&s));
    CHECK_ERR(sem_trywait(&s), EAGAIN);
    CHECK_OK(sem_post(&s));
    CHECK_OK(sem_getvalue(&s, &v));
    CHECK_EQ(v, 1);
    CHECK_OK(sem_destroy(&s));
}

/* POSIX: sem_init with a value above SEM_VALUE_MAX is EINVAL; sem_post
 * past SEM_VALUE_MAX is EOVERFLOW. */
static void
case_value_limits_are_einval_and_eoverflow(void)
{
    sem_t s;
    CHECK_ERR(sem_init(&s, 0, (unsigned)SEM_VALUE_MAX + 1), EINVAL);
    CHECK_OK(sem_init(&s, 0, SEM_VALUE_MAX));
    CHECK_ERR(sem_post(&s), EOVERFLOW);
    int v = 0;
    CHECK_OK(sem_getvalue(&s, &v));
    CHECK_EQ(v, SEM_VALUE_MAX);
}

/* POSIX sem_timedwait: ETIMEDOUT when the absolute time passes; EINVAL for
 * a bad tv_nsec only when it would have to wait. */
static void
case_timedwait_times_out_and_checks_nsec(void)
{
    sem_t s;
    CHECK_OK(sem_init(&s, 0, 0));
    struct timespec t = realtime_in_ms(50);
    CHECK_ERR(sem_timedwait(&s, &t), ETIMEDOUT);
    t = realtime_in_ms(-1000);
    CHECK_ERR(sem_timedwait(&s, &t), ETIMEDOUT);
    t.tv_nsec = 1000000000;
    CHECK_ERR(sem_timedwait(&s, &t), EINVAL);
    CHECK_OK(sem_post(&s));
    CHECK_OK(sem_timedwait(&s, &t));
    CHECK_EQ(futex_waiters(), 0);
}

static sem_t *shared;

static void
wait_and_exit(void)
{
    CHECK_OK(sem_wait(shared));
}

/* POSIX sem_wait: a caught signal interrupts the sleep with EINTR; the
 * kernel forgets the sleeper. */
static void
wait_expect_eintr(void)
{
    check_catch_signal(SIGUSR1, 0);
    CHECK_ERR(sem_wait(shared), EINTR);
}

static void
case_wait_interrupted_by_handler_is_eintr(void)
{
    shared = shared_page();
    CHECK_OK(sem_init(shared, 1, 0));
    unsigned before = futex_waiters();
    pid_t child = fork();
    if (child == 0) {
        wait_expect_eintr();
        _exit(0);
    }
    wait_for_futex_sleepers(before + 1);
    CHECK_OK(kill(child, SIGUSR1));
    CHECK_EQ(sem_reap(child), 0);
    CHECK_EQ(futex_waiters(), before);
}

/* pshared 1: a sem_t in a MAP_SHARED page wakes a sleeper in another
 * process. */
static void
case_pshared_semaphore_works_between_processes(void)
{
    shared = shared_page();
    CHECK_OK(sem_init(shared, 1, 0));
    pid_t child = fork();
    if (child == 0) {
        wait_and_exit();
        _exit(0);
    }
    wait_for_futex_sleepers(1);
    CHECK_OK(sem_post(shared));
    CHECK_EQ(sem_reap(child), 0);
    int v = -1;
    CHECK_OK(sem_getvalue(shared, &v));
    CHECK_EQ(v, 0);
}

/* The futex key is the physical word: a segment attached at two different
 * addresses is one semaphore. */
static void
case_same_frame_at_two_addresses_is_one_semaphore(void)
{
    int id = shmget(IPC_PRIVATE, 4096, 0600);
    CHECK(id >= 0);
    sem_t *a = shmat(id, 0, 0);
    CHECK(a != (void *)-1);
    CHECK_OK(sem_init(a, 1, 0));
    pid_t child = fork();
    if (child == 0) {
        sem_t *b = shmat(id, 0, 0);
        if (b == (void *)-1 || b == a)
            _exit(2);
        shared = b;
        wait_and_exit();
        _exit(0);
    }
    wait_for_futex_sleepers(1);
    CHECK_OK(sem_post(a));
    CHECK_EQ(sem_reap(child), 0);
    CHECK_OK(shmctl(id, IPC_RMID, 0));
}

/* pshared 0 after fork: the two copies are two semaphores.  The child's
 * post goes to its own copy and does not wake the parent. */
static void
case_private_copies_after_fork_are_separate(void)
{
    static sem_t mine;
    CHECK_OK(sem_init(&mine, 0, 0));
    pid_t child = fork();
    if (child == 0) {
        wait_for_futex_sleepers(1);
        CHECK_OK(sem_post(&mine));
        _exit(0);
    }
    struct timespec t = realtime_in_ms(300);
    CHECK_ERR(sem_timedwait(&mine, &t), ETIMEDOUT);
    CHECK_EQ(sem_reap(child), 0);
}

#define ITEMS 2000
#define SLOTS 4

struct ring {
    sem_t empty, full, lock;
    int   slot[SLOTS];
    int   in, out;
};

static void
produce(struct ring *r)
{
    for (int i = 1; i <= ITEMS; i++) {
        CHECK_OK(sem_wait(&r->empty));
        CHECK_OK(sem_wait(&r->lock));
        r->slot[r->in] = i;
        r->in = (r->in + 1) % SLOTS;
        CHECK_OK(sem_post(&r->lock));
        CHECK_OK(sem_post(&r->full));
    }
}

/* A bounded buffer of sem_t in shared memory: two producers, one consumer,
 * every item arrives once (the sum is exact). */
static void
case_bounded_buffer_between_processes(void)
{
    struct ring *r = (struct ring *)shared_page();
    CHECK_OK(sem_init(&r->empty, 1, SLOTS));
    CHECK_OK(sem_init(&r->full, 1, 0));
    CHECK_OK(sem_init(&r->lock, 1, 1));
    pid_t kids[2];
    for (int k = 0; k < 2; k++)
        if ((kids[k] = fork()) == 0) {
            produce(r);
            _exit(0);
        }
    long sum = 0;
    for (int i = 0; i < 2 * ITEMS; i++) {
        CHECK_OK(sem_wait(&r->full));
        CHECK_OK(sem_wait(&r->lock));
        sum += r->slot[r->out];
        r->out = (r->out + 1) % SLOTS;
        CHECK_OK(sem_post(&r->lock));
        CHECK_OK(sem_post(&r->empty));
    }
    for (int k = 0; k < 2; k++)
        CHECK_EQ(sem_reap(kids[k]), 0);
    CHECK_EQ(sum, 2L * ITEMS * (ITEMS + 1) / 2);
    CHECK_EQ(futex_waiters(), 0);
}

#define SEM_NAME "/test_sem_named"

/* sem_open: O_CREAT|O_EXCL makes it with a value; another process opens it
 * by name and posts; the value lives on between opens; EEXIST, ENOENT
 * after sem_unlink. */
static void
case_named_semaphore_between_processes(void)
{
    sem_unlink(SEM_NAME);
    sem_t *s = sem_open(SEM_NAME, O_CREAT | O_EXCL, 0600, 1);
    CHECK(s != SEM_FAILED);
    CHECK(sem_open(SEM_NAME, O_CREAT | O_EXCL, 0600, 1) == SEM_FAILED);
    CHECK_EQ(errno, EEXIST);
    CHECK_OK(sem_wait(s));
    pid_t child = fork();
    if (child == 0) {
        sem_t *t = sem_open(SEM_NAME, 0);
        if (t == SEM_FAILED)
            _exit(2);
        wait_for_futex_sleepers(1);
        CHECK_OK(sem_post(t));
        CHECK_OK(sem_post(t));
        CHECK_OK(sem_close(t));
        _exit(0);
    }
    CHECK_OK(sem_wait(s));
    CHECK_EQ(sem_reap(child), 0);
    CHECK_OK(sem_close(s));
    s = sem_open(SEM_NAME, O_CREAT, 0600, 7);   /* exists: value stays 1 */
    CHECK(s != SEM_FAILED);
    int v = -1;
    CHECK_OK(sem_getvalue(s, &v));
    CHECK_EQ(v, 1);
    CHECK_OK(sem_close(s));
    CHECK_OK(sem_unlink(SEM_NAME));
    CHECK(sem_open(SEM_NAME, 0) == SEM_FAILED);
    CHECK_EQ(errno, ENOENT);
    CHECK_ERR(sem_unlink(SEM_NAME), ENOENT);
    CHECK(sem_open("/a/b", O_CREAT, 0600, 0) == SEM_FAILED);
    CHECK_EQ(errno, EINVAL);
}

/* POSIX sem_open: the same name opened twice in one process is the same
 * address, and needs two sem_close; sem_close of anything else is EINVAL.
 * After sem_unlink and a new sem_open(O_CREAT) the name is a new
 * semaphore. */
static void
case_named_semaphore_opened_twice_is_one_address(void)
{
    sem_unlink(SEM_NAME);
    sem_t *a = sem_open(SEM_NAME, O_CREAT, 0600, 3);
    CHECK(a != SEM_FAILED);
    sem_t *b = sem_open(SEM_NAME, 0);
    CHECK(b == a);
    CHECK_OK(sem_close(b));
    CHECK_OK(sem_trywait(a));                   /* still mapped */
    CHECK_OK(sem_unlink(SEM_NAME));
    sem_t *c = sem_open(SEM_NAME, O_CREAT, 0600, 0);
    CHECK(c != SEM_FAILED && c != a);
    int v = -1;
    CHECK_OK(sem_getvalue(c, &v));
    CHECK_EQ(v, 0);
    CHECK_OK(sem_getvalue(a, &v));
    CHECK_EQ(v, 2);
    CHECK_OK(sem_close(a));
    CHECK_ERR(sem_close(a), EINVAL);
    sem_t local;
    CHECK_ERR(sem_close(&local), EINVAL);
    CHECK_OK(sem_close(c));
    CHECK_OK(sem_unlink(SEM_NAME));
    CHECK(sem_open("/a_name_much_longer_than_name_max_allows", O_CREAT, 0600, 0) == SEM_FAILED);
    CHECK_EQ(errno, ENAMETOOLONG);
}

/* The raw call: FUTEX_WAIT on a word that differs is EAGAIN at once;
 * misaligned EINVAL; bad address EFAULT; an unknown op ENOSYS; a
 * FUTEX_WAKE with nobody asleep wakes 0; a timeout is ETIMEDOUT. */
static void
case_futex_call_errors(void)
{
    static int word = 5;
    struct timespec t = { 0, 20 * 1000000 };
    CHECK_ERR(syscall(SYS_futex, &word, FUTEX_WAIT, 4, 0), EAGAIN);
    CHECK_ERR(syscall(SYS_futex, (char *)&word + 1, FUTEX_WAIT, 5, 0), EINVAL);
    CHECK_ERR(syscall(SYS_futex, (int *)0xC0000000, FUTEX_WAIT, 0, 0), EFAULT);
    CHECK_ERR(syscall(SYS_futex, &word, 77, 0, 0), ENOSYS);
    CHECK_EQ(syscall(SYS_futex, &word, FUTEX_WAKE, 10, 0), 0);
    CHECK_ERR(syscall(SYS_futex, &word, FUTEX_WAIT, 5, &t), ETIMEDOUT);
    t.tv_nsec = -1;
    CHECK_ERR(syscall(SYS_futex, &word, FUTEX_WAIT, 5, &t), EINVAL);
    CHECK_EQ(futex_waiters(), 0);
}

/* FUTEX_WAKE wakes at most val sleepers, and says how many. */
static void
case_futex_wake_counts(void)
{
    int *word = (int *)shared_page();
    pid_t kids[3];
    for (int k = 0; k < 3; k++)
        if ((kids[k] = fork()) == 0)
            _exit(syscall(SYS_futex, word, FUTEX_WAIT, 0, 0) == 0 ? 0 : 1);
    wait_for_futex_sleepers(3);
    CHECK_EQ(syscall(SYS_futex, word, FUTEX_WAKE, 2, 0), 2);
    CHECK_EQ(futex_waiters(), 1);
    CHECK_EQ(syscall(SYS_futex, word, FUTEX_WAKE, 5, 0), 1);
    for (int k = 0; k < 3; k++)
        CHECK_EQ(sem_reap(kids[k]), 0);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(post_and_trywait_count),
        CHECK_CASE(value_limits_are_einval_and_eoverflow),
        CHECK_CASE(timedwait_times_out_and_checks_nsec),
        CHECK_CASE(wait_interrupted_by_handler_is_eintr),
        CHECK_CASE(pshared_semaphore_works_between_processes),
        CHECK_CASE(same_frame_at_two_addresses_is_one_semaphore),
        CHECK_CASE(private_copies_after_fork_are_separate),
        CHECK_CASE(bounded_buffer_between_processes),
        CHECK_CASE(named_semaphore_between_processes),
        CHECK_CASE(named_semaphore_opened_twice_is_one_address),
        CHECK_CASE(futex_call_errors),
        CHECK_CASE(futex_wake_counts),
    };
    return check_main("semaphore", cases, CHECK_NCASES(cases), argc, argv);
}
