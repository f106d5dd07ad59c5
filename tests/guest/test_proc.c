/*
 * test_proc -- processes: fork, exec, exit, wait, kill, preemption.
 *
 * The program is also its own exec target: run with a first argument of
 * "--helper" it performs one small job (see helper_main) instead of the
 * suite, so exec is tested without depending on any other program.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#ifndef CHILD_MAX
#define CHILD_MAX 64            /* Parley's process table (parley/limits.h) */
#endif

#ifndef SELF
#define SELF "/bin/test_proc"     /* -DSELF=... to run the suite on Linux */
#endif

static char **saved_envp;

/* ---- the exec helper --------------------------------------------------- */

/*
 *   --helper exit N        exit with status N (via exit())
 *   --helper return N      return N from main (crt0 must pass it to exit)
 *   --helper args A B      status 0 if exactly these two arguments arrived
 *   --helper env           status 0 if the environment is "PARLEY_TEST=yes"
 *   --helper pid N         status 0 if getpid() == N
 *   --helper writefd N     write "exec" to descriptor N; status 0 if it worked
 */
static int
helper_main(int argc, char **argv, char **envp)
{
    const char *job = argc > 2 ? argv[2] : "";
    int n = argc > 3 ? atoi(argv[3]) : 0;

    if (strcmp(job, "exit") == 0)
        exit(n);
    if (strcmp(job, "return") == 0)
        return n;
    if (strcmp(job, "args") == 0)
        return !(argc == 5 && strcmp(argv[3], "alpha") == 0 &&
                 strcmp(argv[4], "beta gamma") == 0 && argv[5] == NULL);
    if (strcmp(job, "env") == 0)
        return !(envp && envp[0] && strcmp(envp[0], "PARLEY_TEST=yes") == 0 &&
                 envp[1] == NULL);
    if (strcmp(job, "pid") == 0)
        return getpid() != n;
    if (strcmp(job, "writefd") == 0)
        return write(n, "exec", 4) != 4;
    return 100;
}

/* Forks a child that execs this program as a helper; returns its status. */
static int
run_helper(char *const argv[], char *const envp[])
{
    int status;
    pid_t pid;

    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        execve(SELF, argv, envp);
        _exit(127);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    return status;
}

/* ---- fork, exit, wait -------------------------------------------------- */

static void
case_fork_returns_zero_in_child_and_pid_in_parent(void)
{
    pid_t parent = getpid(), pid;
    int status;

    pid = fork();
    if (pid == 0)
        _exit(getpid() != parent ? 0 : 1);
    CHECK(pid > 0);
    CHECK(pid != parent);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
}

static void
case_child_sees_parent_as_ppid(void)
{
    pid_t parent = getpid(), pid;
    int status;

    pid = fork();
    if (pid == 0)
        _exit(getppid() == parent ? 0 : 1);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
}

static void
case_exit_status_is_encoded_like_linux(void)
{
    int status;
    pid_t pid;

    pid = fork();
    if (pid == 0)
        _exit(42);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    CHECK(!WIFSIGNALED(status));
    CHECK_EQ(WEXITSTATUS(status), 42);
    CHECK_EQ(status, 42 << 8);
}

/* POSIX: only the least significant 8 bits of the status are available. */
static void
case_exit_status_keeps_low_8_bits(void)
{
    int status;
    pid_t pid;

    pid = fork();
    if (pid == 0)
        _exit(256 + 7);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 7);
}

static void
case_waitpid_accepts_null_status(void)
{
    pid_t pid;

    pid = fork();
    if (pid == 0)
        _exit(3);
    CHECK_EQ(waitpid(pid, NULL, 0), pid);
}

/* waitpid(pid) waits for that child even when another one finished first. */
static void
case_waitpid_waits_for_the_named_child(void)
{
    pid_t slow, fast;
    int status;

    slow = fork();
    if (slow == 0) {
        check_sleep_ms(200);
        _exit(1);
    }
    fast = fork();
    if (fast == 0)
        _exit(2);
    CHECK_EQ(waitpid(slow, &status, 0), slow);
    CHECK_EQ(WEXITSTATUS(status), 1);
    CHECK_EQ(waitpid(fast, &status, 0), fast);
    CHECK_EQ(WEXITSTATUS(status), 2);
}

