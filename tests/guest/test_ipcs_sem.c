/*
 * ipcs -s and ipcrm -s/-S: what they print and what they remove.
 */
#include "sem_check.h"

/* Run /bin/NAME with args, its stdout and stderr into out; returns the
 * exit status. */
static int
run_capture(char *const argv[], char *out, size_t size)
{
    int fds[2], status = -1;
    CHECK_OK(pipe(fds));
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[0]);
        execv(argv[0], argv);
        _exit(127);
    }
    close(fds[1]);
    size_t got = 0;
    ssize_t n;
    while (got + 1 < size && (n = read(fds[0], out + got, size - 1 - got)) > 0)
        got += n;
    out[got] = 0;
    close(fds[0]);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    return status;
}

/* ipcs -s: one line per set with key, id, owner, perms and nsems. */
static void
case_ipcs_lists_each_set(void)
{
    semctl(semget(0x5e3a0101, 0, 0), 0, IPC_RMID);
    int id = semget(0x5e3a0101, 3, IPC_CREAT | 0640);
    CHECK(id >= 0);
    char out[2048], want[128];
    char *argv[] = { "/bin/ipcs", "-s", 0 };
    CHECK_EQ(run_capture(argv, out, sizeof out), 0);
    CHECK(strstr(out, "------ Semaphore Arrays --------") != NULL);
    snprintf(want, sizeof want, "0x5e3a0101 %-10d %-10u 640        3", id, (unsigned)geteuid());
    CHECK(strstr(out, want) != NULL);
    CHECK_OK(semctl(id, 0, IPC_RMID));
    CHECK_EQ(run_capture(argv, out, sizeof out), 0);
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
    char *argv[] = { "/bin/ipcs", "-s", "-i", idtext, 0 };
    CHECK_EQ(run_capture(argv, out, sizeof out), 0);
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
    char out[512], idtext[16];
    snprintf(idtext, sizeof idtext, "%d", by_id);
    char *argv[] = { "/bin/ipcrm", "-s", "77777", "-s", idtext, "-S", "0x5e3a0102", 0 };
    CHECK_EQ(WEXITSTATUS(run_capture(argv, out, sizeof out)), 1);
    CHECK(strstr(out, "ipcrm: invalid id (77777)") != NULL);
    CHECK_ERR(semctl(by_id, 0, GETVAL), EINVAL);
    CHECK_ERR(semctl(by_key, 0, GETVAL), EINVAL);
    char *again[] = { "/bin/ipcrm", "-S", "0x5e3a0102", 0 };
    CHECK_EQ(WEXITSTATUS(run_capture(again, out, sizeof out)), 1);
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
