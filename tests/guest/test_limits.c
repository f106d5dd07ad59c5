/*
 * test_limits -- every kernel limit (<parley/limits.h>) fails cleanly: the
 * call that hits it gets the POSIX error, nothing else is harmed, and once
 * the objects are released the system is as before (kstat).
 *
 * Parley-only: the limits are Parley's (CHILD_MAX 64, OPEN_MAX 32,
 * FILE_MAX 512, INODE_MAX, FRAME_RESERVE).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <parley.h>

#include "check.h"
#include "kstat_check.h"

#define PAGE 4096

/* Wait until init has reaped what it inherited: the process count is want. */
static void
wait_for_procs(unsigned want)
{
    for (int i = 0; i < 200 && kstat_now().count[KSTAT_procs] != want; i++)
        check_sleep_ms(10);
    CHECK_EQ(kstat_now().count[KSTAT_procs], want);
}

/* A process that can still fork, exec and wait is a usable system. */
static void
check_fork_exec_works(void)
{
    char *argv[] = { "true", NULL }, *envp[] = { NULL };
    int status;
    pid_t pid = fork();

    CHECK(pid >= 0);
    if (pid == 0) {
        execve("/bin/true", argv, envp);
        _exit(127);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
}

/* POSIX fork(): EAGAIN when the system-wide process limit would be
 * exceeded.  A fork bomb gets EAGAIN; killing it gives the slots back. */
static void
case_fork_bomb_gets_eagain_and_the_system_recovers(void)
{
    static pid_t children[CHILD_MAX];
    unsigned base = kstat_now().count[KSTAT_procs];
    int n = 0, err = 0;
    pid_t pid;

    while (n < CHILD_MAX) {
        if ((pid = fork()) < 0) {
            err = errno;
            break;
        }
        if (pid == 0) {
            for (;;)
                pause();
        }
        children[n++] = pid;
    }
    CHECK_EQ(err, EAGAIN);
    CHECK_EQ(n + base, CHILD_MAX);
    CHECK_EQ(kstat_now().count[KSTAT_procs], CHILD_MAX);
    for (int i = 0; i < n; i++)
        kill(children[i], SIGKILL);
    for (int i = 0; i < n; i++)
        CHECK_EQ(waitpid(children[i], NULL, 0), children[i]);
    wait_for_procs(base);
    check_fork_exec_works();
}

/* Grows the heap until ENOMEM, says so on fd, and waits. */
static void
memory_hog(int fd, int lifeline)
{
    for (long step = 1024 * 1024; step >= PAGE; step /= 2)
        while (sbrk(step) != (void *)-1)
            ;
    char c = errno == ENOMEM ? 'm' : 'x';
    write(fd, &c, 1);
    read(lifeline, &c, 1);      /* end of file: the case is over, even failed */
    _exit(0);
}

/* Memory exhaustion: sbrk says ENOMEM while FRAME_RESERVE frames are still
 * free, so copy-on-write in other processes goes on; once the hog is gone
 * every frame is back. */
static void
case_memory_exhaustion_is_enomem_and_keeps_the_reserve(void)
{
    static char mine[8 * PAGE];
    struct kstat before, during;
    int fds[2], life[2], status;
    char c = 0;
    pid_t hog;

    memset(mine, 1, sizeof mine);
    CHECK_OK(pipe(fds));
    CHECK_OK(pipe(life));               /* the hog lives while we hold life[1] */
    CHECK_EQ(write(fds[1], "w", 1), 1);         /* the pipe has its frame */
    CHECK_EQ(read(fds[0], &c, 1), 1);
    before = kstat_now();
    if ((hog = fork()) == 0) {
        close(life[1]);
        memory_hog(fds[1], life[0]);
    }
    close(life[0]);
    CHECK(hog > 0);
    CHECK_EQ(read(fds[0], &c, 1), 1);
    CHECK_EQ(c, 'm');
    during = kstat_now();
    CHECK(during.frames_free >= FRAME_RESERVE);
    CHECK(during.frames_free < FRAME_RESERVE + 64);
    memset(mine, 2, sizeof mine);               /* copy-on-write: from the reserve */
    CHECK_ERR(fork(), ENOMEM);                  /* a new address space is ordinary */
    CHECK_OK(kill(hog, SIGKILL));
    CHECK_EQ(waitpid(hog, &status, 0), hog);
    check_killed_by(status, SIGKILL);
    check_fork_exec_works();
    CHECK_OK(close(fds[0]));
    CHECK_OK(close(fds[1]));
    CHECK(kstat_now().frames_free + 8 >= before.frames_free);
}

/* POSIX open(): EMFILE when OPEN_MAX descriptors are open in the process. */
static void
case_descriptors_run_out_with_emfile_per_process(void)
{
    struct kstat before = kstat_now();
    int n = 0, fd;

    while ((fd = open("/", O_RDONLY)) >= 0)
        n++;
    CHECK_EQ(errno, EMFILE);
    CHECK_EQ(n + 3, OPEN_MAX);          /* 0, 1 and 2 were open */
    CHECK_ERR(dup(0), EMFILE);
    for (fd = 3; fd < OPEN_MAX; fd++)
        CHECK_OK(close(fd));
    CHECK_EQ(kstat_now().count[KSTAT_open_files], before.count[KSTAT_open_files]);
}

/* Opens OPEN_MAX - 3 descriptions of its own, reports how many on fd (a
 * byte each, then 'e' if the last open said ENFILE), and waits. */
static void
file_hog(int fd)
{
    int n = 0;

    for (int i = 3; i < OPEN_MAX - 1; i++) {
        if (open("/", O_RDONLY) < 0) {
            write(fd, errno == ENFILE ? "e" : "?", 1);
            break;
        }
        n++;
    }
    write(fd, ".", 1);
    for (;;)
        pause();
}

/* POSIX open(): ENFILE when FILE_MAX descriptions are open system-wide;
 * the table is usable again when they are closed. */
static void
case_open_file_table_runs_out_with_enfile(void)
{
    static pid_t hogs[FILE_MAX / (OPEN_MAX - 4) + 2];
    struct kstat before = kstat_now();
    int fds[2], nhogs = 0, enfile = 0;
    char c;

    CHECK_OK(pipe(fds));
    while (!enfile && nhogs < (int)(sizeof hogs / sizeof hogs[0])) {
        pid_t pid = fork();
        CHECK(pid >= 0);
        if (pid == 0)
            file_hog(fds[1]);
        hogs[nhogs++] = pid;
        while (read(fds[0], &c, 1) == 1 && c != '.')
            enfile |= c == 'e';
    }
    CHECK(enfile);
    CHECK_EQ(kstat_now().count[KSTAT_open_files], FILE_MAX);
    CHECK_ERR(open("/", O_RDONLY), ENFILE);
    for (int i = 0; i < nhogs; i++)
        kill(hogs[i], SIGKILL);
    for (int i = 0; i < nhogs; i++)
        CHECK_EQ(waitpid(hogs[i], NULL, 0), hogs[i]);
    CHECK_OK(close(fds[0]));
    CHECK_OK(close(fds[1]));
    CHECK_EQ(kstat_now().count[KSTAT_open_files], before.count[KSTAT_open_files]);
    check_fork_exec_works();
}

/* A loop creating IPC objects: FIFOs until the inode table is full
 * (ENOSPC, as mkfifo says in POSIX), then all removed. */
static void
case_fifo_loop_gets_enospc_and_removal_gives_everything_back(void)
{
    char path[40];
    struct kstat before;
    int n = 0;

    CHECK_OK(mkdir("/tmp/fifos", 0700));
    before = kstat_now();
    for (;;) {
        snprintf(path, sizeof path, "/tmp/fifos/%d", n);
        if (mkfifo(path, 0600) < 0)
            break;
        n++;
    }
    CHECK_EQ(errno, ENOSPC);
    CHECK_EQ(kstat_now().count[KSTAT_inodes], INODE_MAX);
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "/tmp/fifos/%d", i);
        CHECK_OK(unlink(path));
    }
    CHECK_EQ(kstat_now().count[KSTAT_inodes], before.count[KSTAT_inodes]);
    CHECK_OK(rmdir("/tmp/fifos"));
    check_fork_exec_works();
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(fork_bomb_gets_eagain_and_the_system_recovers),
        CHECK_CASE(memory_exhaustion_is_enomem_and_keeps_the_reserve),
        CHECK_CASE(descriptors_run_out_with_emfile_per_process),
        CHECK_CASE(open_file_table_runs_out_with_enfile),
        CHECK_CASE(fifo_loop_gets_enospc_and_removal_gives_everything_back),
    };
    return check_main("limits", cases, CHECK_NCASES(cases), argc, argv);
}
