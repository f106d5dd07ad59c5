/*
 * test_pipe -- anonymous pipes and the descriptor calls around them (dup,
 * dup2, fcntl), as pipe(7), dup(2) and fcntl(2) describe them: one case per
 * row of the "Anonymous pipes" and "dup / dup2" tables of the POSIX
 * checklist, and per rule of issue 3.
 *
 * The program is also its own exec target: run as "test_pipe --helper
 * isopen N" it exits 0 if descriptor N is open and 1 if it is not, so
 * FD_CLOEXEC is tested without depending on any other program.
 *
 * Timing is never what makes a case pass, except as a lower bound: "the
 * child is still blocked after 200 ms" is how a case knows a call blocks.
 */
#define _GNU_SOURCE             /* pipe2, F_DUPFD_CLOEXEC, when built on Linux */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#if __has_include(<parley.h>)
#include <parley.h>             /* sysinfo(), for the leak check */
#define ON_PARLEY 1
#else
#include <sys/ioctl.h>          /* FIONREAD, on Linux */
#endif

#ifndef PIPE_CAPACITY
#define PIPE_CAPACITY 65536     /* Linux's default; Parley's is in parley/limits.h */
#endif

#ifndef SELF
#define SELF "/bin/test_pipe"   /* -DSELF=... to run the suite on Linux */
#endif

#define BLOCKED_MS 200          /* "still blocked" means: after this long */

static char **saved_envp;

/* ---- the exec helper ----------------------------------------------------- */

/*   --helper isopen N      status 0 if descriptor N is open, 1 if not */
static int
helper_main(int argc, char **argv)
{
    const char *job = argc > 2 ? argv[2] : "";
    int n = argc > 3 ? atoi(argv[3]) : -1;

    if (strcmp(job, "isopen") == 0)
        return fcntl(n, F_GETFD) == -1 ? 1 : 0;
    return 100;
}

/* Forks a child that execs "test_pipe --helper isopen fd"; returns 1 if
 * the exec'd program found fd open, 0 if closed. */
static int
open_after_exec(int fd)
{
    char num[16];
    char *argv[] = { "test_pipe", "--helper", "isopen", num, NULL };
    int status;
    pid_t pid;

    snprintf(num, sizeof num, "%d", fd);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        execve(SELF, argv, saved_envp);
        _exit(127);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) <= 1);
    return WEXITSTATUS(status) == 0;
}

/* ---- helpers ----------------------------------------------------------------- */

static void
set_nonblock(int fd, int on)
{
    int flags;

    CHECK_OK(flags = fcntl(fd, F_GETFL));
    flags = on ? flags | O_NONBLOCK : flags & ~O_NONBLOCK;
    CHECK_OK(fcntl(fd, F_SETFL, flags));
}

/* Writes into the pipe until it is full, without blocking; returns the
 * number of bytes that went in.  The end's O_NONBLOCK flag is restored. */
static long
fill_pipe(int wfd)
{
    static char block[4096];
    int flags;
    long total = 0, n;

    CHECK_OK(flags = fcntl(wfd, F_GETFL));
    CHECK_OK(fcntl(wfd, F_SETFL, flags | O_NONBLOCK));
    while ((n = write(wfd, block, sizeof block)) > 0)
        total += n;
    CHECK_EQ(errno, EAGAIN);
    while ((n = write(wfd, block, 1)) > 0)
        total += n;
    CHECK_EQ(errno, EAGAIN);
    CHECK_OK(fcntl(wfd, F_SETFL, flags));
    return total;
}

/* Bytes queued in the pipe: st_size on Parley (issue 3); Linux leaves
 * st_size 0 and answers FIONREAD instead. */
static long
queued(int fd)
{
#ifdef ON_PARLEY
    struct stat st;

    CHECK_OK(fstat(fd, &st));
    return st.st_size;
#else
    int n;

    CHECK_OK(ioctl(fd, FIONREAD, &n));
    return n;
#endif
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

/* Waits (polling; the case's time limit catches a hang) until n bytes are
 * queued in the pipe. */
static void
wait_until_queued(int fd, long n)
{
    while (queued(fd) != n)
        check_sleep_ms(10);
}

static void
check_child_ok(pid_t pid)
{
    int status;

    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
}

/* Opens descriptors (duplicates of 0) until the table is full; returns how
 * many were opened, the first being *first. */
static int
use_all_descriptors(int *first)
{
    int fd, n = 0;

    *first = -1;
    while ((fd = dup(0)) >= 0) {
        if (*first < 0)
            *first = fd;
        n++;
    }
    CHECK_EQ(errno, EMFILE);
    return n;
}

static void
set_disposition(int sig, void (*handler)(int))
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    CHECK_OK(sigaction(sig, &sa, NULL));
}

/* ---- creation ------------------------------------------------------------------ */

static void
case_pipe_gives_a_read_end_and_a_write_end(void)
{
    char buf[8];
    int p[2] = { -1, -1 };

    CHECK_OK(pipe(p));
    CHECK(p[0] >= 0);
    CHECK(p[1] >= 0);
    CHECK(p[0] != p[1]);
    CHECK_EQ(write(p[1], "abc", 3), 3);
    CHECK_EQ(read(p[0], buf, sizeof buf), 3);
    CHECK(memcmp(buf, "abc", 3) == 0);
}

static void
case_pipe_ends_are_fifos(void)
{
    struct stat r, w;
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_OK(fstat(p[0], &r));
    CHECK_OK(fstat(p[1], &w));
    CHECK(S_ISFIFO(r.st_mode));
    CHECK(S_ISFIFO(w.st_mode));
    CHECK_EQ(r.st_ino, w.st_ino);       /* two ends of one object */
}

