/*
 * test_signal -- signals: dispositions, the mask, delivery, default actions,
 * faults, fork and exec, process groups, and registers across handlers.
 *
 * Blocking calls interrupted by signals, stop/continue, SIGCHLD and alarm
 * are in test_sigwait.c.  Each case names the rule it checks; the rules come
 * from POSIX signal(7)/sigaction(2) (see docs/signals.md and the "Signals"
 * rows of the POSIX checklist).
 *
 * The program is also its own exec target: `test_signal --exec-probe`
 * reports the signal state it inherited through exec in its exit status.
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#ifndef SELF
#define SELF "/bin/test_signal"   /* -DSELF=... to run the suite on Linux */
#endif

#define LAST_SIGNAL 31            /* the standard signals: 1 .. 31 */

static char **saved_envp;

/* ---- helpers ----------------------------------------------------------------- */

static volatile sig_atomic_t counts[LAST_SIGNAL + 1];

static void
count_handler(int sig)
{
    counts[sig]++;
}

/* Installs handler for sig with flags; extra (if not 0) joins sa_mask. */
static void
set_handler(int sig, void (*handler)(int), int flags, int extra)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    if (extra)
        sigaddset(&sa.sa_mask, extra);
    CHECK_OK(sigaction(sig, &sa, NULL));
}

static sigset_t
current_mask(void)
{
    sigset_t mask;

    sigprocmask(SIG_BLOCK, NULL, &mask);
    return mask;
}

static void (*disposition(int sig))(int)
{
    struct sigaction old;

    CHECK_OK(sigaction(sig, NULL, &old));
    return old.sa_handler;
}

/* A pid that belonged to a process that is gone now. */
static pid_t
dead_pid(void)
{
    pid_t pid = fork();

    if (pid == 0)
        _exit(0);
    CHECK(pid > 0);
    CHECK_EQ(waitpid(pid, NULL, 0), pid);
    return pid;
}

/* ---- signal() --------------------------------------------------------------- */

/* signal() returns the previous disposition: SIG_DFL at first. */
static void
case_signal_returns_previous_disposition(void)
{
    CHECK(signal(SIGUSR1, count_handler) == SIG_DFL);
    CHECK(signal(SIGUSR1, SIG_IGN) == count_handler);
    CHECK(signal(SIGUSR1, SIG_DFL) == SIG_IGN);
    CHECK(signal(SIGUSR1, SIG_DFL) == SIG_DFL);
}

/* SIGKILL and SIGSTOP cannot be caught or ignored: SIG_ERR, EINVAL. */
static void
case_signal_rejects_sigkill_and_sigstop(void)
{
    errno = 0;
    CHECK(signal(SIGKILL, count_handler) == SIG_ERR);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK(signal(SIGSTOP, SIG_IGN) == SIG_ERR);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK(signal(0, count_handler) == SIG_ERR);
    CHECK_EQ(errno, EINVAL);
}

/* The handler stays installed after it ran (BSD semantics, as glibc). */
static void
case_signal_handler_stays_installed(void)
{
    signal(SIGUSR1, count_handler);
    raise(SIGUSR1);
    raise(SIGUSR1);
    CHECK_EQ(counts[SIGUSR1], 2);
    CHECK(disposition(SIGUSR1) == count_handler);
}

/* ---- kill and raise ------------------------------------------------------------ */

/* POSIX kill: a signal sent to oneself that is not blocked is delivered
 * before kill() returns. */
static void
case_kill_self_runs_handler_before_kill_returns(void)
{
    set_handler(SIGUSR2, count_handler, 0, 0);
    CHECK_OK(kill(getpid(), SIGUSR2));
    CHECK_EQ(counts[SIGUSR2], 1);
}

static void
case_raise_runs_handler_before_raise_returns(void)
{
    set_handler(SIGUSR1, count_handler, 0, 0);
    CHECK_EQ(raise(SIGUSR1), 0);
    CHECK_EQ(counts[SIGUSR1], 1);
    CHECK_EQ(counts[SIGUSR2], 0);
}

/* kill(pid, 0) sends nothing; it says whether the process exists. */
static void
case_kill_signal_zero_checks_existence(void)
{
    int ready[2], status;
    char c;
    pid_t pid;

    CHECK_OK(pipe(ready));
    pid = fork();
    if (pid == 0) {
        close(ready[1]);
        read(ready[0], &c, 1);      /* until the parent closes the pipe */
        _exit(7);
    }
    close(ready[0]);
    CHECK_EQ(kill(getpid(), 0), 0);
    CHECK_EQ(kill(pid, 0), 0);
    close(ready[1]);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));           /* signal 0 was not a signal */
    CHECK_EQ(WEXITSTATUS(status), 7);
    CHECK_ERR(kill(pid, 0), ESRCH);
}

static void
case_kill_missing_process_is_esrch(void)
{
    pid_t pid = dead_pid();

    CHECK_ERR(kill(pid, SIGTERM), ESRCH);
    CHECK_ERR(kill(-pid, SIGTERM), ESRCH);      /* no such group either */
}

