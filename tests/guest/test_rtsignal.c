/*
 * test_rtsignal -- real-time signals and waiting for signals: SIGRTMIN..
 * SIGRTMAX are queued (every sending delivered, each with its value, the
 * same signal in the order sent, lower numbers first), sigqueue, and the
 * sigwait family (sigwait, sigwaitinfo, sigtimedwait).
 *
 * Ordering is made deterministic with the mask: signals are sent while
 * blocked, then unblocked or waited for all at once.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define MAX_SEEN 64

/* What the SA_SIGINFO handler saw, in order of delivery. */
static volatile int seen_count;
static volatile int seen_sig[MAX_SEEN];
static volatile int seen_value[MAX_SEEN];
static volatile int seen_code[MAX_SEEN];
static volatile pid_t seen_pid[MAX_SEEN];
static volatile uid_t seen_uid[MAX_SEEN];

static void
record_handler(int sig, siginfo_t *info, void *context)
{
    int i = seen_count;

    (void)context;
    if (i >= MAX_SEEN)
        return;
    seen_sig[i] = sig;
    seen_value[i] = info->si_value.sival_int;
    seen_code[i] = info->si_code;
    seen_pid[i] = info->si_pid;
    seen_uid[i] = info->si_uid;
    seen_count = i + 1;
}

/* Each handler blocks every other signal while it runs, so the order the
 * handlers run in is the order the kernel chose them.  (Without that,
 * Linux builds the next handler's frame on top before the first has run,
 * and the handlers run in reverse.) */
static void
record(int sig)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = record_handler;
    sa.sa_flags = SA_SIGINFO;
    sigfillset(&sa.sa_mask);
    CHECK_OK(sigaction(sig, &sa, NULL));
}

/* Block all of sigs (0-terminated) at once, then unblock them at once. */
static void
set_mask(int how, const int *sigs)
{
    sigset_t set;

    sigemptyset(&set);
    for (; *sigs; sigs++)
        sigaddset(&set, *sigs);
    CHECK_OK(sigprocmask(how, &set, NULL));
}

static void
queue_value(int sig, int value)
{
    union sigval v;

    v.sival_int = value;
    CHECK_OK(sigqueue(getpid(), sig, v));
}

static sigset_t
set_of(int sig)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, sig);
    return set;
}

/* ---- queued, with values, in order ---------------------------------------- */

/* POSIX: the range exists and holds at least _POSIX_RTSIG_MAX (8) signals. */
static void
case_sigrtmin_to_sigrtmax_holds_at_least_eight_signals(void)
{
    CHECK(SIGRTMIN > SIGSYS);
    CHECK(SIGRTMAX - SIGRTMIN + 1 >= 8);
    record(SIGRTMAX);
    CHECK_OK(raise(SIGRTMAX));
    CHECK_EQ(seen_count, 1);
    CHECK_EQ(seen_sig[0], SIGRTMAX);
}

/* A real-time signal sent three times while blocked is delivered three
 * times; a standard one sent three times is delivered once. */
static void
case_realtime_signal_sent_three_times_is_delivered_three_times(void)
{
    int sigs[] = { SIGRTMIN, SIGUSR1, 0 };

    record(SIGRTMIN);
    record(SIGUSR1);
    set_mask(SIG_BLOCK, sigs);
    for (int i = 0; i < 3; i++) {
        CHECK_OK(kill(getpid(), SIGRTMIN));
        CHECK_OK(kill(getpid(), SIGUSR1));
    }
    set_mask(SIG_UNBLOCK, sigs);
    CHECK_EQ(seen_count, 4);
    CHECK_EQ(seen_sig[0], SIGUSR1);
    for (int i = 1; i < 4; i++)
        CHECK_EQ(seen_sig[i], SIGRTMIN);
}

/* sigqueue: the handler's siginfo has the value, si_code SI_QUEUE, and the
 * sender's pid and real user id. */
static void
case_sigqueue_value_reaches_the_handler(void)
{
    record(SIGRTMIN + 1);
    queue_value(SIGRTMIN + 1, 4242);
    CHECK_EQ(seen_count, 1);
    CHECK_EQ(seen_value[0], 4242);
    CHECK_EQ(seen_code[0], SI_QUEUE);
    CHECK_EQ(seen_pid[0], getpid());
    CHECK_EQ(seen_uid[0], getuid());
}

/* kill() of a real-time signal queues it too, with si_code SI_USER. */
static void
case_kill_of_realtime_signal_has_si_user(void)
{
    record(SIGRTMIN);
    CHECK_OK(kill(getpid(), SIGRTMIN));
    CHECK_EQ(seen_count, 1);
    CHECK_EQ(seen_code[0], SI_USER);
    CHECK_EQ(seen_pid[0], getpid());
}

