/*
 * test_fifo -- named pipes (FIFOs), as fifo(7), mkfifo(3) and POSIX open
 * describe them: one case per row of the "Named pipes (FIFOs)" table of the
 * POSIX checklist and per FIFO rule of issue 3.
 *
 * Each case works in a fresh directory /tmp/fifo<pid> (its own pid).
 * Timing is never what makes a case pass, except as a lower bound: "the
 * child is still blocked after 200 ms" is how a case knows an open blocks.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#if __has_include(<parley.h>)
#include <parley.h>             /* sysinfo(), for the leak check */
#define ON_PARLEY 1
#endif

#define BLOCKED_MS 200          /* "still blocked" means: after this long */

static char scratch[32];        /* this case's directory */
static char **saved_envp;

/* ---- helpers ----------------------------------------------------------------- */

static void
enter_scratch(void)
{
    snprintf(scratch, sizeof scratch, "/tmp/fifo%d", (int)getpid());
    CHECK_OK(mkdir(scratch, 0755));
    CHECK_OK(chdir(scratch));
}

/* Opens both ends of FIFO name without blocking: the read end first
 * (O_NONBLOCK, then made blocking again), then the write end. */
static void
open_both_ends(const char *name, int *rd, int *wr)
{
    CHECK_OK(*rd = open(name, O_RDONLY | O_NONBLOCK));
    CHECK_OK(fcntl(*rd, F_SETFL, O_RDONLY));
    CHECK_OK(*wr = open(name, O_WRONLY));
}

/* Checks that child pid is still running, i.e. still blocked, after
 * BLOCKED_MS: the one timing-based check, a lower bound. */
static void
check_still_blocked(pid_t pid)
{
    int status;

    check_sleep_ms(BLOCKED_MS);
    CHECK_EQ(waitpid(pid, &status, WNOHANG), 0);
}

static void
check_child_ok(pid_t pid)
{
    int status;

    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
}

/* Runs argv (a full path first) with standard output on out_fd (-1:
 * unchanged); returns its wait status. */
static int
run_program(char *const argv[], int out_fd)
{
    int status;
    pid_t pid;

    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (out_fd >= 0 && dup2(out_fd, 1) != 1)
            _exit(126);
        execve(argv[0], argv, saved_envp);
        _exit(127);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    return status;
}

/* ---- making FIFOs -------------------------------------------------------------- */

/* mkfifo(3): a FIFO with mode & ~umask. */
static void
case_mkfifo_makes_a_fifo(void)
{
    struct stat st;

    enter_scratch();
    umask(022);
    CHECK_OK(mkfifo("f", 0666));
    CHECK_OK(stat("f", &st));
    CHECK(S_ISFIFO(st.st_mode));
    CHECK_EQ(st.st_mode & 07777, 0644);
    CHECK_EQ(st.st_size, 0);
}

static void
case_mkfifo_on_existing_path_is_eexist(void)
{
    int fd;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    CHECK_ERR(mkfifo("f", 0600), EEXIST);
    CHECK_OK(fd = open("file", O_CREAT | O_WRONLY, 0644));
    CHECK_ERR(mkfifo("file", 0600), EEXIST);
    CHECK_OK(mkdir("d", 0755));
    CHECK_ERR(mkfifo("d", 0600), EEXIST);
    CHECK_ERR(mkfifo("/", 0600), EEXIST);
}

static void
case_mkfifo_in_missing_directory_is_enoent(void)
{
    enter_scratch();
    CHECK_ERR(mkfifo("nodir/f", 0600), ENOENT);
    CHECK_ERR(mkfifo("", 0600), ENOENT);
}

/* mknod(2): S_IFIFO needs no privilege and makes a FIFO. */
static void
case_mknod_s_ififo_makes_a_fifo(void)
{
    struct stat st;

    enter_scratch();
    CHECK_OK(mknod("f", S_IFIFO | 0600, 0));
    CHECK_OK(stat("f", &st));
    CHECK(S_ISFIFO(st.st_mode));
}

/* LTP mknod09: a mode whose file type is no type at all is EINVAL. */
static void
case_mknod_with_invalid_type_is_einval(void)
{
    enter_scratch();
    CHECK_ERR(mknod("f", S_IFMT | 0600, 0), EINVAL);
    CHECK_ERR(mknod("g", 0150000 | 0600, 0), EINVAL);
}