static void
case_kill_bad_signal_is_einval(void)
{
    set_handler(SIGUSR1, count_handler, 0, 0);
    CHECK_ERR(kill(getpid(), -1), EINVAL);
    CHECK_ERR(kill(getpid(), 100), EINVAL);
    CHECK_ERR(raise(100), EINVAL);
    CHECK_EQ(counts[SIGUSR1], 0);
}

/* ---- process groups ---------------------------------------------------------- */

/*
 * A probe child: joins group pgid (0: stay in ours, -1: a new group of its
 * own), blocks SIGUSR1, says it is ready, waits until `go` closes and exits
 * 1 if SIGUSR1 is pending, 0 if not.  So it reports whether it was sent
 * SIGUSR1 without dying of it.
 */
static pid_t
start_probe(pid_t pgid, int go[2])
{
    int ready[2];
    char c;
    pid_t pid;

    CHECK_OK(pipe(ready));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (pgid != 0 && setpgid(0, pgid < 0 ? 0 : pgid) < 0)
            _exit(20);
        check_change_mask(SIG_BLOCK, SIGUSR1);
        close(go[1]);
        write(ready[1], "r", 1);
        read(go[0], &c, 1);
        _exit(check_is_pending(SIGUSR1) ? 1 : 0);
    }
    if (pgid != 0)
        setpgid(pid, pgid < 0 ? pid : pgid);   /* also here: no race */
    close(ready[1]);
    CHECK_EQ(read(ready[0], &c, 1), 1);
    close(ready[0]);
    return pid;
}

static int
probe_result(pid_t pid)
{
    int status;

    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    return WEXITSTATUS(status);
}

static void
case_setpgid_and_getpgrp(void)
{
    int status;
    pid_t pid;

    CHECK_OK(setpgid(0, 0));
    CHECK_EQ(getpgrp(), getpid());
    CHECK_EQ(getpgid(0), getpid());
    pid = fork();
    if (pid == 0)
        _exit(getpgrp() == getppid() ? 0 : 1);  /* inherited */
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
    CHECK_ERR(setpgid(0, -1), EINVAL);
    CHECK_ERR(setpgid(getppid(), 0), ESRCH);    /* neither us nor a child */
}

/* A group to join must already exist in the caller's session. */
static void
case_setpgid_to_unknown_group_is_eperm(void)
{
    CHECK_ERR(setpgid(0, 30000), EPERM);
}

/* Once a child has called exec, its parent may no longer move it. */
static void
case_setpgid_after_child_exec_is_eacces(void)
{
    int status, i, r = 0;
    pid_t pid;

    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        execl("/bin/sleep", "sleep", "10", (char *)NULL);
        _exit(127);
    }
    for (i = 0; i < 500; i++) {     /* until the exec has happened */
        r = setpgid(pid, pid);
        if (r == -1)
            break;
        check_sleep_ms(10);
    }
    CHECK_EQ(r, -1);
    CHECK_EQ(errno, EACCES);
    CHECK_OK(kill(pid, SIGKILL));
    CHECK_EQ(waitpid(pid, &status, 0), pid);
}

/* kill(0, sig) signals every process in the caller's group, caller too. */
static void
case_kill_pid_zero_signals_own_group(void)
{
    int go[2];
    pid_t a, b, other;

    set_handler(SIGUSR1, count_handler, 0, 0);
    CHECK_OK(setpgid(0, 0));
    CHECK_OK(pipe(go));
    a = start_probe(0, go);
    b = start_probe(0, go);
    other = start_probe(-1, go);
    CHECK_OK(kill(0, SIGUSR1));
    CHECK_EQ(counts[SIGUSR1], 1);
    close(go[1]);
    CHECK_EQ(probe_result(a), 1);
    CHECK_EQ(probe_result(b), 1);
    CHECK_EQ(probe_result(other), 0);
}

/* kill(-pgid, sig) signals every process in group pgid, and nobody else. */
static void
case_kill_negative_pid_signals_that_group(void)
{
    int go[2];
    pid_t leader, member, outsider;

    set_handler(SIGUSR1, count_handler, 0, 0);
    CHECK_OK(pipe(go));
    leader = start_probe(-1, go);
    member = start_probe(leader, go);
    outsider = start_probe(0, go);
    CHECK_EQ(getpgid(member), leader);
    CHECK_OK(kill(-leader, SIGUSR1));
    close(go[1]);
    CHECK_EQ(probe_result(leader), 1);
    CHECK_EQ(probe_result(member), 1);
    CHECK_EQ(probe_result(outsider), 0);
    CHECK_EQ(counts[SIGUSR1], 0);
}

/* ---- sigaction ----------------------------------------------------------------- */

