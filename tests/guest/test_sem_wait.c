/*
 * System V semaphores that sleep: lists that block as a whole, wake-ups
 * (no lost ones, no starvation behind a blocked list), semncnt/semzcnt,
 * EINTR and EIDRM, semtimedop, SEM_UNDO at exit, and two stress runs
 * (a guarded counter, the dining philosophers).
 *
 * A case knows a child is asleep in semop by GETNCNT/GETZCNT, never by
 * sleeping for a while.
 */
#include "sem_check.h"
#include <sys/mman.h>
#include <sched.h>
#include <stdlib.h>
#include <parley.h>

static int set;                 /* the set the children of a case use */

static void
take_both(int unused)
{
    (void)unused;
    struct sembuf both[2] = { { 0, -1, 0 }, { 1, -1, 0 } };
    CHECK_OK(semop(set, both, 2));
}

/* semop(2): a list of two decrements sleeps until both can be taken, and
 * takes neither meanwhile. */
static void
case_two_semaphore_list_takes_both_or_neither(void)
{
    set = sem_new(2, 0);
    pid_t child = sem_spawn(take_both, 0);
    sem_wait_count(set, 0, GETNCNT, 1);
    CHECK_OK(sem_op1(set, 0, 1, 0));
    /* The child can take semaphore 0 but not 1: it must take nothing. */
    sem_wait_count(set, 1, GETNCNT, 1);
    CHECK_EQ(sem_val(set, 0), 1);
    CHECK_EQ(semctl(set, 0, GETNCNT), 0);
    CHECK_OK(sem_op1(set, 1, 1, 0));
    CHECK_EQ(sem_reap(child), 0);
    CHECK_EQ(sem_val(set, 0), 0);
    CHECK_EQ(sem_val(set, 1), 0);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

static void
wait_for_zero(int unused)
{
    (void)unused;
    CHECK_OK(sem_op1(set, 0, 0, 0));
}

/* semop(2): a wait for zero sleeps (semzcnt) and wakes on the decrement
 * that brings the value to 0, not before. */
static void
case_wait_for_zero_wakes_on_last_decrement(void)
{
    set = sem_new(1, 2);
    pid_t child = sem_spawn(wait_for_zero, 0);
    sem_wait_count(set, 0, GETZCNT, 1);
    CHECK_EQ(semctl(set, 0, GETNCNT), 0);
    CHECK_OK(sem_op1(set, 0, -1, 0));
    CHECK_EQ(semctl(set, 0, GETZCNT), 1);
    CHECK_OK(sem_op1(set, 0, -1, 0));
    CHECK_EQ(sem_reap(child), 0);
    CHECK_EQ(semctl(set, 0, GETZCNT), 0);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

static int report[2];           /* a child tells the case what semop said */

static void
down_and_report(int op)
{
    int e = sem_op1(set, 0, op, 0) == 0 ? 0 : errno;
    CHECK_EQ(write(report[1], &e, sizeof e), sizeof e);
    pause();                    /* stay alive: the counts must drop anyway */
}

static int
read_report(void)
{
    int e = -1;
    CHECK_EQ(read(report[0], &e, sizeof e), sizeof e);
    return e;
}

/* semop(2): a sleeping semop that catches a signal fails with EINTR, and
 * semncnt/semzcnt drop again though the process lives on. */
static void
case_eintr_drops_ncnt_and_zcnt(void)
{
    set = sem_new(1, 1);
    CHECK_OK(pipe(report));
    check_catch_signal(SIGUSR1, 0);             /* inherited by the children */
    pid_t taker = sem_spawn(down_and_report, -2);
    pid_t zero = sem_spawn(down_and_report, 0);
    sem_wait_count(set, 0, GETNCNT, 1);
    sem_wait_count(set, 0, GETZCNT, 1);
    CHECK_OK(kill(taker, SIGUSR1));
    CHECK_EQ(read_report(), EINTR);
    CHECK_EQ(semctl(set, 0, GETNCNT), 0);
    CHECK_OK(kill(zero, SIGUSR1));
    CHECK_EQ(read_report(), EINTR);
    CHECK_EQ(semctl(set, 0, GETZCNT), 0);
    CHECK_EQ(sem_val(set, 0), 1);
    kill(taker, SIGKILL);
    kill(zero, SIGKILL);
    sem_reap(taker);
    sem_reap(zero);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* Linux: semop is never restarted, even with SA_RESTART: EINTR. */
static void
case_sa_restart_does_not_restart_semop(void)
{
    set = sem_new(1, 0);
    CHECK_OK(pipe(report));
    check_catch_signal(SIGUSR1, SA_RESTART);
    pid_t child = sem_spawn(down_and_report, -1);
    sem_wait_count(set, 0, GETNCNT, 1);
    CHECK_OK(kill(child, SIGUSR1));
    CHECK_EQ(read_report(), EINTR);
    kill(child, SIGKILL);
    sem_reap(child);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* A sleeper that dies (SIGKILL) leaves the queue: semncnt drops. */
static void
case_killed_sleeper_drops_ncnt(void)
{
    set = sem_new(1, 0);
    CHECK_OK(pipe(report));
    pid_t child = sem_spawn(down_and_report, -1);
    sem_wait_count(set, 0, GETNCNT, 1);
    CHECK_OK(kill(child, SIGKILL));
    check_killed_by(sem_reap(child), SIGKILL);
    CHECK_EQ(semctl(set, 0, GETNCNT), 0);
    CHECK_OK(sem_op1(set, 0, 1, 0));
    CHECK_EQ(sem_val(set, 0), 1);               /* nobody took it */
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* semctl(2) IPC_RMID: blocked semop callers, decrementing or waiting for
 * zero, wake with EIDRM; the id is gone (EINVAL) at once. */
static void
case_rmid_wakes_sleepers_with_eidrm(void)
{
    set = sem_new(1, 1);
    CHECK_OK(pipe(report));
    pid_t taker = sem_spawn(down_and_report, -2);
    pid_t zero = sem_spawn(down_and_report, 0);
    sem_wait_count(set, 0, GETNCNT, 1);
    sem_wait_count(set, 0, GETZCNT, 1);
    CHECK_OK(semctl(set, 0, IPC_RMID));
    CHECK_EQ(read_report(), EIDRM);
    CHECK_EQ(read_report(), EIDRM);
    CHECK_ERR(semctl(set, 0, GETVAL), EINVAL);
    CHECK_ERR(sem_op1(set, 0, 1, 0), EINVAL);
    kill(taker, SIGKILL);
    kill(zero, SIGKILL);
    sem_reap(taker);
    sem_reap(zero);
}

static void
take(int n)
{
    CHECK_OK(sem_op1(set, 0, -n, 0));
}

/* A blocked -2 ahead in the queue does not hold up a later -1 that fits;
 * the -2 completes once there is enough. */
static void
case_satisfiable_request_not_starved_behind_blocked_one(void)
{
    set = sem_new(1, 0);
    pid_t two = sem_spawn(take, 2);
    sem_wait_count(set, 0, GETNCNT, 1);
    pid_t one = sem_spawn(take, 1);
    sem_wait_count(set, 0, GETNCNT, 2);
    CHECK_OK(sem_op1(set, 0, 1, 0));
    CHECK_EQ(sem_reap(one), 0);
    CHECK_EQ(semctl(set, 0, GETNCNT), 1);
    CHECK_OK(sem_op1(set, 0, 1, 0));
    CHECK_EQ(semctl(set, 0, GETNCNT), 1);       /* 1 is not enough for -2 */
    CHECK_OK(sem_op1(set, 0, 1, 0));
    CHECK_EQ(sem_reap(two), 0);
    CHECK_EQ(sem_val(set, 0), 0);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* semop(2): +n with several waiters wakes every waiter that can proceed. */
static void
case_increment_wakes_every_waiter_that_fits(void)
{
    set = sem_new(1, 0);
    pid_t kids[4];
    for (int i = 0; i < 4; i++)
        kids[i] = sem_spawn(take, 1);
    sem_wait_count(set, 0, GETNCNT, 4);
    CHECK_OK(sem_op1(set, 0, 3, 0));
    CHECK_EQ(semctl(set, 0, GETNCNT), 1);       /* completed at once, not later */
    CHECK_EQ(sem_val(set, 0), 0);
    CHECK_OK(sem_op1(set, 0, 1, 0));
    for (int i = 0; i < 4; i++)
        CHECK_EQ(sem_reap(kids[i]), 0);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

static void
take_from(int num)
{
    CHECK_OK(sem_op1(set, num, -1, 0));
}

/* Takes [1] and gives [2], in one list. */
static void
take_one_give_two(int unused)
{
    (void)unused;
    struct sembuf ops[2] = { { 1, -1, 0 }, { 2, 1, 0 } };
    CHECK_OK(semop(set, ops, 2));
}

/* A completed list that adds lets an OLDER list through in the same
 * change: the walk starts again from the head.  The older sleeper waits
 * for [2]; the newer takes [1] and gives [2]; one +1 on [1] completes
 * both.  SETVAL wakes sleepers too. */
static void
case_completed_list_lets_older_list_through(void)
{
    set = sem_new(3, 0);
    pid_t older = sem_spawn(take_from, 2);
    sem_wait_count(set, 2, GETNCNT, 1);
    pid_t newer = sem_spawn(take_one_give_two, 0);
    sem_wait_count(set, 1, GETNCNT, 1);
    CHECK_OK(sem_op1(set, 1, 1, 0));
    CHECK_EQ(semctl(set, 2, GETNCNT), 0);       /* completed in that same semop */
    CHECK_EQ(sem_reap(newer), 0);
    CHECK_EQ(sem_reap(older), 0);
    CHECK_EQ(sem_val(set, 1), 0);
    CHECK_EQ(sem_val(set, 2), 0);
    pid_t waiter = sem_spawn(take_from, 0);
    sem_wait_count(set, 0, GETNCNT, 1);
    union semun arg = { .val = 1 };
    CHECK_OK(semctl(set, 0, SETVAL, arg));
    CHECK_EQ(sem_reap(waiter), 0);
    CHECK_EQ(sem_val(set, 0), 0);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* semtimedop(2): EAGAIN when the relative timeout expires, nothing taken;
 * a bad timeout is EINVAL; a timeout is not needed if it fits. */
static void
case_semtimedop_expires_with_eagain(void)
{
    set = sem_new(2, 0);
    struct sembuf ops[2] = { { 0, 1, 0 }, { 1, -1, 0 } };
    struct timespec t = { 0, 50 * 1000000 };
    CHECK_ERR(semtimedop(set, ops, 2, &t), EAGAIN);
    CHECK_EQ(sem_val(set, 0), 0);
    CHECK_EQ(semctl(set, 1, GETNCNT), 0);
    t.tv_nsec = 0;
    CHECK_ERR(semtimedop(set, ops, 2, &t), EAGAIN);
    t.tv_nsec = 1000000000;
    CHECK_ERR(semtimedop(set, ops, 2, &t), EINVAL);
    t.tv_nsec = 1000;
    CHECK_OK(sem_op1(set, 1, 1, 0));
    CHECK_OK(semtimedop(set, ops, 2, &t));
    CHECK_EQ(sem_val(set, 0), 1);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* ---- SEM_UNDO ----------------------------------------------------------- */

static void
hold_with_undo(int op)
{
    CHECK_OK(sem_op1(set, 0, op, SEM_UNDO));
    CHECK_EQ(write(report[1], &op, sizeof op), sizeof op);
    pause();
}

/* semop(2) SEM_UNDO: a holder killed by SIGKILL gives back what it took,
 * and a sleeper waiting for it is woken by that. */
static void
case_undo_restores_count_when_holder_is_killed(void)
{
    set = sem_new(1, 1);
    CHECK_OK(pipe(report));
    pid_t holder = sem_spawn(hold_with_undo, -1);
    CHECK_EQ(read_report(), -1);
    CHECK_EQ(sem_val(set, 0), 0);
    pid_t waiter = sem_spawn(take, 1);
    sem_wait_count(set, 0, GETNCNT, 1);
    CHECK_OK(kill(holder, SIGKILL));
    check_killed_by(sem_reap(holder), SIGKILL);
    CHECK_EQ(sem_reap(waiter), 0);
    CHECK_EQ(sem_val(set, 0), 0);
    CHECK_EQ(semctl(set, 0, GETPID), waiter);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

static void
add_with_undo_and_exit(int op)
{
    CHECK_OK(sem_op1(set, 0, op, SEM_UNDO));
}

/* SEM_UNDO at an ordinary exit, too: +3 with undo is taken back. */
static void
case_undo_applies_at_normal_exit(void)
{
    set = sem_new(1, 2);
    CHECK_EQ(sem_reap(sem_spawn(add_with_undo_and_exit, 3)), 0);
    CHECK_EQ(sem_val(set, 0), 2);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* Linux: the undo at exit is clamped to 0..SEMVMX. */
static void
case_undo_is_clamped_to_valid_range(void)
{
    set = sem_new(1, 5);
    CHECK_OK(pipe(report));
    pid_t holder = sem_spawn(hold_with_undo, 5);    /* adjustment -5 */
    CHECK_EQ(read_report(), 5);
    CHECK_OK(sem_op1(set, 0, -8, 0));               /* 10 -> 2 */
    kill(holder, SIGKILL);
    sem_reap(holder);
    CHECK_EQ(sem_val(set, 0), 0);                   /* 2 - 5, clamped */
    pid_t low = sem_spawn(hold_with_undo, -1);      /* adjustment +1 */
    CHECK_OK(sem_op1(set, 0, 1, 0));
    CHECK_EQ(read_report(), -1);
    CHECK_OK(sem_op1(set, 0, SEMVMX, 0));
    kill(low, SIGKILL);
    sem_reap(low);
    CHECK_EQ(sem_val(set, 0), SEMVMX);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* POSIX semctl: SETVAL clears the undo adjustment of that semaphore in
 * every process. */
static void
case_setval_clears_undo(void)
{
    set = sem_new(2, 1);
    CHECK_OK(pipe(report));
    pid_t holder = sem_spawn(hold_with_undo, -1);
    CHECK_EQ(read_report(), -1);
    union semun arg = { .val = 4 };
    CHECK_OK(semctl(set, 0, SETVAL, arg));
    kill(holder, SIGKILL);
    sem_reap(holder);
    CHECK_EQ(sem_val(set, 0), 4);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

static void
undo_then_fork_then_exec(int unused)
{
    (void)unused;
    CHECK_OK(sem_op1(set, 0, -1, SEM_UNDO));        /* 2 -> 1, adjustment +1 */
    pid_t child = fork();
    if (child == 0)
        _exit(0);               /* its list is empty: gives nothing back */
    CHECK_EQ(sem_reap(child), 0);
    CHECK_EQ(sem_val(set, 0), 1);
    execl("/bin/true", "true", (char *)0);          /* keeps the list */
    _exit(127);
}

/* SEM_UNDO lists: fork gives the child an empty list; exec keeps it, so
 * the adjustment is applied when the new program exits. */
static void
case_fork_gives_empty_undo_list_exec_keeps_it(void)
{
    set = sem_new(1, 2);
    CHECK_EQ(sem_reap(sem_spawn(undo_then_fork_then_exec, 0)), 0);
    CHECK_EQ(sem_val(set, 0), 2);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* ---- ps names the wait --------------------------------------------------- */

static void
mixed_list(int unused)
{
    (void)unused;
    struct sembuf ops[2] = { { 0, -1, 0 }, { 1, 0, 0 } };
    CHECK_OK(semop(set, ops, 2));
}

/* ps and Ctrl-P say what a sleeping semop waits for. */
static void
case_ps_names_the_semop_wait(void)
{
    set = sem_new(2, 0);
    pid_t child = sem_spawn(mixed_list, 0);
    sem_wait_count(set, 0, GETNCNT, 1);
    struct procinfo info[64];
    int n = procinfo(info, 64);
    char want[64];
    snprintf(want, sizeof want, "semop set %d [0]-1 [1]=0", set);
    int found = 0;
    for (int i = 0; i < n; i++)
        if (info[i].pid == child)
            found = strcmp(info[i].wait, want) == 0;
    CHECK(found);
    CHECK_OK(sem_op1(set, 0, 1, 0));
    CHECK_EQ(sem_reap(child), 0);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* The name of pid's wait, as ps shows it ("" if it is not asleep). */
static void
wait_name_of(pid_t pid, char *out, size_t size)
{
    struct procinfo info[64];
    int n = procinfo(info, 64);
    out[0] = 0;
    for (int i = 0; i < n; i++)
        if (info[i].pid == pid && info[i].state == 'S')
            snprintf(out, size, "%s", info[i].wait);
}

static int other_set;

/* Sleeps three times: [0]-1 on set, [1]-2 on set, [0]-1 on other_set. */
static void
three_waits(int unused)
{
    (void)unused;
    CHECK_OK(sem_op1(set, 0, -1, 0));
    CHECK_OK(sem_op1(set, 1, -2, 0));
    CHECK_OK(sem_op1(other_set, 0, -1, 0));
}

/* Waits until pid sleeps in the wait named want, then wakes it with one
 * +up on semaphore num of id. */
static void
expect_wait_then_post(pid_t pid, const char *want, int id, int num, int up)
{
    char name[64];
    for (int tries = 0; ; tries++) {
        wait_name_of(pid, name, sizeof name);
        if (strcmp(name, want) == 0)
            break;
        if (tries > 800)
            check_fail(__FILE__, __LINE__, "wait is \"%s\", not \"%s\"", name, want);
        check_sleep_ms(10);
    }
    CHECK_OK(sem_op1(id, num, up, 0));
}

/* A process that sleeps again is named for its new list each time (the
 * kernel keeps the last name it made per process, for ping-pongs): a
 * different operation, then the same one on another set. */
static void
case_ps_names_each_new_semop_wait(void)
{
    char want[64];
    set = sem_new(2, 0);
    other_set = sem_new(1, 0);
    pid_t child = sem_spawn(three_waits, 0);
    snprintf(want, sizeof want, "semop set %d [0]-1", set);
    expect_wait_then_post(child, want, set, 0, 1);
    snprintf(want, sizeof want, "semop set %d [1]-2", set);
    expect_wait_then_post(child, want, set, 1, 2);
    snprintf(want, sizeof want, "semop set %d [0]-1", other_set);
    expect_wait_then_post(child, want, other_set, 0, 1);
    CHECK_EQ(sem_reap(child), 0);
    CHECK_OK(semctl(set, 0, IPC_RMID));
    CHECK_OK(semctl(other_set, 0, IPC_RMID));
}

/* ---- the wait-for graph ------------------------------------------------- */

static int
has_edge(pid_t from, pid_t to, const char *what)
{
    struct waitedge e[64];
    int n = waitgraph(e, 64);
    for (int i = 0; i < n && i < 64; i++)
        if (e[i].from == from && e[i].to == to && strcmp(e[i].what, what) == 0)
            return 1;
    return 0;
}

static void
take_with_undo_and_hold(int unused)
{
    (void)unused;
    CHECK_OK(sem_op1(set, 0, -1, SEM_UNDO));
    CHECK_EQ(write(report[1], &unused, sizeof unused), sizeof unused);
    pause();
}

/* A process waiting to take a semaphore waits, in the wait-for graph, for
 * the last process that took it and for every process whose SEM_UNDO
 * entries say it still holds some (the cycle itself is tested in
 * test_waitgraph). */
static void
case_wait_for_graph_names_every_undo_holder(void)
{
    set = sem_new(1, 2);
    CHECK_OK(pipe(report));
    pid_t first = sem_spawn(take_with_undo_and_hold, 0);
    read_report();
    pid_t second = sem_spawn(take_with_undo_and_hold, 0);
    read_report();
    pid_t waiter = sem_spawn(take, 1);
    sem_wait_count(set, 0, GETNCNT, 1);
    char what[40];
    snprintf(what, sizeof what, "semop set %d [0]-1", set);
    CHECK(has_edge(waiter, second, what));      /* the last to take it */
    CHECK(has_edge(waiter, first, what));       /* still holds one */
    kill(first, SIGKILL);
    sem_reap(first);
    CHECK_EQ(sem_reap(waiter), 0);              /* first's undo let it in */
    kill(second, SIGKILL);
    sem_reap(second);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* ---- stress ---------------------------------------------------------------- */

#define WORKERS      6
#define ROUNDS       150

static volatile int *counter;   /* in a MAP_SHARED page */

/* The critical section: read the shared counter, give the CPU away, write
 * it back plus one.  Without the semaphore, updates are lost. */
static void
increment_counter(int unused)
{
    (void)unused;
    for (int i = 0; i < ROUNDS; i++) {
        CHECK_OK(sem_op1(set, 0, -1, SEM_UNDO));
        int value = *counter;
        sched_yield();
        *counter = value + 1;
        CHECK_OK(sem_op1(set, 0, 1, SEM_UNDO));
    }
}

/* semop(2), LTP semop04: P/V around a counter in shared memory, several
 * processes: no lost update, an exact total. */
static void
case_guarded_counter_has_exact_total(void)
{
    set = sem_new(1, 1);
    counter = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(counter != MAP_FAILED);
    pid_t kids[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        kids[i] = sem_spawn(increment_counter, 0);
    for (int i = 0; i < WORKERS; i++)
        CHECK_EQ(sem_reap(kids[i]), 0);
    CHECK_EQ(*counter, WORKERS * ROUNDS);
    CHECK_EQ(sem_val(set, 0), 1);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

#define PHILOSOPHERS 5
#define MEALS        300

/* A philosopher takes both forks in one semop, so holding one fork while
 * waiting for the other (the deadlock's cycle) cannot happen. */
static void
philosopher(int i)
{
    int left = i, right = (i + 1) % PHILOSOPHERS;
    struct sembuf take[2] = { { (unsigned short)left, -1, 0 }, { (unsigned short)right, -1, 0 } };
    struct sembuf put[2] = { { (unsigned short)left, 1, 0 }, { (unsigned short)right, 1, 0 } };
    for (int meal = 0; meal < MEALS; meal++) {
        CHECK_OK(semop(set, take, 2));
        if (meal % 3 == 0)
            sched_yield();      /* eat a while, with the forks */
        CHECK_OK(semop(set, put, 2));
    }
}

/* Dining philosophers with both forks in one semop: many rounds, no
 * deadlock, every fork back on the table. */
static void
case_dining_philosophers_never_deadlock(void)
{
    set = sem_new(PHILOSOPHERS, 1);
    pid_t kids[PHILOSOPHERS];
    for (int i = 0; i < PHILOSOPHERS; i++)
        kids[i] = sem_spawn(philosopher, i);
    for (int i = 0; i < PHILOSOPHERS; i++)
        CHECK_EQ(sem_reap(kids[i]), 0);
    for (int i = 0; i < PHILOSOPHERS; i++)
        CHECK_EQ(sem_val(set, i), 1);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

static void
take_until_removed(int n)
{
    CHECK_ERR(sem_op1(set, 0, -n, SEM_UNDO), EIDRM);
}

/* Sleepers killed, removed or timed out leave no undo entry or set. */
static void
case_sleep_and_leave_cycles_leak_nothing(void)
{
    struct kstat before, after;
    CHECK_OK(kstat(&before));
    for (int i = 0; i < 200; i++) {
        set = sem_new(1, 0);
        pid_t child = sem_spawn(take_until_removed, 1);
        struct sembuf ops[1] = { { 0, -1, SEM_UNDO } };
        struct timespec t = { 0, 0 };
        CHECK_ERR(semtimedop(set, ops, 1, &t), EAGAIN);
        sem_wait_count(set, 0, GETNCNT, 1);
        if (i % 2)
            kill(child, SIGKILL);
        CHECK_OK(semctl(set, 0, IPC_RMID));
        int status = sem_reap(child);
        if (i % 2)
            check_killed_by(status, SIGKILL);
        else
            CHECK_EQ(status, 0);
    }
    CHECK_OK(kstat(&after));
    CHECK_EQ(after.count[KSTAT_sem_sets], before.count[KSTAT_sem_sets]);
    CHECK_EQ(after.count[KSTAT_sem_undos], before.count[KSTAT_sem_undos]);
    CHECK_EQ(after.frames_free, before.frames_free);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(two_semaphore_list_takes_both_or_neither),
        CHECK_CASE(wait_for_zero_wakes_on_last_decrement),
        CHECK_CASE(eintr_drops_ncnt_and_zcnt),
        CHECK_CASE(sa_restart_does_not_restart_semop),
        CHECK_CASE(killed_sleeper_drops_ncnt),
        CHECK_CASE(rmid_wakes_sleepers_with_eidrm),
        CHECK_CASE(satisfiable_request_not_starved_behind_blocked_one),
        CHECK_CASE(increment_wakes_every_waiter_that_fits),
        CHECK_CASE(completed_list_lets_older_list_through),
        CHECK_CASE(semtimedop_expires_with_eagain),
        CHECK_CASE(undo_restores_count_when_holder_is_killed),
        CHECK_CASE(undo_applies_at_normal_exit),
        CHECK_CASE(undo_is_clamped_to_valid_range),
        CHECK_CASE(setval_clears_undo),
        CHECK_CASE(fork_gives_empty_undo_list_exec_keeps_it),
        CHECK_CASE(ps_names_the_semop_wait),
        CHECK_CASE(ps_names_each_new_semop_wait),
        CHECK_CASE(wait_for_graph_names_every_undo_holder),
        CHECK_CASE(guarded_counter_has_exact_total),
        CHECK_CASE(dining_philosophers_never_deadlock),
        CHECK_CASE(sleep_and_leave_cycles_leak_nothing),
    };
    return check_main("sem_wait", cases, CHECK_NCASES(cases), argc, argv);
}
