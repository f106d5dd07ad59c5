/*
 * test_sigext -- the rest of the signal interface: the alternate signal
 * stack, SA_NOCLDWAIT, who may signal whom (EPERM across users, si_uid),
 * process groups and sessions (killpg, getsid, setpgrp), and the XSI
 * calls sighold, sigrelse, sigignore, sigpause, sigset with SIG_HOLD.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

static void
nothing(int sig)
{
    (void)sig;
}

/* ---- the alternate signal stack -------------------------------------------- */

static char *alt_base;
static size_t alt_size;
static volatile uintptr_t handler_sp;
static volatile int handler_flags;

static void
where_am_i(int sig)
{
    int local;
    stack_t now;

    (void)sig;
    handler_sp = (uintptr_t)&local;
    handler_flags = sigaltstack(NULL, &now) == 0 ? now.ss_flags : -1;
}

static void
install_altstack(size_t size)
{
    stack_t ss;

    alt_size = size;
    alt_base = malloc(size);
    CHECK(alt_base != NULL);
    ss.ss_sp = alt_base;
    ss.ss_size = size;
    ss.ss_flags = 0;
    CHECK_OK(sigaltstack(&ss, NULL));
}

static int
on_altstack(uintptr_t sp)
{
    return sp > (uintptr_t)alt_base && sp <= (uintptr_t)alt_base + alt_size;
}

/* POSIX: a process starts with no alternate stack: SS_DISABLE. */
static void
case_sigaltstack_starts_disabled(void)
{
    stack_t old;

    CHECK_OK(sigaltstack(NULL, &old));
    CHECK(old.ss_flags & SS_DISABLE);
}

/* An SA_ONSTACK handler runs on the alternate stack, and sigaltstack in it
 * says SS_ONSTACK. */
static void
case_sa_onstack_handler_runs_on_the_alternate_stack(void)
{
    install_altstack(SIGSTKSZ);
    check_set_handler(SIGUSR1, where_am_i, SA_ONSTACK);
    CHECK_OK(raise(SIGUSR1));
    CHECK(on_altstack(handler_sp));
    CHECK_EQ(handler_flags, SS_ONSTACK);
}

/* Without SA_ONSTACK the handler stays on the ordinary stack. */
static void
case_handler_without_sa_onstack_uses_the_ordinary_stack(void)
{
    stack_t now;

    install_altstack(SIGSTKSZ);
    check_set_handler(SIGUSR1, where_am_i, 0);
    CHECK_OK(raise(SIGUSR1));
    CHECK(!on_altstack(handler_sp));
    CHECK_EQ(handler_flags, 0);
    CHECK_OK(sigaltstack(NULL, &now));
    CHECK(now.ss_sp == alt_base);
    CHECK_EQ(now.ss_size, SIGSTKSZ);
}

static volatile int recursion_depth;

static int
recurse_forever(int n)
{
    volatile char pad[4096];

    pad[0] = (char)n;
    recursion_depth = n;
    if (recursion_depth < 0)            /* never: keeps the compiler quiet */
        return 0;
    return recurse_forever(n + 1) + pad[0];
}

static void
overflow_handler(int sig)
{
    _exit(sig == SIGSEGV && recursion_depth > 100 ? 42 : 1);
}

static void
overflow_with_altstack(void)
{
    install_altstack(SIGSTKSZ);
    check_set_handler(SIGSEGV, overflow_handler, SA_ONSTACK);
    recurse_forever(0);
}

/* The classic use: a stack overflow's SIGSEGV cannot be handled on the
 * stack that overflowed, but it can on the alternate one. */
static void
case_stack_overflow_sigsegv_is_caught_on_the_alternate_stack(void)
{
    pid_t pid = fork();

    if (pid == 0) {
        overflow_with_altstack();
        _exit(2);
    }
    CHECK_EQ(check_exit_code(pid), 42);
}

static void
case_sigaltstack_smaller_than_minsigstksz_is_enomem(void)
{
    stack_t ss;

    ss.ss_sp = malloc(MINSIGSTKSZ);
    ss.ss_size = 1024;                  /* well below MINSIGSTKSZ */
    ss.ss_flags = 0;
    CHECK_ERR(sigaltstack(&ss, NULL), ENOMEM);
}

static void
case_sigaltstack_unknown_flag_is_einval(void)
{
    stack_t ss;

    ss.ss_sp = malloc(SIGSTKSZ);
    ss.ss_size = SIGSTKSZ;
    ss.ss_flags = 0x100;
    CHECK_ERR(sigaltstack(&ss, NULL), EINVAL);
}

