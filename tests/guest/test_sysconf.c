/*
 * test_sysconf -- asking the system what it provides: sysconf, pathconf,
 * fpathconf, uname, gethostname.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "check.h"

/* POSIX: the page size is what the memory calls work in (4096 on i386). */
static void
case_sysconf_page_size_is_4096(void)
{
    CHECK_EQ(sysconf(_SC_PAGESIZE), 4096);
    CHECK_EQ(sysconf(_SC_PAGE_SIZE), 4096);
}

/* _SC_OPEN_MAX and _SC_CHILD_MAX follow the resource limits (as Linux). */
static void
case_sysconf_open_max_follows_rlimit_nofile(void)
{
    struct rlimit r = { 9, 9 };

    CHECK(sysconf(_SC_OPEN_MAX) >= _POSIX_OPEN_MAX);
    CHECK_OK(setrlimit(RLIMIT_NOFILE, &r));
    CHECK_EQ(sysconf(_SC_OPEN_MAX), 9);
}

static void
case_sysconf_child_max_is_at_least_posix_minimum(void)
{
    CHECK(sysconf(_SC_CHILD_MAX) >= _POSIX_CHILD_MAX);
}

/* The real-time signals option is there, with its limits. */
static void
case_sysconf_realtime_signals_is_supported(void)
{
    CHECK(sysconf(_SC_REALTIME_SIGNALS) >= 200112L);
    CHECK(sysconf(_SC_RTSIG_MAX) >= _POSIX_RTSIG_MAX);
    CHECK(SIGRTMAX - SIGRTMIN + 1 >= _POSIX_RTSIG_MAX);
    CHECK(sysconf(_SC_SIGQUEUE_MAX) >= _POSIX_SIGQUEUE_MAX);
}

static void
case_sysconf_reports_posix_version_and_job_control(void)
{
    CHECK(sysconf(_SC_VERSION) >= 200112L);
    CHECK_EQ(sysconf(_SC_VERSION), _POSIX_VERSION);
    CHECK(sysconf(_SC_JOB_CONTROL) > 0);
    CHECK(sysconf(_SC_SAVED_IDS) > 0);
}

/* The options whose calls the library has answer with their version. */
static void
case_sysconf_reports_the_ipc_options_provided(void)
{
    CHECK(sysconf(_SC_SEMAPHORES) >= 200112L);
    CHECK(sysconf(_SC_SHARED_MEMORY_OBJECTS) >= 200112L);
    CHECK(sysconf(_SC_MAPPED_FILES) >= 200112L);
    CHECK(sysconf(_SC_MEMORY_PROTECTION) >= 200112L);
    CHECK(sysconf(_SC_MONOTONIC_CLOCK) >= 200112L);
}

static void
case_sysconf_clock_ticks_and_processors_are_positive(void)
{
    CHECK(sysconf(_SC_CLK_TCK) > 0);
    CHECK(sysconf(_SC_NPROCESSORS_ONLN) >= 1);
    CHECK(sysconf(_SC_ARG_MAX) >= _POSIX_ARG_MAX);
    CHECK(sysconf(_SC_PHYS_PAGES) > 0);
    CHECK(sysconf(_SC_AVPHYS_PAGES) <= sysconf(_SC_PHYS_PAGES));
}

/*
 * Every _SC_ name <unistd.h> defines, and what it must answer: a value
 * (EXACT), a POSIX minimum (AT_LEAST), or -1 with errno untouched, which
 * POSIX gives for an option not supported and a limit with no fixed value
 * (NONE).  tests/tools/test_headers.py checks that the table names them
 * all.
 */
enum answer { EXACT, AT_LEAST, NONE };