static void
case_waitpid_minus_one_reaps_every_child(void)
{
    pid_t pids[3], pid;
    int i, status, seen = 0;

    for (i = 0; i < 3; i++) {
        pids[i] = fork();
        if (pids[i] == 0)
            _exit(10 + i);
    }
    for (i = 0; i < 3; i++) {
        pid = waitpid(-1, &status, 0);
        if (pid == pids[0] || pid == pids[1] || pid == pids[2]) {
            CHECK_EQ(WEXITSTATUS(status), 10 + (pid == pids[1]) +
                     2 * (pid == pids[2]));
            seen++;
        }
    }
    CHECK_EQ(seen, 3);
    CHECK_ERR(waitpid(-1, &status, 0), ECHILD);
}

static void
case_wnohang_returns_zero_while_child_runs(void)
{
    int fds[2], status;
    char c = 0;
    pid_t pid;

    CHECK_OK(pipe(fds));
    pid = fork();
    if (pid == 0) {
        close(fds[1]);
        _exit(read(fds[0], &c, 1) == 0 ? 0 : 1);   /* until the pipe closes */
    }
    close(fds[0]);
    CHECK_EQ(waitpid(pid, &status, WNOHANG), 0);
    close(fds[1]);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
}

static void
case_wnohang_reaps_an_exited_child(void)
{
    int status = -1, i;
    pid_t pid, r = 0;

    pid = fork();
    if (pid == 0)
        _exit(5);
    for (i = 0; i < 500 && r == 0; i++) {       /* up to ~5 s */
        r = waitpid(pid, &status, WNOHANG);
        if (r == 0)
            check_sleep_ms(10);
    }
    CHECK_EQ(r, pid);
    CHECK_EQ(WEXITSTATUS(status), 5);
}

static void
case_waitpid_without_children_is_echild(void)
{
    int status;

    CHECK_ERR(waitpid(-1, &status, 0), ECHILD);
    CHECK_ERR(waitpid(-1, &status, WNOHANG), ECHILD);
}

static void
case_waitpid_for_a_non_child_is_echild(void)
{
    int status;
    pid_t pid;

    CHECK_ERR(waitpid(getppid(), &status, 0), ECHILD);
    pid = fork();
    if (pid == 0)
        _exit(0);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_ERR(waitpid(pid, &status, 0), ECHILD);        /* already reaped */
}

/* A process whose parent exits is adopted by init (pid 1), which reaps it. */
static void
case_orphan_is_adopted_by_init(void)
{
    int fds[2], status, i;
    char verdict = 'n';
    pid_t pid;

    CHECK_OK(pipe(fds));
    pid = fork();
    if (pid == 0) {
        if (fork() == 0) {
            for (i = 0; i < 300 && getppid() != 1; i++)
                check_sleep_ms(10);
            write(fds[1], getppid() == 1 ? "y" : "n", 1);
            _exit(0);
        }
        _exit(0);
    }
    close(fds[1]);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(read(fds[0], &verdict, 1), 1);
    CHECK_EQ(verdict, 'y');
}

/* ---- exec -------------------------------------------------------------- */

static void
case_exec_runs_program_and_exit_status_arrives(void)
{
    char *argv[] = { "test_proc", "--helper", "exit", "7", NULL };
    int status = run_helper(argv, saved_envp);

    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 7);
}

static void
case_exec_return_from_main_is_exit_status(void)
{
    char *argv[] = { "test_proc", "--helper", "return", "9", NULL };
    int status = run_helper(argv, saved_envp);

    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 9);
}

static void
case_exec_passes_arguments(void)
{
    char *argv[] = { "test_proc", "--helper", "args", "alpha", "beta gamma",
                     NULL };

    CHECK_EQ(run_helper(argv, saved_envp), 0);
}

static void
case_exec_passes_environment(void)
{
    char *argv[] = { "test_proc", "--helper", "env", NULL };
    char *envp[] = { "PARLEY_TEST=yes", NULL };

    CHECK_EQ(run_helper(argv, envp), 0);
}

