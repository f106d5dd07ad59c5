/*
 * test_waitid -- POSIX waitid: which children (P_ALL, P_PID, P_PGID), which
 * events (WEXITED, WSTOPPED, WCONTINUED), a siginfo instead of a status
 * word, WNOWAIT to look without collecting, WNOHANG.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

static pid_t
child_exiting_with(int code)
{
    pid_t pid = fork();

    if (pid == 0)
        _exit(code);
    return pid;
}

/* The siginfo of an exit: SIGCHLD, CLD_EXITED, the pid, the code, the uid. */
static void
case_waitid_reports_an_exit_in_siginfo(void)
{
    siginfo_t info;
    pid_t pid = child_exiting_with(7);

    memset(&info, 0, sizeof info);
    CHECK_OK(waitid(P_PID, pid, &info, WEXITED));
    CHECK_EQ(info.si_signo, SIGCHLD);
    CHECK_EQ(info.si_code, CLD_EXITED);
    CHECK_EQ(info.si_pid, pid);
    CHECK_EQ(info.si_status, 7);
    CHECK_EQ(info.si_uid, getuid());
    CHECK_ERR(waitpid(pid, NULL, 0), ECHILD);   /* collected */
}

static void
case_waitid_reports_death_by_signal_as_cld_killed(void)
{
    siginfo_t info;
    pid_t pid = check_fork_pauser();

    CHECK_OK(kill(pid, SIGTERM));
    CHECK_OK(waitid(P_ALL, 0, &info, WEXITED));
    CHECK_EQ(info.si_pid, pid);
    CHECK_EQ(info.si_code, CLD_KILLED);
    CHECK_EQ(info.si_status, SIGTERM);
}

/* WNOWAIT: the same child can be reported again, then collected. */
static void
case_waitid_wnowait_leaves_the_child_waitable(void)
{
    siginfo_t info;
    int status;
    pid_t pid = child_exiting_with(3);

    CHECK_OK(waitid(P_PID, pid, &info, WEXITED | WNOWAIT));
    CHECK_EQ(info.si_pid, pid);
    CHECK_OK(waitid(P_PID, pid, &info, WEXITED | WNOWAIT));
    CHECK_EQ(info.si_pid, pid);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3);
}

/* WSTOPPED and WCONTINUED report a stop and a continue. */
static void
case_waitid_reports_stop_and_continue(void)
{
    siginfo_t info;
    pid_t pid = check_fork_pauser();

    CHECK_OK(kill(pid, SIGSTOP));
    CHECK_OK(waitid(P_PID, pid, &info, WSTOPPED));
    CHECK_EQ(info.si_code, CLD_STOPPED);
    CHECK_EQ(info.si_status, SIGSTOP);
    CHECK_OK(kill(pid, SIGCONT));
    CHECK_OK(waitid(P_PID, pid, &info, WCONTINUED));
    CHECK_EQ(info.si_code, CLD_CONTINUED);
    CHECK_OK(kill(pid, SIGKILL));
    CHECK_OK(waitid(P_PID, pid, &info, WEXITED));
    CHECK_EQ(info.si_code, CLD_KILLED);
}

/* Without WEXITED an exit is not an event, and (Linux) a child that has
 * exited is then no child to wait for: ECHILD.  The zombie stays for
 * waitpid. */
static void
case_waitid_without_wexited_does_not_report_exits(void)
{
    siginfo_t info;
    pid_t pid = child_exiting_with(1);

    CHECK_OK(waitid(P_PID, pid, &info, WEXITED | WNOWAIT));    /* it has exited */
    CHECK_ERR(waitid(P_PID, pid, &info, WSTOPPED | WNOHANG), ECHILD);
    CHECK_EQ(waitpid(pid, NULL, 0), pid);
}

/* POSIX: WNOHANG with no child ready returns 0 with si_pid 0. */
static void
case_waitid_wnohang_with_nothing_ready_gives_si_pid_zero(void)
{
    siginfo_t info;
    pid_t pid = check_fork_pauser();

    memset(&info, 0x55, sizeof info);
    CHECK_OK(waitid(P_ALL, 0, &info, WEXITED | WNOHANG));
    CHECK_EQ(info.si_pid, 0);
    kill(pid, SIGKILL);
    CHECK_OK(waitid(P_PID, pid, &info, WEXITED));
}

/* P_PGID: any child in the group. */
static void
case_waitid_p_pgid_waits_for_the_group(void)
{
    siginfo_t info;
    pid_t pid = fork();

    if (pid == 0) {
        setpgid(0, 0);
        _exit(9);
    }
    setpgid(pid, pid);                  /* whichever of us gets there first */
    CHECK_OK(waitid(P_PGID, pid, &info, WEXITED));
    CHECK_EQ(info.si_pid, pid);
    CHECK_EQ(info.si_status, 9);
}

static void
case_waitid_without_an_event_or_with_bad_idtype_is_einval(void)
{
    siginfo_t info;

    CHECK_ERR(waitid(P_ALL, 0, &info, WNOHANG), EINVAL);
    CHECK_ERR(waitid(7, 0, &info, WEXITED), EINVAL);
    CHECK_ERR(waitid(P_PID, 0, &info, WEXITED), EINVAL);
}

static void
case_waitid_with_no_children_is_echild(void)
{
    siginfo_t info;

    CHECK_ERR(waitid(P_ALL, 0, &info, WEXITED), ECHILD);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(waitid_reports_an_exit_in_siginfo),
        CHECK_CASE(waitid_reports_death_by_signal_as_cld_killed),
        CHECK_CASE(waitid_wnowait_leaves_the_child_waitable),
        CHECK_CASE(waitid_reports_stop_and_continue),
        CHECK_CASE(waitid_without_wexited_does_not_report_exits),
        CHECK_CASE(waitid_wnohang_with_nothing_ready_gives_si_pid_zero),
        CHECK_CASE(waitid_p_pgid_waits_for_the_group),
        CHECK_CASE(waitid_without_an_event_or_with_bad_idtype_is_einval),
        CHECK_CASE(waitid_with_no_children_is_echild),
    };
    return check_main("waitid", cases, CHECK_NCASES(cases), argc, argv);
}