static volatile int change_error;

static void
change_while_on_it(int sig)
{
    static char other[16384];      /* >= SIGSTKSZ; glibc's is not a constant */
    stack_t ss;

    (void)sig;
    ss.ss_sp = other;
    ss.ss_size = sizeof other;
    ss.ss_flags = 0;
    change_error = sigaltstack(&ss, NULL) == 0 ? 0 : errno;
}

/* POSIX: changing the alternate stack while running on it is EPERM. */
static void
case_sigaltstack_change_while_on_it_is_eperm(void)
{
    install_altstack(SIGSTKSZ);
    check_set_handler(SIGUSR2, change_while_on_it, SA_ONSTACK);
    CHECK_OK(raise(SIGUSR2));
    CHECK_EQ(change_error, EPERM);
}

/* SS_DISABLE turns it off: SA_ONSTACK handlers use the ordinary stack. */
static void
case_sigaltstack_ss_disable_turns_it_off(void)
{
    stack_t ss, old;

    install_altstack(SIGSTKSZ);
    memset(&ss, 0, sizeof ss);
    ss.ss_flags = SS_DISABLE;
    CHECK_OK(sigaltstack(&ss, &old));
    CHECK(old.ss_sp == alt_base);
    CHECK_OK(sigaltstack(NULL, &old));
    CHECK(old.ss_flags & SS_DISABLE);
    check_set_handler(SIGUSR1, where_am_i, SA_ONSTACK);
    CHECK_OK(raise(SIGUSR1));
    CHECK(!on_altstack(handler_sp));
}

static volatile uintptr_t outer_sp, inner_sp;

static void
inner_handler(int sig)
{
    int local;

    (void)sig;
    inner_sp = (uintptr_t)&local;
}

static void
outer_handler(int sig)
{
    int local;

    (void)sig;
    outer_sp = (uintptr_t)&local;
    raise(SIGUSR2);
}

/* A handler that interrupts one already on the alternate stack gets its
 * frame below it, on the same stack (not at the top again). */
static void
case_nested_onstack_handler_stays_below_on_the_alternate_stack(void)
{
    install_altstack(SIGSTKSZ);
    check_set_handler(SIGUSR1, outer_handler, SA_ONSTACK);
    check_set_handler(SIGUSR2, inner_handler, SA_ONSTACK);
    CHECK_OK(raise(SIGUSR1));
    CHECK(on_altstack(outer_sp));
    CHECK(on_altstack(inner_sp));
    CHECK(inner_sp < outer_sp);
}

/* fork: the child keeps the alternate stack (its copy of the memory). */
static void
case_fork_child_inherits_the_alternate_stack(void)
{
    pid_t pid;

    install_altstack(SIGSTKSZ);
    check_set_handler(SIGUSR1, where_am_i, SA_ONSTACK);
    pid = fork();
    if (pid == 0) {
        raise(SIGUSR1);
        _exit(on_altstack(handler_sp) ? 0 : 1);
    }
    CHECK_EQ(check_exit_code(pid), 0);
}

/* ---- SA_NOCLDWAIT -------------------------------------------------------------- */

/* POSIX: with SA_NOCLDWAIT children leave no zombie; wait() then fails
 * with ECHILD once they have all exited. */
static void
case_sa_nocldwait_children_are_reaped_wait_is_echild(void)
{
    pid_t pid;

    check_set_handler(SIGCHLD, SIG_DFL, SA_NOCLDWAIT);
    pid = fork();
    if (pid == 0)
        _exit(7);
    CHECK_ERR(waitpid(pid, NULL, 0), ECHILD);
    CHECK_ERR(kill(pid, 0), ESRCH);
}

/* Linux: a SIGCHLD handler still runs when SA_NOCLDWAIT is set. */
static void
case_sa_nocldwait_with_a_handler_still_gets_sigchld(void)
{
    sigset_t set;
    siginfo_t info;
    pid_t pid;

    check_change_mask(SIG_BLOCK, SIGCHLD);
    check_set_handler(SIGCHLD, nothing, SA_NOCLDWAIT);
    pid = fork();
    if (pid == 0)
        _exit(5);
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    CHECK_EQ(sigwaitinfo(&set, &info), SIGCHLD);
    CHECK_EQ(info.si_pid, pid);
    CHECK_EQ(info.si_code, CLD_EXITED);
    CHECK_EQ(info.si_status, 5);
    CHECK_ERR(waitpid(pid, NULL, 0), ECHILD);
}

