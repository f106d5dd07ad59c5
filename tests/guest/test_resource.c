/*
 * test_resource -- <sys/resource.h> and <sys/times.h>: resource limits
 * (RLIMIT_NOFILE, RLIMIT_NPROC and RLIMIT_AS enforced, RLIMIT_CORE
 * accepted), CPU-time accounting (getrusage, times, clock, wait3, wait4)
 * and nice values (nice, getpriority, setpriority).
 *
 * CPU time is only ever checked to be non-zero after a process has spun
 * for a while, and zero before, or split between user and system time by
 * what the process did: never against a number of milliseconds.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static void
set_limit(int resource, rlim_t soft, rlim_t hard)
{
    struct rlimit r = { soft, hard };

    CHECK_OK(setrlimit(resource, &r));
}

/* Burn CPU in user mode for ms milliseconds of wall-clock time. */
static void
spin_ms(long ms)
{
    struct timespec start, now;
    volatile unsigned long work = 0;

    clock_gettime(CLOCK_MONOTONIC, &start);
    do {
        for (int i = 0; i < 10000; i++)
            work += i;
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 < ms);
}

static long
timeval_us(struct timeval tv)
{
    return tv.tv_sec * 1000000L + tv.tv_usec;
}

/* ---- limits --------------------------------------------------------------------- */

/* A fresh process may open OPEN_MAX descriptors; sysconf agrees. */
static void
case_rlimit_nofile_starts_at_sysconf_open_max(void)
{
    struct rlimit r;

    CHECK_OK(getrlimit(RLIMIT_NOFILE, &r));
    CHECK(r.rlim_cur >= _POSIX_OPEN_MAX);
    CHECK(r.rlim_cur <= r.rlim_max);
    CHECK_EQ(sysconf(_SC_OPEN_MAX), (long)r.rlim_cur);
}

/* POSIX: open fails with EMFILE when the next descriptor would reach
 * RLIMIT_NOFILE; dup2 to a number past it is EBADF, F_DUPFD EINVAL. */
static void
case_rlimit_nofile_limits_open_dup2_and_f_dupfd(void)
{
    int fd, last = -1;

    set_limit(RLIMIT_NOFILE, 6, 6);
    while ((fd = open("/", O_RDONLY)) >= 0)
        last = fd;
    CHECK_EQ(errno, EMFILE);
    CHECK_EQ(last, 5);
    CHECK_ERR(dup2(0, 6), EBADF);
    CHECK_ERR(fcntl(0, F_DUPFD, 6), EINVAL);
    CHECK_OK(close(5));
    CHECK_EQ(dup(0), 5);
    CHECK_EQ(sysconf(_SC_OPEN_MAX), 6);
}

/* pipe needs two descriptors: with one left under the limit, EMFILE, and
 * the one free slot stays free. */
static void
case_rlimit_nofile_pipe_with_one_slot_left_is_emfile(void)
{
    int fds[2], fd;

    set_limit(RLIMIT_NOFILE, 6, 6);
    while ((fd = open("/", O_RDONLY)) >= 0 && fd < 4)
        ;
    CHECK_EQ(fd, 4);                    /* 0..4 used, only 5 free */
    CHECK_ERR(pipe(fds), EMFILE);
    CHECK_EQ(open("/", O_RDONLY), 5);
}

static void
case_getrlimit_bad_pointer_is_efault(void)
{
    CHECK_ERR(getrlimit(RLIMIT_NOFILE, (struct rlimit *)16), EFAULT);
    CHECK_ERR(setrlimit(RLIMIT_NOFILE, (struct rlimit *)16), EFAULT);
    CHECK_ERR(getrusage(RUSAGE_SELF, (struct rusage *)16), EFAULT);
}

static void
case_setrlimit_soft_above_hard_is_einval(void)
{
    struct rlimit r = { 10, 5 };

    CHECK_ERR(setrlimit(RLIMIT_NOFILE, &r), EINVAL);
}

