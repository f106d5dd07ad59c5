/*
 * test_sigwait -- signals and waiting: blocking calls interrupted (EINTR)
 * or restarted (SA_RESTART), pause, sigsuspend, stop and continue, SIGCHLD,
 * SIGKILL against every defence, and alarm.
 *
 * A call can only be interrupted while it blocks, and a test cannot see
 * when another process has gone to sleep.  So the interrupting signals come
 * from a "pest": a child that keeps sending one every few milliseconds.
 * If one arrives before the call blocks, its handler just runs early and the
 * next one does the interrupting.  Where a mask can order things (a blocked
 * signal waits for sigsuspend), no pest and no timing is used.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define LAST_SIGNAL   31
#define PEST_MS       20          /* a pest's pause between two signals */

/* ---- helpers ----------------------------------------------------------------- */

static volatile sig_atomic_t counts[LAST_SIGNAL + 1];

static void
count_handler(int sig)
{
    counts[sig]++;
}

static long
elapsed_ms(const struct timespec *start)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000 +
           (now.tv_nsec - start->tv_nsec) / 1000000;
}

/*
 * A child sending sig to target every PEST_MS, `times` times (-1: until
 * killed), then writing "x" to fd (if fd >= 0) and exiting with 5.
 */
static pid_t
start_pest(pid_t target, int sig, int times, int fd)
{
    pid_t pid = fork();
    int i;

    CHECK(pid >= 0);
    if (pid != 0)
        return pid;
    for (i = 0; times < 0 || i < times; i++) {
        check_sleep_ms(PEST_MS);
        if (kill(target, sig) < 0)
            _exit(0);
    }
    if (fd >= 0)
        write(fd, "x", 1);
    _exit(5);
}

static void
stop_pest(pid_t pest)
{
    kill(pest, SIGKILL);
    CHECK_EQ(waitpid(pest, NULL, 0), pest);
}

/* ---- EINTR and SA_RESTART --------------------------------------------------------- */

/* signal(7): a blocked read interrupted by a handler without SA_RESTART
 * fails with EINTR after the handler ran. */
static void
case_pipe_read_interrupted_is_eintr(void)
{
    int fds[2];
    char c;
    pid_t pest;

    check_set_handler(SIGUSR1, count_handler, 0);
    CHECK_OK(pipe(fds));
    pest = start_pest(getpid(), SIGUSR1, -1, -1);
    CHECK_ERR(read(fds[0], &c, 1), EINTR);
    CHECK(counts[SIGUSR1] >= 1);
    stop_pest(pest);
}

/* With SA_RESTART the read goes on as if nothing happened. */
static void
case_pipe_read_restarts_with_sa_restart(void)
{
    int fds[2];
    char c = 0;
    pid_t pest;

    check_set_handler(SIGUSR1, count_handler, SA_RESTART);
    CHECK_OK(pipe(fds));
    pest = start_pest(getpid(), SIGUSR1, 5, fds[1]);
    CHECK_EQ(read(fds[0], &c, 1), 1);
    CHECK_EQ(c, 'x');
    CHECK(counts[SIGUSR1] >= 1);
    CHECK_EQ(waitpid(pest, NULL, 0), pest);
}

/* signal() installs handlers with SA_RESTART (BSD semantics, as glibc). */
static void
case_signal_handler_restarts_pipe_read(void)
{
    int fds[2];
    char c = 0;
    pid_t pest;

    signal(SIGUSR1, count_handler);
    CHECK_OK(pipe(fds));
    pest = start_pest(getpid(), SIGUSR1, 5, fds[1]);
    CHECK_EQ(read(fds[0], &c, 1), 1);
    CHECK_EQ(c, 'x');
    CHECK(counts[SIGUSR1] >= 1);
    CHECK_EQ(waitpid(pest, NULL, 0), pest);
}

static void
case_waitpid_interrupted_is_eintr(void)
{
    pid_t pest;

    check_set_handler(SIGUSR1, count_handler, 0);
    pest = start_pest(getpid(), SIGUSR1, -1, -1);
    CHECK_ERR(waitpid(pest, NULL, 0), EINTR);
    CHECK(counts[SIGUSR1] >= 1);
    stop_pest(pest);
}