/* Issue 3: fstat reports the bytes queued in st_size (on Linux, where
 * st_size is 0, queued() asks FIONREAD). */
static void
case_fstat_size_is_bytes_queued(void)
{
    char buf[64];
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_EQ(queued(p[0]), 0);
    CHECK_EQ(write(p[1], buf, 50), 50);
    CHECK_EQ(queued(p[0]), 50);
    CHECK_EQ(queued(p[1]), 50);
    CHECK_EQ(read(p[0], buf, 20), 20);
    CHECK_EQ(queued(p[0]), 30);
}

static void
case_pipe_with_bad_array_is_efault(void)
{
    int *volatile bad = (int *)1;       /* volatile: hide it from gcc */
    int *volatile null = NULL;
    int fd;

    CHECK_ERR(pipe(null), EFAULT);
    CHECK_ERR(pipe(bad), EFAULT);
    CHECK_ERR(pipe2(null, O_CLOEXEC), EFAULT);
    CHECK_OK(fd = dup(0));              /* and no descriptor was taken */
    CHECK_EQ(fd, 3);
}

static void
case_pipe2_with_unknown_flag_is_einval(void)
{
    int p[2];

    CHECK_ERR(pipe2(p, O_APPEND), EINVAL);
}

/* pipe(2): EMFILE when fewer than two descriptors are free; and a failed
 * pipe takes none of them. */
static void
case_pipe_without_two_free_descriptors_is_emfile(void)
{
    int p[2], first, n;

    n = use_all_descriptors(&first);
    CHECK(n > 2);
    CHECK_ERR(pipe(p), EMFILE);
    CHECK_OK(close(first));
    CHECK_ERR(pipe(p), EMFILE);         /* one free is not enough */
    CHECK_EQ(dup(0), first);            /* ...and it stayed free */
    CHECK_OK(close(first));
    CHECK_OK(close(first + 1));
    CHECK_OK(pipe(p));
    CHECK(p[0] == first || p[0] == first + 1);
    CHECK(p[1] == first || p[1] == first + 1);
}

static void
case_pipe2_nonblock_and_cloexec_apply_to_both_ends(void)
{
    int p[2], i;

    CHECK_OK(pipe2(p, O_NONBLOCK | O_CLOEXEC));
    for (i = 0; i < 2; i++) {
        CHECK(fcntl(p[i], F_GETFL) & O_NONBLOCK);
        CHECK_EQ(fcntl(p[i], F_GETFD), FD_CLOEXEC);
    }
    CHECK_OK(pipe(p));
    for (i = 0; i < 2; i++) {
        CHECK_EQ(fcntl(p[i], F_GETFL) & O_NONBLOCK, 0);
        CHECK_EQ(fcntl(p[i], F_GETFD), 0);
    }
}

/* fcntl(2): F_GETFL gives the access mode of each end. */
static void
case_getfl_gives_access_modes(void)
{
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_EQ(fcntl(p[0], F_GETFL) & O_ACCMODE, O_RDONLY);
    CHECK_EQ(fcntl(p[1], F_GETFL) & O_ACCMODE, O_WRONLY);
}

/* ---- reading ---------------------------------------------------------------------- */

/* pipe(7): a byte stream; write boundaries are not kept. */
static void
case_pipe_is_a_byte_stream(void)
{
    char buf[16];
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_EQ(write(p[1], "ab", 2), 2);
    CHECK_EQ(write(p[1], "cde", 3), 3);
    CHECK_EQ(write(p[1], "f", 1), 1);
    CHECK_EQ(read(p[0], buf, sizeof buf), 6);
    CHECK(memcmp(buf, "abcdef", 6) == 0);
}

/* Every length a copy splits differently (the kernel's memcpy moves 32
 * bytes a turn, then words, then bytes) at every alignment of both
 * buffers, and across the ring's page boundaries: the bytes come out as
 * they went in, and nothing beyond them is touched. */
static void
case_bytes_survive_every_length_and_alignment(void)
{
    static const int lengths[] = { 1, 2, 3, 4, 5, 7, 31, 32, 33, 63, 64, 65, 100,
                                   4095, 4096, 4097, 9001 };
    static char out[9100], in[9100];
    int p[2];

    CHECK_OK(pipe(p));
    for (size_t i = 0; i < sizeof out; i++)
        out[i] = (char)(i * 7 + i / 251);
    for (size_t k = 0; k < sizeof lengths / sizeof lengths[0]; k++) {
        int n = lengths[k];
        for (int from = 0; from < 4; from++) {
            for (int to = 0; to < 4; to++) {
                memset(in, 0x5a, sizeof in);
                CHECK_EQ(write(p[1], out + from, n), n);
                CHECK_EQ(read(p[0], in + to, n), n);
                CHECK(memcmp(in + to, out + from, n) == 0);
                CHECK(in[to + n] == 0x5a && (to == 0 || in[to - 1] == 0x5a));
            }
        }
    }
}

static void
case_read_less_than_available_leaves_the_rest(void)
{
    char buf[16];
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_EQ(write(p[1], "0123456789", 10), 10);
    CHECK_EQ(read(p[0], buf, 4), 4);
    CHECK(memcmp(buf, "0123", 4) == 0);
    CHECK_EQ(read(p[0], buf, sizeof buf), 6);
    CHECK(memcmp(buf, "456789", 6) == 0);
}

/* POSIX read: returns what is there; does not wait for the full count
 * (a writer is still open, so waiting would hang the case). */
static void
case_read_more_than_available_returns_what_is_there(void)
{
    char buf[100];
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_EQ(write(p[1], "hello", 5), 5);
    CHECK_EQ(read(p[0], buf, sizeof buf), 5);
}

