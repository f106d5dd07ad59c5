/*
 * test_kstat -- the kernel's accounting (kstat, <parley/kstat.h>) agrees
 * with what a program can see, and thousands of create/destroy cycles of
 * each kind of object leave every count and the free frames where they
 * were: nothing leaks.
 *
 * Parley-only (kstat is Parley's own call).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <parley.h>

#include "check.h"
#include "kstat_check.h"

#define CYCLES 2000

static void
case_kstat_reports_every_kind_of_the_kernel(void)
{
    struct kstat k = kstat_now();

    CHECK_EQ(k.nkinds, KSTAT_NKINDS);
    CHECK(k.frames_free > 0 && k.frames_free < k.frames_total);
    CHECK_ERR(kstat((struct kstat *)0), EFAULT);
}

/* kstat and sysinfo count processes, open files and inodes alike. */
static void
case_kstat_agrees_with_sysinfo(void)
{
    struct sysinfo s;
    struct kstat k;

    CHECK_OK(sysinfo(&s));
    CHECK_OK(kstat(&k));
    CHECK_EQ(k.count[KSTAT_procs], s.nprocs);
    CHECK_EQ(k.count[KSTAT_open_files], s.open_files);
    CHECK_EQ(k.count[KSTAT_inodes], s.total_inodes - s.free_inodes);
    CHECK_EQ(k.frames_total, s.total_pages);
}

/* A process's first write to a page it shares copy-on-write with its parent
 * takes a frame: touch the stack, data and bss pages a case uses first, so
 * that they do not show as a leak. */
static void
warm_up(void)
{
    static char stack_reach[4096];
    volatile char deep[2048];
    int fds[2];

    deep[0] = 0;
    memset(stack_reach, 0, sizeof stack_reach);
    errno = 0;
    (void)kstat_now();
    CHECK_OK(pipe(fds));
    CHECK_EQ(write(fds[1], "w", 1), 1);
    CHECK_OK(close(fds[0]));
    CHECK_OK(close(fds[1]));
    (void)deep[0];
}

static void
case_each_object_is_counted_while_it_exists(void)
{
    struct kstat before, during;
    int fds[2], fd;

    warm_up();
    before = kstat_now();
    CHECK_OK(pipe(fds));
    fd = open("/tmp/counted", O_CREAT | O_RDWR, 0600);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "x", 1), 1);
    during = kstat_now();
    CHECK_EQ(during.count[KSTAT_pipes], before.count[KSTAT_pipes] + 1);
    CHECK_EQ(during.count[KSTAT_open_files], before.count[KSTAT_open_files] + 3);
    CHECK_EQ(during.count[KSTAT_inodes], before.count[KSTAT_inodes] + 2);
    CHECK_EQ(during.count[KSTAT_file_frames], before.count[KSTAT_file_frames] + 1);
    CHECK_OK(close(fd));
    CHECK_OK(unlink("/tmp/counted"));
    CHECK_OK(close(fds[0]));
    CHECK_OK(close(fds[1]));
    check_same_counts(&before);
}

static void
nothing(void)
{
}

static void
case_fork_and_exit_leak_nothing(void)
{
    struct kstat before;
    int status;

    check_fork_status(nothing);                 /* warm up: stack pages */
    before = kstat_now();
    for (int i = 0; i < CYCLES / 4; i++) {
        pid_t pid = fork();
        CHECK(pid >= 0);
        if (pid == 0)
            _exit(i & 0xff);
        CHECK_EQ(waitpid(pid, &status, 0), pid);
        CHECK_EQ(WEXITSTATUS(status), i & 0xff);
    }
    check_same_counts(&before);
}

static void
case_pipes_leak_nothing(void)
{
    struct kstat before;
    char buf[100];
    int fds[2];

    memset(buf, 'p', sizeof buf);
    warm_up();
    before = kstat_now();
    for (int i = 0; i < CYCLES; i++) {
        CHECK_OK(pipe(fds));
        CHECK_EQ(write(fds[1], buf, sizeof buf), sizeof buf);
        if (i % 2)
            CHECK_EQ(read(fds[0], buf, sizeof buf), sizeof buf);
        CHECK_OK(close(fds[i % 2]));
        CHECK_OK(close(fds[1 - i % 2]));
    }
    check_same_counts(&before);
}

static void
case_fifos_leak_nothing(void)
{
    struct kstat before;
    int rd, wr;

    CHECK_OK(mkfifo("/tmp/kfifo", 0600));
    before = kstat_now();
    for (int i = 0; i < CYCLES; i++) {
        rd = open("/tmp/kfifo", O_RDONLY | O_NONBLOCK);
        CHECK(rd >= 0);
        wr = open("/tmp/kfifo", O_WRONLY);
        CHECK(wr >= 0);
        CHECK_EQ(write(wr, "data", 4), 4);      /* discarded at the last close */
        CHECK_OK(close(wr));
        CHECK_OK(close(rd));
    }
    check_same_counts(&before);
    CHECK_OK(unlink("/tmp/kfifo"));
}

static void
case_files_and_directories_leak_nothing(void)
{
    static char data[3 * 4096 + 17];
    struct kstat before;
    int fd;

    memset(data, 'd', sizeof data);
    CHECK_OK(mkdir("/tmp/warm", 0700));         /* /tmp's entry array grows once */
    CHECK_OK(rmdir("/tmp/warm"));
    before = kstat_now();
    for (int i = 0; i < CYCLES / 4; i++) {
        CHECK_OK(mkdir("/tmp/kd", 0700));
        CHECK_OK(mkdir("/tmp/kd/sub", 0700));
        fd = open("/tmp/kd/sub/f", O_CREAT | O_RDWR | O_TRUNC, 0600);
        CHECK(fd >= 0);
        CHECK_EQ(write(fd, data, sizeof data), sizeof data);
        CHECK_OK(close(fd));
        CHECK_OK(unlink("/tmp/kd/sub/f"));
        CHECK_OK(rmdir("/tmp/kd/sub"));
        CHECK_OK(rmdir("/tmp/kd"));
    }
    check_same_counts(&before);
}

/* An unlinked file that is still open lives until the last close. */
static void
case_unlinked_open_file_is_freed_at_last_close(void)
{
    struct kstat before, during;
    int fd;

    warm_up();
    before = kstat_now();
    fd = open("/tmp/ghost", O_CREAT | O_RDWR, 0600);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "boo", 3), 3);
    CHECK_OK(unlink("/tmp/ghost"));
    during = kstat_now();
    CHECK_EQ(during.count[KSTAT_inodes], before.count[KSTAT_inodes] + 1);
    CHECK_OK(close(fd));
    check_same_counts(&before);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(kstat_reports_every_kind_of_the_kernel),
        CHECK_CASE(kstat_agrees_with_sysinfo),
        CHECK_CASE(each_object_is_counted_while_it_exists),
        CHECK_CASE(fork_and_exit_leak_nothing),
        CHECK_CASE(pipes_leak_nothing),
        CHECK_CASE(fifos_leak_nothing),
        CHECK_CASE(files_and_directories_leak_nothing),
        CHECK_CASE(unlinked_open_file_is_freed_at_last_close),
    };
    return check_main("kstat", cases, CHECK_NCASES(cases), argc, argv);
}