/* ---- who may signal whom --------------------------------------------------------- */

/* POSIX kill: an unprivileged sender whose real and effective ids match
 * neither the target's real nor saved id gets EPERM (for signal 0 too). */
static void
case_kill_of_another_users_process_is_eperm(void)
{
    pid_t target = check_fork_pauser(), pid;

    pid = fork();
    if (pid == 0) {
        if (setuid(1000) < 0)
            _exit(1);
        if (kill(target, SIGTERM) == 0 || errno != EPERM)
            _exit(2);
        if (kill(target, 0) == 0 || errno != EPERM)
            _exit(3);
        _exit(0);
    }
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_OK(kill(target, 0));          /* still there */
    CHECK_OK(kill(target, SIGKILL));    /* root may */
    CHECK_EQ(check_exit_code(target), 128 + SIGKILL);
}

/* Processes of the same user may signal each other. */
static void
case_kill_of_same_users_process_is_allowed(void)
{
    pid_t target, pid;

    CHECK_OK(setuid(1000));
    target = check_fork_pauser();      /* runs as 1000 too */
    pid = fork();
    if (pid == 0)
        _exit(kill(target, SIGTERM) == 0 ? 0 : 1);
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_EQ(check_exit_code(target), 128 + SIGTERM);
}

/* kill to a group: EPERM when every member refuses, and none is signalled. */
static void
case_kill_of_a_group_of_another_user_is_eperm(void)
{
    pid_t target = check_fork_pauser(), pid;

    CHECK_OK(setpgid(target, target));
    pid = fork();
    if (pid == 0) {
        if (setuid(1000) < 0)
            _exit(1);
        _exit(killpg(target, SIGTERM) < 0 && errno == EPERM ? 0 : 2);
    }
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_OK(kill(target, 0));
    CHECK_OK(kill(target, SIGKILL));
    check_exit_code(target);
}

/* POSIX: SIGCONT may go to any process of the sender's session, whoever
 * owns it; other signals still may not. */
static void
case_sigcont_to_another_users_process_in_the_session_is_allowed(void)
{
    pid_t target = check_fork_pauser(), pid;

    pid = fork();
    if (pid == 0) {
        if (setuid(1000) < 0)
            _exit(1);
        if (kill(target, SIGCONT) != 0)
            _exit(2);
        _exit(kill(target, SIGTERM) < 0 && errno == EPERM ? 0 : 3);
    }
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_OK(kill(target, SIGKILL));
    check_exit_code(target);
}

/* SA_SIGINFO's si_uid is the sender's real user id. */
static void
case_siginfo_si_uid_is_the_senders_real_uid(void)
{
    sigset_t set;
    siginfo_t info;
    pid_t pid;

    CHECK_OK(setuid(1234));
    check_change_mask(SIG_BLOCK, SIGUSR1);
    pid = fork();
    if (pid == 0)
        _exit(kill(getppid(), SIGUSR1) == 0 ? 0 : 1);
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK_EQ(sigwaitinfo(&set, &info), SIGUSR1);
    CHECK_EQ(info.si_uid, 1234);
    CHECK_EQ(info.si_pid, pid);
    CHECK_EQ(info.si_code, SI_USER);
    CHECK_EQ(check_exit_code(pid), 0);
}

/* ---- groups and sessions ------------------------------------------------------------ */

/* killpg(pgrp, sig) reaches every process of the group. */
static void
case_killpg_signals_every_process_in_the_group(void)
{
    pid_t a = check_fork_pauser(), b = check_fork_pauser();

    CHECK_OK(setpgid(a, a));
    CHECK_OK(setpgid(b, a));
    CHECK_OK(killpg(a, SIGTERM));
    CHECK_EQ(check_exit_code(a), 128 + SIGTERM);
    CHECK_EQ(check_exit_code(b), 128 + SIGTERM);
}

static void
case_killpg_of_negative_group_is_einval(void)
{
    CHECK_ERR(killpg(-5, SIGTERM), EINVAL);
}

static void
case_killpg_of_no_such_group_is_esrch(void)
{
    pid_t pid = fork();

    if (pid == 0)
        _exit(0);
    check_exit_code(pid);
    CHECK_ERR(killpg(pid, SIGTERM), ESRCH);
}

