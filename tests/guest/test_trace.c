/*
 * The trace command and the tracing session under it: decoded system
 * calls, the -e filter, following forked children, IPC events, the exit
 * status, and the session's own rules.
 */
#include <fcntl.h>
#include <parley.h>
#include <sys/msg.h>
#include "check.h"

#define TRACE_OUT "/tmp/trace.out"

static char trace_text[8192];

/* Run `trace ARGS...` with -o TRACE_OUT; returns its exit status and
 * leaves the trace in trace_text. */
static int
run_trace(char *const argv[])
{
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0)
            dup2(null, 1);
        execv("/bin/trace", argv);
        _exit(127);
    }
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    int fd = open(TRACE_OUT, O_RDONLY);
    CHECK(fd >= 0);
    ssize_t n = read(fd, trace_text, sizeof trace_text - 1);
    CHECK(n >= 0);
    trace_text[n] = 0;
    close(fd);
    return status;
}

static int
contains(const char *needle)
{
    return strstr(trace_text, needle) != NULL;
}

#define CHECK_TRACE_HAS(s) do {                                             \
    if (!contains(s))                                                       \
        check_fail(__FILE__, __LINE__, "trace lacks \"%s\"; it was:\n%s",  \
                   s, trace_text);                                          \
} while (0)

/* Each call is printed with its parameters' names, strings for paths, and
 * its result. */
static void
case_calls_are_decoded_with_names_and_results(void)
{
    char *argv[] = { "trace", "-o", TRACE_OUT, "/bin/echo", "hello", NULL };
    CHECK_EQ(run_trace(argv), 0);
    CHECK_TRACE_HAS("echo] execve(upath=\"/bin/echo\", ");
    CHECK_TRACE_HAS("echo] write(fd=1, buf=0x");
    CHECK_TRACE_HAS(", n=6) = 6\n");
}

/* A failing call shows -1 and the errno's name and text. */
static void
case_a_failing_call_shows_the_errno(void)
{
    char *argv[] = { "trace", "-o", TRACE_OUT, "/bin/cat", "/no/such/file", NULL };
    CHECK_EQ(WEXITSTATUS(run_trace(argv)), 1);
    CHECK_TRACE_HAS("open(upath=\"/no/such/file\", flags=0, mode=0) = -1 ENOENT (No such file or directory)");
}

/* -e shows the named calls and nothing else. */
static void
case_dash_e_selects_calls(void)
{
    char *argv[] = { "trace", "-e", "write", "-o", TRACE_OUT, "/bin/echo", "x", NULL };
    CHECK_EQ(run_trace(argv), 0);
    CHECK_TRACE_HAS("write(fd=1");
    CHECK(!contains("execve("));
    CHECK(!contains("isatty("));
}

/* Children are followed: both ends of a pipeline appear, each under its
 * own pid and name. */
static void
case_forked_children_are_followed(void)
{
    char *argv[] = { "trace", "-e", "write,read", "-o", TRACE_OUT,
                     "/bin/sh", "-c", "echo ab | cat", NULL };
    CHECK_EQ(run_trace(argv), 0);
    CHECK_TRACE_HAS("echo] write(fd=1, buf=0x");
    CHECK_TRACE_HAS("cat] read(fd=0, buf=0x");
    CHECK_TRACE_HAS("cat] write(fd=1, buf=0x");
}

/* A message send shows the message's type, read from the buffer: what
 * tells one client's request from another's (test_trace --send-type-7). */
static int
send_one_message_of_type_7(void)
{
    struct { long mtype; char text[8]; } m = { 7, "hello" };
    int q = msgget(IPC_PRIVATE, 0600);
    int err = q < 0 || msgsnd(q, &m, sizeof m.text, 0) < 0;
    msgctl(q, IPC_RMID, NULL);
    return err;
}

static void
case_msgsnd_shows_the_message_type(void)
{
    char *argv[] = { "trace", "-e", "msgsnd", "-o", TRACE_OUT,
                     "/bin/test_trace", "--send-type-7", NULL };
    CHECK_EQ(run_trace(argv), 0);
    CHECK_TRACE_HAS("msgsnd(msqid=");
    CHECK_TRACE_HAS(", umsg={mtype=7}, size=8, flags=0) = 0");
}

