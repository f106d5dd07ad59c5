/*
 * check.h -- the framework of the guest test programs.
 *
 * A test program is one suite: a list of cases, each a function that checks
 * one rule.  Every case runs in its own forked child, so a case that crashes
 * or hangs fails alone and cannot disturb the next one.  For each case the
 * program prints exactly one line,
 *
 *     ok <suite>.<case>
 *     FAIL <suite>.<case>: <file>:<line>: <what went wrong>
 *
 * then "<suite>: N passed, N failed", and exits 0 only if every case
 * passed.  tests/run.py reads these lines.  Usage:
 *
 *     #include "check.h"
 *
 *     static void
 *     case_getpid_is_positive(void)
 *     {
 *         CHECK(getpid() > 0);
 *     }
 *
 *     int
 *     main(int argc, char **argv)
 *     {
 *         static const struct check_case cases[] = {
 *             CHECK_CASE(getpid_is_positive),
 *         };
 *         return check_main("proc", cases, CHECK_NCASES(cases), argc, argv);
 *     }
 *
 * `test_proc NAME...` runs only the named cases.
 *
 * Checks (each stops the case at the first failure):
 *     CHECK(cond)            cond is true
 *     CHECK_EQ(a, b)         a == b, compared as long; prints both values
 *     CHECK_STR_EQ(a, b)     two strings are equal
 *     CHECK_OK(call)         call does not return -1; else prints errno
 *     CHECK_ERR(call, E)     call returns -1 and sets errno to E
 *
 * The checks are for the case's own process.  A process the case forks
 * reports with its exit status (_exit(0) fine, _exit(n) problem n), which
 * the case then checks.
 *
 * Helpers: check_fork_status(fn), check_fork_status_at(fn, addr) with
 * check_touch_read/check_touch_write, check_sleep_ms(ms), check_killed_by(status,
 * sig), check_catch_signal(sig, flags) with its counter check_signals_caught,
 * check_change_mask(how, sig), check_is_blocked(sig), check_is_pending(sig),
 * check_command(line) (runs a shell command line, its output in
 * check_output) and CHECK_OUTPUT(line, expected).
 *
 * Uses only POSIX calls, so a suite also compiles and runs on Linux: a quick
 * way to see whether a test, rather than the kernel, is wrong.
 */
#ifndef CHECK_H
#define CHECK_H

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHECK_CASE_TIMEOUT_MS  20000  /* a case still running then is killed */
#define CHECK_POLL_MS          10
#define CHECK_REPORTED         99     /* exit code: "FAIL already printed" */

#define CHECK_UNUSED __attribute__((unused))

struct check_case {
    const char *name;
    void (*run)(void);
};

#define CHECK_CASE(name)   { #name, case_##name }
#define CHECK_NCASES(list) ((int)(sizeof(list) / sizeof((list)[0])))

static const char *check_suite = "?";
static const char *check_current = "?";

/* ---- printing ---------------------------------------------------------- */

/* Output goes straight to write(), so nothing waits in a stdio buffer that a
 * fork would copy or a crash would lose. */
static CHECK_UNUSED void
check_print(const char *fmt, ...)
{
    char line[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (n >= (int)sizeof line)
        n = sizeof line - 1;
    write(1, line, n);
}

static CHECK_UNUSED const char *
check_errno_name(int e)
{
    static const struct { int e; const char *name; } names[] = {
        { 0, "0" }, { EPERM, "EPERM" }, { ENOENT, "ENOENT" },
        { ESRCH, "ESRCH" }, { EINTR, "EINTR" }, { EIO, "EIO" },
        { E2BIG, "E2BIG" }, { ENOEXEC, "ENOEXEC" }, { EBADF, "EBADF" },
        { ECHILD, "ECHILD" }, { EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" },
        { EACCES, "EACCES" }, { EFAULT, "EFAULT" }, { EBUSY, "EBUSY" },
        { EEXIST, "EEXIST" }, { ENOTDIR, "ENOTDIR" }, { EISDIR, "EISDIR" },
        { EINVAL, "EINVAL" }, { ENFILE, "ENFILE" }, { EMFILE, "EMFILE" },
        { ENOTTY, "ENOTTY" }, { EFBIG, "EFBIG" }, { ENOSPC, "ENOSPC" },
        { ESPIPE, "ESPIPE" }, { EPIPE, "EPIPE" }, { ERANGE, "ERANGE" },
        { ENAMETOOLONG, "ENAMETOOLONG" }, { ENOSYS, "ENOSYS" },
        { ENOTEMPTY, "ENOTEMPTY" }, { EIDRM, "EIDRM" }, { ETIMEDOUT, "ETIMEDOUT" },
        { EOVERFLOW, "EOVERFLOW" },
        { ENOMSG, "ENOMSG" }, { EDEADLK, "EDEADLK" },
    };
    unsigned int i;

    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].e == e)
            return names[i].name;
    return "an unknown errno";
}