static void
case_rlimit_of_unknown_resource_is_einval(void)
{
    struct rlimit r;

    CHECK_ERR(getrlimit(RLIM_NLIMITS, &r), EINVAL);
    CHECK_ERR(getrlimit(-1, &r), EINVAL);
    r.rlim_cur = r.rlim_max = 1;
    CHECK_ERR(setrlimit(RLIM_NLIMITS, &r), EINVAL);
}

/* POSIX: only a privileged process may raise a hard limit. */
static void
case_setrlimit_raising_hard_limit_unprivileged_is_eperm(void)
{
    struct rlimit r;

    CHECK_OK(setuid(1000));
    set_limit(RLIMIT_NOFILE, 8, 10);
    r.rlim_cur = 10;
    r.rlim_max = 11;
    CHECK_ERR(setrlimit(RLIMIT_NOFILE, &r), EPERM);
    r.rlim_max = 10;
    CHECK_OK(setrlimit(RLIMIT_NOFILE, &r));     /* soft up to hard: fine */
}

/* The descriptor table has OPEN_MAX slots: not even root goes past it. */
static void
case_rlimit_nofile_past_the_table_is_eperm(void)
{
    struct rlimit r;

    CHECK_OK(getrlimit(RLIMIT_NOFILE, &r));
    r.rlim_max = RLIM_INFINITY;
    CHECK_ERR(setrlimit(RLIMIT_NOFILE, &r), EPERM);
}

/* RLIMIT_CORE is accepted (Parley writes no core files) and reads back. */
static void
case_rlimit_core_is_accepted(void)
{
    struct rlimit r;

    set_limit(RLIMIT_CORE, 0, 0);
    CHECK_OK(getrlimit(RLIMIT_CORE, &r));
    CHECK_EQ(r.rlim_cur, 0);
    CHECK_EQ(r.rlim_max, 0);
}

/* POSIX fork: EAGAIN when the real user would exceed RLIMIT_NPROC. */
static void
case_rlimit_nproc_makes_fork_eagain(void)
{
    pid_t child;

    CHECK_OK(setuid(1000));
    set_limit(RLIMIT_NPROC, 2, 2);          /* us and one child */
    child = fork();
    if (child == 0) {
        pause();
        _exit(0);
    }
    CHECK(child > 0);
    CHECK_ERR(fork(), EAGAIN);
    CHECK_OK(kill(child, SIGKILL));
    check_exit_code(child);
    child = fork();                         /* room again */
    if (child == 0)
        _exit(0);
    CHECK(child > 0);
    check_exit_code(child);
    CHECK_EQ(sysconf(_SC_CHILD_MAX), 2);
}

/* RLIMIT_NPROC counts every process of the real user, not the caller's
 * children: a process of uid 1000 that another process started counts
 * against this one's limit. */
static void
case_rlimit_nproc_counts_the_users_processes_not_the_callers(void)
{
    int fds[2];
    char c;
    pid_t other;

    CHECK_OK(pipe(fds));
    other = fork();                         /* a sibling of the same user */
    if (other == 0) {
        if (setuid(1000) < 0)
            _exit(1);
        write(fds[1], "x", 1);
        pause();
        _exit(0);
    }
    CHECK_EQ(read(fds[0], &c, 1), 1);
    pid_t pid = fork();
    if (pid == 0) {
        struct rlimit r = { 2, 2 };         /* this process and the sibling */
        if (setuid(1000) < 0 || setrlimit(RLIMIT_NPROC, &r) < 0)
            _exit(2);
        pid_t grandchild = fork();
        if (grandchild == 0)
            _exit(0);
        if (grandchild > 0)
            _exit(3);                       /* the sibling was not counted */
        _exit(errno == EAGAIN ? 0 : 4);
    }
    int code = check_exit_code(pid);
    kill(other, SIGKILL);
    check_exit_code(other);
    CHECK_EQ(code, 0);
}

