/*
 * System V semaphores, the rules that need no sleeping: semget, semctl and
 * semop's immediate answers (checklist rows "SysV semaphores").  The
 * blocking rules, SEM_UNDO and the stress runs are in test_sem_wait.
 */
#include "sem_check.h"
#include <stdint.h>
#include <parley.h>

/* semget(2): IPC_PRIVATE makes a new set of n semaphores; Linux starts
 * every value at 0; sem_otime is 0 until the first semop. */
/* Time stamps are wall-clock seconds, which start at 0 on a machine with
 * no RTC: wait until the clock has left 0, so that "set" and "never set"
 * differ.  Returns the time then. */
static time_t
clock_past_zero(void)
{
    while (time(NULL) == 0)
        check_sleep_ms(50);
    return time(NULL);
}

static void
case_private_set_has_n_zero_semaphores(void)
{
    time_t t0 = clock_past_zero();
    int id = semget(IPC_PRIVATE, 3, 0640);
    CHECK(id >= 0);
    struct semid_ds ds;
    union semun arg = { .buf = &ds };
    CHECK_OK(semctl(id, 0, IPC_STAT, arg));
    CHECK_EQ(ds.sem_nsems, 3);
    CHECK_EQ(ds.sem_otime, 0);
    CHECK(ds.sem_ctime >= t0 && ds.sem_ctime <= time(NULL));
    CHECK_EQ(ds.sem_perm.mode & 0777, 0640);
    CHECK_EQ(ds.sem_perm.uid, geteuid());
    CHECK_EQ(ds.sem_perm.cuid, geteuid());
    for (int i = 0; i < 3; i++)
        CHECK_EQ(sem_val(id, i), 0);
    CHECK_OK(semctl(id, 0, IPC_RMID));
}

/* semget(2): nsems < 0, > SEMMSL, or 0 for a new set: EINVAL. */
static void
case_bad_nsems_is_einval(void)
{
    CHECK_ERR(semget(IPC_PRIVATE, 0, 0600), EINVAL);
    CHECK_ERR(semget(IPC_PRIVATE, -1, 0600), EINVAL);
    CHECK_ERR(semget(IPC_PRIVATE, SEMMSL + 1, 0600), EINVAL);
    int id = semget(IPC_PRIVATE, SEMMSL, 0600);
    CHECK(id >= 0);
    CHECK_OK(semctl(id, 0, IPC_RMID));
}

/* semget(2): an existing key serves nsems 0 or up to its size; more is
 * EINVAL; IPC_CREAT|IPC_EXCL is EEXIST; an absent key without IPC_CREAT
 * is ENOENT. */