static void
case_read_of_zero_bytes_returns_zero(void)
{
    char buf[4];
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_EQ(read(p[0], buf, 0), 0);
    CHECK_EQ(write(p[1], "x", 1), 1);
    CHECK_EQ(read(p[0], buf, 0), 0);
    CHECK_EQ(queued(p[0]), 1);
}

static void
case_empty_nonblocking_read_is_eagain(void)
{
    char c;
    int p[2];

    CHECK_OK(pipe2(p, O_NONBLOCK));
    CHECK_ERR(read(p[0], &c, 1), EAGAIN);
    CHECK_OK(pipe(p));
    set_nonblock(p[0], 1);              /* the same through fcntl */
    CHECK_ERR(read(p[0], &c, 1), EAGAIN);
}

/* pipe(7): a read of an empty pipe blocks until data arrives; it then
 * returns what arrived, not the full count it asked for. */
static void
case_read_blocks_until_data_arrives(void)
{
    char buf[100];
    int p[2];
    pid_t pid;

    CHECK_OK(pipe(p));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        close(p[1]);
        if (read(p[0], buf, sizeof buf) != 5)
            _exit(1);
        _exit(memcmp(buf, "wake!", 5) == 0 ? 0 : 2);
    }
    check_still_blocked(pid);
    CHECK_EQ(write(p[1], "wake!", 5), 5);
    check_child_ok(pid);
}

/* pipe(7): end of file once every write end is closed and the pipe is
 * drained; data written before the close is still read first. */
static void
case_eof_after_last_writer_closes_and_pipe_drains(void)
{
    char buf[8];
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_EQ(write(p[1], "xyz", 3), 3);
    CHECK_OK(close(p[1]));
    CHECK_EQ(read(p[0], buf, 2), 2);
    CHECK_EQ(read(p[0], buf, sizeof buf), 1);
    CHECK_EQ(buf[0], 'z');
    CHECK_EQ(read(p[0], buf, sizeof buf), 0);
    CHECK_EQ(read(p[0], buf, sizeof buf), 0);   /* and again */
}

/* The last write end may be in another process: no EOF while a child
 * holds a copy, EOF as soon as that child exits (its descriptors close). */
static void
case_eof_when_child_holding_the_write_end_exits(void)
{
    char c;
    int p[2], go[2];
    pid_t pid;

    CHECK_OK(pipe(p));
    CHECK_OK(pipe(go));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        close(p[0]);
        close(go[1]);
        read(go[0], &c, 1);             /* wait for the parent's word */
        _exit(0);                       /* closes p[1] */
    }
    close(go[0]);
    CHECK_OK(close(p[1]));
    set_nonblock(p[0], 1);
    CHECK_ERR(read(p[0], &c, 1), EAGAIN);   /* the child's copy: no EOF */
    set_nonblock(p[0], 0);
    CHECK_OK(close(go[1]));             /* the child sees EOF and exits */
    CHECK_EQ(read(p[0], &c, 1), 0);
    check_child_ok(pid);
}

/* pipe(7): a blocked reader is woken by the last close with EOF -- every
 * blocked reader, not just one. */
static void
case_every_blocked_reader_wakes_on_last_close(void)
{
    enum { NREADERS = 3 };
    pid_t pids[NREADERS];
    char c;
    int p[2], i;

    CHECK_OK(pipe(p));
    for (i = 0; i < NREADERS; i++) {
        pids[i] = fork();
        CHECK(pids[i] >= 0);
        if (pids[i] == 0) {
            close(p[1]);
            _exit(read(p[0], &c, 1) == 0 ? 0 : 1);
        }
    }
    for (i = 0; i < NREADERS; i++)
        check_still_blocked(pids[i]);
    CHECK_OK(close(p[1]));
    for (i = 0; i < NREADERS; i++)
        check_child_ok(pids[i]);
}

/* pipe(7): a duplicated write end keeps the pipe open after the original
 * closes: no EOF, only EAGAIN. */
static void
case_dup_of_write_end_prevents_eof(void)
{
    char c;
    int p[2], copy;

    CHECK_OK(pipe2(p, O_NONBLOCK));
    CHECK_OK(copy = dup(p[1]));
    CHECK_OK(close(p[1]));
    CHECK_ERR(read(p[0], &c, 1), EAGAIN);
    CHECK_EQ(write(copy, "d", 1), 1);
    CHECK_EQ(read(p[0], &c, 1), 1);
    CHECK_OK(close(copy));
    CHECK_EQ(read(p[0], &c, 1), 0);
}

static void
case_wrong_end_is_ebadf(void)
{
    char c;
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_ERR(read(p[1], &c, 1), EBADF);
    CHECK_ERR(write(p[0], "x", 1), EBADF);
}

static void
case_closed_end_is_ebadf(void)
{
    char c;
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_OK(close(p[0]));
    CHECK_OK(close(p[1]));
    CHECK_ERR(read(p[0], &c, 1), EBADF);
    CHECK_ERR(write(p[1], "x", 1), EBADF);
    CHECK_ERR(close(p[0]), EBADF);
}

/* signal(7): without SA_RESTART a read blocked on a pipe fails with EINTR
 * after the handler.  The child keeps signalling until the parent is
 * killed or the case ends, so the first signal to find the parent blocked
 * is the one that counts. */