static void
case_sigaction_query_reports_current_action(void)
{
    struct sigaction old;

    CHECK(disposition(SIGUSR1) == SIG_DFL);
    set_handler(SIGUSR1, count_handler, SA_RESTART, SIGUSR2);
    CHECK_OK(sigaction(SIGUSR1, NULL, &old));
    CHECK(old.sa_handler == count_handler);
    CHECK(old.sa_flags & SA_RESTART);
    CHECK(sigismember(&old.sa_mask, SIGUSR2));
    CHECK(!sigismember(&old.sa_mask, SIGTERM));
    CHECK_OK(sigaction(SIGKILL, NULL, &old));   /* a query is allowed */
    CHECK(old.sa_handler == SIG_DFL);
}

static void
case_sigaction_rejects_bad_signals(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = count_handler;
    CHECK_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
    CHECK_ERR(sigaction(SIGSTOP, &sa, NULL), EINVAL);
    sa.sa_handler = SIG_IGN;
    CHECK_ERR(sigaction(SIGKILL, &sa, NULL), EINVAL);
    CHECK_ERR(sigaction(0, &sa, NULL), EINVAL);
    CHECK_ERR(sigaction(-1, &sa, NULL), EINVAL);
    CHECK_ERR(sigaction(100, &sa, NULL), EINVAL);
}

static sigset_t mask_in_handler;

static void
mask_recording_handler(int sig)
{
    counts[sig]++;
    mask_in_handler = current_mask();
}

/* During a handler the signal itself and sa_mask are blocked; afterwards
 * the old mask is back, exactly. */
static void
case_handler_runs_with_signal_and_sa_mask_blocked(void)
{
    set_handler(SIGUSR1, mask_recording_handler, 0, SIGUSR2);
    check_change_mask(SIG_BLOCK, SIGHUP);
    raise(SIGUSR1);
    CHECK_EQ(counts[SIGUSR1], 1);
    CHECK(sigismember(&mask_in_handler, SIGUSR1));
    CHECK(sigismember(&mask_in_handler, SIGUSR2));
    CHECK(sigismember(&mask_in_handler, SIGHUP));
    CHECK(!sigismember(&mask_in_handler, SIGTERM));
    CHECK(!check_is_blocked(SIGUSR1));
    CHECK(!check_is_blocked(SIGUSR2));
    CHECK(check_is_blocked(SIGHUP));
}

static volatile sig_atomic_t depth, max_depth;

static void
reraising_handler(int sig)
{
    counts[sig]++;
    depth++;
    if (depth > max_depth)
        max_depth = depth;
    if (counts[sig] == 1)
        raise(sig);         /* nests only if sig is not blocked now */
    depth--;
}

/* Without SA_NODEFER, a signal raised by its own handler waits for the
 * handler to return. */
static void
case_handler_defers_its_own_signal(void)
{
    set_handler(SIGUSR1, reraising_handler, 0, 0);
    raise(SIGUSR1);
    CHECK_EQ(counts[SIGUSR1], 2);
    CHECK_EQ(max_depth, 1);
}

/* With SA_NODEFER it interrupts its own handler. */
static void
case_sa_nodefer_lets_handler_nest(void)
{
    set_handler(SIGUSR1, reraising_handler, SA_NODEFER, 0);
    raise(SIGUSR1);
    CHECK_EQ(counts[SIGUSR1], 2);
    CHECK_EQ(max_depth, 2);
    set_handler(SIGUSR2, mask_recording_handler, SA_NODEFER, 0);
    raise(SIGUSR2);
    CHECK(!sigismember(&mask_in_handler, SIGUSR2));
}

static void (*disposition_in_handler)(int);

static void
resethand_handler(int sig)
{
    counts[sig]++;
    disposition_in_handler = disposition(sig);
}

static void
raise_usr1_twice_with_resethand(void)
{
    set_handler(SIGUSR1, resethand_handler, SA_RESETHAND, 0);
    raise(SIGUSR1);
    if (counts[SIGUSR1] != 1 || disposition_in_handler != SIG_DFL)
        _exit(1);
    raise(SIGUSR1);             /* the default action now: terminate */
    _exit(2);
}

/* SA_RESETHAND: the disposition goes back to SIG_DFL on entry to the
 * handler, so a second signal takes the default action. */
static void
case_sa_resethand_resets_to_default(void)
{
    check_killed_by(check_fork_status(raise_usr1_twice_with_resethand), SIGUSR1);
}

static volatile siginfo_t info_seen;
static volatile int info_context_given;

static void
info_handler(int sig, siginfo_t *info, void *context)
{
    counts[sig]++;
    info_seen.si_signo = info->si_signo;
    info_seen.si_code = info->si_code;
    info_seen.si_pid = info->si_pid;
    info_context_given = context != NULL;
}

/* SA_SIGINFO: the handler gets si_signo, si_code SI_USER and the sender's
 * pid for a signal sent by kill(). */