/* Issue 3: `ls -l` shows a FIFO with type letter p. */
static void
case_ls_l_shows_type_p(void)
{
    char *argv[] = { "/bin/ls", "-l", "f", NULL };
    char out[512], *line;
    int p[2], found = 0;
    long n, got = 0;

    enter_scratch();
    umask(022);
    CHECK_OK(mkfifo("f", 0644));
    CHECK_OK(pipe(p));
    CHECK_EQ(run_program(argv, p[1]), 0);
    CHECK_OK(close(p[1]));
    while ((n = read(p[0], out + got, sizeof out - 1 - got)) > 0)
        got += n;
    out[got] = '\0';
    for (line = out; line && *line; line = strchr(line, '\n')) {
        if (*line == '\n')
            line++;
        if (strncmp(line, "prw-r--r--", 10) == 0 && strstr(line, " f"))
            found++;
    }
    CHECK_EQ(found, 1);
}

/* Issue 3: `rm` removes a FIFO (like any name). */
static void
case_rm_removes_a_fifo(void)
{
    char *argv[] = { "/bin/rm", "f", NULL };
    struct stat st;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    CHECK_EQ(run_program(argv, -1), 0);
    CHECK_ERR(stat("f", &st), ENOENT);
}

/* ---- the open rendezvous --------------------------------------------------------- */

/* fifo(7): an O_RDONLY open blocks until a writer opens; then both opens
 * return (the writer's at once, a reader being there). */
static void
case_read_open_blocks_until_a_writer_opens(void)
{
    char buf[8];
    int fd;
    pid_t pid;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        fd = open("f", O_RDONLY);
        if (fd < 0)
            _exit(1);
        if (read(fd, buf, sizeof buf) != 2 || memcmp(buf, "hi", 2) != 0)
            _exit(2);
        _exit(read(fd, buf, sizeof buf) == 0 ? 0 : 3);
    }
    check_still_blocked(pid);
    CHECK_OK(fd = open("f", O_WRONLY));
    CHECK_EQ(write(fd, "hi", 2), 2);
    CHECK_OK(close(fd));
    check_child_ok(pid);
}

/* fifo(7): an O_WRONLY open blocks until a reader opens. */
static void
case_write_open_blocks_until_a_reader_opens(void)
{
    char buf[8];
    int fd;
    pid_t pid;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        fd = open("f", O_WRONLY);
        if (fd < 0)
            _exit(1);
        _exit(write(fd, "yo", 2) == 2 ? 0 : 2);
    }
    check_still_blocked(pid);
    CHECK_OK(fd = open("f", O_RDONLY));
    CHECK_EQ(read(fd, buf, sizeof buf), 2);
    CHECK(memcmp(buf, "yo", 2) == 0);
    CHECK_EQ(read(fd, buf, sizeof buf), 0);     /* the writer exited */
    check_child_ok(pid);
}

/* A writer that opens and closes while the reader sleeps in open still
 * ends the reader's wait (Linux); the reader then sees end of file. */
static void
case_read_open_returns_even_if_the_writer_already_left(void)
{
    char c;
    int fd;
    pid_t pid;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        fd = open("f", O_RDONLY);
        if (fd < 0)
            _exit(1);
        _exit(read(fd, &c, 1) == 0 ? 0 : 2);
    }
    check_still_blocked(pid);
    while ((fd = open("f", O_WRONLY | O_NONBLOCK)) < 0 && errno == ENXIO)
        check_sleep_ms(10);             /* until the child is in open */
    CHECK_OK(fd);
    CHECK_OK(close(fd));
    check_child_ok(pid);
}

/* fifo(7): O_RDONLY | O_NONBLOCK succeeds at once; with no writer, read
 * gives end of file. */
static void
case_nonblocking_read_open_succeeds_at_once(void)
{
    char c;
    int fd;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    CHECK_OK(fd = open("f", O_RDONLY | O_NONBLOCK));
    CHECK_EQ(read(fd, &c, 1), 0);
}