/* -i adds the process events: fork, exec and exit with its status. */
static void
case_dash_i_shows_fork_exec_and_exit(void)
{
    char *argv[] = { "trace", "-i", "-e", "getpid", "-o", TRACE_OUT,
                     "/bin/sh", "-c", "/bin/false; exit 0", NULL };
    CHECK_EQ(run_trace(argv), 0);
    CHECK_TRACE_HAS(" fork child ");
    CHECK_TRACE_HAS(" exec false");
    CHECK_TRACE_HAS("false] ");
    CHECK_TRACE_HAS(" exit status 0x100");
}

/* trace exits with the traced program's status. */
static void
case_trace_exits_with_the_program_status(void)
{
    char *argv[] = { "trace", "-o", TRACE_OUT, "/bin/sh", "-c", "exit 7", NULL };
    int status = run_trace(argv);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 7);
}

/* One session at a time: a second tracer gets EBUSY while the first
 * lives. */
static void
case_second_session_is_ebusy(void)
{
    CHECK_OK(tracectl(TRACE_OPEN, 0, NULL, 0));
    pid_t pid = fork();
    if (pid == 0)
        _exit(tracectl(TRACE_OPEN, 0, NULL, 0) < 0 && errno == EBUSY ? 0 : 1);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(WEXITSTATUS(status), 0);
    CHECK_OK(tracectl(TRACE_CLOSE, 0, NULL, 0));
}

/* Only the tracer reads or closes the session. */
static void
case_only_the_tracer_reads(void)
{
    struct trace_event e;
    CHECK_OK(tracectl(TRACE_OPEN, 0, NULL, 0));
    pid_t pid = fork();
    if (pid == 0)
        _exit(tracectl(TRACE_READ, 0, &e, 1) < 0 && errno == EPERM ? 0 : 1);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(WEXITSTATUS(status), 0);
    CHECK_OK(tracectl(TRACE_CLOSE, 0, NULL, 0));
}

/* Bad requests are errors, never a crash. */
static void
case_bad_requests_are_errors(void)
{
    CHECK_ERR(tracectl(99, 0, NULL, 0), EINVAL);
    CHECK_ERR(tracectl(TRACE_ME, TRACE_SYSCALLS, NULL, 0), ESRCH);
    CHECK_OK(tracectl(TRACE_OPEN, 0, NULL, 0));
    CHECK_ERR(tracectl(TRACE_ME, 0x80, NULL, 0), EINVAL);
    CHECK_ERR(tracectl(TRACE_READ, 0, NULL, 0), EINVAL);
    CHECK_OK(tracectl(TRACE_ME, TRACE_IPC, NULL, 0));
    /* an event is waiting (our own traced activity is not syscalls; make
     * one by forking), and the buffer is bad */
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    waitpid(pid, NULL, 0);
    CHECK_ERR(tracectl(TRACE_READ, 0, (struct trace_event *)8, 4), EFAULT);
    CHECK_OK(tracectl(TRACE_CLOSE, 0, NULL, 0));
}

int
main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--send-type-7") == 0)
        return send_one_message_of_type_7();
    static const struct check_case cases[] = {
        CHECK_CASE(calls_are_decoded_with_names_and_results),
        CHECK_CASE(a_failing_call_shows_the_errno),
        CHECK_CASE(dash_e_selects_calls),
        CHECK_CASE(forked_children_are_followed),
        CHECK_CASE(msgsnd_shows_the_message_type),
        CHECK_CASE(dash_i_shows_fork_exec_and_exit),
        CHECK_CASE(trace_exits_with_the_program_status),
        CHECK_CASE(second_session_is_ebusy),
        CHECK_CASE(only_the_tracer_reads),
        CHECK_CASE(bad_requests_are_errors),
    };
    return check_main("trace", cases, CHECK_NCASES(cases), argc, argv);
}