/* Reports the current case as failed and ends its process. */
static CHECK_UNUSED void
check_fail(const char *file, int line, const char *fmt, ...)
{
    char why[400];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    check_print("FAIL %s.%s: %s:%d: %s\n", check_suite, check_current,
                file, line, why);
    _exit(CHECK_REPORTED);
}

/* ---- the checks -------------------------------------------------------- */

#define CHECK(cond) do {                                                    \
    if (!(cond))                                                            \
        check_fail(__FILE__, __LINE__, "CHECK(%s) failed", #cond);          \
} while (0)

#define CHECK_EQ(a, b) do {                                                 \
    long check_a_ = (long)(a), check_b_ = (long)(b);                        \
    if (check_a_ != check_b_)                                               \
        check_fail(__FILE__, __LINE__, "%s == %s: %ld != %ld",              \
                   #a, #b, check_a_, check_b_);                             \
} while (0)

#define CHECK_STR_EQ(a, b) do {                                             \
    const char *check_a_ = (a), *check_b_ = (b);                            \
    if (strcmp(check_a_, check_b_) != 0)                                    \
        check_fail(__FILE__, __LINE__, "%s == %s: \"%s\" != \"%s\"",        \
                   #a, #b, check_a_, check_b_);                             \
} while (0)

#define CHECK_OK(call) do {                                                 \
    errno = 0;                                                              \
    if ((long)(call) == -1)                                                 \
        check_fail(__FILE__, __LINE__, "%s failed with %s",                 \
                   #call, check_errno_name(errno));                         \
} while (0)

#define CHECK_ERR(call, err) do {                                           \
    long check_r_;                                                          \
    int check_e_;                                                           \
    errno = 0;                                                              \
    check_r_ = (long)(call);                                                \
    check_e_ = errno;                                                       \
    if (check_r_ != -1 || check_e_ != (err))                                \
        check_fail(__FILE__, __LINE__,                                      \
                   "%s: want -1 with %s, got %ld with errno %s",            \
                   #call, #err, check_r_, check_errno_name(check_e_));      \
} while (0)

/* ---- helpers for cases ------------------------------------------------- */

/* Runs fn in a child process and returns the child's wait status. */
static CHECK_UNUSED int
check_fork_status(void (*fn)(void))
{
    int status = -1;
    pid_t pid;

    pid = fork();
    if (pid < 0)
        check_fail(__FILE__, __LINE__, "fork failed with %s",
                   check_errno_name(errno));
    if (pid == 0) {
        fn();
        _exit(0);
    }
    if (waitpid(pid, &status, 0) != pid)
        check_fail(__FILE__, __LINE__, "waitpid failed with %s",
                   check_errno_name(errno));
    return status;
}

/* Runs fn(addr) in a child and returns the child's wait status: with
 * check_touch_read / check_touch_write, "does this access kill?". */
static CHECK_UNUSED int
check_fork_status_at(void (*fn)(char *), char *addr)
{
    int status = -1;
    pid_t pid = fork();

    if (pid < 0)
        check_fail(__FILE__, __LINE__, "fork failed with %s",
                   check_errno_name(errno));
    if (pid == 0) {
        fn(addr);
        _exit(0);
    }
    if (waitpid(pid, &status, 0) != pid)
        check_fail(__FILE__, __LINE__, "waitpid failed with %s",
                   check_errno_name(errno));
    return status;
}

static CHECK_UNUSED void check_touch_read(char *p)  { (void)*(volatile char *)p; }
static CHECK_UNUSED void check_touch_write(char *p) { *(volatile char *)p = 1; }

/* Fails the case unless status says "killed by signal sig". */
static CHECK_UNUSED void
check_killed_by(int status, int sig)
{
    if (!WIFSIGNALED(status))
        check_fail(__FILE__, __LINE__, "want death by signal %d, got status 0x%x",
                   sig, status);
    CHECK_EQ(WTERMSIG(status), sig);
}

/* A child that only waits for signals (default dispositions, the caller's
 * credentials) until one kills it. */
static CHECK_UNUSED pid_t
check_fork_pauser(void)
{
    pid_t pid = fork();

    if (pid < 0)
        check_fail(__FILE__, __LINE__, "fork failed");
    if (pid == 0) {
        for (;;)
            pause();
    }
    return pid;
}

/* Waits for the child pid: its exit code, or 128 + the signal that killed
 * it (as a shell says), or -1 if it cannot be waited for. */