static void
case_blocked_read_interrupted_is_eintr(void)
{
    pid_t parent = getpid(), pid;
    char c;
    int p[2], i;

    CHECK_OK(pipe(p));
    check_catch_signal(SIGUSR1, 0);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        for (i = 0; i < 100; i++) {
            check_sleep_ms(100);
            kill(parent, SIGUSR1);
        }
        _exit(0);
    }
    CHECK_ERR(read(p[0], &c, 1), EINTR);
    CHECK(check_signals_caught >= 1);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

/* signal(7): with SA_RESTART the interrupted read goes on and returns the
 * data that arrives later. */
static void
case_blocked_read_restarts_with_sa_restart(void)
{
    pid_t parent = getpid(), pid;
    char c = 0;
    int p[2];

    CHECK_OK(pipe(p));
    check_catch_signal(SIGUSR1, SA_RESTART);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        check_sleep_ms(BLOCKED_MS);
        kill(parent, SIGUSR1);
        check_sleep_ms(BLOCKED_MS);
        _exit(write(p[1], "r", 1) == 1 ? 0 : 1);
    }
    CHECK_EQ(read(p[0], &c, 1), 1);
    CHECK_EQ(c, 'r');
    CHECK_EQ(check_signals_caught, 1);
    check_child_ok(pid);
}

/* ---- writing ------------------------------------------------------------------------ */

static void
case_write_without_reader_is_epipe_when_sigpipe_ignored(void)
{
    int p[2];

    set_disposition(SIGPIPE, SIG_IGN);
    CHECK_OK(pipe(p));
    CHECK_OK(close(p[0]));
    CHECK_ERR(write(p[1], "x", 1), EPIPE);
    CHECK_ERR(write(p[1], "x", 1), EPIPE);  /* and the process goes on */
}

/* pipe(7): the writer gets SIGPIPE (caught here) as well as EPIPE. */
static void
case_write_without_reader_sends_sigpipe(void)
{
    int p[2];

    check_catch_signal(SIGPIPE, 0);
    CHECK_OK(pipe(p));
    CHECK_OK(close(p[0]));
    CHECK_ERR(write(p[1], "x", 1), EPIPE);
    CHECK_EQ(check_signals_caught, 1);
}

/* signal(7): SIGPIPE's default action ends the writer. */
static void
case_sigpipe_kills_the_writer_by_default(void)
{
    int p[2], status;
    pid_t pid;

    CHECK_OK(pipe(p));
    CHECK_OK(close(p[0]));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        signal(SIGPIPE, SIG_DFL);
        write(p[1], "x", 1);
        _exit(0);                       /* not reached */
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFSIGNALED(status));
    CHECK_EQ(WTERMSIG(status), SIGPIPE);
}

/* pipe(7): a writer blocked on a full pipe whose last reader closes gets
 * what it wrote so far (partial count) or EPIPE; the next write is EPIPE. */
static void
case_blocked_large_write_ends_when_last_reader_closes(void)
{
    static char big[PIPE_CAPACITY + 8192];
    int p[2];
    long r;
    pid_t pid;

    CHECK_OK(pipe(p));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        signal(SIGPIPE, SIG_IGN);
        close(p[0]);
        r = write(p[1], big, sizeof big);
        if (!(r == -1 && errno == EPIPE) && !(r > 0 && r < (long)sizeof big))
            _exit(1);
        if (write(p[1], "x", 1) != -1 || errno != EPIPE)
            _exit(2);
        _exit(0);
    }
    CHECK_OK(close(p[1]));
    wait_until_queued(p[0], PIPE_CAPACITY);     /* the child filled it... */
    check_still_blocked(pid);                   /* ...and waits for room */
    CHECK_EQ(queued(p[0]), PIPE_CAPACITY);
    CHECK_OK(close(p[0]));
    check_child_ok(pid);
}

/* An atomic write blocked for room writes nothing; the last reader's close
 * ends it with EPIPE. */
static void
case_blocked_small_write_gets_epipe_when_last_reader_closes(void)
{
    int p[2];
    pid_t pid;

    CHECK_OK(pipe(p));
    CHECK_EQ(fill_pipe(p[1]), PIPE_CAPACITY);
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        signal(SIGPIPE, SIG_IGN);
        close(p[0]);
        if (write(p[1], "0123456789", 10) != -1)
            _exit(1);
        _exit(errno == EPIPE ? 0 : 2);
    }
    CHECK_OK(close(p[1]));
    check_still_blocked(pid);
    CHECK_EQ(queued(p[0]), PIPE_CAPACITY);
    CHECK_OK(close(p[0]));
    check_child_ok(pid);
}

/* Issue 3: the capacity is the documented figure, PIPE_CAPACITY bytes. */
static void
case_capacity_is_pipe_capacity(void)
{
    int p[2];

    CHECK(PIPE_CAPACITY >= PIPE_BUF);
    CHECK_OK(pipe(p));
    CHECK_EQ(fill_pipe(p[1]), PIPE_CAPACITY);
    CHECK_EQ(queued(p[0]), PIPE_CAPACITY);
}

static void
case_full_pipe_nonblocking_write_is_eagain(void)
{
    static char buf[PIPE_BUF];
    int p[2];

    CHECK_OK(pipe2(p, O_NONBLOCK));
    fill_pipe(p[1]);
    CHECK_ERR(write(p[1], "x", 1), EAGAIN);
    CHECK_EQ(read(p[0], buf, PIPE_BUF), PIPE_BUF);      /* room again */
    CHECK_EQ(write(p[1], buf, PIPE_BUF), PIPE_BUF);
    CHECK_ERR(write(p[1], "x", 1), EAGAIN);
}

/* pipe(7): with O_NONBLOCK, a write of at most PIPE_BUF bytes that does
 * not fit transfers nothing and fails with EAGAIN. */