/* Root is not held to RLIMIT_NPROC (as on Linux). */
static void
case_rlimit_nproc_does_not_bind_root(void)
{
    pid_t child;

    set_limit(RLIMIT_NPROC, 1, 1);
    child = fork();
    if (child == 0)
        _exit(0);
    CHECK(child > 0);
    check_exit_code(child);
}

/* RLIMIT_AS: growing the heap past the limit fails with ENOMEM (sbrk and
 * so malloc); growing within it works. */
static void
case_rlimit_as_makes_sbrk_and_malloc_fail_enomem(void)
{
    set_limit(RLIMIT_AS, 4 * 1024 * 1024, RLIM_INFINITY);
    errno = 0;
    CHECK(sbrk(8 * 1024 * 1024) == (void *)-1);
    CHECK_EQ(errno, ENOMEM);
    CHECK(malloc(8 * 1024 * 1024) == NULL);
    CHECK(sbrk(64 * 1024) != (void *)-1);
    CHECK(malloc(16 * 1024) != NULL);
}

/* RLIMIT_AS counts mappings too: mmap past it is ENOMEM, even before a
 * page is touched. */
static void
case_rlimit_as_makes_mmap_fail_enomem(void)
{
    void *p;

    set_limit(RLIMIT_AS, 4 * 1024 * 1024, RLIM_INFINITY);
    errno = 0;
    CHECK(mmap(NULL, 8 * 1024 * 1024, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
    CHECK_EQ(errno, ENOMEM);
    p = mmap(NULL, 64 * 1024, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK_OK(munmap(p, 64 * 1024));
}

/* fork: the child has the parent's limits. */
static void
case_fork_child_inherits_limits(void)
{
    pid_t pid;

    set_limit(RLIMIT_NOFILE, 7, 9);
    pid = fork();
    if (pid == 0) {
        struct rlimit r;
        _exit(getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur == 7 && r.rlim_max == 9 ? 0 : 1);
    }
    CHECK_EQ(check_exit_code(pid), 0);
}

/* ---- CPU time -------------------------------------------------------------------- */

static void
case_getrusage_self_counts_user_time(void)
{
    struct rusage before, after;

    CHECK_OK(getrusage(RUSAGE_SELF, &before));
    spin_ms(300);
    CHECK_OK(getrusage(RUSAGE_SELF, &after));
    CHECK(timeval_us(after.ru_utime) > timeval_us(before.ru_utime));
    CHECK(after.ru_utime.tv_usec < 1000000);
}

/* CPU time used so far, user plus system, in ticks. */
static clock_t
cpu_ticks(struct tms *t)
{
    times(t);
    return t->tms_utime + t->tms_stime;
}

/* Spins until `ticks` more ticks of CPU time are used: in system calls
 * (getppid, a thousand at a time) or, with syscalls 0, in user mode (a
 * times() now and then is the only call).  *used: the ticks it took. */
static void
spin_ticks(clock_t ticks, int syscalls, struct tms *used)
{
    struct tms start, now;
    volatile unsigned long work = 0;
    clock_t begin = cpu_ticks(&start);

    do {
        for (int i = 0; i < 1000; i++) {
            if (syscalls)
                getppid();
            else
                for (int j = 0; j < 100; j++)
                    work += j;
        }
    } while (cpu_ticks(&now) - begin < ticks);
    used->tms_utime = now.tms_utime - start.tms_utime;
    used->tms_stime = now.tms_stime - start.tms_stime;
}

/* A loop of system calls spends much of its time in the kernel: system
 * time (a tick that came due during a call is the kernel's, though the
 * kernel takes it only on the way out). */
static void
case_system_calls_are_charged_as_system_time(void)
{
    struct tms used;
    struct rusage u;

    spin_ticks(40, 1, &used);
    CHECK(used.tms_stime >= 4);             /* a tenth, at the very least */
    CHECK_OK(getrusage(RUSAGE_SELF, &u));
    CHECK(timeval_us(u.ru_stime) >= 40000);
}

/* A loop without calls is user time, nearly all of it. */
static void
case_a_loop_without_calls_is_user_time(void)
{
    struct tms used;

    spin_ticks(40, 0, &used);
    CHECK(used.tms_utime >= 36);
    CHECK(used.tms_stime <= 4);
}

/* A child's system time reaches its parent at wait: RUSAGE_CHILDREN,
 * tms_cstime and clock(), which counts both kinds. */
static void
case_childrens_system_time_is_summed_at_wait(void)
{
    struct rusage u;
    struct tms t;
    clock_t before = clock();
    pid_t pid = fork();

    if (pid == 0) {
        struct tms used;
        spin_ticks(30, 1, &used);
        _exit(0);
    }
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_OK(getrusage(RUSAGE_CHILDREN, &u));
    CHECK(timeval_us(u.ru_stime) > 0);
    times(&t);
    CHECK(t.tms_cstime > 0);
    CHECK_EQ(timeval_us(u.ru_stime), t.tms_cstime * (1000000 / sysconf(_SC_CLK_TCK)));
    CHECK(clock() >= before);               /* the child's time is not ours */
}

/* clock() is user plus system time. */
static void
case_clock_counts_system_time_too(void)
{
    struct tms used, t;

    spin_ticks(30, 1, &used);
    clock_t c = clock();
    times(&t);
    CHECK(t.tms_stime > 0);
    CHECK(c >= (clock_t)(t.tms_stime * (CLOCKS_PER_SEC / sysconf(_SC_CLK_TCK))));
}

/* RUSAGE_CHILDREN counts children only once they have been waited for. */
static void
case_getrusage_children_counts_waited_for_children(void)
{
    struct rusage u;
    int fds[2];
    char c;
    pid_t pid;

    CHECK_OK(pipe(fds));
    pid = fork();
    if (pid == 0) {
        spin_ms(300);
        write(fds[1], "x", 1);
        _exit(0);
    }
    CHECK_EQ(read(fds[0], &c, 1), 1);
    CHECK_OK(getrusage(RUSAGE_CHILDREN, &u));
    CHECK_EQ(timeval_us(u.ru_utime), 0);
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_OK(getrusage(RUSAGE_CHILDREN, &u));
    CHECK(timeval_us(u.ru_utime) > 0);
}

static void
case_getrusage_unknown_who_is_einval(void)
{
    struct rusage u;

    CHECK_ERR(getrusage(5, &u), EINVAL);
}

/* times(): our and our waited-for children's ticks, and a clock that
 * advances; sysconf(_SC_CLK_TCK) ticks a second. */
static void
case_times_reports_own_and_children_ticks(void)
{
    struct tms t;
    clock_t start, end;
    pid_t pid;

    CHECK(sysconf(_SC_CLK_TCK) > 0);
    start = times(&t);
    CHECK(start != (clock_t)-1);
    CHECK_EQ(t.tms_cutime, 0);
    pid = fork();
    if (pid == 0) {
        spin_ms(300);
        _exit(0);
    }
    check_exit_code(pid);
    spin_ms(300);
    end = times(&t);
    CHECK(end > start);
    CHECK(t.tms_utime > 0);
    CHECK(t.tms_cutime > 0);
}

/* POSIX CPU-time clocks: CLOCK_PROCESS_CPUTIME_ID grows as the process
 * computes; its resolution is a timer tick. */
static void
case_clock_process_cputime_id_counts_cpu_time(void)
{
    struct timespec a, b, res;

    CHECK_OK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a));
    spin_ms(300);
    CHECK_OK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b));
    CHECK(b.tv_sec > a.tv_sec || (b.tv_sec == a.tv_sec && b.tv_nsec > a.tv_nsec));
    CHECK_OK(clock_getres(CLOCK_PROCESS_CPUTIME_ID, &res));
    CHECK(res.tv_sec == 0 && res.tv_nsec > 0);
    CHECK_OK(clock_getres(CLOCK_MONOTONIC, &res));
    CHECK(res.tv_sec == 0 && res.tv_nsec > 0);
    CHECK_ERR(clock_getres(99, &res), EINVAL);
    CHECK_ERR(clock_gettime(99, &a), EINVAL);
}