static void
case_sa_siginfo_names_the_sender(void)
{
    struct sigaction sa;
    sigset_t none;
    pid_t pid;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = info_handler;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    CHECK_OK(sigaction(SIGUSR2, &sa, NULL));
    check_change_mask(SIG_BLOCK, SIGUSR2);
    pid = fork();
    if (pid == 0)
        _exit(kill(getppid(), SIGUSR2) == 0 ? 0 : 1);
    CHECK_EQ(waitpid(pid, NULL, 0), pid);
    sigemptyset(&none);
    CHECK_ERR(sigsuspend(&none), EINTR);
    CHECK_EQ(counts[SIGUSR2], 1);
    CHECK_EQ(info_seen.si_signo, SIGUSR2);
    CHECK_EQ(info_seen.si_code, SI_USER);
    CHECK_EQ(info_seen.si_pid, pid);
    CHECK(info_context_given);
    check_change_mask(SIG_UNBLOCK, SIGUSR2);
    CHECK_OK(kill(getpid(), SIGUSR2));
    CHECK_EQ(counts[SIGUSR2], 2);
    CHECK_EQ(info_seen.si_pid, getpid());
}

/* ---- ignoring ----------------------------------------------------------------- */

static void
ignore_and_send_terminating_signals(void)
{
    signal(SIGTERM, SIG_IGN);
    signal(SIGUSR1, SIG_IGN);
    kill(getpid(), SIGTERM);
    raise(SIGUSR1);
    _exit(check_is_pending(SIGTERM) || check_is_pending(SIGUSR1) ? 1 : 0);
}

/* An ignored signal has no effect, not even pending. */
static void
case_ignored_signal_has_no_effect(void)
{
    CHECK_EQ(check_fork_status(ignore_and_send_terminating_signals), 0);
}

/* POSIX sigaction: setting SIG_IGN discards a pending signal; so does
 * SIG_DFL for a signal whose default action is to ignore. */
static void
case_setting_sig_ign_discards_pending_signal(void)
{
    set_handler(SIGUSR1, count_handler, 0, 0);
    set_handler(SIGCHLD, count_handler, 0, 0);
    check_change_mask(SIG_BLOCK, SIGUSR1);
    check_change_mask(SIG_BLOCK, SIGCHLD);
    raise(SIGUSR1);
    raise(SIGCHLD);
    CHECK(check_is_pending(SIGUSR1));
    CHECK(check_is_pending(SIGCHLD));
    signal(SIGUSR1, SIG_IGN);
    signal(SIGCHLD, SIG_DFL);
    CHECK(!check_is_pending(SIGUSR1));
    CHECK(!check_is_pending(SIGCHLD));
    set_handler(SIGUSR1, count_handler, 0, 0);
    set_handler(SIGCHLD, count_handler, 0, 0);
    check_change_mask(SIG_UNBLOCK, SIGUSR1);
    check_change_mask(SIG_UNBLOCK, SIGCHLD);
    CHECK_EQ(counts[SIGUSR1], 0);
    CHECK_EQ(counts[SIGCHLD], 0);
}

/* ---- the mask ------------------------------------------------------------------ */

static void
case_sigprocmask_block_unblock_setmask(void)
{
    sigset_t set, old;

    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, &old));
    CHECK(!sigismember(&old, SIGUSR1));
    CHECK(check_is_blocked(SIGUSR1) && check_is_blocked(SIGUSR2));
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK_OK(sigprocmask(SIG_UNBLOCK, &set, &old));
    CHECK(sigismember(&old, SIGUSR1) && sigismember(&old, SIGUSR2));
    CHECK(!check_is_blocked(SIGUSR1) && check_is_blocked(SIGUSR2));
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    CHECK_OK(sigprocmask(SIG_SETMASK, &set, NULL));
    CHECK(check_is_blocked(SIGTERM) && !check_is_blocked(SIGUSR2));
    CHECK_ERR(sigprocmask(12345, &set, NULL), EINVAL);
    CHECK(check_is_blocked(SIGTERM));
}

/* SIGKILL and SIGSTOP in the set are silently not blocked. */
static void
case_sigprocmask_cannot_block_sigkill_or_sigstop(void)
{
    sigset_t all;

    sigfillset(&all);
    CHECK_OK(sigprocmask(SIG_SETMASK, &all, NULL));
    CHECK(!check_is_blocked(SIGKILL));
    CHECK(!check_is_blocked(SIGSTOP));
    CHECK(check_is_blocked(SIGTERM));
}

static void
block_everything_and_raise_sigkill(void)
{
    sigset_t all;

    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, NULL);
    raise(SIGKILL);
    _exit(1);
}

static void
case_sigkill_kills_despite_full_mask(void)
{
    check_killed_by(check_fork_status(block_everything_and_raise_sigkill), SIGKILL);
}

static void
case_blocked_signal_is_pending_not_delivered(void)
{
    set_handler(SIGUSR1, count_handler, 0, 0);
    check_change_mask(SIG_BLOCK, SIGUSR1);
    check_change_mask(SIG_BLOCK, SIGUSR2);
    CHECK(!check_is_pending(SIGUSR1));
    raise(SIGUSR1);
    CHECK_EQ(counts[SIGUSR1], 0);
    CHECK(check_is_pending(SIGUSR1));
    CHECK(!check_is_pending(SIGUSR2));
}