/* fifo(7): O_WRONLY | O_NONBLOCK with no reader fails with ENXIO. */
static void
case_nonblocking_write_open_without_reader_is_enxio(void)
{
    int fd;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    CHECK_ERR(open("f", O_WRONLY | O_NONBLOCK), ENXIO);
    CHECK_OK(fd = open("f", O_RDONLY | O_NONBLOCK));
    CHECK_OK(close(fd));
    CHECK_ERR(open("f", O_WRONLY | O_NONBLOCK), ENXIO);  /* reader gone */
}

static void
case_nonblocking_write_open_with_reader_succeeds(void)
{
    char c;
    int rd, wr;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    CHECK_OK(rd = open("f", O_RDONLY | O_NONBLOCK));
    CHECK_OK(wr = open("f", O_WRONLY | O_NONBLOCK));
    CHECK_EQ(write(wr, "n", 1), 1);
    CHECK_EQ(read(rd, &c, 1), 1);
    CHECK_EQ(c, 'n');
}

/* fifo(7), Linux: O_RDWR never blocks; the descriptor is both ends. */
static void
case_rdwr_open_does_not_block(void)
{
    char buf[8];
    int fd;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    CHECK_OK(fd = open("f", O_RDWR));
    CHECK_EQ(write(fd, "self", 4), 4);
    CHECK_EQ(read(fd, buf, sizeof buf), 4);
    CHECK(memcmp(buf, "self", 4) == 0);
    CHECK_OK(open("f", O_WRONLY | O_NONBLOCK));     /* it counts as a reader */
}

/* POSIX open: without SA_RESTART, a blocked open fails with EINTR after
 * the handler -- and the failed open leaves no reader behind. */
static void
case_blocked_open_interrupted_is_eintr(void)
{
    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    check_catch_signal(SIGALRM, 0);
    alarm(1);
    CHECK_ERR(open("f", O_RDONLY), EINTR);
    CHECK_EQ(check_signals_caught, 1);
    CHECK_ERR(open("f", O_WRONLY | O_NONBLOCK), ENXIO);
}

/* With SA_RESTART the open goes on waiting and returns when a writer
 * comes. */
static void
case_blocked_open_restarts_with_sa_restart(void)
{
    pid_t parent = getpid(), pid;
    char c;
    int fd;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    check_catch_signal(SIGUSR1, SA_RESTART);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        check_sleep_ms(BLOCKED_MS);
        kill(parent, SIGUSR1);
        check_sleep_ms(BLOCKED_MS);
        fd = open("f", O_WRONLY);
        _exit(fd >= 0 && write(fd, "w", 1) == 1 ? 0 : 1);
    }
    CHECK_OK(fd = open("f", O_RDONLY));
    CHECK_EQ(check_signals_caught, 1);
    CHECK_EQ(read(fd, &c, 1), 1);
    CHECK_EQ(c, 'w');
    check_child_ok(pid);
}

/* ---- data ------------------------------------------------------------------------ */

/* fifo(7): the data behaves as in a pipe: a byte stream, partial reads,
 * EAGAIN when empty with O_NONBLOCK, fstat S_ISFIFO. */
static void
case_data_behaves_as_in_a_pipe(void)
{
    struct stat st;
    char buf[16];
    int rd, wr;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    open_both_ends("f", &rd, &wr);
    CHECK_OK(fstat(rd, &st));
    CHECK(S_ISFIFO(st.st_mode));
    CHECK_EQ(write(wr, "abc", 3), 3);
    CHECK_EQ(write(wr, "defg", 4), 4);
    CHECK_EQ(read(rd, buf, 2), 2);
    CHECK_EQ(read(rd, buf, sizeof buf), 5);
    CHECK(memcmp(buf, "cdefg", 5) == 0);
    CHECK_OK(fcntl(rd, F_SETFL, O_NONBLOCK));
    CHECK_ERR(read(rd, buf, 1), EAGAIN);
    CHECK_EQ(fcntl(rd, F_GETFL) & O_ACCMODE, O_RDONLY);
    CHECK_EQ(fcntl(wr, F_GETFL) & O_ACCMODE, O_WRONLY);
}