static void
case_clock_grows_with_cpu_time(void)
{
    clock_t before = clock();

    CHECK(before != (clock_t)-1);
    spin_ms(300);
    CHECK(clock() > before);
}

/* wait4 gives the collected child's CPU time; wait3 is wait4(-1, ...). */
static void
case_wait4_reports_the_childs_usage(void)
{
    struct rusage u;
    int status;
    pid_t pid = fork();

    if (pid == 0) {
        spin_ms(300);
        _exit(3);
    }
    CHECK_EQ(wait4(pid, &status, 0, &u), pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3);
    CHECK(timeval_us(u.ru_utime) > 0);
}

static void
case_wait3_waits_for_any_child(void)
{
    struct rusage u;
    int status;
    pid_t pid = fork();

    if (pid == 0)
        _exit(4);
    CHECK_EQ(wait3(&status, 0, &u), pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 4);
    CHECK_ERR(wait3(&status, 0, &u), ECHILD);
}

static void
case_wait4_wnohang_with_running_child_is_zero(void)
{
    struct rusage u;
    pid_t pid = fork();

    if (pid == 0) {
        pause();
        _exit(0);
    }
    CHECK_EQ(wait4(pid, NULL, WNOHANG, &u), 0);
    CHECK_OK(kill(pid, SIGKILL));
    CHECK_EQ(wait4(pid, NULL, 0, &u), pid);
    CHECK_ERR(wait4(pid, NULL, 0x4000, &u), EINVAL);
}