/* getsid: the session of a process; a new session's id is its leader's pid. */
static void
case_getsid_names_the_session(void)
{
    pid_t pid;

    CHECK_EQ(getsid(0), getsid(getpid()));
    pid = fork();
    if (pid == 0) {
        pid_t sid = setsid();
        _exit(sid == getpid() && getsid(0) == getpid() ? 0 : 1);
    }
    CHECK_EQ(check_exit_code(pid), 0);
}

static void
case_getsid_of_no_such_process_is_esrch(void)
{
    pid_t pid = fork();

    if (pid == 0)
        _exit(0);
    check_exit_code(pid);
    CHECK_ERR(getsid(pid), ESRCH);
}

/* setpgrp: the caller leads a new group; setpgid(0, 0), and like it
 * returns 0 (Linux; POSIX's XSI page says the group id). */
static void
case_setpgrp_makes_the_caller_a_group_leader(void)
{
    pid_t pid = fork();

    if (pid == 0)
        _exit(setpgrp() == 0 && getpgrp() == getpid() ? 0 : 1);
    CHECK_EQ(check_exit_code(pid), 0);
}

/* ---- the XSI calls ----------------------------------------------------------------- */

static void
case_sighold_blocks_and_sigrelse_unblocks(void)
{
    check_catch_signal(SIGUSR1, 0);
    CHECK_OK(sighold(SIGUSR1));
    CHECK(check_is_blocked(SIGUSR1));
    CHECK_OK(raise(SIGUSR1));
    CHECK_EQ(check_signals_caught, 0);
    CHECK_OK(sigrelse(SIGUSR1));
    CHECK_EQ(check_signals_caught, 1);
    CHECK(!check_is_blocked(SIGUSR1));
}

static void
case_sighold_of_invalid_signal_is_einval(void)
{
    CHECK_ERR(sighold(NSIG), EINVAL);
    CHECK_ERR(sigrelse(0), EINVAL);
}

static void
case_sigignore_sets_sig_ign(void)
{
    struct sigaction old;

    CHECK_OK(sigignore(SIGUSR2));
    CHECK_OK(sigaction(SIGUSR2, NULL, &old));
    CHECK(old.sa_handler == SIG_IGN);
    CHECK_OK(raise(SIGUSR2));           /* survives */
    CHECK_ERR(sigignore(SIGKILL), EINVAL);
}

/* sigset(sig, SIG_HOLD) blocks sig and leaves its action; it answers
 * SIG_HOLD when sig was already blocked, else the previous action. */
static void
case_sigset_sig_hold_blocks_and_keeps_the_action(void)
{
    struct sigaction now;

    check_catch_signal(SIGUSR1, 0);
    CHECK(sigset(SIGUSR1, SIG_HOLD) == check_count_signal);
    CHECK(check_is_blocked(SIGUSR1));
    CHECK_OK(sigaction(SIGUSR1, NULL, &now));
    CHECK(now.sa_handler == check_count_signal);
    CHECK(sigset(SIGUSR1, SIG_HOLD) == SIG_HOLD);
}

/* sigset with a handler installs it and unblocks the signal. */
static void
case_sigset_handler_installs_and_unblocks(void)
{
    CHECK_OK(sighold(SIGUSR1));
    CHECK(sigset(SIGUSR1, check_count_signal) == SIG_HOLD);
    CHECK(!check_is_blocked(SIGUSR1));
    CHECK_OK(raise(SIGUSR1));
    CHECK_EQ(check_signals_caught, 1);
    CHECK(sigset(NSIG, SIG_IGN) == SIG_ERR);
}

/* sigpause(sig): wait with sig unblocked; the mask comes back after. */
static void
case_sigpause_waits_with_the_signal_unblocked(void)
{
    pid_t pid;

    check_catch_signal(SIGUSR1, 0);
    CHECK_OK(sighold(SIGUSR1));
    pid = fork();
    if (pid == 0) {
        check_sleep_ms(30);
        _exit(kill(getppid(), SIGUSR1) == 0 ? 0 : 1);
    }
    CHECK_ERR(sigpause(SIGUSR1), EINTR);
    CHECK_EQ(check_signals_caught, 1);
    CHECK(check_is_blocked(SIGUSR1));
    CHECK_EQ(check_exit_code(pid), 0);
}

/* sigaction refuses SIG_HOLD: only sigset() understands it.  (Parley's
 * own rule: Linux takes it as a handler address, and the process dies
 * when the signal comes.) */