static void
case_waitpid_restarts_with_sa_restart(void)
{
    int status;
    pid_t pest;

    check_set_handler(SIGUSR1, count_handler, SA_RESTART);
    pest = start_pest(getpid(), SIGUSR1, 5, -1);
    CHECK_EQ(waitpid(pest, &status, 0), pest);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 5);
    CHECK(counts[SIGUSR1] >= 1);
}

/* signal(7): sleeps are never restarted, even with SA_RESTART; nanosleep
 * reports the time left. */
static void
case_nanosleep_interrupted_is_eintr_with_time_left(void)
{
    struct timespec t = { 20, 0 }, left = { 0, 0 };
    pid_t pest;

    check_set_handler(SIGUSR1, count_handler, SA_RESTART);
    pest = start_pest(getpid(), SIGUSR1, -1, -1);
    CHECK_ERR(nanosleep(&t, &left), EINTR);
    CHECK(counts[SIGUSR1] >= 1);
    CHECK(left.tv_sec > 0 && left.tv_sec <= 20);
    stop_pest(pest);
}

/* ---- pause and sigsuspend ------------------------------------------------------------- */

static void
case_pause_returns_eintr_after_handler(void)
{
    pid_t pest;

    check_set_handler(SIGUSR1, count_handler, SA_RESTART);   /* never restarted */
    pest = start_pest(getpid(), SIGUSR1, -1, -1);
    CHECK_ERR(pause(), EINTR);
    CHECK(counts[SIGUSR1] >= 1);
    stop_pest(pest);
}

static void
case_pause_never_returns_from_sigkill(void)
{
    int status;
    pid_t pid = check_fork_pauser();

    check_sleep_ms(50);
    CHECK_OK(kill(pid, SIGKILL));
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    check_killed_by(status, SIGKILL);
}

/* sigsuspend swaps the mask and waits in one step: a signal that became
 * pending while blocked is not lost, it ends the sigsuspend at once. */
static void
case_sigsuspend_takes_signal_pending_before_it(void)
{
    sigset_t none;

    check_set_handler(SIGUSR1, count_handler, 0);
    check_change_mask(SIG_BLOCK, SIGUSR1);
    raise(SIGUSR1);
    sigemptyset(&none);
    CHECK_ERR(sigsuspend(&none), EINTR);
    CHECK_EQ(counts[SIGUSR1], 1);
    CHECK(check_is_blocked(SIGUSR1));         /* the old mask is back */
}

static sigset_t mask_in_handler;

static void
mask_recording_handler(int sig)
{
    counts[sig]++;
    sigprocmask(SIG_BLOCK, NULL, &mask_in_handler);
}

/* The handler runs with the temporary mask (plus its signal); afterwards
 * sigsuspend returns EINTR with the original mask restored. */
static void
case_sigsuspend_waits_for_a_signal_from_elsewhere(void)
{
    sigset_t temporary;
    pid_t pid;

    check_set_handler(SIGUSR1, mask_recording_handler, 0);
    check_change_mask(SIG_BLOCK, SIGUSR1);
    check_change_mask(SIG_BLOCK, SIGHUP);
    pid = fork();
    if (pid == 0) {
        check_sleep_ms(50);
        _exit(kill(getppid(), SIGUSR1) == 0 ? 0 : 1);
    }
    sigemptyset(&temporary);
    sigaddset(&temporary, SIGUSR2);
    CHECK_ERR(sigsuspend(&temporary), EINTR);
    CHECK_EQ(counts[SIGUSR1], 1);
    CHECK(sigismember(&mask_in_handler, SIGUSR1));
    CHECK(sigismember(&mask_in_handler, SIGUSR2));
    CHECK(!sigismember(&mask_in_handler, SIGHUP));
    CHECK(check_is_blocked(SIGUSR1) && check_is_blocked(SIGHUP) && !check_is_blocked(SIGUSR2));
    CHECK_EQ(waitpid(pid, NULL, 0), pid);
}