/* POSIX sigprocmask: a pending signal that gets unblocked is delivered
 * before sigprocmask() returns. */
static void
case_unblocking_delivers_before_sigprocmask_returns(void)
{
    set_handler(SIGUSR1, count_handler, 0, 0);
    check_change_mask(SIG_BLOCK, SIGUSR1);
    raise(SIGUSR1);
    CHECK_EQ(counts[SIGUSR1], 0);
    check_change_mask(SIG_UNBLOCK, SIGUSR1);
    CHECK_EQ(counts[SIGUSR1], 1);
    CHECK(!check_is_pending(SIGUSR1));
}

/* Standard signals do not queue: the pending set is a bitmap. */
static void
case_same_signal_twice_while_blocked_arrives_once(void)
{
    set_handler(SIGUSR1, count_handler, 0, 0);
    check_change_mask(SIG_BLOCK, SIGUSR1);
    CHECK_OK(kill(getpid(), SIGUSR1));
    CHECK_OK(kill(getpid(), SIGUSR1));
    check_change_mask(SIG_UNBLOCK, SIGUSR1);
    CHECK_EQ(counts[SIGUSR1], 1);
}

static void
case_different_blocked_signals_each_arrive(void)
{
    static const int sigs[] = { SIGHUP, SIGUSR1, SIGUSR2, SIGTERM, SIGALRM };
    sigset_t set;
    unsigned i;

    sigemptyset(&set);
    for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        set_handler(sigs[i], count_handler, 0, 0);
        sigaddset(&set, sigs[i]);
    }
    CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
    for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        raise(sigs[i]);
    CHECK_OK(sigprocmask(SIG_UNBLOCK, &set, NULL));
    for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        CHECK_EQ(counts[sigs[i]], 1);
}

/* ---- nested handlers ------------------------------------------------------------ */

static sigset_t mask_in_outer, mask_in_inner, mask_after_inner;
static volatile int inner_ran_inside_outer;

static void
inner_handler(int sig)
{
    counts[sig]++;
    mask_in_inner = current_mask();
    inner_ran_inside_outer = depth == 1;
}

static void
outer_handler(int sig)
{
    counts[sig]++;
    depth++;
    mask_in_outer = current_mask();
    raise(SIGUSR2);
    mask_after_inner = current_mask();
    depth--;
}

/* A handler interrupted by another: each runs with its own mask added to
 * the mask of the code it interrupted, and each return restores it. */
static void
case_nested_handlers_have_the_right_masks(void)
{
    set_handler(SIGUSR1, outer_handler, 0, SIGHUP);
    set_handler(SIGUSR2, inner_handler, 0, SIGTERM);
    raise(SIGUSR1);
    CHECK_EQ(counts[SIGUSR1], 1);
    CHECK_EQ(counts[SIGUSR2], 1);
    CHECK(inner_ran_inside_outer);
    CHECK(sigismember(&mask_in_outer, SIGUSR1));
    CHECK(sigismember(&mask_in_outer, SIGHUP));
    CHECK(!sigismember(&mask_in_outer, SIGUSR2));
    CHECK(sigismember(&mask_in_inner, SIGUSR1));
    CHECK(sigismember(&mask_in_inner, SIGHUP));
    CHECK(sigismember(&mask_in_inner, SIGUSR2));
    CHECK(sigismember(&mask_in_inner, SIGTERM));
    CHECK(sigismember(&mask_after_inner, SIGUSR1));
    CHECK(!sigismember(&mask_after_inner, SIGUSR2));
    CHECK(!sigismember(&mask_after_inner, SIGTERM));
    CHECK(!check_is_blocked(SIGUSR1) && !check_is_blocked(SIGUSR2));
    CHECK(!check_is_blocked(SIGHUP) && !check_is_blocked(SIGTERM));
}

static volatile char *deep_stack_low;

/* Uses 64 KiB of stack, touching only the top: the pages below are not
 * mapped yet when the signal frame is built there. */
static void
raise_on_a_deep_stack(void)
{
    volatile char big[64 * 1024];

    big[sizeof big - 1] = 1;
    deep_stack_low = big;
    raise(SIGUSR1);
    big[0] = 1;
}

/* The frame goes on the user stack below %esp, growing it as needed. */
static void
case_handler_runs_on_a_fresh_stack_page(void)
{
    set_handler(SIGUSR1, count_handler, 0, 0);
    raise_on_a_deep_stack();
    CHECK_EQ(counts[SIGUSR1], 1);
    CHECK(deep_stack_low != NULL);
}

/* ---- default actions -------------------------------------------------------------- */

static int signal_to_raise;

static void
raise_chosen_signal(void)
{
    signal(signal_to_raise, SIG_DFL);
    raise(signal_to_raise);
    _exit(1);
}

static void
case_default_action_terminates(void)
{
    static const int sigs[] = { SIGHUP, SIGINT, SIGUSR1, SIGUSR2, SIGPIPE,
                                SIGALRM, SIGTERM };
    unsigned i;

    for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        signal_to_raise = sigs[i];
        check_killed_by(check_fork_status(raise_chosen_signal), sigs[i]);
    }
}

