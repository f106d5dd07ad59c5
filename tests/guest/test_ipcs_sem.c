/*
 * ipcs -s and ipcrm -s/-S: what they print and what they remove.
 */
#include "sem_check.h"
#include "ipc_check.h"

/* ipcs -s: one line per set with key, id, owner, perms and nsems. */
static void
case_ipcs_lists_each_set(void)
{
    semctl(semget(0x5e3a0101, 0, 0), 0, IPC_RMID);
    int id = semget(0x5e3a0101, 3, IPC_CREAT | 0640);
    CHECK(id >= 0);
    char out[2048], want[128];
    CHECK_EQ(ipc_run_tool("ipcs", "-s", NULL, NULL, out, sizeof out), 0);
    CHECK(strstr(out, "------ Semaphore Arrays --------") != NULL);
    snprintf(want, sizeof want, "0x5e3a0101 %-10d root       640        3", id);
    CHECK(strstr(out, want) != NULL);
    CHECK_OK(semctl(id, 0, IPC_RMID));
    CHECK_EQ(ipc_run_tool("ipcs", "-s", NULL, NULL, out, sizeof out), 0);
    CHECK(strstr(out, "0x5e3a0101") == NULL);
}

static int set;

static void
sleep_in_semop(int unused)
{
    (void)unused;
    struct sembuf ops[2] = { { 1, -1, 0 }, { 2, 0, 0 } };
    CHECK_OK(semop(set, ops, 2));
}

/* ipcs -s -i id: each semaphore's value, ncount, zcount and pid. */
static void
case_ipcs_i_shows_each_semaphore(void)
{
    set = sem_new(3, 0);
    CHECK_OK(sem_op1(set, 2, 4, 0));
    pid_t child = sem_spawn(sleep_in_semop, 0);
    sem_wait_count(set, 1, GETNCNT, 1);
    char out[2048], idtext[16], want[128];
    snprintf(idtext, sizeof idtext, "%d", set);
    CHECK_EQ(ipc_run_tool("ipcs", "-s", "-i", idtext, out, sizeof out), 0);
    snprintf(want, sizeof want, "Semaphore Array semid=%d\n", set);
    CHECK(strstr(out, want) != NULL);
    CHECK(strstr(out, "nsems = 3\n") != NULL);
    snprintf(want, sizeof want, "1          0          1          0          %d", getpid());
    CHECK(strstr(out, want) != NULL);           /* SETVAL sets the pid too */
    snprintf(want, sizeof want, "2          4          0          0          %d", getpid());
    CHECK(strstr(out, want) != NULL);
    CHECK_OK(sem_op1(set, 1, 1, 0));
    CHECK_OK(sem_op1(set, 2, -4, 0));
    CHECK_EQ(sem_reap(child), 0);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* ipcrm -s id and -S key remove the set; an unknown id is an error
 * (status 1) that does not stop the others. */
static void
case_ipcrm_removes_by_id_and_by_key(void)
{
    semctl(semget(0x5e3a0102, 0, 0), 0, IPC_RMID);
    int by_id = sem_new(1, 0);
    int by_key = semget(0x5e3a0102, 1, IPC_CREAT | 0600);
    CHECK(by_key >= 0);
    char out[512], line[80];
    snprintf(line, sizeof line, "ipcrm -s 77777 -s %d -S 0x5e3a0102", by_id);
    CHECK_EQ(ipc_run_tool("sh", "-c", line, NULL, out, sizeof out), 1);
    CHECK(strstr(out, "ipcrm: invalid id (77777)") != NULL);
    CHECK_ERR(semctl(by_id, 0, GETVAL), EINVAL);
    CHECK_ERR(semctl(by_key, 0, GETVAL), EINVAL);
    CHECK_EQ(ipc_run_tool("ipcrm", "-S", "0x5e3a0102", NULL, out, sizeof out), 1);
    CHECK(strstr(out, "ipcrm: invalid key (0x5e3a0102)") != NULL);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(ipcs_lists_each_set),
        CHECK_CASE(ipcs_i_shows_each_semaphore),
        CHECK_CASE(ipcrm_removes_by_id_and_by_key),
    };
    return check_main("ipcs_sem", cases, CHECK_NCASES(cases), argc, argv);
}