static void
case_atomic_write_that_does_not_fit_writes_nothing(void)
{
    static char buf[PIPE_CAPACITY];
    int p[2];

    CHECK_OK(pipe2(p, O_NONBLOCK));
    CHECK_EQ(write(p[1], buf, PIPE_CAPACITY - 100), PIPE_CAPACITY - 100);
    CHECK_ERR(write(p[1], buf, 200), EAGAIN);
    CHECK_EQ(queued(p[0]), PIPE_CAPACITY - 100);
    CHECK_EQ(write(p[1], buf, 50), 50);         /* one that fits goes in */
}

/* pipe(7): with O_NONBLOCK, a write of more than PIPE_BUF bytes may be
 * partial; what went in arrives in order. */
static void
case_large_nonblocking_write_may_be_partial(void)
{
    static char out[PIPE_CAPACITY + 4096], in[PIPE_CAPACITY + 4096];
    long n, got = 0, r;
    int p[2], i;

    for (i = 0; i < (int)sizeof out; i++)
        out[i] = (char)(i * 13 + (i >> 8));
    CHECK_OK(pipe2(p, O_NONBLOCK));
    n = write(p[1], out, sizeof out);
    CHECK(n >= 1);
    CHECK(n < (long)sizeof out);
    CHECK_EQ(queued(p[0]), n);
    CHECK_ERR(write(p[1], out, sizeof out), EAGAIN);    /* now full */
    while ((r = read(p[0], in + got, sizeof in - got)) > 0)
        got += r;
    CHECK_EQ(got, n);
    CHECK(memcmp(in, out, n) == 0);
}

/* lseek(2): ESPIPE on either end of a pipe. */
static void
case_lseek_on_pipe_is_espipe(void)
{
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_ERR(lseek(p[0], 0, SEEK_SET), ESPIPE);
    CHECK_ERR(lseek(p[0], 0, SEEK_CUR), ESPIPE);
    CHECK_ERR(lseek(p[1], 0, SEEK_END), ESPIPE);
}

/* ---- several processes --------------------------------------------------------------- */

static unsigned char
stream_byte(unsigned long i)
{
    return (unsigned char)(i * 7 + (i >> 9) + (i >> 17));
}

/* Sums bytes with their positions, so a lost or swapped block changes it. */
static unsigned long
checksum(unsigned long sum, const unsigned char *p, long n, unsigned long at)
{
    long i;

    for (i = 0; i < n; i++)
        sum = sum * 31 + p[i] + (at + i);
    return sum;
}

/* pipe(7): writes larger than PIPE_BUF block as needed and return the full
 * count; 1 MiB arrives whole and in order. */
static void
case_one_mebibyte_arrives_intact(void)
{
    enum { TOTAL = 1024 * 1024, WCHUNK = 40000, RCHUNK = 7000 };
    static unsigned char buf[WCHUNK];
    unsigned long sum_out = 0, sum_in = 0, at = 0;
    long n, i;
    int p[2];
    pid_t pid;

    for (at = 0; at < TOTAL; at += n) {         /* what the child will send */
        n = TOTAL - at < WCHUNK ? TOTAL - at : WCHUNK;
        for (i = 0; i < n; i++)
            buf[i] = stream_byte(at + i);
        sum_out = checksum(sum_out, buf, n, at);
    }
    CHECK_OK(pipe(p));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        close(p[0]);
        for (at = 0; at < TOTAL; at += n) {
            n = TOTAL - at < WCHUNK ? TOTAL - at : WCHUNK;
            for (i = 0; i < n; i++)
                buf[i] = stream_byte(at + i);
            if (write(p[1], buf, n) != n)
                _exit(1);
        }
        _exit(0);
    }
    CHECK_OK(close(p[1]));
    at = 0;
    while ((n = read(p[0], buf, RCHUNK)) > 0) {
        sum_in = checksum(sum_in, buf, n, at);
        at += n;
    }
    CHECK_EQ(n, 0);
    CHECK_EQ(at, TOTAL);
    CHECK(sum_in == sum_out);
    check_child_ok(pid);
}

/*
 * pipe(7), POSIX write: writes of at most PIPE_BUF bytes are atomic.
 * Several children write PIPE_BUF-sized records at once; every byte of a
 * record is the same tag (writer, sequence number).  The reader takes the
 * stream in odd-sized pieces, reassembles records and checks that each is
 * one tag throughout and each writer's records come in order.
 */
static void
case_pipe_buf_writes_are_not_interleaved(void)
{
    enum { NWRITERS = 4, NRECORDS = 24, RCHUNK = 1000 };
    static unsigned char record[PIPE_BUF];
    pid_t pids[NWRITERS];
    int next_seq[NWRITERS] = { 0 };
    int p[2], w, seq, fill = 0, records = 0, i;
    long n;

    CHECK_OK(pipe(p));
    for (w = 0; w < NWRITERS; w++) {
        pids[w] = fork();
        CHECK(pids[w] >= 0);
        if (pids[w] == 0) {
            close(p[0]);
            for (seq = 0; seq < NRECORDS; seq++) {
                memset(record, w * NRECORDS + seq + 1, sizeof record);
                if (write(p[1], record, sizeof record) != (long)sizeof record)
                    _exit(1);
            }
            _exit(0);
        }
    }
    CHECK_OK(close(p[1]));
    check_sleep_ms(50);                 /* let the writers fill the pipe */
    while ((n = read(p[0], record + fill,
                     PIPE_BUF - fill < RCHUNK ? PIPE_BUF - fill : RCHUNK)) > 0) {
        fill += n;
        if (fill < PIPE_BUF)
            continue;
        for (i = 1; i < PIPE_BUF; i++)
            CHECK_EQ(record[i], record[0]);
        w = (record[0] - 1) / NRECORDS;
        seq = (record[0] - 1) % NRECORDS;
        CHECK(w >= 0 && w < NWRITERS);
        CHECK_EQ(seq, next_seq[w]);
        next_seq[w]++;
        records++;
        fill = 0;
    }
    CHECK_EQ(n, 0);
    CHECK_EQ(fill, 0);
    CHECK_EQ(records, NWRITERS * NRECORDS);
    for (w = 0; w < NWRITERS; w++)
        check_child_ok(pids[w]);
}