static const struct sc_answer {
    const char *name;
    int sc;
    enum answer kind;
    long value;
} sc_answers[] = {
#define SC(name, kind, value) { #name, name, kind, value }
    SC(_SC_ARG_MAX, EXACT, ARG_MAX),
    SC(_SC_CHILD_MAX, AT_LEAST, _POSIX_CHILD_MAX),
    SC(_SC_CLK_TCK, EXACT, PARLEY_CLK_TCK),
    SC(_SC_NGROUPS_MAX, EXACT, NGROUPS_MAX),        /* no supplementary groups */
    SC(_SC_OPEN_MAX, AT_LEAST, _POSIX_OPEN_MAX),
    SC(_SC_STREAM_MAX, AT_LEAST, _POSIX_STREAM_MAX),
    SC(_SC_TZNAME_MAX, AT_LEAST, _POSIX_TZNAME_MAX),
    SC(_SC_JOB_CONTROL, AT_LEAST, 1),
    SC(_SC_SAVED_IDS, AT_LEAST, 1),
    SC(_SC_REALTIME_SIGNALS, EXACT, 200809L),
    SC(_SC_PRIORITY_SCHEDULING, NONE, 0),           /* no sched_setscheduler */
    SC(_SC_TIMERS, NONE, 0),                        /* no timer_create */
    SC(_SC_ASYNCHRONOUS_IO, NONE, 0),               /* no aio_read */
    SC(_SC_FSYNC, EXACT, 200809L),
    SC(_SC_MAPPED_FILES, EXACT, 200809L),
    SC(_SC_MEMORY_PROTECTION, EXACT, 200809L),
    SC(_SC_MESSAGE_PASSING, NONE, 0),               /* no mq_open */
    SC(_SC_SEMAPHORES, EXACT, 200809L),
    SC(_SC_SHARED_MEMORY_OBJECTS, EXACT, 200809L),
    SC(_SC_VERSION, EXACT, 200809L),
    SC(_SC_PAGESIZE, EXACT, 4096),
    SC(_SC_RTSIG_MAX, EXACT, SIGRTMAX - SIGRTMIN + 1),
    SC(_SC_SEM_NSEMS_MAX, NONE, 0),                 /* as many as memory holds */
    SC(_SC_SEM_VALUE_MAX, EXACT, SEM_VALUE_MAX),
    SC(_SC_SIGQUEUE_MAX, AT_LEAST, _POSIX_SIGQUEUE_MAX),
    SC(_SC_TIMER_MAX, NONE, 0),                     /* no timers */
    SC(_SC_LINE_MAX, AT_LEAST, _POSIX2_LINE_MAX),
    SC(_SC_IOV_MAX, EXACT, IOV_MAX),
    SC(_SC_THREADS, NONE, 0),                       /* no threads */
    SC(_SC_LOGIN_NAME_MAX, AT_LEAST, _POSIX_LOGIN_NAME_MAX),
    SC(_SC_TTY_NAME_MAX, AT_LEAST, _POSIX_TTY_NAME_MAX),
    SC(_SC_NPROCESSORS_CONF, EXACT, 1),
    SC(_SC_NPROCESSORS_ONLN, EXACT, 1),
    SC(_SC_PHYS_PAGES, AT_LEAST, 1),
    SC(_SC_AVPHYS_PAGES, AT_LEAST, 1),
    SC(_SC_XOPEN_VERSION, NONE, 0),                 /* not an XSI system */
    SC(_SC_MONOTONIC_CLOCK, EXACT, 200809L),
    SC(_SC_SYMLOOP_MAX, NONE, 0),                   /* no symbolic links */
    SC(_SC_HOST_NAME_MAX, EXACT, HOST_NAME_MAX),
#undef SC
};

static void
case_sysconf_answers_every_name_as_posix_says(void)
{
    for (unsigned i = 0; i < sizeof sc_answers / sizeof sc_answers[0]; i++) {
        const struct sc_answer *a = &sc_answers[i];
        errno = 0;
        long v = sysconf(a->sc);
        int right = a->kind == EXACT ? v == a->value :
                    a->kind == AT_LEAST ? v >= a->value : v == -1 && errno == 0;
        if (!right)
            check_fail(__FILE__, __LINE__, "sysconf(%s) = %ld, errno %d", a->name, v, errno);
    }
}