/* pipe(7): EOF only once the last of several writers has closed. */
static void
case_eof_only_after_the_last_writer_closes(void)
{
    char c;
    int rd, wr, wr2;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    open_both_ends("f", &rd, &wr);
    CHECK_OK(wr2 = open("f", O_WRONLY));
    CHECK_EQ(write(wr2, "z", 1), 1);
    CHECK_OK(close(wr2));
    CHECK_OK(fcntl(rd, F_SETFL, O_NONBLOCK));
    CHECK_EQ(read(rd, &c, 1), 1);
    CHECK_ERR(read(rd, &c, 1), EAGAIN);     /* wr still open */
    CHECK_OK(close(wr));
    CHECK_EQ(read(rd, &c, 1), 0);
}

/* pipe(7): writing with every reader gone gives SIGPIPE and EPIPE. */
static void
case_write_without_reader_is_epipe_and_sigpipe(void)
{
    int rd, wr;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    open_both_ends("f", &rd, &wr);
    check_catch_signal(SIGPIPE, 0);
    CHECK_OK(close(rd));
    CHECK_ERR(write(wr, "x", 1), EPIPE);
    CHECK_EQ(check_signals_caught, 1);
}

/* fifo(7): PIPE_BUF atomicity holds for several writers of one FIFO. */
static void
case_pipe_buf_writes_are_not_interleaved(void)
{
    enum { NWRITERS = 3, NRECORDS = 20, RCHUNK = 1500 };
    static unsigned char record[PIPE_BUF];
    pid_t pids[NWRITERS];
    int rd, wr, w, seq, fd, fill = 0, records = 0, i;
    long n;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    open_both_ends("f", &rd, &wr);
    for (w = 0; w < NWRITERS; w++) {
        pids[w] = fork();
        CHECK(pids[w] >= 0);
        if (pids[w] == 0) {
            fd = open("f", O_WRONLY);
            if (fd < 0)
                _exit(1);
            for (seq = 0; seq < NRECORDS; seq++) {
                memset(record, w * NRECORDS + seq + 1, sizeof record);
                if (write(fd, record, sizeof record) != (long)sizeof record)
                    _exit(2);
            }
            _exit(0);
        }
    }
    while (records < NWRITERS * NRECORDS) {
        n = read(rd, record + fill, PIPE_BUF - fill < RCHUNK ? PIPE_BUF - fill : RCHUNK);
        CHECK(n > 0);
        fill += n;
        if (fill < PIPE_BUF)
            continue;
        for (i = 1; i < PIPE_BUF; i++)
            CHECK_EQ(record[i], record[0]);
        records++;
        fill = 0;
    }
    for (w = 0; w < NWRITERS; w++)
        check_child_ok(pids[w]);
    CHECK_OK(close(wr));                /* our write end kept EOF away */
    CHECK_EQ(read(rd, record, 1), 0);
}

static void
case_lseek_on_fifo_is_espipe(void)
{
    int rd, wr;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    open_both_ends("f", &rd, &wr);
    CHECK_ERR(lseek(rd, 0, SEEK_SET), ESPIPE);
    CHECK_ERR(lseek(wr, 0, SEEK_CUR), ESPIPE);
}

/* unlink(2): the name goes, the open FIFO keeps working. */
static void
case_unlinked_fifo_keeps_working(void)
{
    struct stat st;
    char buf[8];
    int rd, wr;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    open_both_ends("f", &rd, &wr);
    CHECK_OK(unlink("f"));
    CHECK_ERR(stat("f", &st), ENOENT);
    CHECK_EQ(write(wr, "still", 5), 5);
    CHECK_EQ(read(rd, buf, sizeof buf), 5);
    CHECK(memcmp(buf, "still", 5) == 0);
    CHECK_OK(close(wr));
    CHECK_EQ(read(rd, buf, sizeof buf), 0);
}

/* Issue 3, Linux: data left in a FIFO when its last opener closes is
 * discarded; the next opener finds it empty. */
static void
case_data_is_discarded_when_the_last_opener_closes(void)
{
    struct stat st;
    char c;
    int rd, wr;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    open_both_ends("f", &rd, &wr);
    CHECK_EQ(write(wr, "stale", 5), 5);
    CHECK_OK(close(rd));
    CHECK_OK(close(wr));
    open_both_ends("f", &rd, &wr);
    CHECK_OK(fcntl(rd, F_SETFL, O_NONBLOCK));
    CHECK_ERR(read(rd, &c, 1), EAGAIN);
    CHECK_OK(fstat(rd, &st));
    CHECK_EQ(st.st_size, 0);
}