static void
case_existing_key_rules(void)
{
    key_t key = 0x5e3a0001;
    semctl(semget(key, 0, 0), 0, IPC_RMID);     /* a leftover from a crash */
    CHECK_ERR(semget(key, 2, 0600), ENOENT);
    int id = semget(key, 2, IPC_CREAT | 0600);
    CHECK(id >= 0);
    CHECK_EQ(semget(key, 2, 0600), id);
    CHECK_EQ(semget(key, 1, IPC_CREAT | 0600), id);
    CHECK_EQ(semget(key, 0, 0), id);
    CHECK_ERR(semget(key, 3, 0600), EINVAL);
    CHECK_ERR(semget(key, 2, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
    CHECK_OK(semctl(id, 0, IPC_RMID));
    CHECK_ERR(semget(key, 2, 0600), ENOENT);
}

/* semget(2): ENOSPC once SEMMNI sets exist. */
static void
case_too_many_sets_is_enospc(void)
{
    int ids[SEMMNI + 1], n = 0;
    while (n <= SEMMNI && (ids[n] = semget(IPC_PRIVATE, 1, 0600)) >= 0)
        n++;
    int err = errno;
    CHECK(n <= SEMMNI);
    CHECK_EQ(err, ENOSPC);
    while (n-- > 0)
        CHECK_OK(semctl(ids[n], 0, IPC_RMID));
}

static int shared_id;

static void
stranger_is_refused(int unused)
{
    (void)unused;
    struct semid_ds ds;
    union semun arg = { .buf = &ds };
    CHECK_OK(setuid(1000));
    CHECK_ERR(semget(0x5e3a0002, 1, 0600), EACCES);
    CHECK_ERR(sem_op1(shared_id, 0, 1, 0), EACCES);
    CHECK_ERR(sem_op1(shared_id, 0, 0, IPC_NOWAIT), EACCES);
    CHECK_ERR(semctl(shared_id, 0, GETVAL), EACCES);
    CHECK_ERR(semctl(shared_id, 0, IPC_STAT, arg), EACCES);
    CHECK_ERR(semctl(shared_id, 0, IPC_SET, arg), EPERM);
    CHECK_ERR(semctl(shared_id, 0, IPC_RMID), EPERM);
}

/* semget(2), semop(2), semctl(2): mode bits are checked against the
 * caller (EACCES); IPC_SET and IPC_RMID need the owner (EPERM). */
static void
case_permissions_are_checked(void)
{
    shared_id = semget(0x5e3a0002, 1, IPC_CREAT | IPC_EXCL | 0600);
    CHECK(shared_id >= 0);
    CHECK_EQ(sem_reap(sem_spawn(stranger_is_refused, 0)), 0);
    CHECK_OK(semctl(shared_id, 0, IPC_RMID));
}

/* semctl(2): IPC_SET changes the mode, uid and gid, and sem_ctime. */
static void
case_ipc_set_changes_mode_and_owner(void)
{
    int id = sem_new(1, 0);
    struct semid_ds ds;
    union semun arg = { .buf = &ds };
    CHECK_OK(semctl(id, 0, IPC_STAT, arg));
    ds.sem_perm.mode = 0604;
    ds.sem_perm.uid = 1234;
    ds.sem_perm.gid = 55;
    CHECK_OK(semctl(id, 0, IPC_SET, arg));
    memset(&ds, 0, sizeof ds);
    CHECK_OK(semctl(id, 0, IPC_STAT, arg));
    CHECK_EQ(ds.sem_perm.mode & 0777, 0604);
    CHECK_EQ(ds.sem_perm.uid, 1234);
    CHECK_EQ(ds.sem_perm.gid, 55);
    CHECK_EQ(ds.sem_perm.cuid, 0);
    CHECK_OK(semctl(id, 0, IPC_RMID));
}

/* semctl(2): SETVAL/GETVAL and SETALL/GETALL; neither touches sem_otime. */
static void
case_setval_and_setall_set_values(void)
{
    int id = sem_new(3, 0);
    union semun arg = { .val = 7 };
    CHECK_OK(semctl(id, 1, SETVAL, arg));
    CHECK_EQ(sem_val(id, 1), 7);
    unsigned short in[3] = { 1, SEMVMX, 0 }, out[3] = { 9, 9, 9 };
    arg.array = in;
    CHECK_OK(semctl(id, 0, SETALL, arg));
    arg.array = out;
    CHECK_OK(semctl(id, 0, GETALL, arg));
    CHECK_EQ(out[0], 1);
    CHECK_EQ(out[1], SEMVMX);
    CHECK_EQ(out[2], 0);
    CHECK_EQ(semctl(id, 2, GETPID), getpid());
    struct semid_ds ds;
    arg.buf = &ds;
    CHECK_OK(semctl(id, 0, IPC_STAT, arg));
    CHECK_EQ(ds.sem_otime, 0);
    CHECK_OK(semctl(id, 0, IPC_RMID));
}

/* semctl(2): SETVAL below 0 or above SEMVMX is ERANGE; SETALL with a value
 * above SEMVMX is ERANGE and sets nothing. */
static void
case_out_of_range_values_are_erange(void)
{
    int id = sem_new(2, 3);
    union semun arg = { .val = -1 };
    CHECK_ERR(semctl(id, 0, SETVAL, arg), ERANGE);
    arg.val = SEMVMX + 1;
    CHECK_ERR(semctl(id, 0, SETVAL, arg), ERANGE);
    unsigned short in[2] = { 1, SEMVMX + 1 };
    arg.array = in;
    CHECK_ERR(semctl(id, 0, SETALL, arg), ERANGE);
    CHECK_EQ(sem_val(id, 0), 3);
    CHECK_EQ(sem_val(id, 1), 3);
    CHECK_OK(semctl(id, 0, IPC_RMID));
}

/* semctl(2): semnum out of the set, an unknown command, or an unknown id:
 * EINVAL; IPC_STAT into a bad buffer: EFAULT. */
static void
case_bad_semctl_arguments(void)
{
    int id = sem_new(2, 0);
    union semun arg = { .val = 1 };
    CHECK_ERR(semctl(id, 2, GETVAL), EINVAL);
    CHECK_ERR(semctl(id, -1, GETNCNT), EINVAL);
    CHECK_ERR(semctl(id, 2, SETVAL, arg), EINVAL);
    CHECK_ERR(semctl(id, 0, 9999), EINVAL);
    CHECK_ERR(semctl(id + 1, 0, GETVAL), EINVAL);
    arg.buf = (struct semid_ds *)8;
    CHECK_ERR(semctl(id, 0, IPC_STAT, arg), EFAULT);
    arg.array = (unsigned short *)0xC0000000;
    CHECK_ERR(semctl(id, 0, GETALL, arg), EFAULT);
    CHECK_OK(semctl(id, 0, IPC_RMID));
    CHECK_ERR(semctl(id, 0, GETVAL), EINVAL);
    CHECK_ERR(semctl(id, 0, IPC_RMID), EINVAL);
}

/* semop(2): sem_op > 0 adds and never blocks; sem_otime and GETPID follow. */
static void
case_positive_op_adds(void)
{
    time_t t0 = clock_past_zero();
    int id = sem_new(1, 0);
    CHECK_OK(sem_op1(id, 0, 5, 0));
    CHECK_EQ(sem_val(id, 0), 5);
    CHECK_EQ(semctl(id, 0, GETPID), getpid());
    struct semid_ds ds;
    union semun arg = { .buf = &ds };
    CHECK_OK(semctl(id, 0, IPC_STAT, arg));
    CHECK(ds.sem_otime >= t0 && ds.sem_otime <= time(NULL));
    CHECK_OK(sem_op1(id, 0, -3, 0));
    CHECK_EQ(sem_val(id, 0), 2);
    CHECK_OK(semctl(id, 0, IPC_RMID));
}

/* semop(2): the list is applied in order as a whole: +10 then -5 on one
 * semaphore succeeds; -5 then +10 on a zero semaphore would block. */
static void
case_list_is_applied_in_order(void)
{
    int id = sem_new(1, 0);
    struct sembuf up_down[2] = { { 0, 10, 0 }, { 0, -5, 0 } };
    CHECK_OK(semop(id, up_down, 2));
    CHECK_EQ(sem_val(id, 0), 5);
    struct sembuf down_up[2] = { { 0, -6, IPC_NOWAIT }, { 0, 10, 0 } };
    CHECK_ERR(semop(id, down_up, 2), EAGAIN);
    CHECK_EQ(sem_val(id, 0), 5);
    CHECK_OK(semctl(id, 0, IPC_RMID));
}

/* semop(2): IPC_NOWAIT on an operation that would block gives EAGAIN and
 * nothing of the list is applied, whether the decrement or the wait for
 * zero is what blocks. */
static void
case_nowait_is_eagain_and_takes_nothing(void)
{
    int id = sem_new(2, 0);
    struct sembuf take[2] = { { 0, 1, 0 }, { 1, -1, IPC_NOWAIT } };
    CHECK_ERR(semop(id, take, 2), EAGAIN);
    CHECK_EQ(sem_val(id, 0), 0);
    CHECK_OK(sem_op1(id, 1, 2, 0));
    struct sembuf zero[2] = { { 0, 1, 0 }, { 1, 0, IPC_NOWAIT } };
    CHECK_ERR(semop(id, zero, 2), EAGAIN);
    CHECK_EQ(sem_val(id, 0), 0);
    CHECK_OK(sem_op1(id, 0, 0, IPC_NOWAIT));
    CHECK_OK(semctl(id, 0, IPC_RMID));
}

/* semop(2): a result past SEMVMX is ERANGE and nothing is applied. */
static void
case_result_past_semvmx_is_erange(void)
{
    int id = sem_new(2, 0);
    struct sembuf ops[2] = { { 0, 1, 0 }, { 1, SEMVMX, 0 } };
    CHECK_OK(semop(id, ops, 2));
    CHECK_ERR(semop(id, ops, 2), ERANGE);
    CHECK_EQ(sem_val(id, 0), 1);
    CHECK_EQ(sem_val(id, 1), SEMVMX);
    CHECK_OK(semctl(id, 0, IPC_RMID));
}

/* semop(2): nsops 0 EINVAL, past SEMOPM E2BIG, a sem_num past the set
 * EFBIG, an unknown id EINVAL, a bad sops pointer EFAULT. */
static void
case_bad_semop_arguments(void)
{
    int id = sem_new(2, 1);
    struct sembuf ops[SEMOPM + 1];
    memset(ops, 0, sizeof ops);
    CHECK_ERR(semop(id, ops, 0), EINVAL);
    CHECK_ERR(semop(id, ops, SEMOPM + 1), E2BIG);
    struct sembuf bad = { 2, -1, 0 };
    CHECK_ERR(semop(id, &bad, 1), EFBIG);
    CHECK_EQ(sem_val(id, 0), 1);
    CHECK_ERR(sem_op1(id + 1, 0, 1, 0), EINVAL);
    CHECK_ERR(semop(id, (struct sembuf *)0xBFFFFFF0, 4), EFAULT);
    CHECK_ERR(semop(id, (struct sembuf *)4, 1), EFAULT);
    CHECK_OK(semctl(id, 0, IPC_RMID));
    CHECK_ERR(sem_op1(id, 0, 1, 0), EINVAL);
}

/* semop(2): SEMOPM operations in one list are allowed. */
static void
case_semopm_operations_fit_in_one_list(void)
{
    int id = sem_new(1, 0);
    struct sembuf ops[SEMOPM];
    for (int i = 0; i < SEMOPM; i++)
        ops[i] = (struct sembuf){ 0, 1, 0 };
    CHECK_OK(semop(id, ops, SEMOPM));
    CHECK_EQ(sem_val(id, 0), SEMOPM);
    CHECK_OK(semctl(id, 0, IPC_RMID));
}

/* semctl(2) IPC_INFO/SEM_INFO (for ipcs): the limits, the sets in use, and
 * the highest index; SEM_STAT by index gives the id. */
static void
case_info_and_stat_by_index(void)
{
    int id = sem_new(4, 0);
    struct seminfo info;
    union semun arg = { .buf = (struct semid_ds *)&info };
    int max = semctl(0, 0, IPC_INFO, arg);
    CHECK(max >= 0);
    CHECK_EQ(info.semmni, SEMMNI);
    CHECK_EQ(info.semmsl, SEMMSL);
    CHECK_EQ(info.semopm, SEMOPM);
    CHECK_EQ(info.semvmx, SEMVMX);
    CHECK_EQ(semctl(0, 0, SEM_INFO, arg), max);
    CHECK(info.semusz >= 1);
    CHECK(info.semaem >= 4);
    int found = 0;
    struct semid_ds ds;
    arg.buf = &ds;
    for (int i = 0; i <= max; i++)
        if (semctl(i, 0, SEM_STAT, arg) == id)
            found = ds.sem_nsems == 4;
    CHECK(found);
    CHECK_ERR(semctl(max + 1, 0, SEM_STAT, arg), EINVAL);
    CHECK_OK(semctl(id, 0, IPC_RMID));
}

/* Thousands of create / use / remove cycles leave no set, no undo entry
 * and no page frame behind (kstat). */
static void
case_create_remove_cycles_leak_nothing(void)
{
    struct kstat before, after;
    CHECK_OK(kstat(&before));
    for (int i = 0; i < 3000; i++) {
        int id = semget(IPC_PRIVATE, 1 + i % 8, 0600);
        CHECK(id >= 0);
        CHECK_OK(sem_op1(id, 0, 2, SEM_UNDO));
        CHECK_OK(sem_op1(id, i % 8, 1, SEM_UNDO));
        CHECK_OK(semctl(id, 0, IPC_RMID));
    }
    CHECK_OK(kstat(&after));
    CHECK_EQ(after.count[KSTAT_sem_sets], before.count[KSTAT_sem_sets]);
    CHECK_EQ(after.count[KSTAT_sem_undos], before.count[KSTAT_sem_undos]);
    CHECK_EQ(after.frames_free, before.frames_free);
}

/* A P with SEM_UNDO followed by a V with SEM_UNDO leaves no undo entry:
 * the adjustment is back at 0. */
static void
case_balanced_undo_ops_hold_no_entry(void)
{
    int id = sem_new(1, 1);
    struct kstat before, after;
    CHECK_OK(kstat(&before));
    for (int i = 0; i < 1000; i++) {
        CHECK_OK(sem_op1(id, 0, -1, SEM_UNDO));
        CHECK_OK(sem_op1(id, 0, 1, SEM_UNDO));
    }
    CHECK_OK(kstat(&after));
    CHECK_EQ(after.count[KSTAT_sem_undos], before.count[KSTAT_sem_undos]);
    CHECK_OK(semctl(id, 0, IPC_RMID));
}

/* When every undo entry (SEMMNU) is in use, a SEM_UNDO semop fails with
 * ENOSPC and changes nothing; removing the sets gives the entries back. */
static void
case_undo_pool_exhausted_is_enospc(void)
{
    int ids[SEMMNU / SEMMSL + 2], nsets = 0, made = 0, err = 0;
    struct kstat before, after;
    CHECK_OK(kstat(&before));
    while (!err && nsets < (int)(sizeof ids / sizeof ids[0])) {
        ids[nsets] = sem_new(SEMMSL, 0);
        for (int i = 0; i < SEMMSL && !err; i++, made++)
            if (sem_op1(ids[nsets], i, 1, SEM_UNDO) < 0)
                err = errno;
        nsets++;
    }
    CHECK_EQ(err, ENOSPC);
    CHECK_EQ(made - 1 + before.count[KSTAT_sem_undos], SEMMNU);
    int last = ids[nsets - 1];
    CHECK_EQ(sem_val(last, (made - 1) % SEMMSL), 0);     /* the failed one */
    CHECK_OK(sem_op1(last, 0, 1, 0));                     /* no undo: fine */
    while (nsets-- > 0)
        CHECK_OK(semctl(ids[nsets], 0, IPC_RMID));
    CHECK_OK(kstat(&after));
    CHECK_EQ(after.count[KSTAT_sem_undos], before.count[KSTAT_sem_undos]);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(private_set_has_n_zero_semaphores),
        CHECK_CASE(bad_nsems_is_einval),
        CHECK_CASE(existing_key_rules),
        CHECK_CASE(too_many_sets_is_enospc),
        CHECK_CASE(permissions_are_checked),
        CHECK_CASE(ipc_set_changes_mode_and_owner),
        CHECK_CASE(setval_and_setall_set_values),
        CHECK_CASE(out_of_range_values_are_erange),
        CHECK_CASE(bad_semctl_arguments),
        CHECK_CASE(positive_op_adds),
        CHECK_CASE(list_is_applied_in_order),
        CHECK_CASE(nowait_is_eagain_and_takes_nothing),
        CHECK_CASE(result_past_semvmx_is_erange),
        CHECK_CASE(bad_semop_arguments),
        CHECK_CASE(semopm_operations_fit_in_one_list),
        CHECK_CASE(info_and_stat_by_index),
        CHECK_CASE(create_remove_cycles_leak_nothing),
        CHECK_CASE(balanced_undo_ops_hold_no_entry),
        CHECK_CASE(undo_pool_exhausted_is_enospc),
    };
    return check_main("sem", cases, CHECK_NCASES(cases), argc, argv);
}