/* The option macros agree with sysconf (a program may test either). */
static void
case_option_macros_agree_with_sysconf(void)
{
    CHECK_EQ(sysconf(_SC_THREADS), _POSIX_THREADS);
    CHECK_EQ(sysconf(_SC_TIMERS), _POSIX_TIMERS);
    CHECK_EQ(sysconf(_SC_MESSAGE_PASSING), _POSIX_MESSAGE_PASSING);
    CHECK_EQ(sysconf(_SC_ASYNCHRONOUS_IO), _POSIX_ASYNCHRONOUS_IO);
    CHECK_EQ(sysconf(_SC_PRIORITY_SCHEDULING), _POSIX_PRIORITY_SCHEDULING);
    CHECK_EQ(sysconf(_SC_FSYNC), _POSIX_FSYNC);
    CHECK_EQ(sysconf(_SC_SEMAPHORES), _POSIX_SEMAPHORES);
}

/* _POSIX_FSYNC: fsync and fdatasync on a file; EINVAL on a pipe, EBADF on
 * a closed descriptor (as Linux). */
static void
case_fsync_works_on_files_only(void)
{
    int fds[2];
    int fd = open("/tmp/fsync", O_CREAT | O_WRONLY | O_TRUNC, 0600);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "x", 1), 1);
    CHECK_OK(fsync(fd));
    CHECK_OK(fdatasync(fd));
    CHECK_OK(close(fd));
    CHECK_OK(pipe(fds));
    CHECK_ERR(fsync(fds[0]), EINVAL);
    CHECK_ERR(fsync(99), EBADF);
    unlink("/tmp/fsync");
}

/* IOV_MAX buffers in one writev; one more is EINVAL (POSIX). */
static void
case_writev_takes_iov_max_buffers_and_no_more(void)
{
    static struct iovec iov[IOV_MAX + 1];
    char buf[IOV_MAX + 1];
    int fds[2];
    CHECK_OK(pipe(fds));
    for (int i = 0; i <= IOV_MAX; i++)
        iov[i] = (struct iovec){ "y", 1 };
    CHECK_ERR(writev(fds[1], iov, IOV_MAX + 1), EINVAL);
    CHECK_ERR(writev(fds[1], iov, -1), EINVAL);
    CHECK_EQ(writev(fds[1], iov, IOV_MAX), IOV_MAX);
    CHECK_EQ(read(fds[0], buf, sizeof buf), IOV_MAX);
}

/* POSIX: an unknown name is EINVAL. */
static void
case_sysconf_unknown_name_is_einval(void)
{
    CHECK_ERR(sysconf(-1), EINVAL);
    CHECK_ERR(sysconf(100000), EINVAL);
}

/* pathconf: the limits of the file system that holds the file. */
static void
case_pathconf_gives_name_path_and_pipe_limits(void)
{
    CHECK_EQ(pathconf("/", _PC_NAME_MAX), NAME_MAX);
    CHECK_EQ(pathconf("/", _PC_PATH_MAX), PATH_MAX);
    CHECK_EQ(pathconf("/", _PC_PIPE_BUF), PIPE_BUF);
    CHECK(pathconf("/", _PC_NO_TRUNC) > 0);
}

/* POSIX _PC_NO_TRUNC: a name longer than NAME_MAX is an error, not cut. */
static void
case_pathconf_no_trunc_is_true_to_its_word(void)
{
    char name[NAME_MAX + 3];

    memset(name, 'x', sizeof name - 1);
    name[0] = '/';
    name[sizeof name - 1] = '\0';
    CHECK(pathconf("/", _PC_NO_TRUNC) > 0);
    CHECK_ERR(open(name, O_CREAT | O_WRONLY, 0600), ENAMETOOLONG);
}