static void
raise_default_ignored_signals(void)
{
    raise(SIGCHLD);
    raise(SIGURG);
    raise(SIGWINCH);
    raise(SIGCONT);             /* continue, when not stopped: nothing */
    _exit(0);
}

static void
case_default_action_ignores_sigchld_sigurg_sigwinch(void)
{
    CHECK_EQ(check_fork_status(raise_default_ignored_signals), 0);
}

/* ---- faults ------------------------------------------------------------------------ */

static void
write_to_null(void)
{
    volatile int *volatile p = NULL;

    *p = 1;
    _exit(1);
}

static void
divide_by_zero(void)
{
    __asm__ volatile("xorl %%ecx, %%ecx\n\t"
                     "movl $1, %%eax\n\t"
                     "cltd\n\t"
                     "idivl %%ecx" ::: "eax", "ecx", "edx", "cc");
    _exit(1);
}

static void
invalid_opcode(void)
{
    __asm__ volatile("ud2");
    _exit(1);
}

static void
case_null_write_is_sigsegv(void)
{
    check_killed_by(check_fork_status(write_to_null), SIGSEGV);
}

static void
case_divide_by_zero_is_sigfpe(void)
{
    check_killed_by(check_fork_status(divide_by_zero), SIGFPE);
}

static void
case_invalid_opcode_is_sigill(void)
{
    check_killed_by(check_fork_status(invalid_opcode), SIGILL);
}

static void
exit_7_handler(int sig)
{
    (void)sig;
    _exit(7);
}

static void
catch_null_write(void)
{
    set_handler(SIGSEGV, exit_7_handler, 0, 0);
    write_to_null();
}

/* A fault is an ordinary signal: a handler can catch it. */
static void
case_sigsegv_can_be_caught(void)
{
    int status = check_fork_status(catch_null_write);

    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 7);
}

static void
block_sigsegv_and_fault(void)
{
    check_change_mask(SIG_BLOCK, SIGSEGV);
    write_to_null();
}

static void
ignore_sigsegv_and_fault(void)
{
    signal(SIGSEGV, SIG_IGN);
    write_to_null();
}

/* A fault cannot be blocked or ignored away: the process dies. */
static void
case_fault_kills_even_if_blocked_or_ignored(void)
{
    check_killed_by(check_fork_status(block_sigsegv_and_fault), SIGSEGV);
    check_killed_by(check_fork_status(ignore_sigsegv_and_fault), SIGSEGV);
}

/* ---- SIGPIPE ------------------------------------------------------------------- */

static void
write_to_pipe_without_reader(void)
{
    int fds[2];

    if (pipe(fds) < 0)
        _exit(2);
    close(fds[0]);
    write(fds[1], "x", 1);
    _exit(1);
}

static void
case_sigpipe_default_kills_the_writer(void)
{
    check_killed_by(check_fork_status(write_to_pipe_without_reader), SIGPIPE);
}

static void
case_sigpipe_ignored_gives_epipe(void)
{
    int fds[2];

    signal(SIGPIPE, SIG_IGN);
    CHECK_OK(pipe(fds));
    close(fds[0]);
    CHECK_ERR(write(fds[1], "x", 1), EPIPE);
}

static void
case_sigpipe_caught_then_epipe(void)
{
    int fds[2];

    set_handler(SIGPIPE, count_handler, 0, 0);
    CHECK_OK(pipe(fds));
    close(fds[0]);
    CHECK_ERR(write(fds[1], "x", 1), EPIPE);
    CHECK_EQ(counts[SIGPIPE], 1);
}

/* ---- fork and exec --------------------------------------------------------------- */

/*
 * The child of fork: nothing pending; the parent's mask and dispositions.
 * Returns 0, or the number of the first rule broken.
 */
static int
child_checks_inherited_state(void)
{
    if (check_is_pending(SIGUSR1))
        return 1;
    if (!check_is_blocked(SIGUSR1))
        return 2;
    if (disposition(SIGUSR2) != count_handler)
        return 3;
    if (disposition(SIGTERM) != SIG_IGN)
        return 4;
    raise(SIGUSR2);
    if (counts[SIGUSR2] != 1)
        return 5;
    if (alarm(0) != 0)          /* alarms are not inherited */
        return 6;
    return 0;
}

static void
case_fork_child_inherits_mask_and_actions_not_pending(void)
{
    int status;
    pid_t pid;

    set_handler(SIGUSR2, count_handler, 0, 0);
    signal(SIGTERM, SIG_IGN);
    check_change_mask(SIG_BLOCK, SIGUSR1);
    raise(SIGUSR1);
    alarm(100);
    pid = fork();
    if (pid == 0)
        _exit(child_checks_inherited_state());
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
    CHECK(check_is_pending(SIGUSR1));         /* the parent keeps its own */
    CHECK(alarm(0) > 0);
}