static CHECK_UNUSED int
check_exit_code(pid_t pid)
{
    int status = -1;

    if (waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* sigaction(sig) with handler (or SIG_DFL/SIG_IGN), flags, an empty mask. */
static CHECK_UNUSED void
check_set_handler(int sig, void (*handler)(int), int flags)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    CHECK_OK(sigaction(sig, &sa, NULL));
}

/* check_catch_signal(sig, flags): a handler that counts deliveries of sig
 * in check_signals_caught; flags are sigaction's (e.g. SA_RESTART or 0). */
static volatile sig_atomic_t check_signals_caught;

static CHECK_UNUSED void
check_count_signal(int sig)
{
    (void)sig;
    check_signals_caught++;
}

static CHECK_UNUSED void
check_catch_signal(int sig, int flags)
{
    check_set_handler(sig, check_count_signal, flags);
}

/* Block (SIG_BLOCK) or unblock (SIG_UNBLOCK) the one signal sig. */
static CHECK_UNUSED void
check_change_mask(int how, int sig)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, sig);
    CHECK_OK(sigprocmask(how, &set, NULL));
}

static CHECK_UNUSED int
check_is_blocked(int sig)
{
    sigset_t mask;

    sigprocmask(SIG_BLOCK, NULL, &mask);
    return sigismember(&mask, sig);
}

static CHECK_UNUSED int
check_is_pending(int sig)
{
    sigset_t set;

    sigpending(&set);
    return sigismember(&set, sig);
}

static CHECK_UNUSED void
check_sleep_ms(long ms)
{
    struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

    nanosleep(&t, NULL);
}

/* ---- the runner -------------------------------------------------------- */

/* Waits for a case's process, killing it after CHECK_CASE_TIMEOUT_MS.
 * Returns its wait status, or -1 if it had to be killed. */
static CHECK_UNUSED int
check_wait_case(pid_t pid)
{
    int status, waited = 0;
    pid_t r;

    for (;;) {
        r = waitpid(pid, &status, WNOHANG);
        if (r == pid)
            return status;
        if (r < 0 && errno != EINTR)    /* no WNOHANG? wait without limit */
            return waitpid(pid, &status, 0) == pid ? status : -1;
        if (waited >= CHECK_CASE_TIMEOUT_MS) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            return -1;
        }
        check_sleep_ms(CHECK_POLL_MS);
        waited += CHECK_POLL_MS;
    }
}

/* Runs one case in a child; prints its line; returns 1 if it passed. */
static CHECK_UNUSED int
check_run_case(const struct check_case *c)
{
    const char *name = c->name;
    int status;
    pid_t pid;

    fflush(stdout);
    pid = fork();
    if (pid < 0) {
        check_print("FAIL %s.%s: cannot fork: %s\n", check_suite, name,
                    check_errno_name(errno));
        return 0;
    }
    if (pid == 0) {
        check_current = name;
        c->run();
        fflush(stdout);
        _exit(0);
    }
    status = check_wait_case(pid);
    if (status == -1)
        check_print("FAIL %s.%s: still running after %d s, killed\n",
                    check_suite, name, CHECK_CASE_TIMEOUT_MS / 1000);
    else if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        check_print("ok %s.%s\n", check_suite, name);
    else if (WIFEXITED(status) && WEXITSTATUS(status) == CHECK_REPORTED)
        ;                               /* the case printed its FAIL line */
    else if (WIFEXITED(status))
        check_print("FAIL %s.%s: exited with status %d\n", check_suite,
                    name, WEXITSTATUS(status));
    else
        check_print("FAIL %s.%s: killed by signal %d\n", check_suite, name,
                    WTERMSIG(status));
    return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static CHECK_UNUSED int
check_selected(const char *name, int argc, char **argv)
{
    int i;

    if (argc < 2)
        return 1;
    for (i = 1; i < argc; i++)
        if (strcmp(argv[i], name) == 0)
            return 1;
    return 0;
}

/* Runs the suite's cases (or those named in argv) and prints the summary;
 * returns main's exit status. */
static CHECK_UNUSED int
check_main(const char *suite, const struct check_case *cases, int ncases,
           int argc, char **argv)
{
    int i, passed = 0, failed = 0;

    check_suite = suite;
    for (i = 0; i < ncases; i++) {
        if (!check_selected(cases[i].name, argc, argv))
            continue;
        if (check_run_case(&cases[i]))
            passed++;
        else
            failed++;
    }
    check_print("%s: %d passed, %d failed\n", suite, passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}

/* Runs a command line through popen ("/bin/sh -c"), its stdout into
 * check_output; returns its wait status (-1 if it could not start). */
static char check_output[8192];

static CHECK_UNUSED int
check_command(const char *line)
{
    FILE *f = popen(line, "r");
    size_t n = 0, got;
    if (!f)
        return -1;
    while (n < sizeof check_output - 1 &&
           (got = fread(check_output + n, 1, sizeof check_output - 1 - n, f)) > 0)
        n += got;
    check_output[n] = '\0';
    return pclose(f);
}

/* The command line exits with 0 and prints exactly expected. */
#define CHECK_OUTPUT(line, expected) do {                                   \
    CHECK_EQ(check_command(line), 0);                                       \
    CHECK_STR_EQ(check_output, expected);                                   \
} while (0)

#endif