/* pipe(2): a parent and a child talk both ways over two pipes. */
static void
case_parent_and_child_talk_over_two_pipes(void)
{
    char buf[8];
    int down[2], up[2];
    pid_t pid;

    CHECK_OK(pipe(down));
    CHECK_OK(pipe(up));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        close(down[1]);
        close(up[0]);
        if (read(down[0], buf, sizeof buf) != 4 || memcmp(buf, "ping", 4) != 0)
            _exit(1);
        _exit(write(up[1], "pong", 4) == 4 ? 0 : 2);
    }
    close(down[0]);
    close(up[1]);
    CHECK_EQ(write(down[1], "ping", 4), 4);
    CHECK_EQ(read(up[0], buf, sizeof buf), 4);
    CHECK(memcmp(buf, "pong", 4) == 0);
    check_child_ok(pid);
}

/* ---- dup, dup2, fcntl --------------------------------------------------------------- */

static void
case_dup_gives_lowest_free_descriptor(void)
{
    int p[2];

    CHECK_OK(pipe(p));                  /* 3 and 4 */
    CHECK_EQ(p[0], 3);
    CHECK_OK(close(p[0]));
    CHECK_EQ(dup(p[1]), 3);
    CHECK_EQ(dup(p[1]), 5);
}

/* dup(2): the duplicate shares the open file description, so data and
 * status flags; O_NONBLOCK belongs to the description, not the pipe. */
static void
case_nonblock_belongs_to_the_open_file_description(void)
{
    char c;
    int p[2], copy, q[2];

    CHECK_OK(pipe(p));
    CHECK_OK(copy = dup(p[0]));
    set_nonblock(p[0], 1);
    CHECK(fcntl(copy, F_GETFL) & O_NONBLOCK);           /* shared */
    CHECK_EQ(fcntl(p[1], F_GETFL) & O_NONBLOCK, 0);     /* other end: not */
    CHECK_ERR(read(copy, &c, 1), EAGAIN);
    CHECK_EQ(write(p[1], "s", 1), 1);
    CHECK_EQ(read(copy, &c, 1), 1);
    CHECK_EQ(c, 's');
    CHECK_OK(pipe(q));
    CHECK_EQ(fcntl(q[0], F_GETFL) & O_NONBLOCK, 0);     /* other pipe: not */
    set_nonblock(copy, 0);
    CHECK_EQ(fcntl(p[0], F_GETFL) & O_NONBLOCK, 0);
}

/* dup(2): FD_CLOEXEC is per descriptor: clear on a duplicate (dup, dup2,
 * F_DUPFD), set by F_DUPFD_CLOEXEC, unchanged on the original. */
static void
case_duplicates_do_not_inherit_cloexec(void)
{
    int p[2], fd;

    CHECK_OK(pipe2(p, O_CLOEXEC));
    CHECK_OK(fd = dup(p[0]));
    CHECK_EQ(fcntl(fd, F_GETFD), 0);
    CHECK_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
    CHECK_EQ(dup2(p[0], 20), 20);
    CHECK_EQ(fcntl(20, F_GETFD), 0);
    CHECK_OK(fd = fcntl(p[0], F_DUPFD, 10));
    CHECK_EQ(fcntl(fd, F_GETFD), 0);
    CHECK_OK(fd = fcntl(p[1], F_DUPFD_CLOEXEC, 10));
    CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
    CHECK_OK(fcntl(fd, F_SETFD, 0));
    CHECK_EQ(fcntl(fd, F_GETFD), 0);
}

static void
case_dup_of_bad_descriptor_is_ebadf(void)
{
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_OK(close(p[1]));
    CHECK_ERR(dup(-1), EBADF);
    CHECK_ERR(dup(p[1]), EBADF);
    CHECK_ERR(dup(1000000), EBADF);
    CHECK_ERR(fcntl(p[1], F_DUPFD, 0), EBADF);
}

static void
case_dup_without_free_descriptor_is_emfile(void)
{
    int first;

    CHECK(use_all_descriptors(&first) > 0);
    CHECK_ERR(dup(0), EMFILE);
    CHECK_ERR(fcntl(0, F_DUPFD, 0), EMFILE);
}

/* dup(2): dup2 onto an open descriptor closes it first -- and if that was
 * a pipe's last write end, the pipe's reader sees EOF. */
static void
case_dup2_closes_newfd_first(void)
{
    char c;
    int a[2], b[2];

    CHECK_OK(pipe(a));
    CHECK_OK(pipe(b));
    CHECK_EQ(dup2(b[1], a[1]), a[1]);
    CHECK_EQ(read(a[0], &c, 1), 0);             /* a's writer is gone */
    CHECK_EQ(write(a[1], "n", 1), 1);           /* now b's write end */
    CHECK_EQ(read(b[0], &c, 1), 1);
    CHECK_EQ(c, 'n');
}

static void
case_dup2_onto_itself_changes_nothing(void)
{
    char c;
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_OK(fcntl(p[1], F_SETFD, FD_CLOEXEC));
    CHECK_EQ(dup2(p[1], p[1]), p[1]);
    CHECK_EQ(fcntl(p[1], F_GETFD), FD_CLOEXEC);
    CHECK_EQ(write(p[1], "i", 1), 1);
    CHECK_EQ(read(p[0], &c, 1), 1);
}