/* ---- nice values ------------------------------------------------------------------- */

static void
case_nice_adds_to_the_nice_value(void)
{
    errno = 0;
    CHECK_EQ(getpriority(PRIO_PROCESS, 0), 0);
    CHECK_EQ(errno, 0);
    CHECK_EQ(nice(5), 5);
    CHECK_EQ(getpriority(PRIO_PROCESS, 0), 5);
    CHECK_EQ(nice(100), 19);                    /* clamped to 19 */
}

/* A nice value of -1 is not an error: errno tells. */
static void
case_getpriority_of_minus_one_is_not_an_error(void)
{
    CHECK_OK(setpriority(PRIO_PROCESS, 0, -1));
    errno = 0;
    CHECK_EQ(getpriority(PRIO_PROCESS, 0), -1);
    CHECK_EQ(errno, 0);
}

/* POSIX nice: only a privileged process may lower its nice value. */
static void
case_nice_lowering_unprivileged_is_eperm(void)
{
    CHECK_OK(setuid(1000));
    CHECK_EQ(nice(2), 2);
    CHECK_ERR(nice(-1), EPERM);
    CHECK_ERR(setpriority(PRIO_PROCESS, 0, 0), EACCES);
    CHECK_EQ(getpriority(PRIO_PROCESS, 0), 2);
}

/* setpriority on another user's process: EPERM. */
static void
case_setpriority_of_another_users_process_is_eperm(void)
{
    pid_t target = fork(), pid;

    if (target == 0) {
        pause();
        _exit(0);
    }
    pid = fork();
    if (pid == 0) {
        if (setuid(1000) < 0)
            _exit(1);
        _exit(setpriority(PRIO_PROCESS, target, 10) < 0 && errno == EPERM ? 0 : 2);
    }
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_EQ(getpriority(PRIO_PROCESS, target), 0);
    kill(target, SIGKILL);
    check_exit_code(target);
}