/* ...but while one end stays open the data stays: the reader may close
 * and a new reader still finds it. */
static void
case_data_stays_while_a_writer_holds_it_open(void)
{
    char buf[8];
    int rd, wr;

    enter_scratch();
    CHECK_OK(mkfifo("f", 0600));
    open_both_ends("f", &rd, &wr);
    CHECK_EQ(write(wr, "kept", 4), 4);
    CHECK_OK(close(rd));
    CHECK_OK(rd = open("f", O_RDONLY));         /* a writer is there */
    CHECK_EQ(read(rd, buf, sizeof buf), 4);
    CHECK(memcmp(buf, "kept", 4) == 0);
}

#ifdef ON_PARLEY
/* Opens FIFO name at both ends, fills it, and closes both ends. */
static void
fill_and_close(const char *name)
{
    static char buf[PIPE_BUF];
    int rd, wr;

    open_both_ends(name, &rd, &wr);
    CHECK_OK(fcntl(wr, F_SETFL, O_NONBLOCK));
    while (write(wr, buf, sizeof buf) > 0)
        ;
    CHECK_EQ(errno, EAGAIN);
    CHECK_OK(close(wr));
    CHECK_OK(close(rd));
}
#endif

/* The discarded data's memory goes back too: once the last opener has
 * closed, the kernel's free pages, inodes and open files are as before
 * the FIFO was opened (its name still there). */
static void
case_last_close_gives_back_the_memory(void)
{
#ifdef ON_PARLEY
    struct sysinfo before, after;

    enter_scratch();
    CHECK_OK(mkfifo("warm", 0600));     /* warm up: stack, buffers, directory */
    fill_and_close("warm");
    CHECK_OK(unlink("warm"));
    CHECK_OK(mkfifo("f", 0600));
    CHECK_OK(sysinfo(&before));
    fill_and_close("f");
    CHECK_OK(sysinfo(&after));
    CHECK_EQ(after.free_pages, before.free_pages);
    CHECK_EQ(after.free_inodes, before.free_inodes);
    CHECK_EQ(after.open_files, before.open_files);
#endif
}

int
main(int argc, char **argv, char **envp)
{
    static const struct check_case cases[] = {
        CHECK_CASE(mkfifo_makes_a_fifo),
        CHECK_CASE(mkfifo_on_existing_path_is_eexist),
        CHECK_CASE(mkfifo_in_missing_directory_is_enoent),
        CHECK_CASE(mknod_s_ififo_makes_a_fifo),
        CHECK_CASE(mknod_with_invalid_type_is_einval),
        CHECK_CASE(ls_l_shows_type_p),
        CHECK_CASE(rm_removes_a_fifo),
        CHECK_CASE(read_open_blocks_until_a_writer_opens),
        CHECK_CASE(write_open_blocks_until_a_reader_opens),
        CHECK_CASE(read_open_returns_even_if_the_writer_already_left),
        CHECK_CASE(nonblocking_read_open_succeeds_at_once),
        CHECK_CASE(nonblocking_write_open_without_reader_is_enxio),
        CHECK_CASE(nonblocking_write_open_with_reader_succeeds),
        CHECK_CASE(rdwr_open_does_not_block),
        CHECK_CASE(blocked_open_interrupted_is_eintr),
        CHECK_CASE(blocked_open_restarts_with_sa_restart),
        CHECK_CASE(data_behaves_as_in_a_pipe),
        CHECK_CASE(eof_only_after_the_last_writer_closes),
        CHECK_CASE(write_without_reader_is_epipe_and_sigpipe),
        CHECK_CASE(pipe_buf_writes_are_not_interleaved),
        CHECK_CASE(lseek_on_fifo_is_espipe),
        CHECK_CASE(unlinked_fifo_keeps_working),
        CHECK_CASE(data_is_discarded_when_the_last_opener_closes),
        CHECK_CASE(data_stays_while_a_writer_holds_it_open),
        CHECK_CASE(last_close_gives_back_the_memory),
    };

    saved_envp = envp;
    return check_main("fifo", cases, CHECK_NCASES(cases), argc, argv);
}