/* Signals in the temporary mask stay pending; only the others wake it. */
static void
case_sigsuspend_leaves_masked_signals_pending(void)
{
    sigset_t temporary;

    check_set_handler(SIGUSR1, count_handler, 0);
    check_set_handler(SIGUSR2, count_handler, 0);
    check_change_mask(SIG_BLOCK, SIGUSR1);
    check_change_mask(SIG_BLOCK, SIGUSR2);
    raise(SIGUSR2);
    raise(SIGUSR1);
    sigemptyset(&temporary);
    sigaddset(&temporary, SIGUSR2);
    CHECK_ERR(sigsuspend(&temporary), EINTR);
    CHECK_EQ(counts[SIGUSR1], 1);
    CHECK_EQ(counts[SIGUSR2], 0);
    CHECK(check_is_pending(SIGUSR2));
    check_change_mask(SIG_UNBLOCK, SIGUSR2);
    CHECK_EQ(counts[SIGUSR2], 1);
}

/* ---- stop and continue ----------------------------------------------------------------- */

static void
check_stops_and_continues(int stop_signal)
{
    int status;
    pid_t pid = check_fork_pauser();

    CHECK_OK(kill(pid, stop_signal));
    CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
    CHECK(WIFSTOPPED(status));
    CHECK_EQ(WSTOPSIG(status), stop_signal);
    CHECK_OK(kill(pid, SIGCONT));
    CHECK_EQ(waitpid(pid, &status, WCONTINUED), pid);
    CHECK(WIFCONTINUED(status));
    CHECK_OK(kill(pid, SIGTERM));
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    check_killed_by(status, SIGTERM);
}

/* Default action "stop", seen by waitpid(WUNTRACED); SIGCONT continues,
 * seen by waitpid(WCONTINUED). */
static void
case_sigstop_stops_and_sigcont_continues(void)
{
    check_stops_and_continues(SIGSTOP);
}

static void
case_sigtstp_sigttin_sigttou_stop_by_default(void)
{
    check_stops_and_continues(SIGTSTP);
    check_stops_and_continues(SIGTTIN);
    check_stops_and_continues(SIGTTOU);
}

/* Without WUNTRACED a stop is not reported.  The child's SIGCHLD (held
 * until sigsuspend) says that it has stopped. */
static void
case_waitpid_reports_stops_only_with_wuntraced(void)
{
    sigset_t none;
    int status;
    pid_t pid;

    check_set_handler(SIGCHLD, count_handler, 0);
    check_change_mask(SIG_BLOCK, SIGCHLD);
    pid = check_fork_pauser();
    CHECK_OK(kill(pid, SIGSTOP));
    sigemptyset(&none);
    CHECK_ERR(sigsuspend(&none), EINTR);
    CHECK_EQ(counts[SIGCHLD], 1);
    CHECK_EQ(waitpid(pid, &status, WNOHANG), 0);
    CHECK_EQ(waitpid(pid, &status, WNOHANG | WUNTRACED), pid);
    CHECK(WIFSTOPPED(status));
    CHECK_OK(kill(pid, SIGKILL));
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    check_killed_by(status, SIGKILL);
}

/* WCONTINUED reports a child that was stopped and continued, and no other:
 * a child forked by a process that was once stopped has never stopped. */
static void
grandparent_of_a_fresh_child(void)
{
    int status = 0;
    pid_t pid, got;

    raise(SIGSTOP);
    pid = check_fork_pauser();
    got = waitpid(pid, &status, WNOHANG | WCONTINUED);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    _exit(got == 0 ? 0 : 1);
}

static void
case_wcontinued_reports_only_continued_children(void)
{
    int status;
    pid_t pid;

    pid = fork();
    if (pid == 0)
        grandparent_of_a_fresh_child();
    CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
    CHECK(WIFSTOPPED(status));
    CHECK_OK(kill(pid, SIGCONT));
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
}

enum { CONT_DEFAULT, CONT_IGNORED, CONT_BLOCKED };

/* Reads one byte from fd with SIGCONT as `how` says; exits 0 if it got
 * 'x', 2 for EINTR, 3 for any other failure. */