/* POSIX: several instances of one real-time signal come out in the order
 * they were sent, each with its own value. */
static void
case_same_realtime_signal_is_delivered_in_the_order_sent(void)
{
    int sigs[] = { SIGRTMIN + 2, 0 };

    record(SIGRTMIN + 2);
    set_mask(SIG_BLOCK, sigs);
    for (int v = 1; v <= 5; v++)
        queue_value(SIGRTMIN + 2, v * 10);
    set_mask(SIG_UNBLOCK, sigs);
    CHECK_EQ(seen_count, 5);
    for (int i = 0; i < 5; i++)
        CHECK_EQ(seen_value[i], (i + 1) * 10);
}

/* POSIX: of several pending real-time signals, the lowest-numbered is
 * delivered first, whatever the order they were sent in. */
static void
case_realtime_signals_are_delivered_lowest_number_first(void)
{
    int sigs[] = { SIGRTMIN, SIGRTMIN + 3, SIGRTMAX, 0 };

    for (int i = 0; sigs[i]; i++)
        record(sigs[i]);
    set_mask(SIG_BLOCK, sigs);
    queue_value(SIGRTMAX, 3);
    queue_value(SIGRTMIN + 3, 2);
    queue_value(SIGRTMIN, 1);
    queue_value(SIGRTMIN + 3, 22);
    set_mask(SIG_UNBLOCK, sigs);
    CHECK_EQ(seen_count, 4);
    CHECK_EQ(seen_sig[0], SIGRTMIN);
    CHECK_EQ(seen_sig[1], SIGRTMIN + 3);
    CHECK_EQ(seen_value[1], 2);
    CHECK_EQ(seen_sig[2], SIGRTMIN + 3);
    CHECK_EQ(seen_value[2], 22);
    CHECK_EQ(seen_sig[3], SIGRTMAX);
}

/* Standard signals have lower numbers, so they go before real-time ones. */
static void
case_standard_signal_is_delivered_before_realtime_ones(void)
{
    int sigs[] = { SIGRTMIN, SIGTERM, 0 };

    record(SIGRTMIN);
    record(SIGTERM);
    set_mask(SIG_BLOCK, sigs);
    queue_value(SIGRTMIN, 1);
    CHECK_OK(kill(getpid(), SIGTERM));
    set_mask(SIG_UNBLOCK, sigs);
    CHECK_EQ(seen_count, 2);
    CHECK_EQ(seen_sig[0], SIGTERM);
    CHECK_EQ(seen_sig[1], SIGRTMIN);
}

/* POSIX: sigqueue fails with EAGAIN when no more signals can be queued;
 * the limit is sysconf(_SC_SIGQUEUE_MAX), at least _POSIX_SIGQUEUE_MAX. */
static void
case_sigqueue_to_a_full_queue_is_eagain(void)
{
    long max = sysconf(_SC_SIGQUEUE_MAX);
    union sigval v;
    int sent = 0;

    CHECK(max >= _POSIX_SIGQUEUE_MAX);
    check_change_mask(SIG_BLOCK, SIGRTMIN);
    v.sival_int = 0;
    while (sent < max && sigqueue(getpid(), SIGRTMIN, v) == 0)
        sent++;
    CHECK(sent >= _POSIX_SIGQUEUE_MAX && sent <= max);  /* Linux: other pending ones count */
    CHECK_ERR(sigqueue(getpid(), SIGRTMIN, v), EAGAIN);
    /* A standard signal is one bit and still gets through. */
    check_change_mask(SIG_BLOCK, SIGUSR2);
    CHECK_OK(sigqueue(getpid(), SIGUSR2, v));
    CHECK(check_is_pending(SIGUSR2));
}