/* PRIO_PGRP reaches every member of the group. */
static void
case_setpriority_of_a_group_sets_every_member(void)
{
    pid_t a, b;

    a = fork();
    if (a == 0) { pause(); _exit(0); }
    b = fork();
    if (b == 0) { pause(); _exit(0); }
    CHECK_OK(setpgid(a, a));
    CHECK_OK(setpgid(b, a));
    CHECK_OK(setpriority(PRIO_PGRP, a, 7));
    CHECK_EQ(getpriority(PRIO_PROCESS, a), 7);
    CHECK_EQ(getpriority(PRIO_PROCESS, b), 7);
    kill(a, SIGKILL);
    kill(b, SIGKILL);
    check_exit_code(a);
    check_exit_code(b);
}

static void
case_getpriority_errors_are_einval_and_esrch(void)
{
    pid_t pid = fork();

    if (pid == 0)
        _exit(0);
    check_exit_code(pid);
    CHECK_ERR(getpriority(PRIO_PROCESS, pid), ESRCH);
    CHECK_ERR(getpriority(7, 0), EINVAL);
    CHECK_ERR(setpriority(7, 0, 0), EINVAL);
    CHECK_ERR(setpriority(PRIO_PROCESS, pid, 0), ESRCH);
}

static void
case_fork_child_inherits_the_nice_value(void)
{
    pid_t pid;

    CHECK_EQ(nice(3), 3);
    pid = fork();
    if (pid == 0)
        _exit(getpriority(PRIO_PROCESS, 0) == 3 ? 0 : 1);
    CHECK_EQ(check_exit_code(pid), 0);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(rlimit_nofile_starts_at_sysconf_open_max),
        CHECK_CASE(rlimit_nofile_limits_open_dup2_and_f_dupfd),
        CHECK_CASE(rlimit_nofile_pipe_with_one_slot_left_is_emfile),
        CHECK_CASE(getrlimit_bad_pointer_is_efault),
        CHECK_CASE(setrlimit_soft_above_hard_is_einval),
        CHECK_CASE(rlimit_of_unknown_resource_is_einval),
        CHECK_CASE(setrlimit_raising_hard_limit_unprivileged_is_eperm),
        CHECK_CASE(rlimit_nofile_past_the_table_is_eperm),
        CHECK_CASE(rlimit_core_is_accepted),
        CHECK_CASE(rlimit_nproc_makes_fork_eagain),
        CHECK_CASE(rlimit_nproc_does_not_bind_root),
        CHECK_CASE(rlimit_nproc_counts_the_users_processes_not_the_callers),
        CHECK_CASE(rlimit_as_makes_sbrk_and_malloc_fail_enomem),
        CHECK_CASE(rlimit_as_makes_mmap_fail_enomem),
        CHECK_CASE(fork_child_inherits_limits),
        CHECK_CASE(getrusage_self_counts_user_time),
        CHECK_CASE(system_calls_are_charged_as_system_time),
        CHECK_CASE(a_loop_without_calls_is_user_time),
        CHECK_CASE(childrens_system_time_is_summed_at_wait),
        CHECK_CASE(clock_counts_system_time_too),
        CHECK_CASE(getrusage_children_counts_waited_for_children),
        CHECK_CASE(getrusage_unknown_who_is_einval),
        CHECK_CASE(times_reports_own_and_children_ticks),
        CHECK_CASE(clock_grows_with_cpu_time),
        CHECK_CASE(clock_process_cputime_id_counts_cpu_time),
        CHECK_CASE(wait4_reports_the_childs_usage),
        CHECK_CASE(wait3_waits_for_any_child),
        CHECK_CASE(wait4_wnohang_with_running_child_is_zero),
        CHECK_CASE(nice_adds_to_the_nice_value),
        CHECK_CASE(getpriority_of_minus_one_is_not_an_error),
        CHECK_CASE(nice_lowering_unprivileged_is_eperm),
        CHECK_CASE(setpriority_of_another_users_process_is_eperm),
        CHECK_CASE(setpriority_of_a_group_sets_every_member),
        CHECK_CASE(getpriority_errors_are_einval_and_esrch),
        CHECK_CASE(fork_child_inherits_the_nice_value),
    };
    return check_main("resource", cases, CHECK_NCASES(cases), argc, argv);
}