static void
read_with_sigcont(int how, int ready, int fd)
{
    char c = 0;
    ssize_t n;

    if (how == CONT_IGNORED)
        signal(SIGCONT, SIG_IGN);
    if (how == CONT_BLOCKED)
        check_change_mask(SIG_BLOCK, SIGCONT);
    write(ready, "r", 1);
    n = read(fd, &c, 1);
    if (n == 1 && c == 'x')
        _exit(0);
    _exit(n < 0 && errno == EINTR ? 2 : 3);
}

/* signal(7): a call interrupted by a stop, with no handler involved,
 * restarts after SIGCONT -- even if SIGCONT itself is ignored or blocked
 * (it continues the process all the same). */
static void
case_read_interrupted_by_stop_restarts_after_sigcont(void)
{
    int how, ready[2], data[2], status;
    char c;
    pid_t pid;

    for (how = CONT_DEFAULT; how <= CONT_BLOCKED; how++) {
        CHECK_OK(pipe(ready));
        CHECK_OK(pipe(data));
        pid = fork();
        if (pid == 0)
            read_with_sigcont(how, ready[1], data[0]);
        CHECK_EQ(read(ready[0], &c, 1), 1);
        check_sleep_ms(50);                 /* let it block in read() */
        CHECK_OK(kill(pid, SIGSTOP));
        CHECK_OK(kill(pid, SIGCONT));
        CHECK_EQ(write(data[1], "x", 1), 1);
        CHECK_EQ(waitpid(pid, &status, 0), pid);
        CHECK_EQ(status, 0);
        close(ready[0]);
        close(ready[1]);
        close(data[0]);
        close(data[1]);
    }
}

static int handler_pipe = -1;

static void
pipe_writing_handler(int sig)
{
    (void)sig;
    write(handler_pipe, "H", 1);
}

/*
 * signal(7): a stopped process runs no handlers; what it is sent waits
 * until SIGCONT.  The parent writes "P" after a pause: if the handler ran
 * while the child was stopped, its "H" comes first.
 */
static void
case_signals_sent_while_stopped_wait_for_sigcont(void)
{
    int fds[2], status;
    char c = 0;
    pid_t pid;

    CHECK_OK(pipe(fds));
    handler_pipe = fds[1];
    check_set_handler(SIGUSR1, pipe_writing_handler, 0);
    pid = check_fork_pauser();
    signal(SIGUSR1, SIG_DFL);
    CHECK_OK(kill(pid, SIGSTOP));
    CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
    CHECK_OK(kill(pid, SIGUSR1));
    check_sleep_ms(100);
    CHECK_EQ(write(fds[1], "P", 1), 1);
    CHECK_EQ(read(fds[0], &c, 1), 1);
    CHECK_EQ(c, 'P');
    CHECK_OK(kill(pid, SIGCONT));
    CHECK_EQ(read(fds[0], &c, 1), 1);
    CHECK_EQ(c, 'H');
    CHECK_OK(kill(pid, SIGKILL));
    CHECK_EQ(waitpid(pid, &status, 0), pid);
}

/* ---- SIGKILL gets through ----------------------------------------------------------------- */

static void
case_sigkill_ends_a_stopped_process(void)
{
    int status;
    pid_t pid = check_fork_pauser();

    CHECK_OK(kill(pid, SIGSTOP));
    CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
    CHECK_OK(kill(pid, SIGKILL));
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    check_killed_by(status, SIGKILL);
}

/* Ignores and blocks everything it can, then echoes bytes from `in` to
 * `out` to show it is still alive. */
static void
run_fortress(int in, int out)
{
    sigset_t all;
    char c;
    int sig;

    for (sig = 1; sig <= LAST_SIGNAL; sig++)
        if (sig != SIGKILL && sig != SIGSTOP)
            signal(sig, SIG_IGN);
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, NULL);
    while (read(in, &c, 1) == 1)
        write(out, &c, 1);
    _exit(1);
}