/* dup(2): with an invalid oldfd, dup2 fails and newfd is not closed. */
static void
case_dup2_with_bad_oldfd_leaves_newfd_open(void)
{
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_OK(close(p[0]));
    CHECK_ERR(dup2(p[0], p[1]), EBADF);
    CHECK_ERR(dup2(-1, p[1]), EBADF);
    CHECK_OK(fcntl(p[1], F_GETFD));
    CHECK_ERR(dup2(p[0], p[0]), EBADF);         /* closed onto itself */
}

static void
case_dup2_to_out_of_range_newfd_is_ebadf(void)
{
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_ERR(dup2(p[0], -1), EBADF);
    CHECK_ERR(dup2(p[0], 1000000), EBADF);
#ifdef OPEN_MAX
    CHECK_ERR(dup2(p[0], OPEN_MAX), EBADF);
    CHECK_EQ(dup2(p[0], OPEN_MAX - 1), OPEN_MAX - 1);
#endif
}

static void
case_fcntl_dupfd_gives_lowest_free_at_or_above(void)
{
    int p[2];

    CHECK_OK(pipe(p));
    CHECK_EQ(fcntl(p[0], F_DUPFD, 10), 10);
    CHECK_EQ(fcntl(p[0], F_DUPFD, 10), 11);
    CHECK_EQ(fcntl(p[0], F_DUPFD, 0), 5);
    CHECK_ERR(fcntl(p[0], F_DUPFD, -1), EINVAL);
}

static void
case_duplicate_works_after_original_closes(void)
{
    char c;
    int p[2], r, w;

    CHECK_OK(pipe(p));
    CHECK_OK(r = dup(p[0]));
    CHECK_OK(w = dup(p[1]));
    CHECK_OK(close(p[0]));
    CHECK_OK(close(p[1]));
    CHECK_EQ(write(w, "k", 1), 1);
    CHECK_EQ(read(r, &c, 1), 1);
    CHECK_EQ(c, 'k');
}

/* Runs argv with its standard input and output on in_fd and out_fd
 * (-1: unchanged), closing every other pipe end first. */
static pid_t
spawn(char *const argv[], int in_fd, int out_fd, const int *close_fds, int nclose)
{
    pid_t pid;
    int i;

    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (in_fd >= 0 && dup2(in_fd, 0) != 0)
            _exit(125);
        if (out_fd >= 0 && dup2(out_fd, 1) != 1)
            _exit(126);
        for (i = 0; i < nclose; i++)
            close(close_fds[i]);
        execve(argv[0], argv, saved_envp);
        _exit(127);
    }
    return pid;
}

/* dup(2), pipe(2): dup2 onto 0 and 1 redirects exec'd programs, as a shell
 * does for "echo piped | cat": only EOF from every closed end lets cat end. */
static void
case_dup2_redirects_stdin_and_stdout(void)
{
    char *echo[] = { "/bin/echo", "piped", NULL };
    char *cat[] = { "/bin/cat", NULL };
    char buf[32];
    int a[2], b[2], ends[4];
    long n, got = 0;
    pid_t p1, p2;

    CHECK_OK(pipe(a));
    CHECK_OK(pipe(b));
    ends[0] = a[0], ends[1] = a[1], ends[2] = b[0], ends[3] = b[1];
    p1 = spawn(echo, -1, a[1], ends, 4);
    p2 = spawn(cat, a[0], b[1], ends, 4);
    CHECK_OK(close(a[0]));
    CHECK_OK(close(a[1]));
    CHECK_OK(close(b[1]));
    while ((n = read(b[0], buf + got, sizeof buf - 1 - got)) > 0)
        got += n;
    CHECK_EQ(n, 0);
    buf[got] = '\0';
    CHECK_STR_EQ(buf, "piped\n");
    check_child_ok(p1);
    check_child_ok(p2);
}

/* ---- exec and FD_CLOEXEC ------------------------------------------------------------- */

/* fcntl(2): a descriptor with FD_CLOEXEC is closed by exec; one without
 * stays open (so pipes reach exec'd programs). */
static void
case_exec_closes_only_cloexec_descriptors(void)
{
    int p[2], q[2];

    CHECK_OK(pipe(p));
    CHECK_OK(pipe2(q, O_CLOEXEC));
    CHECK_OK(fcntl(p[1], F_SETFD, FD_CLOEXEC));
    CHECK_EQ(open_after_exec(p[0]), 1);
    CHECK_EQ(open_after_exec(p[1]), 0);
    CHECK_EQ(open_after_exec(q[0]), 0);
    CHECK_EQ(open_after_exec(q[1]), 0);
    CHECK_OK(fcntl(q[1], F_SETFD, 0));
    CHECK_EQ(open_after_exec(q[1]), 1);
}

/* The write end a child loses at exec really closes: after the exec'd
 * program exits, the pipe's only writer is ours; close it and see EOF. */
static void
case_cloexec_write_end_does_not_survive_exec(void)
{
    char c;
    int p[2];

    CHECK_OK(pipe2(p, O_CLOEXEC));
    CHECK_EQ(open_after_exec(p[1]), 0);
    CHECK_OK(close(p[1]));
    CHECK_EQ(read(p[0], &c, 1), 0);
}

/* ---- no leaks --------------------------------------------------------------------------- */

#ifdef ON_PARLEY
/* Makes and destroys n pipes in several ways: empty, with data left in,
 * full, after a failed pipe() (EFAULT, EMFILE). */
