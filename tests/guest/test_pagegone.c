/*
 * test_pagegone -- a buffer page taken away while its process sleeps in a
 * system call.
 *
 * The kernel checks a call's buffers when the call starts (user_check),
 * and a call that sleeps copies into or out of them later.  Meanwhile
 * another process may truncate a file the buffer is MAP_SHARED-mapped
 * from, which removes the sleeper's page.  The later copy must then not
 * fault in the kernel (that was a panic): if the file has grown back the
 * page comes back as at a user fault, and the data lands in the file; if
 * not, the call fails with EFAULT and what was queued stays queued (a
 * message already taken off its queue is lost, as a faulting msgrcv's is
 * on Linux).
 *
 * Each case: a child sleeps in a call on a buffer in a mapped file page,
 * the parent waits until it sleeps there (procinfo), truncates the file
 * (and perhaps grows it back), then wakes the child.
 */
#define _GNU_SOURCE
#include "ipc_check.h"
#include <fcntl.h>
#include <stdbool.h>
#include <parley/mbox.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <signal.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define AT 100                          /* the buffer's offset in the page */
#define FILE_PATH "/tmp/pagegone"

static int map_fd = -1;

/* A fresh one-page file, mapped shared. */
static char *
map_page(void)
{
    map_fd = open(FILE_PATH, O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK_OK(map_fd);
    CHECK_OK(ftruncate(map_fd, 4096));
    char *map = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
    CHECK(map != MAP_FAILED);
    return map;
}

/* Take the page from under the sleeper; grow_back: let it come back. */
static void
take_page(pid_t sleeper, const char *wait, bool grow_back)
{
    ipc_wait_asleep(sleeper, wait);
    CHECK_OK(ftruncate(map_fd, 0));
    if (grow_back)
        CHECK_OK(ftruncate(map_fd, 4096));
}

static void
unmap_page(char *map)
{
    CHECK_OK(munmap(map, 4096));
    close(map_fd);
    unlink(FILE_PATH);
}

/* What the file holds at AT. */
static void
check_file_holds(const char *want, size_t n)
{
    char back[64];
    CHECK_EQ(pread(map_fd, back, n, AT), (ssize_t)n);
    CHECK(memcmp(back, want, n) == 0);
}

/* Child: read fd into the mapped buffer; the page went for good, so EFAULT,
 * and the bytes are still there for a read into a good buffer. */
static int
read_gets_efault_then_the_bytes(int fd, char *map)
{
    char good[16];
    if (read(fd, map + AT, 16) != -1 || errno != EFAULT)
        return 1;
    return read(fd, good, sizeof good) == 6 && memcmp(good, "hello", 6) == 0 ? 0 : 2;
}

/* ---- pipes -------------------------------------------------------------- */

static void
case_pipe_reader_page_gone_is_efault_and_the_bytes_stay(void)
{
    char *map = map_page();
    int p[2];
    CHECK_OK(pipe(p));
    pid_t pid = fork();
    if (pid == 0)
        _exit(read_gets_efault_then_the_bytes(p[0], map));
    take_page(pid, "pipe", false);
    CHECK_EQ(write(p[1], "hello", 6), 6);
    CHECK_EQ(check_exit_code(pid), 0);
    close(p[0]);
    close(p[1]);
    unmap_page(map);
}

static void
case_pipe_reader_page_grown_back_gets_the_bytes(void)
{
    char *map = map_page();
    int p[2];
    CHECK_OK(pipe(p));
    pid_t pid = fork();
    if (pid == 0)
        _exit(read(p[0], map + AT, 16) == 6 && memcmp(map + AT, "hello", 6) == 0 ? 0 : 1);
    take_page(pid, "pipe", true);
    CHECK_EQ(write(p[1], "hello", 6), 6);
    CHECK_EQ(check_exit_code(pid), 0);
    check_file_holds("hello", 6);
    close(p[0]);
    close(p[1]);
    unmap_page(map);
}

/* A writer asleep on a full pipe whose source page goes: EFAULT when room
 * comes, and nothing of that write reaches the pipe. */
static void
case_pipe_writer_page_gone_is_efault_and_adds_nothing(void)
{
    char *map = map_page();
    memcpy(map + AT, "written", 8);
    int p[2];
    CHECK_OK(pipe(p));
    CHECK_OK(fcntl(p[1], F_SETFL, O_NONBLOCK));
    static char fill[4096];
    long filled = 0;
    ssize_t n;
    while ((n = write(p[1], fill, sizeof fill)) > 0)
        filled += n;
    CHECK_EQ(errno, EAGAIN);
    CHECK_OK(fcntl(p[1], F_SETFL, 0));
    pid_t pid = fork();
    if (pid == 0)
        _exit(write(p[1], map + AT, 8) == -1 && errno == EFAULT ? 0 : 1);
    take_page(pid, "pipe", false);
    close(p[1]);
    long drained = 0;
    while ((n = read(p[0], fill, sizeof fill)) > 0)
        drained += n;
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_EQ(drained, filled);
    CHECK_EQ(read(p[0], fill, sizeof fill), 0);     /* the child's end is closed: EOF */
    close(p[0]);
    unmap_page(map);
}

/* ---- sockets ------------------------------------------------------------ */

static void
case_stream_reader_page_gone_is_efault_and_the_bytes_stay(void)
{
    char *map = map_page();
    int sv[2];
    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    pid_t pid = fork();
    if (pid == 0)
        _exit(read_gets_efault_then_the_bytes(sv[1], map));
    take_page(pid, "recv", false);
    CHECK_EQ(send(sv[0], "hello", 6, 0), 6);
    CHECK_EQ(check_exit_code(pid), 0);
    close(sv[0]);
    close(sv[1]);
    unmap_page(map);
}

/* The one-copy hand-over: a sender copies straight into the buffer of a
 * receiver asleep in recv, unless a page of it has gone meanwhile; then
 * the data must wait in the socket for the receiver's own copy, which
 * faults the grown-back page in.  type: SOCK_STREAM or SOCK_DGRAM. */
static void
socket_reader_page_grown_back_gets_the_data(int type)
{
    char *map = map_page();
    int sv[2];
    CHECK_OK(socketpair(AF_UNIX, type, 0, sv));
    pid_t pid = fork();
    if (pid == 0)
        _exit(recv(sv[1], map + AT, 64, 0) == 6 && memcmp(map + AT, "hello", 6) == 0 ? 0 : 1);
    take_page(pid, "recv unix socket", true);
    CHECK_EQ(send(sv[0], "hello", 6, 0), 6);
    CHECK_EQ(check_exit_code(pid), 0);
    check_file_holds("hello", 6);
    close(sv[0]);
    close(sv[1]);
    unmap_page(map);
}

static void
case_stream_reader_page_grown_back_gets_the_bytes(void)
{
    socket_reader_page_grown_back_gets_the_data(SOCK_STREAM);
}

static void
case_dgram_reader_page_grown_back_gets_the_datagram(void)
{
    socket_reader_page_grown_back_gets_the_data(SOCK_DGRAM);
}

/* A datagram is taken off the queue before its copy: a receiver whose page
 * went gets EFAULT and the datagram is lost (Linux's unix_dgram_recvmsg
 * does the same); the socket goes on working. */
static void
case_dgram_reader_page_gone_is_efault(void)
{
    char *map = map_page();
    int sv[2];
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    pid_t pid = fork();
    if (pid == 0) {
        char good[16];
        if (recv(sv[1], map + AT, 16, 0) != -1 || errno != EFAULT)
            _exit(1);
        _exit(recv(sv[1], good, sizeof good, 0) == 4 && memcmp(good, "next", 4) == 0 ? 0 : 2);
    }
    take_page(pid, "recv", false);
    CHECK_EQ(send(sv[0], "hello", 6, 0), 6);
    CHECK_EQ(send(sv[0], "next", 4, 0), 4);
    CHECK_EQ(check_exit_code(pid), 0);
    close(sv[0]);
    close(sv[1]);
    unmap_page(map);
}

/* ---- messages ----------------------------------------------------------- */

static void
case_mbox_receiver_page_gone_is_efault(void)
{
    char *map = map_page();
    int id = mbox_create(NULL, 4, 0);
    CHECK_OK(id);
    pid_t pid = fork();
    if (pid == 0) {
        struct msg_in in = { .body = map + AT, .size = 16 };
        _exit(mbox_receive(id, &in, 0) == -1 && errno == EFAULT ? 0 : 1);
    }
    take_page(pid, "mbox", false);
    struct msg_out out = { 1, 0, "hello", 6 };
    CHECK_OK(mbox_send(id, &out, 0));
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_OK(mbox_destroy(id));
    unmap_page(map);
}

/* The struct msg_in itself in the page: its header is written after the
 * sleep too. */
static void
case_mbox_receiver_msg_in_page_grown_back_gets_the_header(void)
{
    char *map = map_page();
    int id = mbox_create(NULL, 4, 0);
    CHECK_OK(id);
    pid_t pid = fork();
    if (pid == 0) {
        static char body[16];
        struct msg_in *in = (struct msg_in *)(map + AT);
        *in = (struct msg_in){ .body = body, .size = sizeof body };
        int n = mbox_receive(id, in, 0);
        _exit(n == 6 && strcmp(body, "hello") == 0 && in->header.type == 7 ? 0 : 1);
    }
    take_page(pid, "mbox", true);
    struct msg_out out = { 7, 0, "hello", 6 };
    CHECK_OK(mbox_send(id, &out, 0));
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_OK(mbox_destroy(id));
    unmap_page(map);
}

static void
case_msgrcv_page_gone_is_efault(void)
{
    char *map = map_page();
    int q = msgget(IPC_PRIVATE, 0600);
    CHECK_OK(q);
    pid_t pid = fork();
    if (pid == 0)
        _exit(msgrcv(q, map + AT, 16, 0, 0) == -1 && errno == EFAULT ? 0 : 1);
    take_page(pid, "msgrcv", false);
    struct { long type; char text[6]; } m = { 1, "hello" };
    CHECK_OK(msgsnd(q, &m, sizeof m.text, 0));
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_OK(msgctl(q, IPC_RMID, NULL));
    unmap_page(map);
}

/* A long body (past the store's inline size) is copied by its sender
 * straight into a sleeping receiver's buffer -- unless a page of that
 * buffer is not mapped, when it goes through the store as before.  These
 * take the second way: with the page gone the receive is EFAULT, and
 * grown back the body arrives whole. */
#define LONG_BODY 1000

static void
fill_long_body(char *body)
{
    for (int i = 0; i < LONG_BODY; i++)
        body[i] = (char)('a' + i % 26);
}

/* Child: one mbox or msgrcv receive of LONG_BODY bytes into map + AT. */
static int
receive_long_body(bool sysv, int id, char *map)
{
    if (sysv)
        return (int)msgrcv(id, map + AT - sizeof(long), LONG_BODY, 0, 0);
    struct msg_in in = { .body = map + AT, .size = LONG_BODY };
    return mbox_receive(id, &in, 0);
}

static void
send_long_body(bool sysv, int id)
{
    static struct { long type; char text[LONG_BODY]; } m = { .type = 1 };
    fill_long_body(m.text);
    if (sysv) {
        CHECK_OK(msgsnd(id, &m, LONG_BODY, 0));
    } else {
        struct msg_out out = { 1, 0, m.text, LONG_BODY };
        CHECK_OK(mbox_send(id, &out, 0));
    }
}

static void
long_body_to_receiver_whose_page_went(bool sysv, bool grow_back)
{
    char *map = map_page();
    int id = sysv ? msgget(IPC_PRIVATE, 0600) : mbox_create(NULL, 4, 0);
    CHECK_OK(id);
    pid_t pid = fork();
    if (pid == 0) {
        int n = receive_long_body(sysv, id, map);
        if (!grow_back)
            _exit(n == -1 && errno == EFAULT ? 0 : 1);
        _exit(n == LONG_BODY ? 0 : 2);
    }
    take_page(pid, sysv ? "msgrcv" : "mbox", grow_back);
    send_long_body(sysv, id);
    CHECK_EQ(check_exit_code(pid), 0);
    if (grow_back) {
        char want[LONG_BODY], back[LONG_BODY];
        fill_long_body(want);
        CHECK_EQ(pread(map_fd, back, LONG_BODY, AT), LONG_BODY);
        CHECK(memcmp(back, want, LONG_BODY) == 0);
    }
    if (sysv)
        CHECK_OK(msgctl(id, IPC_RMID, NULL));
    else
        CHECK_OK(mbox_destroy(id));
    unmap_page(map);
}

static void
case_mbox_long_body_page_gone_is_efault(void)
{
    long_body_to_receiver_whose_page_went(false, false);
}

static void
case_mbox_long_body_page_grown_back_arrives_whole(void)
{
    long_body_to_receiver_whose_page_went(false, true);
}

static void
case_msgrcv_long_text_page_gone_is_efault(void)
{
    long_body_to_receiver_whose_page_went(true, false);
}

static void
case_msgrcv_long_text_page_grown_back_arrives_whole(void)
{
    long_body_to_receiver_whose_page_went(true, true);
}

/* ---- the console --------------------------------------------------------- */

/* A console reader's page goes while it waits for a line: EFAULT, and the
 * typed line stays for the next read (test input is typed with TIOCSTI,
 * echo off). */
static void
case_console_reader_page_gone_is_efault_and_the_line_stays(void)
{
    struct termios old, quiet;
    CHECK_OK(tcgetattr(0, &old));
    quiet = old;
    quiet.c_lflag &= ~ECHO;
    CHECK_OK(tcsetattr(0, TCSANOW, &quiet));
    char *map = map_page();
    pid_t pid = fork();
    if (pid == 0) {
        char good[16];
        if (read(0, map + AT, 16) != -1 || errno != EFAULT)
            _exit(1);
        _exit(read(0, good, sizeof good) == 6 && memcmp(good, "hello\n", 6) == 0 ? 0 : 2);
    }
    take_page(pid, "console input", false);
    for (const char *c = "hello"; *c; c++)
        CHECK_OK(ioctl(0, TIOCSTI, c));
    CHECK_OK(ioctl(0, TIOCSTI, "\n"));
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_OK(tcsetattr(0, TCSAFLUSH, &old));
    unmap_page(map);
}

/* ---- processes ---------------------------------------------------------- */

/* waitpid's status word: the child it waits for exits only when the test
 * closes a pipe, after the page has gone. */
static void
case_waitpid_status_page_gone_is_efault(void)
{
    char *map = map_page();
    int gate[2];
    CHECK_OK(pipe(gate));
    pid_t pid = fork();
    if (pid == 0) {
        pid_t child = fork();
        if (child == 0) {
            char c;
            close(gate[1]);
            _exit(read(gate[0], &c, 1) == 0 ? 0 : 1);
        }
        close(gate[0]);
        close(gate[1]);
        _exit(waitpid(child, (int *)(map + AT), 0) == -1 && errno == EFAULT ? 0 : 1);
    }
    close(gate[0]);
    take_page(pid, "wait for child", false);
    close(gate[1]);                     /* the grandchild exits */
    CHECK_EQ(check_exit_code(pid), 0);
    unmap_page(map);
}

static void
on_usr1(int sig)
{
    (void)sig;
}

/* nanosleep's remaining time, written when a signal ends the sleep. */
static void
case_nanosleep_rem_page_gone_is_efault(void)
{
    char *map = map_page();
    pid_t pid = fork();
    if (pid == 0) {
        check_set_handler(SIGUSR1, on_usr1, 0);
        struct timespec req = { 30, 0 };
        _exit(nanosleep(&req, (struct timespec *)(map + AT)) == -1 && errno == EFAULT ? 0 : 1);
    }
    take_page(pid, "sleep", false);
    CHECK_OK(kill(pid, SIGUSR1));
    CHECK_EQ(check_exit_code(pid), 0);
    unmap_page(map);
}

/* recvmsg writes msg_namelen, msg_controllen and msg_flags back after the
 * receive. */
static void
case_recvmsg_header_page_gone_is_efault(void)
{
    char *map = map_page();
    int sv[2];
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    pid_t pid = fork();
    if (pid == 0) {
        static char data[16];
        static struct iovec iov = { data, sizeof data };
        struct msghdr *m = (struct msghdr *)(map + AT);
        *m = (struct msghdr){ .msg_iov = &iov, .msg_iovlen = 1 };
        _exit(recvmsg(sv[1], m, 0) == -1 && errno == EFAULT ? 0 : 1);
    }
    take_page(pid, "recv", false);
    CHECK_EQ(send(sv[0], "hello", 6, 0), 6);
    CHECK_EQ(check_exit_code(pid), 0);
    close(sv[0]);
    close(sv[1]);
    unmap_page(map);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(pipe_reader_page_gone_is_efault_and_the_bytes_stay),
        CHECK_CASE(pipe_reader_page_grown_back_gets_the_bytes),
        CHECK_CASE(pipe_writer_page_gone_is_efault_and_adds_nothing),
        CHECK_CASE(stream_reader_page_gone_is_efault_and_the_bytes_stay),
        CHECK_CASE(dgram_reader_page_gone_is_efault),
        CHECK_CASE(stream_reader_page_grown_back_gets_the_bytes),
        CHECK_CASE(dgram_reader_page_grown_back_gets_the_datagram),
        CHECK_CASE(mbox_receiver_page_gone_is_efault),
        CHECK_CASE(mbox_receiver_msg_in_page_grown_back_gets_the_header),
        CHECK_CASE(msgrcv_page_gone_is_efault),
        CHECK_CASE(mbox_long_body_page_gone_is_efault),
        CHECK_CASE(mbox_long_body_page_grown_back_arrives_whole),
        CHECK_CASE(msgrcv_long_text_page_gone_is_efault),
        CHECK_CASE(msgrcv_long_text_page_grown_back_arrives_whole),
        CHECK_CASE(console_reader_page_gone_is_efault_and_the_line_stays),
        CHECK_CASE(waitpid_status_page_gone_is_efault),
        CHECK_CASE(nanosleep_rem_page_gone_is_efault),
        CHECK_CASE(recvmsg_header_page_gone_is_efault),
    };
    return check_main("pagegone", cases, CHECK_NCASES(cases), argc, argv);
}