static void
case_exec_keeps_pid(void)
{
    char pidtext[16];
    char *argv[] = { "test_proc", "--helper", "pid", pidtext, NULL };
    int status;
    pid_t pid;

    pid = fork();
    if (pid == 0) {
        snprintf(pidtext, sizeof pidtext, "%d", (int)getpid());
        execve(SELF, argv, saved_envp);
        _exit(127);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
}

/* Descriptors stay open across exec (unless FD_CLOEXEC): redirection works. */
static void
case_exec_keeps_open_descriptors(void)
{
    char *argv[] = { "test_proc", "--helper", "writefd", "5", NULL };
    char path[32], buf[8];
    int fd, status;
    pid_t pid;

    snprintf(path, sizeof path, "/tmp/proc%d", (int)getpid());
    CHECK_OK(fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0644));
    pid = fork();
    if (pid == 0) {
        if (dup2(fd, 5) != 5)
            _exit(126);
        execve(SELF, argv, saved_envp);
        _exit(127);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    CHECK_EQ(read(fd, buf, sizeof buf), 4);
    CHECK(memcmp(buf, "exec", 4) == 0);
    close(fd);
    unlink(path);
}

static void
case_exec_missing_file_is_enoent(void)
{
    char *argv[] = { "nothing", NULL };

    CHECK_ERR(execve("/bin/no-such-program", argv, saved_envp), ENOENT);
}

/* ---- limits, signals, scheduling --------------------------------------- */

/*
 * POSIX: fork fails with EAGAIN when the system's process limit is reached.
 * The children exit at once but stay zombies, holding their slots, until
 * they are reaped; afterwards fork works again.
 */
static void
case_fork_fails_with_eagain_when_table_is_full(void)
{
    int forked = 0, reaped = 0, err = 0, status;
    pid_t pid;

    while (forked < CHILD_MAX + 8) {
        pid = fork();
        if (pid == 0)
            _exit(0);
        if (pid < 0) {
            err = errno;
            break;
        }
        forked++;
    }
    while (waitpid(-1, &status, 0) > 0)
        reaped++;
    CHECK_EQ(err, EAGAIN);
    CHECK(forked < CHILD_MAX);
    CHECK_EQ(reaped, forked);
    pid = fork();
    if (pid == 0)
        _exit(0);
    CHECK(pid > 0);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
}

/* The timer preempts a process that never makes a system call. */
static void
case_endless_loop_child_does_not_stop_parent(void)
{
    int status;
    pid_t pid;

    pid = fork();
    if (pid == 0) {
        volatile unsigned long spin = 0;

        for (;;)
            spin++;
    }
    CHECK(pid > 0);
    check_sleep_ms(100);        /* returns only if the child is preempted */
    CHECK_OK(kill(pid, SIGKILL));
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFSIGNALED(status));
    CHECK_EQ(WTERMSIG(status), SIGKILL);
}

static void
case_kill_unknown_pid_is_esrch(void)
{
    CHECK_ERR(kill(0x7ffffff0, SIGKILL), ESRCH);
}

/* A system call the kernel does not have fails loudly with ENOSYS. */
static void
case_unknown_system_call_is_enosys(void)
{
    CHECK_ERR(syscall(0), ENOSYS);
    CHECK_ERR(syscall(SYS_MAX), ENOSYS);
    CHECK_ERR(syscall(12345), ENOSYS);
    CHECK_ERR(syscall(-1), ENOSYS);
}

int
main(int argc, char **argv, char **envp)
{
    static const struct check_case cases[] = {
        CHECK_CASE(fork_returns_zero_in_child_and_pid_in_parent),
        CHECK_CASE(child_sees_parent_as_ppid),
        CHECK_CASE(exit_status_is_encoded_like_linux),
        CHECK_CASE(exit_status_keeps_low_8_bits),
        CHECK_CASE(waitpid_accepts_null_status),
        CHECK_CASE(waitpid_waits_for_the_named_child),
        CHECK_CASE(waitpid_minus_one_reaps_every_child),
        CHECK_CASE(wnohang_returns_zero_while_child_runs),
        CHECK_CASE(wnohang_reaps_an_exited_child),
        CHECK_CASE(waitpid_without_children_is_echild),
        CHECK_CASE(waitpid_for_a_non_child_is_echild),
        CHECK_CASE(orphan_is_adopted_by_init),
        CHECK_CASE(exec_runs_program_and_exit_status_arrives),
        CHECK_CASE(exec_return_from_main_is_exit_status),
        CHECK_CASE(exec_passes_arguments),
        CHECK_CASE(exec_passes_environment),
        CHECK_CASE(exec_keeps_pid),
        CHECK_CASE(exec_keeps_open_descriptors),
        CHECK_CASE(exec_missing_file_is_enoent),
        CHECK_CASE(fork_fails_with_eagain_when_table_is_full),
        CHECK_CASE(endless_loop_child_does_not_stop_parent),
        CHECK_CASE(kill_unknown_pid_is_esrch),
        CHECK_CASE(unknown_system_call_is_enosys),
    };

    if (argc > 1 && strcmp(argv[1], "--helper") == 0)
        return helper_main(argc, argv, envp);
    saved_envp = envp;
    return check_main("proc", cases, CHECK_NCASES(cases), argc, argv);
}