static void
case_sigaction_with_sig_hold_is_einval(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_HOLD;
    CHECK_ERR(sigaction(SIGUSR1, &sa, NULL), EINVAL);
}

/* ---- sigsetjmp and siglongjmp -------------------------------------------------------- */

static sigjmp_buf jump_target;

static void
jump_out(int sig)
{
    siglongjmp(jump_target, sig);
}

/* POSIX: siglongjmp to a sigsetjmp(env, 1) restores the mask saved there,
 * so leaving a handler this way unblocks its signal again. */
static void
case_siglongjmp_from_a_handler_restores_the_saved_mask(void)
{
    volatile int jumps = 0;
    int r;

    check_set_handler(SIGUSR1, jump_out, 0);
    r = sigsetjmp(jump_target, 1);
    if (r == 0) {
        raise(SIGUSR1);
        CHECK(0);                       /* not reached: the handler jumped */
    }
    jumps++;
    CHECK_EQ(r, SIGUSR1);
    CHECK_EQ(jumps, 1);
    CHECK(!check_is_blocked(SIGUSR1));
}

/* With savemask 0 the mask is left as it is: the handler's mask stays. */
static void
case_siglongjmp_without_savemask_keeps_the_current_mask(void)
{
    check_set_handler(SIGUSR2, jump_out, 0);
    if (sigsetjmp(jump_target, 0) == 0) {
        raise(SIGUSR2);
        CHECK(0);
    }
    CHECK(check_is_blocked(SIGUSR2));
}

/* siglongjmp(env, 0) makes sigsetjmp return 1, like longjmp. */
static void
case_siglongjmp_of_zero_returns_one(void)
{
    volatile int round = 0;
    int r = sigsetjmp(jump_target, 1);

    if (round++ == 0)
        siglongjmp(jump_target, 0);
    CHECK_EQ(r, 1);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(sigaltstack_starts_disabled),
        CHECK_CASE(sa_onstack_handler_runs_on_the_alternate_stack),
        CHECK_CASE(handler_without_sa_onstack_uses_the_ordinary_stack),
        CHECK_CASE(stack_overflow_sigsegv_is_caught_on_the_alternate_stack),
        CHECK_CASE(sigaltstack_smaller_than_minsigstksz_is_enomem),
        CHECK_CASE(sigaltstack_unknown_flag_is_einval),
        CHECK_CASE(sigaltstack_change_while_on_it_is_eperm),
        CHECK_CASE(sigaltstack_ss_disable_turns_it_off),
        CHECK_CASE(nested_onstack_handler_stays_below_on_the_alternate_stack),
        CHECK_CASE(fork_child_inherits_the_alternate_stack),
        CHECK_CASE(sa_nocldwait_children_are_reaped_wait_is_echild),
        CHECK_CASE(sa_nocldwait_with_a_handler_still_gets_sigchld),
        CHECK_CASE(kill_of_another_users_process_is_eperm),
        CHECK_CASE(kill_of_same_users_process_is_allowed),
        CHECK_CASE(kill_of_a_group_of_another_user_is_eperm),
        CHECK_CASE(sigcont_to_another_users_process_in_the_session_is_allowed),
        CHECK_CASE(siginfo_si_uid_is_the_senders_real_uid),
        CHECK_CASE(killpg_signals_every_process_in_the_group),
        CHECK_CASE(killpg_of_negative_group_is_einval),
        CHECK_CASE(killpg_of_no_such_group_is_esrch),
        CHECK_CASE(getsid_names_the_session),
        CHECK_CASE(getsid_of_no_such_process_is_esrch),
        CHECK_CASE(setpgrp_makes_the_caller_a_group_leader),
        CHECK_CASE(sighold_blocks_and_sigrelse_unblocks),
        CHECK_CASE(sighold_of_invalid_signal_is_einval),
        CHECK_CASE(sigignore_sets_sig_ign),
        CHECK_CASE(sigset_sig_hold_blocks_and_keeps_the_action),
        CHECK_CASE(sigset_handler_installs_and_unblocks),
        CHECK_CASE(sigpause_waits_with_the_signal_unblocked),
        CHECK_CASE(sigaction_with_sig_hold_is_einval),
        CHECK_CASE(siglongjmp_from_a_handler_restores_the_saved_mask),
        CHECK_CASE(siglongjmp_without_savemask_keeps_the_current_mask),
        CHECK_CASE(siglongjmp_of_zero_returns_one),
    };
    return check_main("sigext", cases, CHECK_NCASES(cases), argc, argv);
}