static void
churn_pipes(int n)
{
    static char buf[PIPE_CAPACITY];
    int *volatile null = NULL;
    int p[2], i, first, used;

    for (i = 0; i < n; i++) {
        CHECK_OK(pipe2(p, O_NONBLOCK));
        if (i % 50 == 3) {
            CHECK_EQ(write(p[1], buf, PIPE_CAPACITY), PIPE_CAPACITY);
        } else if (i % 7 == 2) {
            CHECK_EQ(write(p[1], buf, 9000), 9000);
            CHECK_EQ(read(p[0], buf, 5000), 5000);
        } else if (i % 3 == 1) {
            CHECK_EQ(write(p[1], buf, 100), 100);
        }
        if (i % 2)
            CHECK_OK(close(p[0]));      /* either end may go first */
        CHECK_OK(close(p[1]));
        if (i % 2 == 0)
            CHECK_OK(close(p[0]));
        if (i % 100 == 4)
            CHECK_ERR(pipe2(null, 0), EFAULT);
    }
    used = use_all_descriptors(&first);
    CHECK_OK(close(first));
    CHECK_ERR(pipe(p), EMFILE);         /* one end made, then undone */
    for (i = 1; i < used; i++)
        CHECK_OK(close(first + i));
}
#endif

/* Issue 3: a thousand pipes later, the kernel's free pages, free inodes
 * and open-file count are exactly where they were. */
static void
case_thousand_pipes_leak_nothing(void)
{
#ifdef ON_PARLEY
    struct sysinfo before, after;

    churn_pipes(60);                    /* warm up: stack, buffers, tables */
    CHECK_OK(sysinfo(&before));
    churn_pipes(1000);
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
        CHECK_CASE(pipe_gives_a_read_end_and_a_write_end),
        CHECK_CASE(pipe_ends_are_fifos),
        CHECK_CASE(fstat_size_is_bytes_queued),
        CHECK_CASE(pipe_with_bad_array_is_efault),
        CHECK_CASE(pipe2_with_unknown_flag_is_einval),
        CHECK_CASE(pipe_without_two_free_descriptors_is_emfile),
        CHECK_CASE(pipe2_nonblock_and_cloexec_apply_to_both_ends),
        CHECK_CASE(getfl_gives_access_modes),
        CHECK_CASE(pipe_is_a_byte_stream),
        CHECK_CASE(bytes_survive_every_length_and_alignment),
        CHECK_CASE(read_less_than_available_leaves_the_rest),
        CHECK_CASE(read_more_than_available_returns_what_is_there),
        CHECK_CASE(read_of_zero_bytes_returns_zero),
        CHECK_CASE(empty_nonblocking_read_is_eagain),
        CHECK_CASE(read_blocks_until_data_arrives),
        CHECK_CASE(eof_after_last_writer_closes_and_pipe_drains),
        CHECK_CASE(eof_when_child_holding_the_write_end_exits),
        CHECK_CASE(every_blocked_reader_wakes_on_last_close),
        CHECK_CASE(dup_of_write_end_prevents_eof),
        CHECK_CASE(wrong_end_is_ebadf),
        CHECK_CASE(closed_end_is_ebadf),
        CHECK_CASE(blocked_read_interrupted_is_eintr),
        CHECK_CASE(blocked_read_restarts_with_sa_restart),
        CHECK_CASE(write_without_reader_is_epipe_when_sigpipe_ignored),
        CHECK_CASE(write_without_reader_sends_sigpipe),
        CHECK_CASE(sigpipe_kills_the_writer_by_default),
        CHECK_CASE(blocked_large_write_ends_when_last_reader_closes),
        CHECK_CASE(blocked_small_write_gets_epipe_when_last_reader_closes),
        CHECK_CASE(capacity_is_pipe_capacity),
        CHECK_CASE(full_pipe_nonblocking_write_is_eagain),
        CHECK_CASE(atomic_write_that_does_not_fit_writes_nothing),
        CHECK_CASE(large_nonblocking_write_may_be_partial),
        CHECK_CASE(lseek_on_pipe_is_espipe),
        CHECK_CASE(one_mebibyte_arrives_intact),
        CHECK_CASE(pipe_buf_writes_are_not_interleaved),
        CHECK_CASE(parent_and_child_talk_over_two_pipes),
        CHECK_CASE(dup_gives_lowest_free_descriptor),
        CHECK_CASE(nonblock_belongs_to_the_open_file_description),
        CHECK_CASE(duplicates_do_not_inherit_cloexec),
        CHECK_CASE(dup_of_bad_descriptor_is_ebadf),
        CHECK_CASE(dup_without_free_descriptor_is_emfile),
        CHECK_CASE(dup2_closes_newfd_first),
        CHECK_CASE(dup2_onto_itself_changes_nothing),
        CHECK_CASE(dup2_with_bad_oldfd_leaves_newfd_open),
        CHECK_CASE(dup2_to_out_of_range_newfd_is_ebadf),
        CHECK_CASE(fcntl_dupfd_gives_lowest_free_at_or_above),
        CHECK_CASE(duplicate_works_after_original_closes),
        CHECK_CASE(dup2_redirects_stdin_and_stdout),
        CHECK_CASE(exec_closes_only_cloexec_descriptors),
        CHECK_CASE(cloexec_write_end_does_not_survive_exec),
        CHECK_CASE(thousand_pipes_leak_nothing),
    };

    saved_envp = envp;
    if (argc > 1 && strcmp(argv[1], "--helper") == 0)
        return helper_main(argc, argv);
    return check_main("pipe", cases, CHECK_NCASES(cases), argc, argv);
}