static void
case_sigkill_ends_a_process_that_blocks_and_ignores_all(void)
{
    int to[2], from[2], status;
    char c = 0;
    pid_t pid;

    CHECK_OK(pipe(to));
    CHECK_OK(pipe(from));
    pid = fork();
    if (pid == 0)
        run_fortress(to[0], from[1]);
    CHECK_EQ(write(to[1], "a", 1), 1);
    CHECK_EQ(read(from[0], &c, 1), 1);          /* its defences are up */
    CHECK_OK(kill(pid, SIGTERM));
    CHECK_OK(kill(pid, SIGINT));
    CHECK_OK(kill(pid, SIGUSR1));
    CHECK_EQ(write(to[1], "b", 1), 1);
    CHECK_EQ(read(from[0], &c, 1), 1);          /* and they held */
    CHECK_EQ(c, 'b');
    CHECK_OK(kill(pid, SIGKILL));
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    check_killed_by(status, SIGKILL);
}

/* ---- SIGCHLD --------------------------------------------------------------------------- */

static volatile pid_t sigchld_from;
static volatile int sigchld_code, sigchld_status;

static void
sigchld_handler(int sig, siginfo_t *info, void *context)
{
    (void)context;
    counts[sig]++;
    sigchld_from = info->si_pid;
    sigchld_code = info->si_code;
    sigchld_status = info->si_status;
}

static void
set_sigchld_handler(int flags)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = sigchld_handler;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    CHECK_OK(sigaction(SIGCHLD, &sa, NULL));
}

/* A child's exit sends SIGCHLD to its parent; waitpid gives the status. */
static void
case_child_exit_sends_sigchld(void)
{
    sigset_t none;
    int status;
    pid_t pid;

    set_sigchld_handler(0);
    check_change_mask(SIG_BLOCK, SIGCHLD);
    pid = fork();
    if (pid == 0)
        _exit(3);
    sigemptyset(&none);
    CHECK_ERR(sigsuspend(&none), EINTR);
    CHECK_EQ(counts[SIGCHLD], 1);
    CHECK_EQ(sigchld_from, pid);
    CHECK_EQ(sigchld_code, CLD_EXITED);
    CHECK_EQ(sigchld_status, 3);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 3);
}

/* SA_SIGINFO says how the child ended or changed: killed, stopped,
 * continued (si_code CLD_*, si_status the signal). */
static void
case_sigchld_siginfo_tells_killed_stopped_continued(void)
{
    sigset_t none;
    int status;
    pid_t pid;

    set_sigchld_handler(0);
    check_change_mask(SIG_BLOCK, SIGCHLD);
    sigemptyset(&none);
    pid = fork();
    if (pid == 0) {
        for (;;)
            pause();
    }
    CHECK_OK(kill(pid, SIGSTOP));
    CHECK_ERR(sigsuspend(&none), EINTR);
    CHECK_EQ(sigchld_code, CLD_STOPPED);
    CHECK_EQ(sigchld_status, SIGSTOP);
    CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
    CHECK_OK(kill(pid, SIGCONT));
    CHECK_ERR(sigsuspend(&none), EINTR);
    CHECK_EQ(sigchld_code, CLD_CONTINUED);
    CHECK_EQ(sigchld_status, SIGCONT);
    CHECK_OK(kill(pid, SIGTERM));
    CHECK_ERR(sigsuspend(&none), EINTR);
    CHECK_EQ(sigchld_code, CLD_KILLED);
    CHECK_EQ(sigchld_status, SIGTERM);
    CHECK_EQ(sigchld_from, pid);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    check_killed_by(status, SIGTERM);
}

/* A child's stop sends SIGCHLD too, unless SA_NOCLDSTOP is set. */
static void
case_child_stop_sends_sigchld_unless_sa_nocldstop(void)
{
    int status;
    pid_t pid;

    set_sigchld_handler(SA_RESTART);
    pid = check_fork_pauser();
    CHECK_OK(kill(pid, SIGSTOP));
    CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
    CHECK_EQ(counts[SIGCHLD], 1);
    CHECK_EQ(sigchld_from, pid);

    set_sigchld_handler(SA_RESTART | SA_NOCLDSTOP);
    CHECK_OK(kill(pid, SIGCONT));
    CHECK_EQ(waitpid(pid, &status, WCONTINUED), pid);
    CHECK_OK(kill(pid, SIGSTOP));
    CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
    CHECK_EQ(counts[SIGCHLD], 1);
    CHECK_OK(kill(pid, SIGKILL));
    CHECK_EQ(waitpid(pid, &status, 0), pid);
}