static void
case_pathconf_of_missing_file_is_enoent(void)
{
    CHECK_ERR(pathconf("/no/such/file", _PC_NAME_MAX), ENOENT);
}

static void
case_pathconf_unknown_name_is_einval(void)
{
    CHECK_ERR(pathconf("/", 9999), EINVAL);
}

/* fpathconf on a pipe: PIPE_BUF, the size of an atomic write. */
static void
case_fpathconf_of_a_pipe_gives_pipe_buf(void)
{
    int fds[2];

    CHECK_OK(pipe(fds));
    CHECK_EQ(fpathconf(fds[0], _PC_PIPE_BUF), PIPE_BUF);
    CHECK(fpathconf(fds[1], _PC_PIPE_BUF) >= _POSIX_PIPE_BUF);
}

static void
case_fpathconf_of_closed_fd_is_ebadf(void)
{
    CHECK_ERR(fpathconf(17, _PC_NAME_MAX), EBADF);
}

/* uname fills every field with a NUL-terminated, non-empty string. */
static void
case_uname_fills_every_field(void)
{
    struct utsname u;

    memset(&u, 0x7f, sizeof u);
    CHECK_OK(uname(&u));
    CHECK(memchr(u.sysname, 0, sizeof u.sysname) && u.sysname[0]);
    CHECK(memchr(u.nodename, 0, sizeof u.nodename) && u.nodename[0]);
    CHECK(memchr(u.release, 0, sizeof u.release) && u.release[0]);
    CHECK(memchr(u.version, 0, sizeof u.version) && u.version[0]);
    CHECK(memchr(u.machine, 0, sizeof u.machine) && u.machine[0]);
}

static void
case_uname_bad_pointer_is_efault(void)
{
    CHECK_ERR(uname((struct utsname *)16), EFAULT);
}

/* gethostname is uname's node name; a short buffer is ENAMETOOLONG. */
static void
case_gethostname_is_the_node_name(void)
{
    struct utsname u;
    char name[HOST_NAME_MAX + 1], tiny[1];

    CHECK_OK(uname(&u));
    CHECK_OK(gethostname(name, sizeof name));
    CHECK_STR_EQ(name, u.nodename);
    CHECK_ERR(gethostname(tiny, sizeof tiny), ENAMETOOLONG);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(sysconf_page_size_is_4096),
        CHECK_CASE(sysconf_open_max_follows_rlimit_nofile),
        CHECK_CASE(sysconf_child_max_is_at_least_posix_minimum),
        CHECK_CASE(sysconf_realtime_signals_is_supported),
        CHECK_CASE(sysconf_reports_posix_version_and_job_control),
        CHECK_CASE(sysconf_reports_the_ipc_options_provided),
        CHECK_CASE(sysconf_clock_ticks_and_processors_are_positive),
        CHECK_CASE(sysconf_unknown_name_is_einval),
        CHECK_CASE(sysconf_answers_every_name_as_posix_says),
        CHECK_CASE(option_macros_agree_with_sysconf),
        CHECK_CASE(fsync_works_on_files_only),
        CHECK_CASE(writev_takes_iov_max_buffers_and_no_more),
        CHECK_CASE(pathconf_gives_name_path_and_pipe_limits),
        CHECK_CASE(pathconf_no_trunc_is_true_to_its_word),
        CHECK_CASE(pathconf_of_missing_file_is_enoent),
        CHECK_CASE(pathconf_unknown_name_is_einval),
        CHECK_CASE(fpathconf_of_a_pipe_gives_pipe_buf),
        CHECK_CASE(fpathconf_of_closed_fd_is_ebadf),
        CHECK_CASE(uname_fills_every_field),
        CHECK_CASE(uname_bad_pointer_is_efault),
        CHECK_CASE(gethostname_is_the_node_name),
    };
    return check_main("sysconf", cases, CHECK_NCASES(cases), argc, argv);
}