/*
 * --exec-probe: the state after exec, before anything else changes it.
 * Exit status: a bit per broken rule (0: all as expected).
 */
static int
exec_probe_main(void)
{
    int broken = 0;

    if (disposition(SIGUSR1) != SIG_DFL)
        broken |= 1;            /* a handled signal goes back to default */
    if (disposition(SIGUSR2) != SIG_IGN)
        broken |= 2;            /* an ignored one stays ignored */
    if (!check_is_blocked(SIGTERM))
        broken |= 4;            /* the mask stays */
    if (!check_is_pending(SIGHUP))
        broken |= 8;            /* pending signals stay pending */
    return broken;
}

static void
case_exec_resets_handlers_keeps_ignored_and_mask(void)
{
    char *argv[] = { "test_signal", "--exec-probe", NULL };
    int status;
    pid_t pid;

    pid = fork();
    if (pid == 0) {
        set_handler(SIGUSR1, count_handler, 0, 0);
        signal(SIGUSR2, SIG_IGN);
        check_change_mask(SIG_BLOCK, SIGTERM);
        check_change_mask(SIG_BLOCK, SIGHUP);
        raise(SIGHUP);
        execve(SELF, argv, saved_envp);
        _exit(127);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
}

/* ---- registers across handlers ---------------------------------------------------- */

/*
 * A computation that keeps its whole state in eax, ebx, ecx, edx, esi, edi
 * and the carry flag for n rounds.  Every register is read before it is
 * written again, and every instruction reads the carry left by the one
 * before (adc, sbb, rcl, rcr; lea and dec leave it alone), even across the
 * jump back to the top of the loop.  So a handler that returns with any of
 * them changed, at any point of the loop, changes the answer.  (That the
 * state is live at the top matters: QEMU's emulator takes interrupts only
 * between blocks of translated code, which here means at label 1.)
 */
static unsigned
register_mix(unsigned n, unsigned seed)
{
    unsigned a = seed, b = 0x9e3779b9, c = n, d = 0x7f4a7c15, s = 0x12345678;
    unsigned e = 0x2545f491;

    __asm__ volatile(
        "clc\n"
        "1:\n\t"
        "adcl %%ecx, %%eax\n\t"
        "adcl %%eax, %%ebx\n\t"
        "rcll $3, %%ebx\n\t"
        "adcl %%ebx, %%edx\n\t"
        "leal 7(%%edx,%%edi), %%edi\n\t"
        "adcl %%edi, %%esi\n\t"
        "rcrl $1, %%esi\n\t"
        "sbbl %%esi, %%eax\n\t"
        "adcl %%eax, %%edx\n\t"
        "decl %%ecx\n\t"
        "jnz 1b"
        : "+a"(a), "+b"(b), "+c"(c), "+d"(d), "+S"(s), "+D"(e)
        :
        : "cc");
    return a ^ b ^ d ^ s ^ e;
}

/* The handler scribbles over every register it may use. */
static void
clobbering_handler(int sig)
{
    counts[sig]++;
    __asm__ volatile("movl $0xdeadbeef, %%eax\n\t"
                     "movl %%eax, %%ebx\n\t"
                     "movl %%eax, %%ecx\n\t"
                     "movl %%eax, %%edx\n\t"
                     "movl %%eax, %%esi\n\t"
                     "movl %%eax, %%edi\n\t"
                     "addl %%eax, %%eax"
                     ::: "eax", "ebx", "ecx", "edx", "esi", "edi", "cc");
}

/* Sends SIGUSR1 to target in bursts, giving up the CPU between bursts so
 * that the target is interrupted at ever different instructions. */
static pid_t
start_signal_storm(pid_t target)
{
    pid_t pid = fork();
    int i;

    CHECK(pid >= 0);
    if (pid == 0) {
        for (;;) {
            for (i = 0; i < 50; i++)
                if (kill(target, SIGUSR1) < 0)
                    _exit(0);
            sched_yield();
        }
    }
    return pid;
}

static long
elapsed_ms(const struct timespec *start)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (now.tv_sec - start->tv_sec) * 1000 +
           (now.tv_nsec - start->tv_nsec) / 1000000;
}

#define MIX_ROUNDS      100000
#define MIX_SEED        0x600dcafe
#define STORM_MS        4000      /* how long to compute under the storm */
#define STORM_ENOUGH    300       /* or stop once this many handlers ran */
#define STORM_AT_LEAST  10        /* fewer did not test anything */

static void
case_registers_survive_thousands_of_signals(void)
{
    struct timespec start;
    unsigned expected;
    long chunks = 0;
    pid_t storm;

    set_handler(SIGUSR1, clobbering_handler, 0, 0);
    expected = register_mix(MIX_ROUNDS, MIX_SEED);
    clock_gettime(CLOCK_MONOTONIC, &start);
    storm = start_signal_storm(getpid());
    while (counts[SIGUSR1] < STORM_ENOUGH && elapsed_ms(&start) < STORM_MS) {
        CHECK_EQ(register_mix(MIX_ROUNDS, MIX_SEED), expected);
        chunks++;
    }
    kill(storm, SIGKILL);
    CHECK_EQ(waitpid(storm, NULL, 0), storm);
    CHECK(counts[SIGUSR1] >= STORM_AT_LEAST);
    CHECK(chunks > 0);
}