/* A real-time signal's default action is to terminate. */
static void
case_realtime_signal_default_action_terminates(void)
{
    pid_t pid = fork();
    int status;

    if (pid == 0) {
        raise(SIGRTMIN + 4);
        _exit(0);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    check_killed_by(status, SIGRTMIN + 4);
}

/* Ignoring a real-time signal discards every queued instance. */
static void
case_ignoring_a_realtime_signal_discards_its_queue(void)
{
    check_change_mask(SIG_BLOCK, SIGRTMIN);
    queue_value(SIGRTMIN, 1);
    queue_value(SIGRTMIN, 2);
    CHECK(check_is_pending(SIGRTMIN));
    CHECK(signal(SIGRTMIN, SIG_IGN) != SIG_ERR);
    CHECK(!check_is_pending(SIGRTMIN));
}

static void
case_sigqueue_invalid_signal_is_einval(void)
{
    union sigval v;

    v.sival_int = 0;
    CHECK_ERR(sigqueue(getpid(), NSIG, v), EINVAL);
    CHECK_ERR(sigqueue(getpid(), -1, v), EINVAL);
}

static void
case_sigqueue_to_no_such_process_is_esrch(void)
{
    union sigval v;
    pid_t pid = fork();

    if (pid == 0)
        _exit(0);
    CHECK_EQ(waitpid(pid, NULL, 0), pid);
    v.sival_int = 0;
    CHECK_ERR(sigqueue(pid, SIGRTMIN, v), ESRCH);
}

/* Signal 0: only checks that the process exists. */
static void
case_sigqueue_of_signal_zero_checks_existence(void)
{
    union sigval v;

    v.sival_int = 0;
    CHECK_OK(sigqueue(getpid(), 0, v));
    CHECK_EQ(seen_count, 0);
}

/* The queue belongs to the process: a fork()ed child starts with none. */
static void
case_fork_child_starts_with_no_queued_signals(void)
{
    pid_t pid;
    int status;

    check_change_mask(SIG_BLOCK, SIGRTMIN);
    queue_value(SIGRTMIN, 1);
    pid = fork();
    if (pid == 0)
        _exit(check_is_pending(SIGRTMIN) ? 1 : 0);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(check_is_pending(SIGRTMIN));
}

/* ---- the sigwait family ----------------------------------------------------- */

/* sigwait takes a pending blocked signal without running its handler. */
static void
case_sigwait_takes_a_pending_signal_without_the_handler(void)
{
    sigset_t set = set_of(SIGUSR1);
    int sig = 0;

    record(SIGUSR1);
    check_change_mask(SIG_BLOCK, SIGUSR1);
    CHECK_OK(raise(SIGUSR1));
    CHECK_EQ(sigwait(&set, &sig), 0);
    CHECK_EQ(sig, SIGUSR1);
    CHECK_EQ(seen_count, 0);
    CHECK(!check_is_pending(SIGUSR1));
}

/* sigwait blocks until another process sends a signal of the set. */
static void
case_sigwait_waits_for_a_signal_from_another_process(void)
{
    sigset_t set = set_of(SIGUSR2);
    int sig = 0;
    pid_t pid;

    check_change_mask(SIG_BLOCK, SIGUSR2);
    pid = fork();
    if (pid == 0) {
        check_sleep_ms(50);
        _exit(kill(getppid(), SIGUSR2) == 0 ? 0 : 1);
    }
    CHECK_EQ(sigwait(&set, &sig), 0);
    CHECK_EQ(sig, SIGUSR2);
    CHECK_EQ(waitpid(pid, NULL, 0), pid);
}

/* sigwaitinfo returns the number and fills the siginfo: value and sender. */
static void
case_sigwaitinfo_fills_value_and_sender(void)
{
    sigset_t set = set_of(SIGRTMIN);
    siginfo_t info;

    check_change_mask(SIG_BLOCK, SIGRTMIN);
    queue_value(SIGRTMIN, 77);
    memset(&info, 0, sizeof info);
    CHECK_EQ(sigwaitinfo(&set, &info), SIGRTMIN);
    CHECK_EQ(info.si_signo, SIGRTMIN);
    CHECK_EQ(info.si_code, SI_QUEUE);
    CHECK_EQ(info.si_value.sival_int, 77);
    CHECK_EQ(info.si_pid, getpid());
}

/* Of several pending signals in the set, sigwaitinfo takes the lowest;
 * queued instances of one signal come out in the order sent. */
static void
case_sigwaitinfo_takes_the_lowest_then_in_order(void)
{
    int sigs[] = { SIGRTMIN, SIGRTMIN + 1, 0 };
    sigset_t set;
    siginfo_t info;

    set_mask(SIG_BLOCK, sigs);
    sigemptyset(&set);
    sigaddset(&set, SIGRTMIN);
    sigaddset(&set, SIGRTMIN + 1);
    queue_value(SIGRTMIN + 1, 3);
    queue_value(SIGRTMIN, 1);
    queue_value(SIGRTMIN, 2);
    CHECK_EQ(sigwaitinfo(&set, &info), SIGRTMIN);
    CHECK_EQ(info.si_value.sival_int, 1);
    CHECK_EQ(sigwaitinfo(&set, &info), SIGRTMIN);
    CHECK_EQ(info.si_value.sival_int, 2);
    CHECK_EQ(sigwaitinfo(&set, &info), SIGRTMIN + 1);
    CHECK_EQ(info.si_value.sival_int, 3);
}

/* sigtimedwait with nothing pending fails with EAGAIN when time is up. */
static void
case_sigtimedwait_with_nothing_sent_times_out_eagain(void)
{
    sigset_t set = set_of(SIGUSR1);
    struct timespec t = { 0, 30 * 1000000L };

    check_change_mask(SIG_BLOCK, SIGUSR1);
    CHECK_ERR(sigtimedwait(&set, NULL, &t), EAGAIN);
}

/* A zero timeout polls: EAGAIN at once, or the pending signal. */
static void
case_sigtimedwait_zero_timeout_polls(void)
{
    sigset_t set = set_of(SIGUSR1);
    struct timespec zero = { 0, 0 };

    check_change_mask(SIG_BLOCK, SIGUSR1);
    CHECK_ERR(sigtimedwait(&set, NULL, &zero), EAGAIN);
    CHECK_OK(raise(SIGUSR1));
    CHECK_EQ(sigtimedwait(&set, NULL, &zero), SIGUSR1);
}

static void
case_sigtimedwait_bad_timeout_is_einval(void)
{
    sigset_t set = set_of(SIGUSR1);
    struct timespec bad = { 0, 1000000000L };

    check_change_mask(SIG_BLOCK, SIGUSR1);
    CHECK_ERR(sigtimedwait(&set, NULL, &bad), EINVAL);
    bad.tv_sec = -1;
    bad.tv_nsec = 0;
    CHECK_ERR(sigtimedwait(&set, NULL, &bad), EINVAL);
}

/* A signal outside the set whose handler runs interrupts the wait: EINTR. */
static void
case_sigtimedwait_interrupted_by_a_handler_is_eintr(void)
{
    sigset_t set = set_of(SIGUSR1);
    struct timespec t = { 10, 0 };
    pid_t pid;

    check_change_mask(SIG_BLOCK, SIGUSR1);
    check_catch_signal(SIGUSR2, SA_RESTART);     /* sigtimedwait is never restarted */
    pid = fork();
    if (pid == 0) {
        check_sleep_ms(50);
        _exit(kill(getppid(), SIGUSR2) == 0 ? 0 : 1);
    }
    CHECK_ERR(sigtimedwait(&set, NULL, &t), EINTR);
    CHECK_EQ(check_signals_caught, 1);
    CHECK_EQ(waitpid(pid, NULL, 0), pid);
}

/* An ignored signal that is waited for is still taken (it is blocked, so
 * not discarded when sent). */
static void
case_sigwait_takes_a_blocked_signal_whose_default_is_ignore(void)
{
    sigset_t set = set_of(SIGCHLD);
    int sig = 0;
    pid_t pid;

    check_change_mask(SIG_BLOCK, SIGCHLD);
    pid = fork();
    if (pid == 0)
        _exit(3);
    CHECK_EQ(sigwait(&set, &sig), 0);
    CHECK_EQ(sig, SIGCHLD);
    CHECK_EQ(waitpid(pid, NULL, 0), pid);
}

static void
case_sigwaitinfo_bad_set_pointer_is_efault(void)
{
    CHECK_ERR(sigwaitinfo((const sigset_t *)16, NULL), EFAULT);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(sigrtmin_to_sigrtmax_holds_at_least_eight_signals),
        CHECK_CASE(realtime_signal_sent_three_times_is_delivered_three_times),
        CHECK_CASE(sigqueue_value_reaches_the_handler),
        CHECK_CASE(kill_of_realtime_signal_has_si_user),
        CHECK_CASE(same_realtime_signal_is_delivered_in_the_order_sent),
        CHECK_CASE(realtime_signals_are_delivered_lowest_number_first),
        CHECK_CASE(standard_signal_is_delivered_before_realtime_ones),
        CHECK_CASE(sigqueue_to_a_full_queue_is_eagain),
        CHECK_CASE(realtime_signal_default_action_terminates),
        CHECK_CASE(ignoring_a_realtime_signal_discards_its_queue),
        CHECK_CASE(sigqueue_invalid_signal_is_einval),
        CHECK_CASE(sigqueue_to_no_such_process_is_esrch),
        CHECK_CASE(sigqueue_of_signal_zero_checks_existence),
        CHECK_CASE(fork_child_starts_with_no_queued_signals),
        CHECK_CASE(sigwait_takes_a_pending_signal_without_the_handler),
        CHECK_CASE(sigwait_waits_for_a_signal_from_another_process),
        CHECK_CASE(sigwaitinfo_fills_value_and_sender),
        CHECK_CASE(sigwaitinfo_takes_the_lowest_then_in_order),
        CHECK_CASE(sigtimedwait_with_nothing_sent_times_out_eagain),
        CHECK_CASE(sigtimedwait_zero_timeout_polls),
        CHECK_CASE(sigtimedwait_bad_timeout_is_einval),
        CHECK_CASE(sigtimedwait_interrupted_by_a_handler_is_eintr),
        CHECK_CASE(sigwait_takes_a_blocked_signal_whose_default_is_ignore),
        CHECK_CASE(sigwaitinfo_bad_set_pointer_is_efault),
    };
    return check_main("rtsignal", cases, CHECK_NCASES(cases), argc, argv);
}
