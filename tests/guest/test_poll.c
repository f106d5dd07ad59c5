/*
 * test_poll -- poll(2) and select(2) over every descriptor type that is not
 * a socket (pipes, FIFOs, the console, regular files), their timeouts and
 * EINTR, and FIONREAD on pipes: the "poll/select" rows of the POSIX
 * checklist and issue 10.  The socket cases are in test_socket.
 *
 * "Blocks" is checked as a lower bound (still waiting after BLOCKED_MS),
 * never as an upper bound.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#if __has_include(<parley.h>)
#include <parley.h>
#define ON_PARLEY 1
#include "ipc_check.h"
#endif

#define BLOCKED_MS 150

static long
now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A child that sleeps ms, writes one byte to fd, and exits. */
static pid_t
write_later(int fd, long ms)
{
    pid_t pid = fork();
    if (pid == 0) {
        check_sleep_ms(ms);
        _exit(write(fd, "x", 1) == 1 ? 0 : 1);
    }
    return pid;
}

static void
reap(pid_t pid)
{
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

/* poll(2): with timeout 0 poll returns 0 at once when nothing is ready. */
static void
case_poll_timeout_zero_returns_at_once(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    struct pollfd pfd = { p[0], POLLIN, 0x7777 };
    CHECK_EQ(poll(&pfd, 1, 0), 0);
    CHECK_EQ(pfd.revents, 0);
}

/* poll(2): an expiring timeout returns 0 with revents 0, not earlier. */
static void
case_poll_expiring_timeout_returns_zero(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    struct pollfd pfd = { p[0], POLLIN, 0 };
    long start = now_ms();
    CHECK_EQ(poll(&pfd, 1, 120), 0);
    CHECK(now_ms() - start >= 110);
    CHECK_EQ(pfd.revents, 0);
}

/* A pipe's read end is POLLIN once data is queued. */
static void
case_poll_pipe_read_end_readable_with_data(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    CHECK_EQ(write(p[1], "ab", 2), 2);
    struct pollfd pfd = { p[0], POLLIN | POLLOUT, 0 };
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(pfd.revents, POLLIN);
}

/* A pipe's write end with room is POLLOUT, and never POLLIN. */
static void
case_poll_pipe_write_end_writable(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    struct pollfd pfd = { p[1], POLLIN | POLLOUT, 0 };
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(pfd.revents, POLLOUT);
}

/* A full pipe's write end is not POLLOUT; reading makes it so. */
static void
case_poll_full_pipe_is_not_writable(void)
{
    int p[2];
    static char buf[4096];
    CHECK_OK(pipe2(p, O_NONBLOCK));
    while (write(p[1], buf, sizeof buf) > 0)
        ;
    struct pollfd pfd = { p[1], POLLOUT, 0 };
    CHECK_EQ(poll(&pfd, 1, 0), 0);
    CHECK_EQ(read(p[0], buf, sizeof buf), (long)sizeof buf);
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(pfd.revents, POLLOUT);
}

/* poll(2): the read end gets POLLHUP once the last writer closed (with
 * POLLIN while data is left), even if POLLHUP was not asked for. */
static void
case_poll_pipe_hangup_after_last_writer(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    CHECK_EQ(write(p[1], "a", 1), 1);
    CHECK_OK(close(p[1]));
    struct pollfd pfd = { p[0], POLLIN, 0 };
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(pfd.revents, POLLIN | POLLHUP);
    char c;
    CHECK_EQ(read(p[0], &c, 1), 1);
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(pfd.revents, POLLHUP);
}

/* poll(2): a write end whose readers are gone reports POLLERR. */
static void
case_poll_pipe_error_without_reader(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    CHECK_OK(close(p[0]));
    struct pollfd pfd = { p[1], POLLOUT, 0 };
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK(pfd.revents & POLLERR);
}

/* A blocked poll wakes when data arrives, after having waited. */
static void
case_poll_wakes_when_data_arrives(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    long start = now_ms();
    pid_t pid = write_later(p[1], BLOCKED_MS);
    struct pollfd pfd = { p[0], POLLIN, 0 };
    CHECK_EQ(poll(&pfd, 1, -1), 1);
    CHECK(now_ms() - start >= BLOCKED_MS - 10);
    CHECK_EQ(pfd.revents, POLLIN);
    reap(pid);
}

/* One poll over many pipes: only the one with data is reported. */
static void
case_poll_reports_only_the_ready_pipe(void)
{
    int p[8][2];
    struct pollfd pfd[8];
    for (int i = 0; i < 8; i++) {
        CHECK_OK(pipe(p[i]));
        pfd[i].fd = p[i][0];
        pfd[i].events = POLLIN;
    }
    pid_t pid = write_later(p[5][1], 50);
    CHECK_EQ(poll(pfd, 8, 5000), 1);
    for (int i = 0; i < 8; i++)
        CHECK_EQ(pfd[i].revents, i == 5 ? POLLIN : 0);
    reap(pid);
}

/* POSIX poll: a closed descriptor is POLLNVAL and counted; a negative one
 * is ignored with revents 0. */
static void
case_poll_closed_fd_is_pollnval_negative_is_ignored(void)
{
    struct pollfd pfd[2] = { { 19, POLLIN, 0 }, { -1, POLLIN, 0x55 } };
    close(19);
    CHECK_EQ(poll(pfd, 2, 0), 1);
    CHECK_EQ(pfd[0].revents, POLLNVAL);
    CHECK_EQ(pfd[1].revents, 0);
}

/* poll(2): regular files are always readable and writable. */
static void
case_poll_regular_file_is_always_ready(void)
{
    int fd = open("/tmp/poll_file", O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK_OK(fd);
    struct pollfd pfd = { fd, POLLIN | POLLOUT, 0 };
    CHECK_EQ(poll(&pfd, 1, 1000), 1);
    CHECK_EQ(pfd.revents, POLLIN | POLLOUT);
    unlink("/tmp/poll_file");
}

/* A FIFO polls like a pipe: readable when a writer has written. */
static void
case_poll_fifo_readable_after_write(void)
{
    unlink("/tmp/poll_fifo");
    CHECK_OK(mkfifo("/tmp/poll_fifo", 0600));
    int r = open("/tmp/poll_fifo", O_RDONLY | O_NONBLOCK);
    CHECK_OK(r);
    int w = open("/tmp/poll_fifo", O_WRONLY);
    CHECK_OK(w);
    struct pollfd pfd = { r, POLLIN, 0 };
    CHECK_EQ(poll(&pfd, 1, 0), 0);
    CHECK_EQ(write(w, "hi", 2), 2);
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(pfd.revents, POLLIN);
    unlink("/tmp/poll_fifo");
}

/* The console (or terminal) is writable at once when opened for output. */
static void
case_poll_console_is_writable(void)
{
    int fd = open("/dev/console", O_WRONLY);
    if (fd < 0)
        fd = open("/dev/tty", O_WRONLY);
    CHECK_OK(fd);
    struct pollfd pfd = { fd, POLLOUT, 0 };
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(pfd.revents, POLLOUT);
}

/* signal(7): poll is never restarted after a handler, even with
 * SA_RESTART: -1, EINTR. */
static void
case_poll_interrupted_by_handler_is_eintr(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    check_catch_signal(SIGALRM, SA_RESTART);
    alarm(1);
    struct pollfd pfd = { p[0], POLLIN, 0 };
    CHECK_ERR(poll(&pfd, 1, -1), EINTR);
    CHECK_EQ(check_signals_caught, 1);
}

/* poll(2): a bad array pointer is EFAULT, never a crash. */
static void
case_poll_bad_array_is_efault(void)
{
    CHECK_ERR(poll((struct pollfd *)1, 1, 0), EFAULT);
    CHECK_ERR(poll((struct pollfd *)0xC0000000u, 2, 0), EFAULT);
}

/* select(2): only the ready descriptors stay in the sets; the result is
 * the number of bits left in all sets. */
static void
case_select_leaves_only_ready_fds(void)
{
    int a[2], b[2];
    CHECK_OK(pipe(a));
    CHECK_OK(pipe(b));
    CHECK_EQ(write(b[1], "z", 1), 1);
    fd_set rd, wr;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(a[0], &rd);
    FD_SET(b[0], &rd);
    FD_SET(a[1], &wr);
    struct timeval tv = { 1, 0 };
    int maxfd = a[0] > b[0] ? a[0] : b[0];
    maxfd = maxfd > a[1] ? maxfd : a[1];
    CHECK_EQ(select(maxfd + 1, &rd, &wr, NULL, &tv), 2);
    CHECK(!FD_ISSET(a[0], &rd));
    CHECK(FD_ISSET(b[0], &rd));
    CHECK(FD_ISSET(a[1], &wr));
}

/* select(2): an expiring timeout returns 0 and clears the sets. */
static void
case_select_timeout_clears_the_sets(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    fd_set rd;
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    struct timeval tv = { 0, 100000 };
    long start = now_ms();
    CHECK_EQ(select(p[0] + 1, &rd, NULL, NULL, &tv), 0);
    CHECK(now_ms() - start >= 90);
    CHECK(!FD_ISSET(p[0], &rd));
}

/* select(2): a blocked select wakes when a pipe gets data. */
static void
case_select_wakes_when_data_arrives(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    pid_t pid = write_later(p[1], BLOCKED_MS);
    fd_set rd;
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    CHECK_EQ(select(p[0] + 1, &rd, NULL, NULL, NULL), 1);
    CHECK(FD_ISSET(p[0], &rd));
    reap(pid);
}

/* POSIX select: a closed descriptor in a set is EBADF. */
static void
case_select_closed_fd_is_ebadf(void)
{
    fd_set rd;
    FD_ZERO(&rd);
    close(20);
    FD_SET(20, &rd);
    struct timeval tv = { 0, 0 };
    CHECK_ERR(select(21, &rd, NULL, NULL, &tv), EBADF);
}

/* select(2): a handler ends the wait with EINTR even under SA_RESTART. */
static void
case_select_interrupted_by_handler_is_eintr(void)
{
    int p[2];
    CHECK_OK(pipe(p));
    check_catch_signal(SIGALRM, SA_RESTART);
    alarm(1);
    fd_set rd;
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    CHECK_ERR(select(p[0] + 1, &rd, NULL, NULL, NULL), EINTR);
}

/* pipe(7): FIONREAD reports the bytes waiting in a pipe. */
static void
case_fionread_counts_bytes_in_a_pipe(void)
{
    int p[2], n = -1;
    CHECK_OK(pipe(p));
    CHECK_OK(ioctl(p[0], FIONREAD, &n));
    CHECK_EQ(n, 0);
    CHECK_EQ(write(p[1], "hello", 5), 5);
    CHECK_OK(ioctl(p[0], FIONREAD, &n));
    CHECK_EQ(n, 5);
    char c;
    CHECK_EQ(read(p[0], &c, 1), 1);
    CHECK_OK(ioctl(p[0], FIONREAD, &n));
    CHECK_EQ(n, 4);
}

/* Waits until pid sleeps in poll or select (Parley: its wait is named
 * "poll N fds"); natively, only gives it BLOCKED_MS to get there. */
static void
wait_until_polling(pid_t pid)
{
#ifdef ON_PARLEY
    ipc_wait_asleep(pid, "poll ");
#else
    (void)pid;
    check_sleep_ms(BLOCKED_MS);
#endif
}

/* select(2) on a FIFO: the read end is not readable while it is empty,
 * the write end is writable; readable once written; and still readable
 * (a read would not block: it returns 0) after the writer closed. */
static void
case_select_on_a_fifo(void)
{
    char buf[4];
    unlink("/tmp/poll_sfifo");
    CHECK_OK(mkfifo("/tmp/poll_sfifo", 0600));
    int r = open("/tmp/poll_sfifo", O_RDONLY | O_NONBLOCK);
    CHECK_OK(r);
    int w = open("/tmp/poll_sfifo", O_WRONLY);
    CHECK_OK(w);
    int maxfd = (r > w ? r : w) + 1;
    fd_set rd, wr;
    struct timeval tv = { 0, 0 };
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(r, &rd);
    FD_SET(w, &wr);
    CHECK_EQ(select(maxfd, &rd, &wr, NULL, &tv), 1);
    CHECK(!FD_ISSET(r, &rd));
    CHECK(FD_ISSET(w, &wr));
    CHECK_EQ(write(w, "ab", 2), 2);
    FD_SET(r, &rd);
    FD_SET(w, &wr);
    tv.tv_sec = 1;
    CHECK_EQ(select(maxfd, &rd, &wr, NULL, &tv), 2);
    CHECK(FD_ISSET(r, &rd));
    CHECK(FD_ISSET(w, &wr));
    CHECK_EQ(read(r, buf, sizeof buf), 2);
    CHECK_OK(close(w));
    FD_ZERO(&rd);
    FD_SET(r, &rd);
    tv.tv_sec = 1;
    CHECK_EQ(select(r + 1, &rd, NULL, NULL, &tv), 1);
    CHECK(FD_ISSET(r, &rd));
    CHECK_EQ(read(r, buf, sizeof buf), 0);
    unlink("/tmp/poll_sfifo");
}

/* select(2): a regular file is always ready for reading and writing, even
 * at its end, and even with no timeout at all. */
static void
case_select_on_a_regular_file_is_always_ready(void)
{
    int fd = open("/tmp/poll_sfile", O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK_OK(fd);
    int ro = open("/tmp/poll_sfile", O_RDONLY);
    CHECK_OK(ro);
    fd_set rd, wr;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(fd, &rd);
    FD_SET(fd, &wr);
    FD_SET(ro, &rd);
    CHECK_EQ(select((fd > ro ? fd : ro) + 1, &rd, &wr, NULL, NULL), 3);
    CHECK(FD_ISSET(fd, &rd));
    CHECK(FD_ISSET(fd, &wr));
    CHECK(FD_ISSET(ro, &rd));
    unlink("/tmp/poll_sfile");
}

/* select(2) on the console: writable at once, and not readable while no
 * line has been typed (nobody types during the tests).  Only when the
 * standard input is a terminal: in Parley it always is (init gives every
 * program the console); a native run whose input is not a terminal (a
 * pipe, /dev/null) skips the checks and passes -- it proves nothing then. */
static void
case_select_on_the_console(void)
{
    if (!isatty(0))
        return;                         /* no terminal to test: skipped */
#ifdef ON_PARLEY
    int fd = open("/dev/console", O_RDWR);
#else
    int fd = open("/dev/tty", O_RDWR);
#endif
    CHECK_OK(fd);
    fd_set rd, wr;
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(fd, &rd);
    FD_SET(fd, &wr);
    struct timeval tv = { 0, 50000 };
    CHECK_EQ(select(fd + 1, &rd, &wr, NULL, &tv), 1);
    CHECK(!FD_ISSET(fd, &rd));
    CHECK(FD_ISSET(fd, &wr));
}

/* poll(2): a FIFO's read end gets POLLHUP once its writer closed -- with
 * POLLIN while data is left, alone after it is read. */
static void
case_poll_fifo_hangup_after_writer_closes(void)
{
    char c;
    unlink("/tmp/poll_hfifo");
    CHECK_OK(mkfifo("/tmp/poll_hfifo", 0600));
    int r = open("/tmp/poll_hfifo", O_RDONLY | O_NONBLOCK);
    CHECK_OK(r);
    int w = open("/tmp/poll_hfifo", O_WRONLY);
    CHECK_OK(w);
    CHECK_EQ(write(w, "z", 1), 1);
    struct pollfd pfd = { r, POLLIN, 0 };
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(pfd.revents, POLLIN);
    CHECK_OK(close(w));
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(pfd.revents, POLLIN | POLLHUP);
    CHECK_EQ(read(r, &c, 1), 1);
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(pfd.revents, POLLHUP);
    CHECK_EQ(read(r, &c, 1), 0);
    unlink("/tmp/poll_hfifo");
}

/* A child that polls fd for POLLIN without a timeout and exits 0 if the
 * poll returned 1 with exactly want in revents. */
static pid_t
poll_in_child(int fd, int close_fd, short want)
{
    pid_t pid = fork();
    if (pid == 0) {
        close(close_fd);
        struct pollfd pfd = { fd, POLLIN, 0 };
        int n = poll(&pfd, 1, -1);
        if (n != 1)
            _exit(1);
        _exit(pfd.revents == want ? 0 : 2);
    }
    return pid;
}

/* A poll asleep on a pipe's read end wakes with POLLHUP when the last
 * writer closes; one asleep on an AF_UNIX stream wakes with POLLIN and
 * POLLHUP when the peer closes (a read would return 0). */
static void
case_poll_asleep_is_woken_by_a_hangup(void)
{
    int p[2], sv[2];
    CHECK_OK(pipe(p));
    pid_t pid = poll_in_child(p[0], p[1], POLLHUP);
    wait_until_polling(pid);
    CHECK_EQ(waitpid(pid, NULL, WNOHANG), 0);       /* still asleep */
    CHECK_OK(close(p[1]));
    reap(pid);

    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    pid = poll_in_child(sv[0], sv[1], POLLIN | POLLHUP);
    wait_until_polling(pid);
    CHECK_EQ(waitpid(pid, NULL, WNOHANG), 0);
    CHECK_OK(close(sv[1]));
    reap(pid);
}

/* One poll over a pipe and a socket sleeps until the socket has data,
 * and reports the socket alone. */
static void
case_poll_over_a_pipe_and_a_socket_wakes_on_the_socket(void)
{
    int p[2], sv[2];
    CHECK_OK(pipe(p));
    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    struct pollfd pfd[2] = { { p[0], POLLIN, 0 }, { sv[0], POLLIN, 0 } };
    long start = now_ms();
    pid_t pid = write_later(sv[1], BLOCKED_MS);
    CHECK_EQ(poll(pfd, 2, 10000), 1);
    CHECK(now_ms() - start >= BLOCKED_MS - 10);
    CHECK_EQ(pfd[0].revents, 0);
    CHECK_EQ(pfd[1].revents, POLLIN);
    char c;
    CHECK_EQ(read(sv[0], &c, 1), 1);
    reap(pid);
}

#ifdef ON_PARLEY
/* No leak: after many polls that slept, no wait entry is left and every
 * frame has come back. */
static void
case_polls_leave_no_wait_entries(void)
{
    int p[2];
    struct kstat before, after;
    CHECK_OK(pipe(p));
    struct pollfd pfd[2] = { { p[0], POLLIN, 0 }, { p[0], POLLIN, 0 } };
    poll(pfd, 2, 10);                   /* first use of every pool */
    CHECK_OK(kstat(&before));
    for (int i = 0; i < 20; i++)
        CHECK_EQ(poll(pfd, 2, 10), 0);
    CHECK_OK(kstat(&after));
    CHECK_EQ(after.count[KSTAT_wait_entries], 0);
    CHECK_EQ(after.frames_free, before.frames_free);
}
#endif

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(poll_timeout_zero_returns_at_once),
        CHECK_CASE(poll_expiring_timeout_returns_zero),
        CHECK_CASE(poll_pipe_read_end_readable_with_data),
        CHECK_CASE(poll_pipe_write_end_writable),
        CHECK_CASE(poll_full_pipe_is_not_writable),
        CHECK_CASE(poll_pipe_hangup_after_last_writer),
        CHECK_CASE(poll_pipe_error_without_reader),
        CHECK_CASE(poll_wakes_when_data_arrives),
        CHECK_CASE(poll_reports_only_the_ready_pipe),
        CHECK_CASE(poll_closed_fd_is_pollnval_negative_is_ignored),
        CHECK_CASE(poll_regular_file_is_always_ready),
        CHECK_CASE(poll_fifo_readable_after_write),
        CHECK_CASE(poll_console_is_writable),
        CHECK_CASE(poll_interrupted_by_handler_is_eintr),
        CHECK_CASE(poll_bad_array_is_efault),
        CHECK_CASE(select_leaves_only_ready_fds),
        CHECK_CASE(select_timeout_clears_the_sets),
        CHECK_CASE(select_wakes_when_data_arrives),
        CHECK_CASE(select_closed_fd_is_ebadf),
        CHECK_CASE(select_interrupted_by_handler_is_eintr),
        CHECK_CASE(fionread_counts_bytes_in_a_pipe),
        CHECK_CASE(select_on_a_fifo),
        CHECK_CASE(select_on_a_regular_file_is_always_ready),
        CHECK_CASE(select_on_the_console),
        CHECK_CASE(poll_fifo_hangup_after_writer_closes),
        CHECK_CASE(poll_asleep_is_woken_by_a_hangup),
        CHECK_CASE(poll_over_a_pipe_and_a_socket_wakes_on_the_socket),
#ifdef ON_PARLEY
        CHECK_CASE(polls_leave_no_wait_entries),
#endif
    };
    return check_main("poll", cases, CHECK_NCASES(cases), argc, argv);
}