/* A process outside the console's foreground group that reads the console
 * is stopped by SIGTTIN (its default action). */
static void
case_background_console_read_stops_with_sigttin(void)
{
    int status;
    pid_t pid;
    char c;

    CHECK(isatty(0));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        setpgid(0, 0);              /* leave the foreground group */
        read(0, &c, 1);
        _exit(1);                   /* the read must not return */
    }
    CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
    CHECK(WIFSTOPPED(status));
    CHECK_EQ(WSTOPSIG(status), SIGTTIN);
    CHECK_OK(kill(pid, SIGKILL));
    CHECK_EQ(waitpid(pid, &status, 0), pid);
}

/* With SIGTTIN ignored, the background read fails with EIO instead. */
static void
child_reads_console_ignoring_sigttin(void)
{
    char c;

    setpgid(0, 0);
    signal(SIGTTIN, SIG_IGN);
    if (read(0, &c, 1) != -1 || errno != EIO)
        _exit(1);
}

static void
case_background_console_read_with_sigttin_ignored_is_eio(void)
{
    int status;

    CHECK(isatty(0));
    status = check_fork_status(child_reads_console_ignoring_sigttin);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
}

int
main(int argc, char **argv, char **envp)
{
    static const struct check_case cases[] = {
        CHECK_CASE(signal_returns_previous_disposition),
        CHECK_CASE(signal_rejects_sigkill_and_sigstop),
        CHECK_CASE(signal_handler_stays_installed),
        CHECK_CASE(kill_self_runs_handler_before_kill_returns),
        CHECK_CASE(raise_runs_handler_before_raise_returns),
        CHECK_CASE(kill_signal_zero_checks_existence),
        CHECK_CASE(kill_missing_process_is_esrch),
        CHECK_CASE(kill_bad_signal_is_einval),
        CHECK_CASE(setpgid_and_getpgrp),
        CHECK_CASE(setpgid_to_unknown_group_is_eperm),
        CHECK_CASE(setpgid_after_child_exec_is_eacces),
        CHECK_CASE(kill_pid_zero_signals_own_group),
        CHECK_CASE(kill_negative_pid_signals_that_group),
        CHECK_CASE(sigaction_query_reports_current_action),
        CHECK_CASE(sigaction_rejects_bad_signals),
        CHECK_CASE(handler_runs_with_signal_and_sa_mask_blocked),
        CHECK_CASE(handler_defers_its_own_signal),
        CHECK_CASE(sa_nodefer_lets_handler_nest),
        CHECK_CASE(sa_resethand_resets_to_default),
        CHECK_CASE(sa_siginfo_names_the_sender),
        CHECK_CASE(ignored_signal_has_no_effect),
        CHECK_CASE(setting_sig_ign_discards_pending_signal),
        CHECK_CASE(sigprocmask_block_unblock_setmask),
        CHECK_CASE(sigprocmask_cannot_block_sigkill_or_sigstop),
        CHECK_CASE(sigkill_kills_despite_full_mask),
        CHECK_CASE(blocked_signal_is_pending_not_delivered),
        CHECK_CASE(unblocking_delivers_before_sigprocmask_returns),
        CHECK_CASE(same_signal_twice_while_blocked_arrives_once),
        CHECK_CASE(different_blocked_signals_each_arrive),
        CHECK_CASE(nested_handlers_have_the_right_masks),
        CHECK_CASE(handler_runs_on_a_fresh_stack_page),
        CHECK_CASE(default_action_terminates),
        CHECK_CASE(default_action_ignores_sigchld_sigurg_sigwinch),
        CHECK_CASE(null_write_is_sigsegv),
        CHECK_CASE(divide_by_zero_is_sigfpe),
        CHECK_CASE(invalid_opcode_is_sigill),
        CHECK_CASE(sigsegv_can_be_caught),
        CHECK_CASE(fault_kills_even_if_blocked_or_ignored),
        CHECK_CASE(sigpipe_default_kills_the_writer),
        CHECK_CASE(sigpipe_ignored_gives_epipe),
        CHECK_CASE(sigpipe_caught_then_epipe),
        CHECK_CASE(fork_child_inherits_mask_and_actions_not_pending),
        CHECK_CASE(exec_resets_handlers_keeps_ignored_and_mask),
        CHECK_CASE(registers_survive_thousands_of_signals),
        CHECK_CASE(background_console_read_stops_with_sigttin),
        CHECK_CASE(background_console_read_with_sigttin_ignored_is_eio),
    };

    if (argc > 1 && strcmp(argv[1], "--exec-probe") == 0)
        return exec_probe_main();
    saved_envp = envp;
    return check_main("signal", cases, CHECK_NCASES(cases), argc, argv);
}