/* POSIX wait: with SIGCHLD ignored, children leave no zombies, and a
 * wait() blocks until they are all gone, then fails with ECHILD.  The
 * alarm only keeps a kernel that never wakes the parent from hanging. */
static void
case_sigchld_ignored_leaves_no_zombies(void)
{
    pid_t pid;

    signal(SIGCHLD, SIG_IGN);
    check_set_handler(SIGALRM, count_handler, 0);
    pid = fork();
    if (pid == 0) {
        check_sleep_ms(100);
        _exit(0);
    }
    alarm(5);
    CHECK_ERR(waitpid(-1, NULL, 0), ECHILD);
    CHECK_EQ(counts[SIGALRM], 0);
    CHECK_ERR(kill(pid, 0), ESRCH);
}

/* ---- alarm ------------------------------------------------------------------------------- */

static void
case_alarm_interrupts_pause_with_sigalrm(void)
{
    struct timespec start;

    check_set_handler(SIGALRM, count_handler, 0);
    clock_gettime(CLOCK_MONOTONIC, &start);
    CHECK_EQ(alarm(1), 0);
    CHECK_ERR(pause(), EINTR);
    CHECK_EQ(counts[SIGALRM], 1);
    CHECK(elapsed_ms(&start) >= 900);
}

/* alarm returns the seconds left on the alarm it replaces, 0 if none. */
static void
case_alarm_returns_seconds_left_and_replaces(void)
{
    unsigned left;

    CHECK_EQ(alarm(0), 0);
    CHECK_EQ(alarm(50), 0);
    left = alarm(30);
    CHECK(left >= 49 && left <= 50);
    left = alarm(0);
    CHECK(left >= 29 && left <= 30);
    CHECK_EQ(alarm(0), 0);
}

/* alarm(0) cancels: no SIGALRM arrives. */
static void
case_alarm_zero_cancels(void)
{
    struct timespec t = { 1, 300000000 };

    check_set_handler(SIGALRM, count_handler, 0);
    alarm(1);
    alarm(0);
    CHECK_OK(nanosleep(&t, NULL));
    CHECK_EQ(counts[SIGALRM], 0);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(pipe_read_interrupted_is_eintr),
        CHECK_CASE(pipe_read_restarts_with_sa_restart),
        CHECK_CASE(signal_handler_restarts_pipe_read),
        CHECK_CASE(waitpid_interrupted_is_eintr),
        CHECK_CASE(waitpid_restarts_with_sa_restart),
        CHECK_CASE(nanosleep_interrupted_is_eintr_with_time_left),
        CHECK_CASE(pause_returns_eintr_after_handler),
        CHECK_CASE(pause_never_returns_from_sigkill),
        CHECK_CASE(sigsuspend_takes_signal_pending_before_it),
        CHECK_CASE(sigsuspend_waits_for_a_signal_from_elsewhere),
        CHECK_CASE(sigsuspend_leaves_masked_signals_pending),
        CHECK_CASE(sigstop_stops_and_sigcont_continues),
        CHECK_CASE(sigtstp_sigttin_sigttou_stop_by_default),
        CHECK_CASE(waitpid_reports_stops_only_with_wuntraced),
        CHECK_CASE(wcontinued_reports_only_continued_children),
        CHECK_CASE(read_interrupted_by_stop_restarts_after_sigcont),
        CHECK_CASE(signals_sent_while_stopped_wait_for_sigcont),
        CHECK_CASE(sigkill_ends_a_stopped_process),
        CHECK_CASE(sigkill_ends_a_process_that_blocks_and_ignores_all),
        CHECK_CASE(child_exit_sends_sigchld),
        CHECK_CASE(sigchld_siginfo_tells_killed_stopped_continued),
        CHECK_CASE(child_stop_sends_sigchld_unless_sa_nocldstop),
        CHECK_CASE(sigchld_ignored_leaves_no_zombies),
        CHECK_CASE(alarm_interrupts_pause_with_sigalrm),
        CHECK_CASE(alarm_returns_seconds_left_and_replaces),
        CHECK_CASE(alarm_zero_cancels),
    };

    return check_main("sigwait", cases, CHECK_NCASES(cases), argc, argv);
}
