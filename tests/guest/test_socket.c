/*
 * test_socket -- AF_UNIX and loopback AF_INET sockets, stream and datagram:
 * one case per row of the "Sockets" table of the POSIX checklist and per
 * rule of issue 10 (connection set-up, EOF and resets, SIGPIPE, options,
 * SCM_RIGHTS, poll on sockets, names, leaks).
 *
 * Each case uses its own path (/tmp/sk_NAME) and its own port, because a
 * TCP port whose side closed first stays busy (TIME_WAIT) across cases.
 * "Blocks" is checked as a lower bound only (still waiting after
 * BLOCKED_MS).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if __has_include(<parley.h>)
#include <parley.h>
#define ON_PARLEY 1
#endif

#include "check.h"
#include "socket_check.h"
#ifdef ON_PARLEY
#include "kstat_check.h"
#include "ipc_check.h"
#endif

#define BLOCKED_MS 150

/* ---- helpers ------------------------------------------------------------ */

/* A connected AF_UNIX stream pair through a listener at path. */
static void
unix_pair_via(const char *path, int *client, int *server)
{
    int l = unix_listener(path, SOCK_STREAM, 4);
    *client = unix_connect(path, SOCK_STREAM);
    *server = accept(l, NULL, NULL);
    CHECK_OK(*server);
    close(l);
    unlink(path);
}

static void
stream_pair(int sv[2])
{
    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
}

/* ---- socket() ------------------------------------------------------------ */

/* socket(2): the lowest free descriptor; fstat says S_ISSOCK. */
static void
case_socket_is_lowest_fd_and_a_socket_inode(void)
{
    close(5);
    int low = dup(0);
    close(low);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK_EQ(fd, low);
    struct stat st;
    CHECK_OK(fstat(fd, &st));
    CHECK(S_ISSOCK(st.st_mode));
    int t = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_OK(fstat(t, &st));
    CHECK(S_ISSOCK(st.st_mode));
}

/* ip(7): TCP and UDP may be named explicitly; the wrong one is refused. */
static void
case_socket_protocols_match_the_type(void)
{
    CHECK_OK(socket(AF_INET, SOCK_STREAM, IPPROTO_TCP));
    CHECK_OK(socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP));
    CHECK_ERR(socket(AF_INET, SOCK_STREAM, IPPROTO_UDP), EPROTONOSUPPORT);
    CHECK_ERR(socket(AF_INET, SOCK_DGRAM, IPPROTO_TCP), EPROTONOSUPPORT);
    CHECK_ERR(socket(AF_UNIX, SOCK_STREAM, 6), EPROTONOSUPPORT);
}

/* socket(2): an unknown domain is EAFNOSUPPORT, an unknown type EINVAL. */
static void
case_socket_unknown_domain_or_type(void)
{
    CHECK_ERR(socket(1000, SOCK_STREAM, 0), EAFNOSUPPORT);
    CHECK_ERR(socket(AF_UNSPEC, SOCK_STREAM, 0), EAFNOSUPPORT);
    CHECK_ERR(socket(AF_UNIX, 12345, 0), EINVAL);
}

/* socket(2): SOCK_NONBLOCK and SOCK_CLOEXEC set O_NONBLOCK and FD_CLOEXEC;
 * SO_TYPE still reports the plain type. */
static void
case_socket_nonblock_and_cloexec_flags(void)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    CHECK_OK(fd);
    CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
    CHECK(fcntl(fd, F_GETFD) & FD_CLOEXEC);
    CHECK_EQ(get_int_opt(fd, SOL_SOCKET, SO_TYPE), SOCK_STREAM);
    int plain = socket(AF_UNIX, SOCK_DGRAM, 0);
    CHECK(!(fcntl(plain, F_GETFL) & O_NONBLOCK));
    CHECK(!(fcntl(plain, F_GETFD) & FD_CLOEXEC));
    CHECK_EQ(get_int_opt(plain, SOL_SOCKET, SO_TYPE), SOCK_DGRAM);
}

/* POSIX: every socket call on a non-socket is ENOTSOCK, on a closed fd
 * EBADF. */
static void
case_socket_calls_on_other_descriptors(void)
{
    int p[2], v = 1;
    socklen_t len = sizeof v;
    struct sockaddr_un a;
    char c;
    CHECK_OK(pipe(p));
    int bad = 25;
    close(bad);
    int file = open("/tmp/sk_notsock", O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK_OK(file);
    int fds[4] = { p[0], file, bad, -1 };
    int errs[4] = { ENOTSOCK, ENOTSOCK, EBADF, EBADF };
    for (int i = 0; i < 4; i++) {
        int fd = fds[i], e = errs[i];
        CHECK_ERR(bind(fd, (struct sockaddr *)&a, unix_addr("/tmp/x", &a)), e);
        CHECK_ERR(connect(fd, (struct sockaddr *)&a, unix_addr("/tmp/x", &a)), e);
        CHECK_ERR(listen(fd, 1), e);
        CHECK_ERR(accept(fd, NULL, NULL), e);
        CHECK_ERR(send(fd, "x", 1, 0), e);
        CHECK_ERR(recv(fd, &c, 1, MSG_DONTWAIT), e);
        CHECK_ERR(shutdown(fd, SHUT_RDWR), e);
        len = sizeof a;
        CHECK_ERR(getsockname(fd, (struct sockaddr *)&a, &len), e);
        CHECK_ERR(getpeername(fd, (struct sockaddr *)&a, &len), e);
        len = sizeof v;
        CHECK_ERR(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len), e);
        CHECK_ERR(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, sizeof v), e);
    }
    unlink("/tmp/sk_notsock");
}

/* Bad pointers for addresses, lengths, buffers and the socketpair array
 * are EFAULT from the kernel, never a crash. */
static void
case_socket_bad_pointers_are_efault(void)
{
    void *bad = (void *)0xC0000000u;
    int sv[2], s = socket(AF_UNIX, SOCK_STREAM, 0), u = socket(AF_INET, SOCK_DGRAM, 0);
    socklen_t len = 16;
    CHECK_ERR(bind(s, bad, 20), EFAULT);
    CHECK_ERR(connect(s, bad, 20), EFAULT);
    CHECK_ERR(socketpair(AF_UNIX, SOCK_STREAM, 0, bad), EFAULT);
    CHECK_ERR(getsockname(s, bad, &len), EFAULT);
    CHECK_ERR(getsockname(s, (struct sockaddr *)sv, bad), EFAULT);
    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    CHECK_ERR(send(sv[0], bad, 10, 0), EFAULT);
    CHECK_ERR(recv(sv[0], bad, 10, MSG_DONTWAIT), EFAULT);
    CHECK_ERR(sendmsg(sv[0], bad, 0), EFAULT);
    CHECK_ERR(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, bad, 4), EFAULT);
    CHECK_ERR(sendto(u, "x", 1, 0, bad, sizeof(struct sockaddr_in)), EFAULT);
}

/* ---- socketpair ------------------------------------------------------------ */

/* socketpair(2): two connected unnamed ends, data both ways. */
static void
case_socketpair_stream_carries_data_both_ways(void)
{
    int sv[2];
    char buf[8];
    stream_pair(sv);
    CHECK_EQ(write(sv[0], "ping", 4), 4);
    CHECK_EQ(read(sv[1], buf, sizeof buf), 4);
    CHECK(memcmp(buf, "ping", 4) == 0);
    CHECK_EQ(write(sv[1], "pong", 4), 4);
    CHECK_EQ(read(sv[0], buf, sizeof buf), 4);
    CHECK(memcmp(buf, "pong", 4) == 0);
}

/* socketpair(2): AF_INET has no socketpair. */
static void
case_socketpair_inet_is_eopnotsupp(void)
{
    int sv[2];
    CHECK_ERR(socketpair(AF_INET, SOCK_STREAM, 0, sv), EOPNOTSUPP);
}

/* unix(7): a datagram pair keeps message boundaries; a zero-length
 * message is received as 0. */
static void
case_socketpair_dgram_keeps_boundaries(void)
{
    int sv[2];
    char buf[16];
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    CHECK_EQ(send(sv[0], "abc", 3, 0), 3);
    CHECK_EQ(send(sv[0], "", 0, 0), 0);
    CHECK_EQ(send(sv[0], "defgh", 5, 0), 5);
    CHECK_EQ(recv(sv[1], buf, sizeof buf, 0), 3);
    CHECK_EQ(recv(sv[1], buf, sizeof buf, 0), 0);
    CHECK_EQ(recv(sv[1], buf, sizeof buf, 0), 5);
    CHECK(memcmp(buf, "defgh", 5) == 0);
}

/* Streams keep no boundaries: two sends come back in one read. */
static void
case_stream_keeps_no_boundaries(void)
{
    int sv[2];
    char buf[16];
    stream_pair(sv);
    CHECK_EQ(send(sv[0], "abc", 3, 0), 3);
    CHECK_EQ(send(sv[0], "def", 3, 0), 3);
    CHECK_EQ(recv(sv[1], buf, sizeof buf, 0), 6);
    CHECK(memcmp(buf, "abcdef", 6) == 0);
}

/* socketpair(2): the ends work across fork. */
static void
case_socketpair_works_across_fork(void)
{
    int sv[2];
    char buf[8];
    stream_pair(sv);
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        if (read(sv[1], buf, 5) != 5)
            _exit(1);
        _exit(write(sv[1], buf, 5) == 5 ? 0 : 2);
    }
    close(sv[1]);
    CHECK_EQ(write(sv[0], "hello", 5), 5);
    CHECK_EQ(read(sv[0], buf, sizeof buf), 5);
    CHECK(memcmp(buf, "hello", 5) == 0);
    reap_ok(pid);
}

/* ---- AF_UNIX names ------------------------------------------------------------ */

/* unix(7): bind makes an S_ISSOCK file that stays after close until
 * unlink. */
static void
case_unix_bind_makes_a_socket_file_until_unlink(void)
{
    struct stat st;
    int fd = unix_listener("/tmp/sk_bind", SOCK_STREAM, 1);
    CHECK_OK(stat("/tmp/sk_bind", &st));
    CHECK(S_ISSOCK(st.st_mode));
    CHECK_OK(close(fd));
    CHECK_OK(stat("/tmp/sk_bind", &st));
    CHECK(S_ISSOCK(st.st_mode));
    CHECK_OK(unlink("/tmp/sk_bind"));
    CHECK_ERR(stat("/tmp/sk_bind", &st), ENOENT);
}

/* bind(2): a path that exists (a live socket's, a closed socket's file, a
 * regular file) is EADDRINUSE; a missing directory ENOENT. */
static void
case_unix_bind_to_existing_path_is_eaddrinuse(void)
{
    struct sockaddr_un a;
    int fd = unix_listener("/tmp/sk_inuse", SOCK_STREAM, 1);
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK_ERR(bind(s, (struct sockaddr *)&a, unix_addr("/tmp/sk_inuse", &a)), EADDRINUSE);
    close(fd);                                  /* and once its socket is closed */
    CHECK_ERR(bind(s, (struct sockaddr *)&a, unix_addr("/tmp/sk_inuse", &a)), EADDRINUSE);
    close(open("/tmp/sk_regular", O_CREAT | O_WRONLY, 0600));
    CHECK_ERR(bind(s, (struct sockaddr *)&a, unix_addr("/tmp/sk_regular", &a)), EADDRINUSE);
    CHECK_ERR(bind(s, (struct sockaddr *)&a, unix_addr("/tmp/no/such/dir", &a)), ENOENT);
    unlink("/tmp/sk_inuse");
    unlink("/tmp/sk_regular");
}

/* bind(2): a socket already bound gives EINVAL; the old name stays and
 * no new file appears. */
static void
case_unix_bind_twice_is_einval(void)
{
    struct sockaddr_un a;
    struct stat st;
    int s = unix_listener("/tmp/sk_twice", SOCK_DGRAM, 0);
    unlink("/tmp/sk_twice2");
    CHECK_ERR(bind(s, (struct sockaddr *)&a, unix_addr("/tmp/sk_twice2", &a)), EINVAL);
    CHECK_ERR(stat("/tmp/sk_twice2", &st), ENOENT);
    CHECK_OK(stat("/tmp/sk_twice", &st));
    unlink("/tmp/sk_twice");
}

/* listen(2)/accept(2): an unbound AF_UNIX stream cannot listen (EINVAL);
 * accept on a socket not listening is EINVAL; datagram EOPNOTSUPP. */
static void
case_listen_and_accept_errors(void)
{
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK_ERR(listen(s, 1), EINVAL);
    CHECK_ERR(accept(s, NULL, NULL), EINVAL);
    int d = socket(AF_UNIX, SOCK_DGRAM, 0);
    CHECK_ERR(listen(d, 1), EOPNOTSUPP);
    CHECK_ERR(accept(d, NULL, NULL), EOPNOTSUPP);
}

/* connect(2), unix(7): a missing path is ENOENT; a bound-only socket, a
 * regular file, a closed socket's file are ECONNREFUSED. */
static void
case_unix_connect_errors(void)
{
    struct sockaddr_un a;
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    unlink("/tmp/sk_none");
    CHECK_ERR(connect(c, (struct sockaddr *)&a, unix_addr("/tmp/sk_none", &a)), ENOENT);
    int bound = unix_listener("/tmp/sk_bound", SOCK_DGRAM, 0);
    (void)bound;
    int sb = socket(AF_UNIX, SOCK_STREAM, 0);
    unlink("/tmp/sk_bonly");
    CHECK_OK(bind(sb, (struct sockaddr *)&a, unix_addr("/tmp/sk_bonly", &a)));
    CHECK_ERR(connect(c, (struct sockaddr *)&a, unix_addr("/tmp/sk_bonly", &a)), ECONNREFUSED);
    close(open("/tmp/sk_reg", O_CREAT | O_WRONLY, 0600));
    CHECK_ERR(connect(c, (struct sockaddr *)&a, unix_addr("/tmp/sk_reg", &a)), ECONNREFUSED);
    close(unix_listener("/tmp/sk_closed", SOCK_STREAM, 1));
    CHECK_ERR(connect(c, (struct sockaddr *)&a, unix_addr("/tmp/sk_closed", &a)), ECONNREFUSED);
    unlink("/tmp/sk_bound");
    unlink("/tmp/sk_bonly");
    unlink("/tmp/sk_reg");
    unlink("/tmp/sk_closed");
}

/* unix(7): connecting to a socket of the other type is EPROTOTYPE. */
static void
case_unix_connect_to_other_type_is_eprototype(void)
{
    struct sockaddr_un a;
    int d = unix_listener("/tmp/sk_proto", SOCK_DGRAM, 0);
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK_ERR(connect(c, (struct sockaddr *)&a, unix_addr("/tmp/sk_proto", &a)), EPROTOTYPE);
    int l = unix_listener("/tmp/sk_proto2", SOCK_STREAM, 1);
    int dc = socket(AF_UNIX, SOCK_DGRAM, 0);
    CHECK_ERR(sendto(dc, "x", 1, 0, (struct sockaddr *)&a, unix_addr("/tmp/sk_proto2", &a)), EPROTOTYPE);
    close(d);
    close(l);
    unlink("/tmp/sk_proto");
    unlink("/tmp/sk_proto2");
}

/* connect(2), listen(2): connect returns before accept; the client can
 * send at once and the server reads it after accepting. */
static void
case_connect_returns_before_accept(void)
{
    char buf[8];
    int l = unix_listener("/tmp/sk_rdv", SOCK_STREAM, 4);
    int c = unix_connect("/tmp/sk_rdv", SOCK_STREAM);
    CHECK_EQ(send(c, "early", 5, 0), 5);
    int s = accept(l, NULL, NULL);
    CHECK_OK(s);
    CHECK_EQ(recv(s, buf, sizeof buf, 0), 5);
    CHECK(memcmp(buf, "early", 5) == 0);
    unlink("/tmp/sk_rdv");
}

/* accept(2): connections come out in arrival order; the listener keeps
 * listening. */
static void
case_accept_takes_connections_in_arrival_order(void)
{
    char c;
    int l = unix_listener("/tmp/sk_order", SOCK_STREAM, 8);
    for (int i = 0; i < 4; i++) {
        int fd = unix_connect("/tmp/sk_order", SOCK_STREAM);
        char tag = 'a' + i;
        CHECK_EQ(write(fd, &tag, 1), 1);
    }
    for (int i = 0; i < 4; i++) {
        int s = accept(l, NULL, NULL);
        CHECK_OK(s);
        CHECK_EQ(read(s, &c, 1), 1);
        CHECK_EQ(c, 'a' + i);
    }
    unlink("/tmp/sk_order");
}

/* accept(2): nothing pending on a non-blocking listener is EAGAIN. */
static void
case_accept_nonblocking_is_eagain(void)
{
    int l = unix_listener("/tmp/sk_nbacc", SOCK_STREAM, 1);
    CHECK_OK(fcntl(l, F_SETFL, O_NONBLOCK));
    CHECK_ERR(accept(l, NULL, NULL), EAGAIN);
    CHECK_ERR(accept4(l, NULL, NULL, 12345), EINVAL);
    unlink("/tmp/sk_nbacc");
}

/* accept4(2): SOCK_NONBLOCK and SOCK_CLOEXEC set O_NONBLOCK and
 * FD_CLOEXEC on the new descriptor; plain accept sets neither, even from
 * a non-blocking listener (Linux: the flags are not inherited). */
static void
case_accept4_flags_and_no_inheritance(void)
{
    int l = unix_listener("/tmp/sk_acc4", SOCK_STREAM, 4);
    int c1 = unix_connect("/tmp/sk_acc4", SOCK_STREAM);
    int c2 = unix_connect("/tmp/sk_acc4", SOCK_STREAM);
    int a = accept4(l, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
    CHECK_OK(a);
    CHECK(fcntl(a, F_GETFL) & O_NONBLOCK);
    CHECK(fcntl(a, F_GETFD) & FD_CLOEXEC);
    CHECK_OK(fcntl(l, F_SETFL, O_NONBLOCK));
    int b = accept(l, NULL, NULL);
    CHECK_OK(b);
    CHECK(!(fcntl(b, F_GETFL) & O_NONBLOCK));
    CHECK(!(fcntl(b, F_GETFD) & FD_CLOEXEC));
    close(c1);
    close(c2);
    unlink("/tmp/sk_acc4");
}

/* accept(2): a blocking accept sleeps until a client connects, and ps
 * names the wait. */
static void
case_accept_blocks_until_a_client_connects(void)
{
    int l = unix_listener("/tmp/sk_block", SOCK_STREAM, 1);
    pid_t pid = fork();
    if (pid == 0) {
        int s = accept(l, NULL, NULL);
        _exit(s >= 0 ? 0 : 1);
    }
    check_sleep_ms(BLOCKED_MS);
    CHECK_EQ(waitpid(pid, NULL, WNOHANG), 0);
#ifdef ON_PARLEY
    struct procinfo info[64];
    int n = procinfo(info, 64), found = 0;
    for (int i = 0; i < n; i++)
        if (info[i].pid == pid)
            found = strcmp(info[i].wait, "accept unix /tmp/sk_block") == 0;
    CHECK(found);
#endif
    close(unix_connect("/tmp/sk_block", SOCK_STREAM));
    reap_ok(pid);
    unlink("/tmp/sk_block");
}

/* connect(2): a connected stream socket connecting again is EISCONN. */
static void
case_connect_when_connected_is_eisconn(void)
{
    struct sockaddr_un a;
    int l = unix_listener("/tmp/sk_isconn", SOCK_STREAM, 4);
    int c = unix_connect("/tmp/sk_isconn", SOCK_STREAM);
    CHECK_ERR(connect(c, (struct sockaddr *)&a, unix_addr("/tmp/sk_isconn", &a)), EISCONN);
    close(l);
    unlink("/tmp/sk_isconn");
}

/* unix(7): getsockname gives the bound path; an unnamed socket is
 * sun_family alone; an accepted socket has the listener's path; a short
 * buffer truncates and reports the full length. */
static void
case_unix_socket_names(void)
{
    struct sockaddr_un a;
    socklen_t len = sizeof a;
    int l = unix_listener("/tmp/sk_names", SOCK_STREAM, 4);
    CHECK_OK(getsockname(l, (struct sockaddr *)&a, &len));
    CHECK_EQ(len, sizeof(sa_family_t) + strlen("/tmp/sk_names") + 1);
    CHECK_STR_EQ(a.sun_path, "/tmp/sk_names");
    int c = unix_connect("/tmp/sk_names", SOCK_STREAM);
    len = sizeof a;
    CHECK_OK(getsockname(c, (struct sockaddr *)&a, &len));
    CHECK_EQ(len, sizeof(sa_family_t));
    len = sizeof a;
    CHECK_OK(getpeername(c, (struct sockaddr *)&a, &len));
    CHECK_STR_EQ(a.sun_path, "/tmp/sk_names");
    len = sizeof a;
    int s = accept(l, (struct sockaddr *)&a, &len);
    CHECK_OK(s);
    CHECK_EQ(len, sizeof(sa_family_t));         /* an unbound peer */
    CHECK_EQ(a.sun_family, AF_UNIX);
    len = sizeof a;
    CHECK_OK(getsockname(s, (struct sockaddr *)&a, &len));
    CHECK_STR_EQ(a.sun_path, "/tmp/sk_names");
    len = 6;
    memset(&a, 'z', sizeof a);
    CHECK_OK(getsockname(l, (struct sockaddr *)&a, &len));
    CHECK_EQ(len, sizeof(sa_family_t) + strlen("/tmp/sk_names") + 1);
    CHECK_EQ(a.sun_path[3], 'p');
    CHECK_EQ(a.sun_path[4], 'z');               /* cut at 6 bytes */
    unlink("/tmp/sk_names");
}

/* unix(7): unlinking a listener's path leaves its connections working;
 * new connects are ENOENT; the path can be bound again. */
static void
case_unix_unlinked_listener_keeps_connections(void)
{
    char c;
    struct sockaddr_un a;
    int l = unix_listener("/tmp/sk_unl", SOCK_STREAM, 4);
    int cl = unix_connect("/tmp/sk_unl", SOCK_STREAM);
    CHECK_OK(unlink("/tmp/sk_unl"));
    int s = accept(l, NULL, NULL);
    CHECK_OK(s);
    CHECK_EQ(write(cl, "k", 1), 1);
    CHECK_EQ(read(s, &c, 1), 1);
    int c2 = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK_ERR(connect(c2, (struct sockaddr *)&a, unix_addr("/tmp/sk_unl", &a)), ENOENT);
    int l2 = unix_listener("/tmp/sk_unl", SOCK_STREAM, 1);
    CHECK_OK(l2);
    unlink("/tmp/sk_unl");
}

/* listen(2), Linux: AF_UNIX admits backlog + 1 connections; then a
 * non-blocking connect is EAGAIN, and accept makes room again. */
static void
case_unix_full_backlog_gives_eagain(void)
{
    struct sockaddr_un a;
    socklen_t len = unix_addr("/tmp/sk_backlog", &a);
    int l = unix_listener("/tmp/sk_backlog", SOCK_STREAM, 1);
    close(unix_connect("/tmp/sk_backlog", SOCK_STREAM));
    unix_connect("/tmp/sk_backlog", SOCK_STREAM);
    int c = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    CHECK_ERR(connect(c, (struct sockaddr *)&a, len), EAGAIN);
    CHECK_OK(accept(l, NULL, NULL));
    CHECK_OK(connect(c, (struct sockaddr *)&a, len));
    unlink("/tmp/sk_backlog");
}

/* listen(2), unix(7): a blocking connect to a full AF_UNIX backlog sleeps
 * until an accept makes room, then succeeds. */
static void
case_unix_full_backlog_blocks_connect_until_accept(void)
{
    int l = unix_listener("/tmp/sk_bfull", SOCK_STREAM, 1);
    unix_connect("/tmp/sk_bfull", SOCK_STREAM);
    unix_connect("/tmp/sk_bfull", SOCK_STREAM);        /* backlog + 1: full */
    pid_t pid = fork();
    if (pid == 0) {
        int c = unix_connect("/tmp/sk_bfull", SOCK_STREAM);
        _exit(write(c, "q", 1) == 1 ? 0 : 1);
    }
    check_sleep_ms(BLOCKED_MS);
    CHECK_EQ(waitpid(pid, NULL, WNOHANG), 0);           /* still in connect */
    CHECK_OK(accept(l, NULL, NULL));
    reap_ok(pid);
    char c;
    int third = -1;
    for (int i = 0; i < 2 && third < 0; i++) {          /* the sleeper's connection */
        int s = accept(l, NULL, NULL);
        CHECK_OK(s);
        if (recv(s, &c, 1, MSG_DONTWAIT) == 1)
            third = s;
    }
    CHECK(third >= 0);
    CHECK_EQ(c, 'q');
    unlink("/tmp/sk_bfull");
}

/* accept(2): an address buffer too small gets what fits, and *addrlen
 * the address's full length (a bound AF_UNIX client, and TCP). */
static void
case_accept_truncates_the_peer_address(void)
{
    struct sockaddr_un a, ca;
    int l = unix_listener("/tmp/sk_acut", SOCK_STREAM, 2);
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    unlink("/tmp/sk_acut_client");
    CHECK_OK(bind(c, (struct sockaddr *)&ca, unix_addr("/tmp/sk_acut_client", &ca)));
    CHECK_OK(connect(c, (struct sockaddr *)&a, unix_addr("/tmp/sk_acut", &a)));
    socklen_t len = 6;
    memset(&a, 'z', sizeof a);
    CHECK_OK(accept(l, (struct sockaddr *)&a, &len));
    CHECK_EQ(len, sizeof(sa_family_t) + strlen("/tmp/sk_acut_client") + 1);
    CHECK_EQ(a.sun_family, AF_UNIX);
    CHECK_EQ(a.sun_path[3], 'p');
    CHECK_EQ(a.sun_path[4], 'z');                       /* cut at 6 bytes */

    int tl = inet_listener(47051);
    int tc = inet_connect(47051);
    struct sockaddr_in in, mine;
    socklen_t mlen = sizeof mine;
    CHECK_OK(getsockname(tc, (struct sockaddr *)&mine, &mlen));
    len = 4;
    memset(&in, 'z', sizeof in);
    CHECK_OK(accept(tl, (struct sockaddr *)&in, &len));
    CHECK_EQ(len, sizeof(struct sockaddr_in));
    CHECK_EQ(in.sin_family, AF_INET);
    CHECK_EQ(in.sin_port, mine.sin_port);
    CHECK_EQ(((unsigned char *)&in.sin_addr)[0], 'z');  /* not written */
    unlink("/tmp/sk_acut");
    unlink("/tmp/sk_acut_client");
}

/* unix(7): the two ends of a socketpair have no names: getsockname and
 * getpeername give just the family. */
static void
case_socketpair_ends_are_unnamed(void)
{
    int sv[2];
    stream_pair(sv);
    for (int i = 0; i < 2; i++) {
        struct sockaddr_un a;
        socklen_t len = sizeof a;
        memset(&a, 'z', sizeof a);
        CHECK_OK(getsockname(sv[i], (struct sockaddr *)&a, &len));
        CHECK_EQ(len, sizeof(sa_family_t));
        CHECK_EQ(a.sun_family, AF_UNIX);
        len = sizeof a;
        CHECK_OK(getpeername(sv[i], (struct sockaddr *)&a, &len));
        CHECK_EQ(len, sizeof(sa_family_t));
        CHECK_EQ(a.sun_family, AF_UNIX);
    }
}

/* unix(7): open() of a socket file is ENXIO. */
static void
case_open_of_a_socket_file_is_enxio(void)
{
    int l = unix_listener("/tmp/sk_open", SOCK_STREAM, 1);
    CHECK_ERR(open("/tmp/sk_open", O_RDWR), ENXIO);
    close(l);
    unlink("/tmp/sk_open");
}

/* ---- stream data ---------------------------------------------------------- */

/* recv(2): after the peer closes, queued data comes first, then 0 on
 * every read. */
static void
case_stream_eof_after_peer_close(void)
{
    int c, s;
    char buf[8];
    unix_pair_via("/tmp/sk_eof", &c, &s);
    CHECK_EQ(write(s, "bye", 3), 3);
    CHECK_OK(close(s));
    CHECK_EQ(read(c, buf, sizeof buf), 3);
    CHECK_EQ(read(c, buf, sizeof buf), 0);
    CHECK_EQ(read(c, buf, sizeof buf), 0);
}

/* shutdown(2): after SHUT_WR the peer reads EOF, data still flows the
 * other way, and our own writes are EPIPE. */
static void
case_stream_shut_wr_gives_the_peer_eof(void)
{
    int sv[2];
    char buf[8];
    stream_pair(sv);
    signal(SIGPIPE, SIG_IGN);
    CHECK_OK(shutdown(sv[0], SHUT_WR));
    CHECK_EQ(read(sv[1], buf, sizeof buf), 0);
    CHECK_EQ(write(sv[1], "back", 4), 4);
    CHECK_EQ(read(sv[0], buf, sizeof buf), 4);
    CHECK_ERR(write(sv[0], "x", 1), EPIPE);
}

/* shutdown(2): SHUT_RD with nothing queued makes reads return 0 at once;
 * writing still works.  An invalid how is EINVAL. */
static void
case_stream_shut_rd_reads_zero(void)
{
    int sv[2];
    char buf[8];
    stream_pair(sv);
    CHECK_OK(shutdown(sv[0], SHUT_RD));
    CHECK_EQ(read(sv[0], buf, sizeof buf), 0);
    CHECK_EQ(write(sv[0], "ok", 2), 2);
    CHECK_EQ(read(sv[1], buf, sizeof buf), 2);
    CHECK_ERR(shutdown(sv[0], 7), EINVAL);
}

/* unix(7): a write to a stream whose peer has gone is EPIPE, and SIGPIPE
 * (default: death) is raised. */
static void
case_stream_write_to_closed_peer_raises_sigpipe(void)
{
    int sv[2], status;
    stream_pair(sv);
    close(sv[1]);
    pid_t pid = fork();
    if (pid == 0) {
        signal(SIGPIPE, SIG_DFL);
        write(sv[0], "x", 1);
        _exit(0);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    check_killed_by(status, SIGPIPE);
    signal(SIGPIPE, SIG_IGN);
    CHECK_ERR(write(sv[0], "x", 1), EPIPE);
}

/* send(2): MSG_NOSIGNAL gives EPIPE without the signal. */
static void
case_stream_msg_nosignal_suppresses_sigpipe(void)
{
    int sv[2];
    stream_pair(sv);
    close(sv[1]);
    signal(SIGPIPE, SIG_DFL);
    CHECK_ERR(send(sv[0], "x", 1, MSG_NOSIGNAL), EPIPE);
}

/* unix(7), Linux: a peer that closes with unread data resets the
 * connection: queued data first, then ECONNRESET once, then 0. */
static void
case_stream_close_with_unread_data_resets(void)
{
    int sv[2];
    char buf[8];
    stream_pair(sv);
    CHECK_EQ(write(sv[0], "unread", 6), 6);
    CHECK_EQ(write(sv[1], "mine", 4), 4);
    close(sv[1]);                       /* never read "unread" */
    CHECK_EQ(read(sv[0], buf, sizeof buf), 4);
    CHECK_ERR(read(sv[0], buf, sizeof buf), ECONNRESET);
    CHECK_EQ(read(sv[0], buf, sizeof buf), 0);
}

/* close(2): the peer sees EOF only when the last descriptor (dup, fork)
 * is closed. */
static void
case_stream_eof_only_after_the_last_descriptor(void)
{
    int sv[2];
    char c;
    stream_pair(sv);
    int copy = dup(sv[1]);
    close(sv[1]);
    CHECK_OK(fcntl(sv[0], F_SETFL, O_NONBLOCK));
    CHECK_ERR(read(sv[0], &c, 1), EAGAIN);
    close(copy);
    CHECK_EQ(read(sv[0], &c, 1), 0);
}

/* recv(2): MSG_PEEK leaves the data queued; MSG_DONTWAIT is EAGAIN for
 * that call only; MSG_WAITALL waits for the whole count. */
static void
case_recv_peek_dontwait_waitall(void)
{
    int sv[2];
    char buf[16];
    stream_pair(sv);
    CHECK_ERR(recv(sv[0], buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
    CHECK(!(fcntl(sv[0], F_GETFL) & O_NONBLOCK));
    CHECK_EQ(send(sv[1], "peek", 4, 0), 4);
    CHECK_EQ(recv(sv[0], buf, sizeof buf, MSG_PEEK), 4);
    CHECK_EQ(recv(sv[0], buf, sizeof buf, 0), 4);
    CHECK(memcmp(buf, "peek", 4) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < 4; i++) {
            check_sleep_ms(30);
            if (write(sv[1], "ab", 2) != 2)
                _exit(1);
        }
        _exit(0);
    }
    CHECK_EQ(recv(sv[0], buf, 8, MSG_WAITALL), 8);
    CHECK(memcmp(buf, "abababab", 8) == 0);
    reap_ok(pid);
}

/* send(2)/recv(2): MSG_OOB is EOPNOTSUPP. */
static void
case_msg_oob_is_eopnotsupp(void)
{
    int sv[2];
    char c;
    stream_pair(sv);
    CHECK_ERR(send(sv[0], "x", 1, MSG_OOB), EOPNOTSUPP);
    CHECK_ERR(recv(sv[0], &c, 1, MSG_OOB), EOPNOTSUPP);
}

/* unix(7): on an unconnected stream, send and getpeername are ENOTCONN
 * and recv fails at once (Linux: EINVAL). */
static void
case_unconnected_stream_errors(void)
{
    char c;
    struct sockaddr_un a;
    socklen_t len = sizeof a;
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK_ERR(send(s, "x", 1, 0), ENOTCONN);
    CHECK_ERR(getpeername(s, (struct sockaddr *)&a, &len), ENOTCONN);
    CHECK_ERR(recv(s, &c, 1, 0), EINVAL);
    CHECK_OK(shutdown(s, SHUT_RDWR));   /* AF_UNIX: succeeds */
    int t = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_ERR(shutdown(t, SHUT_RDWR), ENOTCONN);
}

/* FIONREAD on a stream socket: the bytes waiting. */
static void
case_fionread_counts_bytes_on_a_socket(void)
{
    int sv[2], n = -1;
    stream_pair(sv);
    CHECK_OK(ioctl(sv[0], FIONREAD, &n));
    CHECK_EQ(n, 0);
    CHECK_EQ(write(sv[1], "12345", 5), 5);
    CHECK_OK(ioctl(sv[0], FIONREAD, &n));
    CHECK_EQ(n, 5);
}

/* Every byte arrives once and in order: 1 MiB written in uneven pieces,
 * checked with a running sum on both sides. */
static void
transfer_mib(int out, int in)
{
    enum { TOTAL = 1 << 20 };
    static unsigned char buf[9000];
    pid_t pid = fork();
    if (pid == 0) {
        close(in);
        unsigned sum = 0;
        size_t sent = 0, piece = 1;
        while (sent < TOTAL) {
            size_t n = piece < TOTAL - sent ? piece : TOTAL - sent;
            for (size_t i = 0; i < n; i++) {
                buf[i] = (unsigned char)((sent + i) * 7 + 3);
                sum = sum * 31 + buf[i];
            }
            if (write(out, buf, n) != (ssize_t)n)
                _exit(1);
            sent += n;
            piece = piece * 3 % 8999 + 1;
        }
        _exit(write(out, &sum, sizeof sum) == sizeof sum ? 0 : 2);
    }
    close(out);
    unsigned sum = 0, theirs;
    size_t got = 0;
    while (got < TOTAL) {
        ssize_t n = read(in, buf, sizeof buf < TOTAL - got ? sizeof buf : TOTAL - got);
        CHECK(n > 0);
        for (ssize_t i = 0; i < n; i++) {
            CHECK_EQ(buf[i], (unsigned char)((got + i) * 7 + 3));
            sum = sum * 31 + buf[i];
        }
        got += n;
    }
    size_t have = 0;
    while (have < sizeof theirs) {
        ssize_t n = read(in, (char *)&theirs + have, sizeof theirs - have);
        CHECK(n > 0);
        have += n;
    }
    CHECK_EQ(sum, theirs);
    reap_ok(pid);
}

/* Large writes back to back (the writer may hand them over, queue them,
 * or let the reader catch up first: byteq.c, HANDOFF_MIN_BYTES): every
 * byte arrives once and in order, through reads of another size. */
static void
case_stream_large_writes_arrive_in_order(void)
{
    enum { PIECE = 48 * 1024, COUNT = 20, TOTAL = PIECE * COUNT };
    static unsigned char out[PIECE], in[65536];
    int sv[2];
    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[1]);
        for (int k = 0; k < COUNT; k++) {
            for (size_t i = 0; i < PIECE; i++)
                out[i] = (unsigned char)((k * PIECE + i) * 5 + 1);
            if (write(sv[0], out, PIECE) != PIECE)
                _exit(1);
        }
        _exit(0);
    }
    close(sv[0]);
    size_t got = 0;
    ssize_t n;
    while ((n = read(sv[1], in, got % 3 ? 40000 : sizeof in)) > 0) {
        for (ssize_t i = 0; i < n; i++)
            if (in[i] != (unsigned char)((got + i) * 5 + 1))
                check_fail(__FILE__, __LINE__, "byte %zu is %d", got + i, in[i]);
        got += n;
    }
    CHECK_EQ(n, 0);
    CHECK_EQ(got, TOTAL);
    CHECK_EQ(check_exit_code(pid), 0);
    close(sv[1]);
}

static void
case_stream_unix_carries_a_mib_intact(void)
{
    int c, s;
    unix_pair_via("/tmp/sk_mib", &c, &s);
    transfer_mib(c, s);
}

static void
case_stream_inet_carries_a_mib_intact(void)
{
    int l = inet_listener(40101);
    int c = inet_connect(40101);
    int s = accept(l, NULL, NULL);
    CHECK_OK(s);
    transfer_mib(c, s);
}

/* socket(7): SO_SNDTIMEO makes a blocking send to a full stream fail
 * with EAGAIN after the interval. */
static void
case_so_sndtimeo_gives_eagain(void)
{
    int sv[2];
    static char chunk[4096];
    struct timeval tv = { 0, 100000 };
    stream_pair(sv);
    CHECK_OK(fcntl(sv[0], F_SETFL, O_NONBLOCK));
    while (write(sv[0], chunk, sizeof chunk) > 0)
        ;
    CHECK_OK(fcntl(sv[0], F_SETFL, 0));
    CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv));
    struct timeval got;
    socklen_t len = sizeof got;
    CHECK_OK(getsockopt(sv[0], SOL_SOCKET, SO_SNDTIMEO, &got, &len));
    CHECK_EQ(got.tv_usec, 100000);
    CHECK_ERR(write(sv[0], chunk, sizeof chunk), EAGAIN);
}

/* sendmsg(2)/recvmsg(2): iovecs are gathered and scattered in order. */
static void
case_sendmsg_recvmsg_gather_and_scatter(void)
{
    int sv[2];
    char a[3], b[5];
    stream_pair(sv);
    struct iovec out[3] = { { "ab", 2 }, { "", 0 }, { "cdefgh", 6 } };
    struct msghdr m = { 0 };
    m.msg_iov = out;
    m.msg_iovlen = 3;
    CHECK_EQ(sendmsg(sv[0], &m, 0), 8);
    struct iovec in[2] = { { a, 3 }, { b, 5 } };
    m.msg_iov = in;
    m.msg_iovlen = 2;
    CHECK_EQ(recvmsg(sv[1], &m, 0), 8);
    CHECK(memcmp(a, "abc", 3) == 0);
    CHECK(memcmp(b, "defgh", 5) == 0);
}

/* recvmsg(2) with MSG_PEEK into several iovecs, on one socket of the
 * given type: every buffer is filled, and the data stays queued. */
static void
peek_scatters_over_iovecs(int type)
{
    int sv[2];
    char a[3], b[5], all[16];
    CHECK_OK(socketpair(AF_UNIX, type, 0, sv));
    CHECK_EQ(send(sv[0], "abcdefgh", 8, 0), 8);
    struct iovec in[3] = { { a, 3 }, { all, 0 }, { b, 5 } };
    struct msghdr m = { 0 };
    m.msg_iov = in;
    m.msg_iovlen = 3;
    for (int round = 0; round < 2; round++) {
        memset(a, 0, sizeof a);
        memset(b, 0, sizeof b);
        CHECK_EQ(recvmsg(sv[1], &m, MSG_PEEK), 8);
        CHECK(memcmp(a, "abc", 3) == 0);
        CHECK(memcmp(b, "defgh", 5) == 0);
    }
    CHECK_EQ(recv(sv[1], all, sizeof all, 0), 8);
    CHECK(memcmp(all, "abcdefgh", 8) == 0);
}

/* recv(2): MSG_PEEK scatters over every iovec, on a stream and on a
 * datagram socket. */
static void
case_recvmsg_peek_fills_every_iovec(void)
{
    peek_scatters_over_iovecs(SOCK_STREAM);
    peek_scatters_over_iovecs(SOCK_DGRAM);
}

/* socket(7): SO_RCVTIMEO makes a blocking receive fail with EAGAIN after
 * the interval. */
static void
case_so_rcvtimeo_gives_eagain(void)
{
    int sv[2];
    char c;
    stream_pair(sv);
    struct timeval tv = { 0, 100000 };
    CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
    CHECK_ERR(recv(sv[0], &c, 1, 0), EAGAIN);
    /* signal(7): with a timeout set, a handler gives EINTR even under
     * SA_RESTART. */
    tv.tv_sec = 5;
    CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
    check_catch_signal(SIGALRM, SA_RESTART);
    alarm(1);
    CHECK_ERR(recv(sv[0], &c, 1, 0), EINTR);
}

/* signal(7): a blocked recv or accept is EINTR after a handler without
 * SA_RESTART, and restarts with it. */
static void
case_blocked_socket_calls_and_signals(void)
{
    int sv[2];
    char c;
    stream_pair(sv);
    check_catch_signal(SIGALRM, 0);
    alarm(1);
    CHECK_ERR(recv(sv[0], &c, 1, 0), EINTR);
    int l = unix_listener("/tmp/sk_intr", SOCK_STREAM, 1);
    alarm(1);
    CHECK_ERR(accept(l, NULL, NULL), EINTR);
    check_catch_signal(SIGALRM, SA_RESTART);
    pid_t pid = fork();
    if (pid == 0) {
        check_sleep_ms(1500);
        _exit(write(sv[1], "r", 1) == 1 ? 0 : 1);
    }
    alarm(1);
    CHECK_EQ(recv(sv[0], &c, 1, 0), 1);       /* restarted after the handler */
    CHECK_EQ(c, 'r');
    CHECK(check_signals_caught >= 3);
    reap_ok(pid);
    unlink("/tmp/sk_intr");
}

/* signal(7): with SA_RESTART a handler does not end a blocked accept;
 * it goes on waiting and takes the connection that comes later. */
static void
case_accept_restarts_with_sa_restart(void)
{
    int l = unix_listener("/tmp/sk_arestart", SOCK_STREAM, 1);
    check_catch_signal(SIGALRM, SA_RESTART);
    pid_t pid = fork();
    if (pid == 0) {
        check_sleep_ms(1500);
        int c = unix_connect("/tmp/sk_arestart", SOCK_STREAM);
        _exit(write(c, "a", 1) == 1 ? 0 : 1);
    }
    alarm(1);
    int s = accept(l, NULL, NULL);
    CHECK_OK(s);
    CHECK(check_signals_caught >= 1);                   /* the handler ran first */
    char c;
    CHECK_EQ(read(s, &c, 1), 1);
    CHECK_EQ(c, 'a');
    reap_ok(pid);
    unlink("/tmp/sk_arestart");
}

/* signal(7): a connect asleep on a full AF_UNIX backlog is EINTR after a
 * handler without SA_RESTART.  With SA_RESTART it is restarted (Linux;
 * docs/sockets.md): it goes on waiting and connects once an accept makes
 * room. */
static void
case_connect_on_a_full_backlog_and_signals(void)
{
    struct sockaddr_un a;
    socklen_t len = unix_addr("/tmp/sk_cintr", &a);
    int l = unix_listener("/tmp/sk_cintr", SOCK_STREAM, 1);
    unix_connect("/tmp/sk_cintr", SOCK_STREAM);
    unix_connect("/tmp/sk_cintr", SOCK_STREAM);        /* backlog + 1: full */
    check_catch_signal(SIGALRM, 0);
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    alarm(1);
    CHECK_ERR(connect(c, (struct sockaddr *)&a, len), EINTR);
    CHECK_EQ(check_signals_caught, 1);
    check_catch_signal(SIGALRM, SA_RESTART);
    pid_t pid = fork();
    if (pid == 0) {
        check_sleep_ms(1500);
        _exit(accept(l, NULL, NULL) >= 0 ? 0 : 1);
    }
    int c2 = socket(AF_UNIX, SOCK_STREAM, 0);
    alarm(1);
    CHECK_OK(connect(c2, (struct sockaddr *)&a, len));  /* restarted after the handler */
    CHECK_EQ(check_signals_caught, 2);
    reap_ok(pid);
    unlink("/tmp/sk_cintr");
}

/* Fill a stream's send side until a non-blocking send says EAGAIN. */
static void
fill_stream(int fd)
{
    static char chunk[4096];
    while (send(fd, chunk, sizeof chunk, MSG_DONTWAIT) > 0)
        ;
    CHECK_EQ(errno, EAGAIN);
}

/* signal(7): a write or send asleep on a full stream, nothing sent yet, is
 * EINTR after a handler without SA_RESTART; with SA_RESTART it is
 * restarted and completes once the reader makes room. */
static void
case_send_on_a_full_stream_and_signals(void)
{
    int sv[2];
    static char chunk[4096];
    stream_pair(sv);
    fill_stream(sv[0]);
    check_catch_signal(SIGALRM, 0);
    alarm(1);
    CHECK_ERR(write(sv[0], chunk, sizeof chunk), EINTR);
    alarm(1);
    CHECK_ERR(send(sv[0], chunk, sizeof chunk, 0), EINTR);
    CHECK_EQ(check_signals_caught, 2);
    check_catch_signal(SIGALRM, SA_RESTART);
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        check_sleep_ms(1500);
        while (read(sv[1], chunk, sizeof chunk) > 0)
            ;
        _exit(0);
    }
    close(sv[1]);
    alarm(1);
    CHECK_EQ(write(sv[0], chunk, sizeof chunk), (long)sizeof chunk);
    CHECK_EQ(check_signals_caught, 3);
    close(sv[0]);
    reap_ok(pid);
}

/* signal(7): recvfrom on an empty UDP socket and recvmsg on an empty
 * AF_UNIX datagram socket are EINTR after a handler without SA_RESTART;
 * with SA_RESTART recvfrom is restarted and gets the datagram sent
 * later. */
static void
case_dgram_recv_and_signals(void)
{
    int sv[2];
    char buf[16];
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 40132), from;
    socklen_t len = sizeof from;
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_OK(bind(u, (struct sockaddr *)&a, sizeof a));
    check_catch_signal(SIGALRM, 0);
    alarm(1);
    CHECK_ERR(recvfrom(u, buf, sizeof buf, 0, (struct sockaddr *)&from, &len), EINTR);
    struct iovec iov = { buf, sizeof buf };
    struct msghdr m = { 0 };
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    alarm(1);
    CHECK_ERR(recvmsg(sv[0], &m, 0), EINTR);
    CHECK_EQ(check_signals_caught, 2);
    check_catch_signal(SIGALRM, SA_RESTART);
    pid_t pid = fork();
    if (pid == 0) {
        check_sleep_ms(1500);
        int c = socket(AF_INET, SOCK_DGRAM, 0);
        _exit(sendto(c, "late", 4, 0, (struct sockaddr *)&a, sizeof a) == 4 ? 0 : 1);
    }
    alarm(1);
    len = sizeof from;
    CHECK_EQ(recvfrom(u, buf, sizeof buf, 0, (struct sockaddr *)&from, &len), 4);
    CHECK(memcmp(buf, "late", 4) == 0);
    CHECK_EQ(check_signals_caught, 3);
    reap_ok(pid);
}

/* ---- AF_INET ------------------------------------------------------------- */

/* ip(7): port 0 picks an ephemeral port that getsockname reports; an
 * unbound socket reports 0.0.0.0 port 0. */
static void
case_inet_port_zero_is_ephemeral(void)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 0), got;
    socklen_t len = sizeof got;
    int s = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_OK(getsockname(s, (struct sockaddr *)&got, &len));
    CHECK_EQ(len, sizeof got);
    CHECK_EQ(got.sin_port, 0);
    CHECK_EQ(got.sin_addr.s_addr, 0);
    CHECK_OK(bind(s, (struct sockaddr *)&a, sizeof a));
    len = sizeof got;
    CHECK_OK(getsockname(s, (struct sockaddr *)&got, &len));
    CHECK(ntohs(got.sin_port) >= 1024);
    CHECK_EQ(got.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
}

/* ip(7), bind(2): a short address is EINVAL, another family
 * EAFNOSUPPORT, an address not on this host EADDRNOTAVAIL; the socket
 * stays unbound and usable. */
static void
case_inet_bind_errors(void)
{
    struct sockaddr_in a = inet_addr_port("10.1.2.3", 40102);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_ERR(bind(s, (struct sockaddr *)&a, sizeof a - 1), EINVAL);
    CHECK_ERR(bind(s, (struct sockaddr *)&a, sizeof a), EADDRNOTAVAIL);
    a.sin_family = AF_UNIX;
    CHECK_ERR(bind(s, (struct sockaddr *)&a, sizeof a), EAFNOSUPPORT);
    a = inet_addr_port("0.0.0.0", 40102);
    CHECK_OK(bind(s, (struct sockaddr *)&a, sizeof a));
}

/* bind(2): a port held by a listener (same address or INADDR_ANY) is
 * EADDRINUSE, even with SO_REUSEADDR. */
static void
case_inet_port_of_a_listener_is_eaddrinuse(void)
{
    int on = 1;
    int l = inet_listener(40103);
    (void)l;
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 40103), any = inet_addr_port("0.0.0.0", 40103);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_ERR(bind(s, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
    CHECK_ERR(bind(s, (struct sockaddr *)&any, sizeof any), EADDRINUSE);
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on));
    CHECK_ERR(bind(s, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_OK(bind(u, (struct sockaddr *)&a, sizeof a));      /* UDP is another space */
}

/* tcp(7): the side that closes first keeps its port (TIME_WAIT): binding
 * it again is EADDRINUSE unless SO_REUSEADDR is set on both sockets. */
static void
case_inet_time_wait_needs_reuseaddr(void)
{
    int off = 0, on = 1;
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 40104);
    int l = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof a));
    CHECK_OK(listen(l, 4));
    int c = inet_connect(40104);
    int s = accept(l, NULL, NULL);
    close(l);
    close(s);                           /* the server side closes first */
    close(c);
    int again = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_OK(setsockopt(again, SOL_SOCKET, SO_REUSEADDR, &off, sizeof off));
    CHECK_ERR(bind(again, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
    CHECK_OK(setsockopt(again, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on));
    CHECK_ERR(bind(again, (struct sockaddr *)&a, sizeof a), EADDRINUSE);  /* old one had none */

    a = inet_addr_port("127.0.0.1", 40105);
    l = inet_listener(40105);           /* SO_REUSEADDR set */
    c = inet_connect(40105);
    s = accept(l, NULL, NULL);
    close(l);
    close(s);
    close(c);
    int fresh = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_OK(setsockopt(fresh, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on));
    CHECK_OK(bind(fresh, (struct sockaddr *)&a, sizeof a));
}

/* tcp(7): a port without a listener is ECONNREFUSED. */
static void
case_inet_connect_without_listener_is_refused(void)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 40106);
    int c = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_ERR(connect(c, (struct sockaddr *)&a, sizeof a), ECONNREFUSED);
}

/* getsockname/getpeername on a loopback TCP connection: 127.0.0.1 on both
 * ends, each end's peer is the other's own name; data echoes. */
static void
case_inet_connection_names_and_echo(void)
{
    struct sockaddr_in cl, cp, sl, sp, acc;
    socklen_t len;
    char buf[8];
    int l = inet_listener(40107);
    int c = inet_connect(40107);
    len = sizeof acc;
    int s = accept(l, (struct sockaddr *)&acc, &len);
    CHECK_OK(s);
    len = sizeof cl; CHECK_OK(getsockname(c, (struct sockaddr *)&cl, &len));
    len = sizeof cp; CHECK_OK(getpeername(c, (struct sockaddr *)&cp, &len));
    len = sizeof sl; CHECK_OK(getsockname(s, (struct sockaddr *)&sl, &len));
    len = sizeof sp; CHECK_OK(getpeername(s, (struct sockaddr *)&sp, &len));
    CHECK_EQ(cl.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
    CHECK_EQ(sl.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
    CHECK_EQ(ntohs(cp.sin_port), 40107);
    CHECK_EQ(ntohs(sl.sin_port), 40107);
    CHECK_EQ(sp.sin_port, cl.sin_port);
    CHECK_EQ(acc.sin_port, cl.sin_port);
    CHECK(ntohs(cl.sin_port) != 40107);
    CHECK_EQ(write(c, "echo", 4), 4);
    CHECK_EQ(read(s, buf, sizeof buf), 4);
    CHECK_EQ(write(s, buf, 4), 4);
    CHECK_EQ(read(c, buf, sizeof buf), 4);
    CHECK(memcmp(buf, "echo", 4) == 0);
}

/* connect(2): a non-blocking TCP connect gives 0 or EINPROGRESS; poll
 * reports it writable and SO_ERROR then reads 0. */
static void
case_inet_nonblocking_connect(void)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 40108);
    int l = inet_listener(40108);
    int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int r = connect(c, (struct sockaddr *)&a, sizeof a);
    CHECK(r == 0 || errno == EINPROGRESS);
    struct pollfd pfd = { c, POLLOUT, 0 };
    CHECK_EQ(poll(&pfd, 1, 5000), 1);
    CHECK(pfd.revents & POLLOUT);
    CHECK_EQ(get_int_opt(c, SOL_SOCKET, SO_ERROR), 0);
    CHECK_OK(accept(l, NULL, NULL));
}

/* A non-blocking TCP socket whose connect to a full listener (backlog 0
 * admits one) said EINPROGRESS. */
static int
connect_to_full_listener(int port)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", port);
    int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    CHECK_OK(c);
    CHECK_ERR(connect(c, (struct sockaddr *)&a, sizeof a), EINPROGRESS);
    return c;
}

/* connect(2), tcp(7): a non-blocking connect to a full TCP listener is
 * EINPROGRESS (AF_UNIX says EAGAIN): not writable while half-open, and a
 * second connect is EALREADY.  Accept makes room and it completes: POLLOUT,
 * SO_ERROR 0, the server accepts it; the next connect reports the outcome
 * (0), the one after is EISCONN. */
static void
case_inet_nonblocking_connect_to_full_listener_completes_later(void)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 40122);
    int l = inet_listener_backlog(40122, 0);
    int first = inet_connect(40122);
    int c = connect_to_full_listener(40122);
    struct pollfd pfd = { c, POLLOUT, 0 };
    char buf[4];
    CHECK_EQ(poll(&pfd, 1, 50), 0);
    CHECK_ERR(connect(c, (struct sockaddr *)&a, sizeof a), EALREADY);
    CHECK_ERR(write(c, "x", 1), EAGAIN);
    int s1 = accept(l, NULL, NULL);
    CHECK_OK(s1);
    CHECK_EQ(poll(&pfd, 1, 5000), 1);
    CHECK_EQ(pfd.revents, POLLOUT);
    CHECK_EQ(get_int_opt(c, SOL_SOCKET, SO_ERROR), 0);
    CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
    CHECK_ERR(connect(c, (struct sockaddr *)&a, sizeof a), EISCONN);
    int s2 = accept(l, NULL, NULL);
    CHECK_OK(s2);
    CHECK_EQ(write(c, "late", 4), 4);
    CHECK_EQ(read(s2, buf, 4), 4);
    CHECK(memcmp(buf, "late", 4) == 0);
    close(first);
    close(s1);
}

/* tcp(7): a half-open connect whose listener closes is refused: poll says
 * POLLERR (with POLLOUT and POLLHUP), SO_ERROR reads ECONNREFUSED once. */
static void
case_inet_half_open_connect_refused_when_listener_closes(void)
{
    int l = inet_listener_backlog(40123, 0);
    int first = inet_connect(40123);
    int c = connect_to_full_listener(40123);
    close(l);
    struct pollfd pfd = { c, POLLOUT, 0 };
    CHECK_EQ(poll(&pfd, 1, 5000), 1);
    CHECK(pfd.revents & POLLERR);
    CHECK(pfd.revents & POLLOUT);
    CHECK_EQ(get_int_opt(c, SOL_SOCKET, SO_ERROR), ECONNREFUSED);
    CHECK_EQ(get_int_opt(c, SOL_SOCKET, SO_ERROR), 0);
    close(first);
}

/* A forking server serves many clients, each in its own child. */
static void
case_inet_forking_server_serves_many_clients(void)
{
    enum { CLIENTS = 12 };
    int l = inet_listener(40109);
    pid_t server = fork();
    if (server == 0) {
        for (int i = 0; i < CLIENTS; i++) {
            int s = accept(l, NULL, NULL);
            if (s < 0)
                _exit(1);
            if (fork() == 0) {
                char buf[32];
                ssize_t n;
                while ((n = read(s, buf, sizeof buf)) > 0)
                    write(s, buf, n);
                _exit(0);
            }
            close(s);
        }
        while (wait(NULL) > 0)
            ;
        _exit(0);
    }
    close(l);
    for (int i = 0; i < CLIENTS; i++) {
        char msg[16], buf[16];
        int c = inet_connect(40109);
        int n = snprintf(msg, sizeof msg, "client %d", i);
        CHECK_EQ(write(c, msg, n), n);
        CHECK_EQ(read(c, buf, sizeof buf), n);
        CHECK(memcmp(msg, buf, n) == 0);
        close(c);
    }
    reap_ok(server);
}

/* One poll() over a listener and its connections serves several clients
 * in one process. */
static void
case_poll_server_serves_many_clients(void)
{
    enum { CLIENTS = 6 };
    int l = unix_listener("/tmp/sk_pollsrv", SOCK_STREAM, 8);
    pid_t server = fork();
    if (server == 0) {
        struct pollfd pfd[CLIENTS + 1];
        int n = 1, served = 0;
        pfd[0].fd = l;
        pfd[0].events = POLLIN;
        while (served < CLIENTS) {
            if (poll(pfd, n, 10000) <= 0)
                _exit(1);
            if (pfd[0].revents & POLLIN) {
                pfd[n].fd = accept(l, NULL, NULL);
                pfd[n].events = POLLIN;
                pfd[n].revents = 0;     /* not polled yet: nothing to read */
                n++;
            }
            for (int i = 1; i < n; i++) {
                if (pfd[i].fd < 0 || !(pfd[i].revents & (POLLIN | POLLHUP)))
                    continue;
                char buf[32];
                ssize_t got = read(pfd[i].fd, buf, sizeof buf);
                if (got > 0) {
                    write(pfd[i].fd, buf, got);
                } else {
                    close(pfd[i].fd);
                    pfd[i].fd = -1;
                    served++;
                }
            }
        }
        _exit(0);
    }
    int c[CLIENTS];
    for (int i = 0; i < CLIENTS; i++)
        c[i] = unix_connect("/tmp/sk_pollsrv", SOCK_STREAM);
    for (int i = CLIENTS - 1; i >= 0; i--) {
        char msg[8], buf[8];
        int len = snprintf(msg, sizeof msg, "c%d", i);
        CHECK_EQ(write(c[i], msg, len), len);
        CHECK_EQ(read(c[i], buf, sizeof buf), len);
        CHECK(memcmp(buf, msg, len) == 0);
        close(c[i]);
    }
    reap_ok(server);
    unlink("/tmp/sk_pollsrv");
}

/* ---- datagrams ------------------------------------------------------------- */

/* udp(7): recvfrom reports 127.0.0.1 and the sender's port (an unbound
 * sender is bound by its first sendto); a reply to it arrives. */
static void
case_udp_sendto_recvfrom_and_reply(void)
{
    struct sockaddr_in srv = inet_addr_port("127.0.0.1", 40110), from, mine;
    socklen_t len = sizeof from;
    char buf[16];
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_OK(bind(s, (struct sockaddr *)&srv, sizeof srv));
    int c = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_EQ(sendto(c, "hello", 5, 0, (struct sockaddr *)&srv, sizeof srv), 5);
    CHECK_EQ(recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &len), 5);
    CHECK_EQ(len, sizeof from);
    CHECK_EQ(from.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
    socklen_t ml = sizeof mine;
    CHECK_OK(getsockname(c, (struct sockaddr *)&mine, &ml));
    CHECK_EQ(from.sin_port, mine.sin_port);
    CHECK(from.sin_port != 0);
    CHECK_EQ(sendto(s, "reply", 5, 0, (struct sockaddr *)&from, len), 5);
    CHECK_EQ(recv(c, buf, sizeof buf, 0), 5);
    CHECK(memcmp(buf, "reply", 5) == 0);
}

/* Datagrams of 512 bytes that reach a UDP socket with SO_RCVBUF size
 * when 24 are sent before it reads. */
static int
udp_arrivals_with_rcvbuf(int port, int size)
{
    struct sockaddr_in srv = inet_addr_port("127.0.0.1", port);
    static char body[512];
    int s = socket(AF_INET, SOCK_DGRAM, 0), c = socket(AF_INET, SOCK_DGRAM, 0), n = 0;
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_RCVBUF, &size, sizeof size));
    CHECK_OK(bind(s, (struct sockaddr *)&srv, sizeof srv));
    for (int i = 0; i < 24; i++)
        CHECK_EQ(sendto(c, body, sizeof body, 0, (struct sockaddr *)&srv, sizeof srv), 512);
    while (recv(s, body, sizeof body, MSG_DONTWAIT) == 512)
        n++;
    CHECK_EQ(errno, EAGAIN);
    close(s);
    close(c);
    return n;
}

/* udp(7): a datagram is dropped when the receiver's buffer (SO_RCVBUF) is
 * full; a larger buffer keeps more. */
static void
case_udp_rcvbuf_bounds_the_datagrams_kept(void)
{
    int small = udp_arrivals_with_rcvbuf(40126, 2048);
    int large = udp_arrivals_with_rcvbuf(40127, 8192);
    CHECK(small > 0);
    CHECK(small < large);
    CHECK(large < 24);
}

/* recv(2), recvmsg(2): a short buffer truncates the datagram and drops
 * the rest; recvmsg sets MSG_TRUNC (clear for one that fits). */
static void
case_dgram_truncation_sets_msg_trunc(void)
{
    int sv[2];
    char buf[4];
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    CHECK_EQ(send(sv[0], "0123456789", 10, 0), 10);
    CHECK_EQ(send(sv[0], "ab", 2, 0), 2);
    struct iovec iov = { buf, sizeof buf };
    struct msghdr m = { 0 };
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    CHECK_EQ(recvmsg(sv[1], &m, 0), 4);
    CHECK(m.msg_flags & MSG_TRUNC);
    CHECK(memcmp(buf, "0123", 4) == 0);
    CHECK_EQ(recvmsg(sv[1], &m, 0), 2);        /* the rest was dropped */
    CHECK(!(m.msg_flags & MSG_TRUNC));
    CHECK(memcmp(buf, "ab", 2) == 0);
}

/* unix(7): recvfrom gives the sender's bound path; an unbound sender has
 * no name (length 0). */
static void
case_unix_dgram_reports_sender_path(void)
{
    struct sockaddr_un to, from;
    socklen_t tolen = unix_addr("/tmp/sk_dsrv", &to), len;
    char buf[8];
    int s = unix_listener("/tmp/sk_dsrv", SOCK_DGRAM, 0);
    int named = unix_listener("/tmp/sk_dcli", SOCK_DGRAM, 0);
    int anon = socket(AF_UNIX, SOCK_DGRAM, 0);
    CHECK_EQ(sendto(named, "n", 1, 0, (struct sockaddr *)&to, tolen), 1);
    CHECK_EQ(sendto(anon, "a", 1, 0, (struct sockaddr *)&to, tolen), 1);
    len = sizeof from;
    CHECK_EQ(recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &len), 1);
    CHECK_STR_EQ(from.sun_path, "/tmp/sk_dcli");
    len = sizeof from;
    CHECK_EQ(recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &len), 1);
    CHECK_EQ(len, 0);
    unlink("/tmp/sk_dsrv");
    unlink("/tmp/sk_dcli");
}

/* connect(2) on a datagram socket sets the default peer; AF_UNSPEC
 * removes it (getpeername ENOTCONN, send ENOTCONN). */
static void
case_dgram_connect_sets_and_clears_the_default_peer(void)
{
    struct sockaddr_un a;
    struct sockaddr unspec = { AF_UNSPEC, { 0 } };
    socklen_t len = sizeof a;
    char buf[4];
    int s = unix_listener("/tmp/sk_dpeer", SOCK_DGRAM, 0);
    int c = unix_connect("/tmp/sk_dpeer", SOCK_DGRAM);
    CHECK_OK(getpeername(c, (struct sockaddr *)&a, &len));
    CHECK_STR_EQ(a.sun_path, "/tmp/sk_dpeer");
    CHECK_EQ(send(c, "d", 1, 0), 1);
    CHECK_EQ(recv(s, buf, sizeof buf, 0), 1);
    CHECK_OK(connect(c, &unspec, sizeof unspec));
    len = sizeof a;
    CHECK_ERR(getpeername(c, (struct sockaddr *)&a, &len), ENOTCONN);
    CHECK_ERR(send(c, "d", 1, 0), ENOTCONN);
    unlink("/tmp/sk_dpeer");
}

/* udp(7): a datagram to a port nobody bound still "succeeds"; a connected
 * socket then gets ECONNREFUSED on its next receive, once.  Without an
 * address an unconnected UDP send is EDESTADDRREQ. */
static void
case_udp_to_unbound_port(void)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 40111);
    char c;
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_ERR(send(u, "x", 1, 0), EDESTADDRREQ);
    CHECK_EQ(sendto(u, "x", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
    CHECK_ERR(recv(u, &c, 1, MSG_DONTWAIT), EAGAIN);
    CHECK_OK(connect(u, (struct sockaddr *)&a, sizeof a));
    CHECK_EQ(send(u, "x", 1, 0), 1);
    CHECK_ERR(recv(u, &c, 1, MSG_DONTWAIT), ECONNREFUSED);
    CHECK_ERR(recv(u, &c, 1, MSG_DONTWAIT), EAGAIN);
    CHECK_EQ(send(u, "x", 1, 0), 1);            /* SO_ERROR reports it too, */
    CHECK_EQ(get_int_opt(u, SOL_SOCKET, SO_ERROR), ECONNREFUSED);
    CHECK_EQ(get_int_opt(u, SOL_SOCKET, SO_ERROR), 0);     /* and clears it */
}

/* udp(7): a connected UDP socket receives only from its peer; MSG_PEEK
 * leaves the datagram queued. */
static void
case_udp_connected_socket_hears_only_its_peer(void)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 40113), b = inet_addr_port("127.0.0.1", 40114);
    char buf[8];
    int s = socket(AF_INET, SOCK_DGRAM, 0), peer = socket(AF_INET, SOCK_DGRAM, 0);
    int other = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_OK(bind(s, (struct sockaddr *)&a, sizeof a));
    CHECK_OK(bind(peer, (struct sockaddr *)&b, sizeof b));
    CHECK_OK(connect(s, (struct sockaddr *)&b, sizeof b));
    CHECK_EQ(sendto(other, "no", 2, 0, (struct sockaddr *)&a, sizeof a), 2);
    CHECK_EQ(sendto(peer, "yes", 3, 0, (struct sockaddr *)&a, sizeof a), 3);
    CHECK_EQ(recv(s, buf, sizeof buf, MSG_PEEK), 3);
    CHECK_EQ(recv(s, buf, sizeof buf, 0), 3);
    CHECK(memcmp(buf, "yes", 3) == 0);
    CHECK_ERR(recv(s, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
}

/* bind(2): an address length of 0 or larger than any address is EINVAL;
 * an AF_UNIX address of another family is EINVAL (Linux). */
static void
case_bad_address_lengths_are_einval(void)
{
    struct sockaddr_un a;
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    unix_addr("/tmp/sk_len", &a);
    CHECK_ERR(bind(s, (struct sockaddr *)&a, 0), EINVAL);
    CHECK_ERR(bind(s, (struct sockaddr *)&a, 100000), EINVAL);
    a.sun_family = AF_INET;
    CHECK_ERR(bind(s, (struct sockaddr *)&a, sizeof a), EINVAL);
    CHECK_ERR(connect(s, (struct sockaddr *)&a, (socklen_t)-1), EINVAL);
}

/* unix(7): datagram send errors: a missing path is ENOENT; a closed
 * peer's path ECONNREFUSED. */
static void
case_unix_dgram_send_errors(void)
{
    struct sockaddr_un a;
    int c = socket(AF_UNIX, SOCK_DGRAM, 0);
    unlink("/tmp/sk_dnone");
    CHECK_ERR(sendto(c, "x", 1, 0, (struct sockaddr *)&a, unix_addr("/tmp/sk_dnone", &a)), ENOENT);
    close(unix_listener("/tmp/sk_dgone", SOCK_DGRAM, 0));
    CHECK_ERR(sendto(c, "x", 1, 0, (struct sockaddr *)&a, unix_addr("/tmp/sk_dgone", &a)), ECONNREFUSED);
    int sv[2];
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    close(sv[1]);
    CHECK_ERR(send(sv[0], "x", 1, 0), ECONNREFUSED);
    unlink("/tmp/sk_dgone");
}

/* unix(7): a full receiver queue makes a non-blocking send EAGAIN and a
 * blocking one wait; every accepted datagram is delivered in order. */
static void
case_unix_dgram_full_queue(void)
{
    int sv[2], sent = 0;
    char buf[8];
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    CHECK_OK(fcntl(sv[0], F_SETFL, O_NONBLOCK));
    while (send(sv[0], &sent, sizeof sent, 0) == sizeof sent)
        sent++;
    CHECK_EQ(errno, EAGAIN);
    CHECK(sent > 0);
    for (int i = 0; i < sent; i++) {
        int v;
        CHECK_EQ(recv(sv[1], &v, sizeof v, 0), sizeof v);
        CHECK_EQ(v, i);
    }
    CHECK_ERR(recv(sv[1], buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
}

/* udp(7): a datagram over 65507 bytes is EMSGSIZE; nothing is sent. */
static void
case_udp_oversized_datagram_is_emsgsize(void)
{
    static char big[65508];
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 40112);
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_OK(bind(s, (struct sockaddr *)&a, sizeof a));
    CHECK_ERR(sendto(s, big, sizeof big, 0, (struct sockaddr *)&a, sizeof a), EMSGSIZE);
    CHECK_ERR(recv(s, big, 10, MSG_DONTWAIT), EAGAIN);
}

/* unix(7): an AF_UNIX datagram as big as the send buffer allows (64 KiB,
 * or half of SO_SNDBUF, which reports the buffer doubled) arrives whole,
 * in one recv. */
static void
case_unix_dgram_of_64k_arrives_whole(void)
{
    static char out[65536], in[65536 + 16];
    int sv[2];
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    size_t n = get_int_opt(sv[0], SOL_SOCKET, SO_SNDBUF) / 2;
    n = n < sizeof out ? n : sizeof out;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)(i * 13);
    CHECK_EQ(send(sv[0], out, n, 0), (long)n);
    CHECK_EQ(recv(sv[1], in, sizeof in, 0), (long)n);
    CHECK(memcmp(in, out, n) == 0);
}

/* Large datagrams back to back to one receiver: whether each is handed
 * over (the receiver asleep), queued, or handed over after the sender let
 * the receiver catch up (dgram.c, HANDOFF_MIN), every one arrives whole,
 * in order, once. */
static void
case_unix_dgram_large_datagrams_back_to_back_arrive_in_order(void)
{
    enum { COUNT = 40 };
    static unsigned char out[32768], in[32768 + 16];
    int sv[2];
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    size_t n = get_int_opt(sv[0], SOL_SOCKET, SO_SNDBUF) / 2;
    n = n < sizeof out ? n : sizeof out;
    pid_t pid = fork();
    if (pid == 0) {
        for (int k = 0; k < COUNT; k++) {
            for (size_t i = 0; i < n; i++)
                out[i] = (unsigned char)(i * 7 + k);
            if (send(sv[0], out, n, 0) != (ssize_t)n)
                _exit(1);
        }
        _exit(0);
    }
    for (int k = 0; k < COUNT; k++) {
        CHECK_EQ(recv(sv[1], in, sizeof in, 0), (long)n);
        for (size_t i = 0; i < n; i++)
            if (in[i] != (unsigned char)(i * 7 + k))
                check_fail(__FILE__, __LINE__, "datagram %d byte %zu is %d", k, i, in[i]);
    }
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_ERR(recv(sv[1], in, sizeof in, MSG_DONTWAIT), EAGAIN);
    close(sv[0]);
    close(sv[1]);
}

/* unix(7): an AF_UNIX datagram longer than the sender's SO_SNDBUF (as
 * reported, doubled) is EMSGSIZE and nothing is sent; a shorter one goes. */
static void
case_unix_dgram_over_the_send_buffer_is_emsgsize(void)
{
    static char out[9000], in[9000];
    int sv[2], size = 4096;
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &size, sizeof size));
    CHECK_ERR(send(sv[0], out, sizeof out, 0), EMSGSIZE);
    CHECK_ERR(recv(sv[1], in, sizeof in, MSG_DONTWAIT), EAGAIN);
    CHECK_EQ(send(sv[0], out, 1024, 0), 1024);
    CHECK_EQ(recv(sv[1], in, sizeof in, 0), 1024);
}

/* unix(7): 1 MiB in datagrams of uneven sizes arrives whole, in order,
 * each datagram as one message (the blocking sender waits for room). */
static void
case_unix_dgram_carries_a_mib_intact(void)
{
    enum { TOTAL = 1 << 20 };
    static unsigned char buf[4000];     /* within SMALL=1's 8 KiB inbox */
    int sv[2];
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    pid_t pid = fork();
    if (pid == 0) {
        size_t sent = 0, piece = 1;
        while (sent < TOTAL) {
            size_t n = piece < TOTAL - sent ? piece : TOTAL - sent;
            for (size_t i = 0; i < n; i++)
                buf[i] = (unsigned char)((sent + i) * 7 + 3);
            if (send(sv[0], buf, n, 0) != (ssize_t)n)
                _exit(1);
            sent += n;
            piece = piece * 3 % 3999 + 1;
        }
        _exit(0);
    }
    size_t got = 0, piece = 1;
    while (got < TOTAL) {
        size_t want = piece < TOTAL - got ? piece : TOTAL - got;
        CHECK_EQ(recv(sv[1], buf, sizeof buf, 0), (ssize_t)want);
        for (size_t i = 0; i < want; i++)
            CHECK_EQ(buf[i], (unsigned char)((got + i) * 7 + 3));
        got += want;
        piece = piece * 3 % 3999 + 1;
    }
    reap_ok(pid);
}

/* ---- SCM_RIGHTS ----------------------------------------------------------- */

static int
send_fd(int sock, int fd)
{
    char cbuf[CMSG_SPACE(sizeof(int))];
    struct iovec iov = { "F", 1 };
    struct msghdr m = { 0 };
    memset(cbuf, 0, sizeof cbuf);
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = cbuf;
    m.msg_controllen = sizeof cbuf;
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
    return sendmsg(sock, &m, 0);
}

/* -1 if no descriptor came; *flags gets msg_flags. */
static int
recv_fd(int sock, size_t controllen, int *flags)
{
    char cbuf[CMSG_SPACE(sizeof(int)) * 2], b;
    struct iovec iov = { &b, 1 };
    struct msghdr m = { 0 };
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = controllen ? cbuf : NULL;
    m.msg_controllen = controllen;
    if (recvmsg(sock, &m, 0) != 1)
        return -2;
    *flags = m.msg_flags;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            int fd;
            memcpy(&fd, CMSG_DATA(c), sizeof fd);
            return fd;
        }
    return -1;
}

/* unix(7): SCM_RIGHTS gives the receiver a new descriptor for the same
 * open file, in a process that never had it; the offset is shared. */
static void
case_scm_rights_passes_an_open_file(void)
{
    int sv[2], flags;
    stream_pair(sv);
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        int fd = recv_fd(sv[1], CMSG_SPACE(sizeof(int)), &flags);
        if (fd < 0 || (fcntl(fd, F_GETFD) & FD_CLOEXEC))
            _exit(1);
        char buf[4];
        if (read(fd, buf, 3) != 3 || memcmp(buf, "def", 3) != 0)
            _exit(2);
        _exit(0);
    }
    close(sv[1]);
    int f = open("/tmp/sk_passed", O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK_EQ(write(f, "abcdefghi", 9), 9);
    CHECK_EQ(lseek(f, 3, SEEK_SET), 3);
    CHECK_EQ(send_fd(sv[0], f), 1);
    reap_ok(pid);
    CHECK_EQ(lseek(f, 0, SEEK_CUR), 6);         /* the child's read moved it */
    unlink("/tmp/sk_passed");
}

/* unix(7): a descriptor in flight keeps its file open (a passed pipe
 * write end gives the reader no EOF); dropped when both ends close. */
static void
case_scm_rights_in_flight_then_dropped(void)
{
    int sv[2], p[2];
    char c;
    stream_pair(sv);
    CHECK_OK(pipe(p));
    CHECK_EQ(send_fd(sv[0], p[1]), 1);
    close(p[1]);
    CHECK_OK(fcntl(p[0], F_SETFL, O_NONBLOCK));
    CHECK_ERR(read(p[0], &c, 1), EAGAIN);       /* still a writer: in flight */
    close(sv[0]);
    close(sv[1]);
    CHECK_EQ(read(p[0], &c, 1), 0);             /* released with the message */
}

/* unix(7): SCM_RIGHTS with a descriptor that is not open is EBADF and
 * nothing is sent. */
static void
case_scm_rights_bad_fd_is_ebadf(void)
{
    int sv[2];
    char c;
    stream_pair(sv);
    close(23);
    CHECK_ERR(send_fd(sv[0], 23), EBADF);
    CHECK_ERR(recv(sv[1], &c, 1, MSG_DONTWAIT), EAGAIN);
}

/* recvmsg(2): no room for the descriptors sets MSG_CTRUNC and installs
 * none. */
static void
case_scm_rights_without_room_is_ctrunc(void)
{
    int sv[2], p[2], flags = 0;
    stream_pair(sv);
    CHECK_OK(pipe(p));
    CHECK_EQ(send_fd(sv[0], p[0]), 1);
    int before = dup(0);
    close(before);
    CHECK_EQ(recv_fd(sv[1], 0, &flags), -1);
    CHECK(flags & MSG_CTRUNC);
    int after = dup(0);
    CHECK_EQ(after, before);                    /* nothing was installed */
}

/* A descriptor also travels on a datagram. */
static void
case_scm_rights_on_a_datagram(void)
{
    int sv[2], p[2], flags = 0;
    char c;
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    CHECK_OK(pipe(p));
    CHECK_EQ(send_fd(sv[0], p[1]), 1);
    int fd = recv_fd(sv[1], CMSG_SPACE(sizeof(int)), &flags);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "z", 1), 1);
    CHECK_EQ(read(p[0], &c, 1), 1);
    CHECK_EQ(c, 'z');
}

/* Send two descriptors in one SCM_RIGHTS message. */
static int
send_two_fds(int sock, int fd1, int fd2)
{
    char cbuf[CMSG_SPACE(2 * sizeof(int))];
    int fds[2] = { fd1, fd2 };
    struct iovec iov = { "G", 1 };
    struct msghdr m = { 0 };
    memset(cbuf, 0, sizeof cbuf);
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = cbuf;
    m.msg_controllen = sizeof cbuf;
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof fds);
    memcpy(CMSG_DATA(c), fds, sizeof fds);
    return sendmsg(sock, &m, 0);
}

/* The descriptors of one SCM_RIGHTS message, received with a control
 * buffer of controllen bytes: returns how many; *cmsg_len and *flags
 * what recvmsg said. */
static int
recv_fds(int sock, size_t controllen, int fds[], int max, size_t *cmsg_len, int *flags)
{
    union { struct cmsghdr align; char buf[CMSG_SPACE(4 * sizeof(int))]; } cbuf;
    char b;
    struct iovec iov = { &b, 1 };
    struct msghdr m = { 0 };
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = cbuf.buf;
    m.msg_controllen = controllen;
    CHECK_EQ(recvmsg(sock, &m, 0), 1);
    *flags = m.msg_flags;
    *cmsg_len = 0;
    int n = 0;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            *cmsg_len = c->cmsg_len;
            n = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
            CHECK(n <= max);
            memcpy(fds, CMSG_DATA(c), n * sizeof(int));
        }
    return n;
}

/* unix(7): several descriptors in one message arrive together, in order,
 * as the lowest free numbers, in a cmsg of CMSG_LEN(n * sizeof(int));
 * each is the same open file, so status flags set through one show
 * through the other. */
static void
case_scm_rights_several_fds_lowest_numbers_shared_flags(void)
{
    int sv[2], p[2], fds[4], flags;
    size_t cmsg_len;
    char c;
    stream_pair(sv);
    CHECK_OK(pipe(p));
    CHECK_EQ(send_two_fds(sv[0], p[0], p[1]), 1);
    int low = dup(0), next = dup(0);                    /* the two lowest free */
    close(low);
    close(next);
    CHECK_EQ(recv_fds(sv[1], CMSG_SPACE(4 * sizeof(int)), fds, 4, &cmsg_len, &flags), 2);
    CHECK_EQ(cmsg_len, CMSG_LEN(2 * sizeof(int)));
    CHECK_EQ(flags & MSG_CTRUNC, 0);
    CHECK_EQ(fds[0], low);
    CHECK_EQ(fds[1], next);
    CHECK_EQ(write(fds[1], "w", 1), 1);                 /* the received write end */
    CHECK_EQ(read(p[0], &c, 1), 1);
    CHECK_EQ(c, 'w');
    CHECK_OK(fcntl(fds[0], F_SETFL, O_NONBLOCK));
    CHECK(fcntl(p[0], F_GETFL) & O_NONBLOCK);           /* one open file */
    CHECK_ERR(read(p[0], &c, 1), EAGAIN);
}

/* recvmsg(2): a control buffer with room for one of two descriptors gets
 * that one and MSG_CTRUNC; the other is not installed, and its file is
 * released (the pipe's last writer goes: the reader sees end of file). */
static void
case_scm_rights_short_control_buffer_keeps_what_fits(void)
{
    int sv[2], p[2], q[2], fds[4], flags;
    size_t cmsg_len;
    char c;
    stream_pair(sv);
    CHECK_OK(pipe(p));
    CHECK_OK(pipe(q));
    CHECK_EQ(send_two_fds(sv[0], p[1], q[1]), 1);
    close(p[1]);
    close(q[1]);
    int low = dup(0), next = dup(0);                    /* the two lowest free */
    close(low);
    close(next);
    CHECK_EQ(recv_fds(sv[1], CMSG_LEN(sizeof(int)), fds, 4, &cmsg_len, &flags), 1);
    CHECK(flags & MSG_CTRUNC);
    CHECK_EQ(cmsg_len, CMSG_LEN(sizeof(int)));
    CHECK_EQ(fds[0], low);
    int after = dup(0);
    CHECK_EQ(after, next);                              /* nothing else installed */
    close(after);
    CHECK_EQ(write(fds[0], "k", 1), 1);                 /* p's write end arrived */
    CHECK_EQ(read(p[0], &c, 1), 1);
    CHECK_EQ(read(q[0], &c, 1), 0);                     /* q's was dropped */
}

/* recvmsg(2): a received descriptor has FD_CLOEXEC clear, unless
 * MSG_CMSG_CLOEXEC asked for it. */
static void
case_scm_rights_msg_cmsg_cloexec(void)
{
    int sv[2];
    char cbuf[CMSG_SPACE(sizeof(int))], b;
    stream_pair(sv);
    for (int want = 0; want < 2; want++) {
        CHECK_EQ(send_fd(sv[0], 1), 1);
        struct iovec iov = { &b, 1 };
        struct msghdr m = { 0 };
        m.msg_iov = &iov;
        m.msg_iovlen = 1;
        m.msg_control = cbuf;
        m.msg_controllen = sizeof cbuf;
        CHECK_EQ(recvmsg(sv[1], &m, want ? MSG_CMSG_CLOEXEC : 0), 1);
        struct cmsghdr *c = CMSG_FIRSTHDR(&m);
        CHECK(c != NULL);
        int fd;
        memcpy(&fd, CMSG_DATA(c), sizeof fd);
        CHECK_EQ(!!(fcntl(fd, F_GETFD) & FD_CLOEXEC), want);
        close(fd);
    }
}

/* unix(7): a socket in flight to itself (with a pipe's write end beside
 * it) and then closed is garbage: the collector frees it, which closes
 * the pipe end, so the reader sees end of file. */
static void
case_scm_rights_cycle_is_collected(void)
{
    int sv[2], p[2], other[2];
    char c;
    stream_pair(sv);
    CHECK_OK(pipe(p));
    CHECK_EQ(send_two_fds(sv[1], sv[0], p[1]), 1);     /* into sv[0]'s own queue */
    close(p[1]);
    close(sv[0]);
    close(sv[1]);
    stream_pair(other);                 /* any socket's close may collect */
    close(other[0]);
    close(other[1]);
    struct pollfd pfd = { p[0], POLLIN, 0 };
    CHECK_EQ(poll(&pfd, 1, 2000), 1);
    CHECK_EQ(read(p[0], &c, 1), 0);
}

/* The close that makes a cycle unreachable frees it, even when it
 * releases no socket: sv[0] is in flight to itself, so closing its
 * descriptor leaves its file open, held only from its own queue.  The
 * pipe end beside it closes then, with sv[1] still open and no other
 * socket closed. */
static void
case_scm_rights_cycle_is_collected_at_once(void)
{
    int sv[2], p[2];
    char c;
    stream_pair(sv);
    CHECK_OK(pipe(p));
    CHECK_EQ(send_two_fds(sv[1], sv[0], p[1]), 1);
    close(p[1]);
    close(sv[0]);
    struct pollfd pfd = { p[0], POLLIN, 0 };
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(read(p[0], &c, 1), 0);
    close(sv[1]);
    close(p[0]);
}

/* Each end of a pair in flight to the other: neither close releases a
 * socket, the second leaves both held only from the queues, and the
 * collector frees them there (the pipe ends in flight beside them close). */
static void
case_scm_rights_pair_through_each_other_is_collected(void)
{
    int sv[2], p[2], q[2];
    char c;
    stream_pair(sv);
    CHECK_OK(pipe(p));
    CHECK_OK(pipe(q));
    CHECK_EQ(send_two_fds(sv[0], sv[0], p[1]), 1);     /* into sv[1]'s queue */
    CHECK_EQ(send_two_fds(sv[1], sv[1], q[1]), 1);     /* into sv[0]'s queue */
    close(p[1]);
    close(q[1]);
    close(sv[0]);
    struct pollfd pfd[2] = { { p[0], POLLIN, 0 }, { q[0], POLLIN, 0 } };
    CHECK_EQ(poll(pfd, 2, 0), 0);       /* sv[1] can still receive both */
    close(sv[1]);
    CHECK_EQ(poll(pfd, 2, 0), 2);
    CHECK_EQ(read(p[0], &c, 1), 0);
    CHECK_EQ(read(q[0], &c, 1), 0);
    close(p[0]);
    close(q[0]);
}

/* unix(7): a cycle that a live socket can still reach is not garbage:
 * q[0] is in flight to itself and to p[0], which is open, so p[0]
 * receives it and it still works (it holds itself once more). */
static void
case_scm_rights_reachable_cycle_survives_collection(void)
{
    int p[2], q[2], flags = 0, other[2];
    stream_pair(p);
    stream_pair(q);
    CHECK_EQ(send_fd(q[1], q[0]), 1);           /* q[0] holds itself */
    CHECK_EQ(send_fd(p[1], q[0]), 1);           /* and p[0] holds it */
    close(q[0]);
    close(q[1]);
    stream_pair(other);
    close(other[0]);
    close(other[1]);
    int got = recv_fd(p[0], CMSG_SPACE(sizeof(int)), &flags);
    CHECK(got >= 0);
    CHECK_EQ(get_int_opt(got, SOL_SOCKET, SO_TYPE), SOCK_STREAM);
    int again = recv_fd(got, CMSG_SPACE(sizeof(int)), &flags);
    CHECK(again >= 0);
    CHECK_EQ(get_int_opt(again, SOL_SOCKET, SO_TYPE), SOCK_STREAM);
    close(got);
    close(again);
}

/* ---- poll on sockets --------------------------------------------------- */

/* poll(2): an idle connected socket is writable, not readable; data makes
 * it readable. */
static void
case_poll_idle_socket_is_writable_not_readable(void)
{
    int sv[2];
    stream_pair(sv);
    struct pollfd pfd = { sv[0], POLLIN | POLLOUT, 0 };
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(pfd.revents, POLLOUT);
    CHECK_EQ(write(sv[1], "x", 1), 1);
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK_EQ(pfd.revents, POLLIN | POLLOUT);
}

/* poll(2), accept(2): a listener becomes readable when a connection
 * waits, waking a blocked poll; accept then does not block. */
static void
case_poll_listener_readable_with_a_connection(void)
{
    int l = unix_listener("/tmp/sk_plisten", SOCK_STREAM, 4);
    struct pollfd pfd = { l, POLLIN, 0 };
    CHECK_EQ(poll(&pfd, 1, 0), 0);
    pid_t pid = fork();
    if (pid == 0) {
        check_sleep_ms(100);
        close(unix_connect("/tmp/sk_plisten", SOCK_STREAM));
        _exit(0);
    }
    CHECK_EQ(poll(&pfd, 1, 5000), 1);
    CHECK_EQ(pfd.revents, POLLIN);
    CHECK_OK(fcntl(l, F_SETFL, O_NONBLOCK));
    CHECK_OK(accept(l, NULL, NULL));
    reap_ok(pid);
    unlink("/tmp/sk_plisten");
}

/* poll(2): a socket whose peer closed is POLLIN (AF_UNIX also POLLHUP)
 * and read returns 0. */
static void
case_poll_peer_closed_is_pollin_and_pollhup(void)
{
    int sv[2];
    char c;
    stream_pair(sv);
    close(sv[1]);
    struct pollfd pfd = { sv[0], POLLIN, 0 };
    CHECK_EQ(poll(&pfd, 1, 0), 1);
    CHECK(pfd.revents & POLLIN);
    CHECK(pfd.revents & POLLHUP);
    CHECK_EQ(read(sv[0], &c, 1), 0);
}

/* select(2) on a datagram socket: readable once a datagram is queued. */
static void
case_select_on_a_datagram_socket(void)
{
    int sv[2];
    fd_set rd;
    struct timeval tv = { 0, 0 };
    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
    FD_ZERO(&rd);
    FD_SET(sv[1], &rd);
    CHECK_EQ(select(sv[1] + 1, &rd, NULL, NULL, &tv), 0);
    CHECK_EQ(send(sv[0], "q", 1, 0), 1);
    FD_SET(sv[1], &rd);
    tv.tv_sec = 1;
    CHECK_EQ(select(sv[1] + 1, &rd, NULL, NULL, &tv), 1);
    CHECK(FD_ISSET(sv[1], &rd));
}

/* ---- options --------------------------------------------------------------- */

/* getsockopt(2): SO_TYPE; SO_ERROR 0 when none; an unknown option is
 * ENOPROTOOPT; setsockopt with optlen too small is EINVAL. */
static void
case_sockopt_type_error_and_unknown(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0), v = 1;
    socklen_t len = sizeof v;
    CHECK_EQ(get_int_opt(s, SOL_SOCKET, SO_TYPE), SOCK_STREAM);
    CHECK_EQ(get_int_opt(s, SOL_SOCKET, SO_ERROR), 0);
    CHECK_ERR(getsockopt(s, SOL_SOCKET, 9999, &v, &len), ENOPROTOOPT);
    CHECK_ERR(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &v, 2), EINVAL);
}

/* socket(7), tcp(7): SO_REUSEADDR reads 0 by default; each option reads
 * back what was set; buffer sizes read as positive. */
static void
case_sockopt_values_read_back(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0), on = 1, size = 8192;
    CHECK_EQ(get_int_opt(s, SOL_SOCKET, SO_REUSEADDR), 0);
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on));
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on));
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on));
    CHECK_OK(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on));
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_RCVBUF, &size, sizeof size));
    CHECK(get_int_opt(s, SOL_SOCKET, SO_REUSEADDR) != 0);
    CHECK(get_int_opt(s, SOL_SOCKET, SO_REUSEPORT) != 0);
    CHECK(get_int_opt(s, SOL_SOCKET, SO_KEEPALIVE) != 0);
    CHECK(get_int_opt(s, IPPROTO_TCP, TCP_NODELAY) != 0);
    CHECK(get_int_opt(s, SOL_SOCKET, SO_RCVBUF) > 0);
    CHECK(get_int_opt(s, SOL_SOCKET, SO_SNDBUF) > 0);
}

/* socket(7): SO_RCVBUF and SO_SNDBUF read back doubled, within bounds: a
 * huge (or negative) request is clamped, a tiny one raised to a minimum. */
static void
case_sockopt_buffer_sizes_doubled_and_clamped(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0), size = 4096, huge = 1 << 30, tiny = 1, neg = -1;
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_RCVBUF, &size, sizeof size));
    CHECK_EQ(get_int_opt(s, SOL_SOCKET, SO_RCVBUF), 8192);
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_SNDBUF, &size, sizeof size));
    CHECK_EQ(get_int_opt(s, SOL_SOCKET, SO_SNDBUF), 8192);
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_RCVBUF, &huge, sizeof huge));
    int most = get_int_opt(s, SOL_SOCKET, SO_RCVBUF);
    CHECK(most > 8192 && most < huge);
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_RCVBUF, &neg, sizeof neg));
    CHECK_EQ(get_int_opt(s, SOL_SOCKET, SO_RCVBUF), most);
    CHECK_OK(setsockopt(s, SOL_SOCKET, SO_SNDBUF, &tiny, sizeof tiny));
    int least = get_int_opt(s, SOL_SOCKET, SO_SNDBUF);
    CHECK(least >= 1024 && least < 8192);
    close(s);
}

/* Bytes a non-blocking writer puts into w before EAGAIN, in 512-byte
 * writes (nobody reads meanwhile). */
static long
bytes_until_eagain(int w)
{
    static char chunk[512];
    long total = 0;
    ssize_t n;
    CHECK_OK(fcntl(w, F_SETFL, O_NONBLOCK));
    while ((n = write(w, chunk, sizeof chunk)) > 0)
        total += n;
    int err = errno;
    CHECK_EQ(n, -1);
    CHECK_EQ(err, EAGAIN);
    return total;
}

/* A TCP connection whose server sets SO_RCVBUF to size (on the listener:
 * the accepted socket inherits it); what the client gets through. */
static long
tcp_fill_with_rcvbuf(int port, int size)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", port);
    int l = socket(AF_INET, SOCK_STREAM, 0), on = 1;
    CHECK_OK(setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on));
    CHECK_OK(setsockopt(l, SOL_SOCKET, SO_RCVBUF, &size, sizeof size));
    CHECK_OK(bind(l, (struct sockaddr *)&a, sizeof a));
    CHECK_OK(listen(l, 1));
    int c = inet_connect(port), s = accept(l, NULL, NULL);
    CHECK_OK(s);
    CHECK_EQ(get_int_opt(s, SOL_SOCKET, SO_RCVBUF), 2 * size);
    long total = bytes_until_eagain(c);
    close(c);
    close(s);
    close(l);
    return total;
}

/* socket(7), tcp(7): a small SO_RCVBUF at the receiver makes a
 * non-blocking writer hit EAGAIN sooner; a larger one lets more through. */
static void
case_so_rcvbuf_limits_what_a_tcp_writer_gets_in(void)
{
    long small = tcp_fill_with_rcvbuf(40124, 2048);
    long large = tcp_fill_with_rcvbuf(40125, 8192);
    CHECK(small > 0);
    CHECK(small < large);
}

/* socket(7), unix(7): on an AF_UNIX stream the writer's SO_SNDBUF limits
 * what it gets in before EAGAIN; raising it again lets more through. */
static void
case_so_sndbuf_limits_what_a_unix_writer_gets_in(void)
{
    int sv[2], small_size = 2048, large_size = 8192;
    char buf[512];
    stream_pair(sv);
    CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &small_size, sizeof small_size));
    long small = bytes_until_eagain(sv[0]);
    CHECK(small > 0);
    CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &large_size, sizeof large_size));
    long more = small + bytes_until_eagain(sv[0]);
    CHECK(more > small);
    for (long got = 0; got < more;) {       /* every byte arrives */
        ssize_t n = read(sv[1], buf, sizeof buf);
        CHECK(n > 0);
        got += n;
    }
    close(sv[0]);
    close(sv[1]);
}

/* ---- library ------------------------------------------------------------------ */

/* byteorder(3), inet_pton(3), inet_ntop(3), inet(3). */
static void
case_byte_order_and_address_text(void)
{
    struct in_addr a;
    char text[INET_ADDRSTRLEN];
    uint32_t lo = htonl(INADDR_LOOPBACK);
    CHECK(memcmp(&lo, "\x7f\x00\x00\x01", 4) == 0);
    CHECK_EQ(ntohs(htons(0x1234)), 0x1234);
    CHECK_EQ(inet_pton(AF_INET, "10.20.30.40", &a), 1);
    CHECK(memcmp(&a, "\x0a\x14\x1e\x28", 4) == 0);
    CHECK_STR_EQ(inet_ntop(AF_INET, &a, text, sizeof text), "10.20.30.40");
    CHECK_EQ(inet_pton(AF_INET, "1.2.3", &a), 0);
    CHECK_EQ(inet_pton(AF_INET, "256.1.1.1", &a), 0);
    CHECK_ERR(inet_pton(12345, "1.2.3.4", &a), EAFNOSUPPORT);
    errno = 0;
    CHECK(inet_ntop(AF_INET, &a, text, 5) == NULL);
    CHECK_EQ(errno, ENOSPC);
    CHECK_EQ(inet_addr("nonsense"), INADDR_NONE);
    CHECK_EQ(inet_addr("127.0.0.1"), htonl(INADDR_LOOPBACK));
    CHECK_EQ(inet_aton("127.0.0.1", &a), 1);
    CHECK_STR_EQ(inet_ntoa(a), "127.0.0.1");
}

/* getaddrinfo(3), gethostbyname(3): localhost and dotted quads. */
static void
case_getaddrinfo_answers_localhost(void)
{
    struct addrinfo hints = { 0 }, *res;
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    CHECK_EQ(getaddrinfo("localhost", "8080", &hints, &res), 0);
    struct sockaddr_in *in = (struct sockaddr_in *)res->ai_addr;
    CHECK_EQ(in->sin_addr.s_addr, htonl(INADDR_LOOPBACK));
    CHECK_EQ(ntohs(in->sin_port), 8080);
    CHECK_EQ(res->ai_socktype, SOCK_STREAM);
    freeaddrinfo(res);
    CHECK_EQ(getaddrinfo("127.0.0.5", NULL, &hints, &res), 0);
    in = (struct sockaddr_in *)res->ai_addr;
    CHECK_EQ(in->sin_addr.s_addr, inet_addr("127.0.0.5"));
    freeaddrinfo(res);
    CHECK(getaddrinfo("no.such.host.invalid", NULL, &hints, &res) != 0);
    CHECK(gai_strerror(EAI_NONAME) != NULL);
    struct hostent *h = gethostbyname("localhost");
    CHECK(h != NULL);
    CHECK_EQ(h->h_addrtype, AF_INET);
    CHECK(memcmp(h->h_addr_list[0], "\x7f\x00\x00\x01", 4) == 0);
}

#ifdef ON_PARLEY
/* Run argv with its standard output into a pipe; returns the read end. */
static int
spawn_with_output(char *const argv[], pid_t *pid)
{
    int p[2];
    CHECK_OK(pipe(p));
    *pid = fork();
    if (*pid == 0) {
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        execv(argv[0], argv);
        _exit(127);
    }
    close(p[1]);
    return p[0];
}

static size_t
read_all(int fd, char *buf, size_t size)
{
    size_t got = 0;
    ssize_t n;
    while (got < size - 1 && (n = read(fd, buf + got, size - 1 - got)) > 0)
        got += n;
    buf[got] = 0;
    return got;
}

/* ---- wait names: what ps and Ctrl-P show for a blocked socket call ---- */

static int
local_port(int fd)
{
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    CHECK_OK(getsockname(fd, (struct sockaddr *)&a, &len));
    return ntohs(a.sin_port);
}

/* A child asleep in one call on fd: accept, recv of one byte, connect to
 * path, or a blocking send of 4 KiB.  It exits 0 when the call succeeds. */
enum blocked_call { IN_ACCEPT, IN_RECV, IN_SEND, IN_CONNECT };

static pid_t
child_blocked_in(enum blocked_call call, int fd, const char *path)
{
    pid_t pid = fork();
    if (pid == 0) {
        static char buf[4096];
        struct sockaddr_un a;
        switch (call) {
        case IN_ACCEPT:
            _exit(accept(fd, NULL, NULL) >= 0 ? 0 : 1);
        case IN_RECV:
            _exit(recv(fd, buf, 1, 0) == 1 ? 0 : 1);
        case IN_SEND:
            _exit(send(fd, buf, sizeof buf, 0) > 0 ? 0 : 1);
        case IN_CONNECT: {
            int c = socket(AF_UNIX, SOCK_STREAM, 0);
            _exit(connect(c, (struct sockaddr *)&a, unix_addr(path, &a)) == 0 ? 0 : 1);
        }
        }
        _exit(2);
    }
    return pid;
}

static void
kill_and_reap(pid_t pid)
{
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
}

/* TCP waits are named by the sleeper's own port: `accept port N` on a
 * listener, `recv port N` on either end of a connection, `send port N`
 * on a full stream. */
static void
case_wait_names_of_blocked_tcp_calls(void)
{
    char want[32];
    int l = inet_listener(40130);
    pid_t pid = child_blocked_in(IN_ACCEPT, l, NULL);
    ipc_wait_asleep(pid, "accept port 40130");
    close(inet_connect(40130));
    reap_ok(pid);
    int c = inet_connect(40130);
    int s = accept(l, NULL, NULL);
    CHECK_OK(s);
    pid = child_blocked_in(IN_RECV, s, NULL);
    ipc_wait_asleep(pid, "recv port 40130");
    CHECK_EQ(write(c, "x", 1), 1);
    reap_ok(pid);
    snprintf(want, sizeof want, "recv port %d", local_port(c));
    pid = child_blocked_in(IN_RECV, c, NULL);
    ipc_wait_asleep(pid, want);
    CHECK_EQ(write(s, "y", 1), 1);
    reap_ok(pid);
    fill_stream(c);
    snprintf(want, sizeof want, "send port %d", local_port(c));
    pid = child_blocked_in(IN_SEND, c, NULL);
    ipc_wait_asleep(pid, want);
    kill_and_reap(pid);
}

/* AF_UNIX stream waits are named by the socket's path (an accepted end
 * has the listener's): `accept unix P`, `recv unix P`, `send unix P`, and
 * `connect unix P` for a connect asleep on P's full backlog; an unnamed
 * socket by its number, `recv unix socket N`. */
static void
case_wait_names_of_blocked_unix_stream_calls(void)
{
    int l = unix_listener("/tmp/sk_wn", SOCK_STREAM, 1);
    pid_t pid = child_blocked_in(IN_ACCEPT, l, NULL);
    ipc_wait_asleep(pid, "accept unix /tmp/sk_wn");
    close(unix_connect("/tmp/sk_wn", SOCK_STREAM));
    reap_ok(pid);
    int c = unix_connect("/tmp/sk_wn", SOCK_STREAM);
    int s = accept(l, NULL, NULL);
    CHECK_OK(s);
    pid = child_blocked_in(IN_RECV, s, NULL);
    ipc_wait_asleep(pid, "recv unix /tmp/sk_wn");
    CHECK_EQ(write(c, "x", 1), 1);
    reap_ok(pid);
    fill_stream(s);
    pid = child_blocked_in(IN_SEND, s, NULL);
    ipc_wait_asleep(pid, "send unix /tmp/sk_wn");
    kill_and_reap(pid);
    int sv[2];
    stream_pair(sv);
    pid = child_blocked_in(IN_RECV, sv[0], NULL);
    ipc_wait_asleep(pid, "recv unix socket ");      /* a socketpair end has no name */
    kill_and_reap(pid);

    unix_connect("/tmp/sk_wn", SOCK_STREAM);
    unix_connect("/tmp/sk_wn", SOCK_STREAM);            /* backlog + 1: full */
    pid = child_blocked_in(IN_CONNECT, -1, "/tmp/sk_wn");
    ipc_wait_asleep(pid, "connect unix /tmp/sk_wn");
    CHECK_OK(accept(l, NULL, NULL));                    /* room: it connects */
    reap_ok(pid);
    unlink("/tmp/sk_wn");
}

/* Datagram waits: `recv port N` on a UDP socket, `recv unix P` on a named
 * AF_UNIX one, and `send unix P` for a sender asleep on P's full queue
 * (named by the receiver). */
static void
case_wait_names_of_blocked_datagram_calls(void)
{
    struct sockaddr_in in = inet_addr_port("127.0.0.1", 40131);
    struct sockaddr_un a;
    socklen_t alen = unix_addr("/tmp/sk_wn_dgram", &a);
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_OK(bind(u, (struct sockaddr *)&in, sizeof in));
    pid_t pid = child_blocked_in(IN_RECV, u, NULL);
    ipc_wait_asleep(pid, "recv port 40131");
    int uc = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_EQ(sendto(uc, "u", 1, 0, (struct sockaddr *)&in, sizeof in), 1);
    reap_ok(pid);

    int d = unix_listener("/tmp/sk_wn_dgram", SOCK_DGRAM, 0);
    pid = child_blocked_in(IN_RECV, d, NULL);
    ipc_wait_asleep(pid, "recv unix /tmp/sk_wn_dgram");
    int dc = socket(AF_UNIX, SOCK_DGRAM, 0);
    CHECK_OK(connect(dc, (struct sockaddr *)&a, alen));
    CHECK_EQ(send(dc, "d", 1, 0), 1);
    reap_ok(pid);

    while (send(dc, "full", 4, MSG_DONTWAIT) == 4)
        ;
    CHECK_EQ(errno, EAGAIN);
    pid = child_blocked_in(IN_SEND, dc, NULL);
    ipc_wait_asleep(pid, "send unix /tmp/sk_wn_dgram");
    char buf[8];
    CHECK_EQ(recv(d, buf, sizeof buf, 0), 4);           /* room: it sends */
    reap_ok(pid);
    unlink("/tmp/sk_wn_dgram");
}

/* A client for a server that is starting: retry until the path answers. */
static int
connect_when_ready(const char *path)
{
    struct sockaddr_un a;
    socklen_t len = unix_addr(path, &a);
    for (int tries = 0; tries < 500; tries++) {
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(fd, (struct sockaddr *)&a, len) == 0)
            return fd;
        close(fd);
        check_sleep_ms(10);
    }
    return -1;
}

/* nc -U -l PATH prints what a client sends and exits at its end of file;
 * what nc reads from its input goes back to the client. */
static void
case_nc_relays_a_unix_stream(void)
{
    char out[64], back[16];
    pid_t pid;
    unlink("/tmp/sk_nc");
    char *argv[] = { "/bin/nc", "-U", "-l", "/tmp/sk_nc", NULL };
    int r = spawn_with_output(argv, &pid);
    int c = connect_when_ready("/tmp/sk_nc");
    CHECK_OK(c);
    CHECK_EQ(write(c, "hello nc\n", 9), 9);
    CHECK_OK(shutdown(c, SHUT_WR));
    CHECK_EQ(read(c, back, sizeof back), 0);    /* nc's input was empty */
    read_all(r, out, sizeof out);
    CHECK_STR_EQ(out, "hello nc\n");
    reap_ok(pid);
    unlink("/tmp/sk_nc");
}

/* netstat lists a listener with its state, name, and who waits in accept. */
static void
case_netstat_shows_a_listener_and_its_waiter(void)
{
    char out[4096];
    pid_t pid, server;
    int l = unix_listener("/tmp/sk_netstat", SOCK_STREAM, 4);
    server = fork();
    if (server == 0)
        _exit(accept(l, NULL, NULL) >= 0 ? 0 : 1);
    check_sleep_ms(BLOCKED_MS);                 /* asleep in accept by now */
    char *argv[] = { "/bin/netstat", NULL };
    int r = spawn_with_output(argv, &pid);
    read_all(r, out, sizeof out);
    reap_ok(pid);
    char want[96];
    snprintf(want, sizeof want, "%d accept unix /tmp/sk_netstat", server);
    CHECK(strstr(out, "LISTEN") != NULL);
    CHECK(strstr(out, "/tmp/sk_netstat") != NULL);
    CHECK(strstr(out, want) != NULL);
    close(unix_connect("/tmp/sk_netstat", SOCK_STREAM));
    reap_ok(server);
    unlink("/tmp/sk_netstat");
}

/* ---- netstat ------------------------------------------------------------- */

/* netstat (with opt, or NULL) into out. */
static void
run_netstat(char *opt, char *out, size_t size)
{
    pid_t pid;
    char *argv[] = { "/bin/netstat", opt, NULL };
    int r = spawn_with_output(argv, &pid);
    read_all(r, out, size);
    close(r);
    reap_ok(pid);
}

/* One row of netstat: ID PROTO STATE LOCAL PEER RECV-Q SEND-Q [WAITING]. */
struct netstat_row {
    char proto[16], state[16], local[64], peer[64];
    unsigned rq, sq;
};

/* The row whose LOCAL is local and PEER is peer; 1 if there is one. */
static int
netstat_find(const char *out, const char *local, const char *peer, struct netstat_row *r)
{
    const char *line = out;
    while (*line) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        char buf[256];
        int id;
        if (n >= sizeof buf)
            n = sizeof buf - 1;
        memcpy(buf, line, n);
        buf[n] = 0;
        if (sscanf(buf, "%d %15s %15s %63s %63s %u %u", &id, r->proto, r->state,
                   r->local, r->peer, &r->rq, &r->sq) == 7 &&
            strcmp(r->local, local) == 0 && strcmp(r->peer, peer) == 0)
            return 1;
        line += n + (end ? 1 : 0);
    }
    return 0;
}

/* netstat: a TCP connection is two ESTABLISHED rows, each end's local and
 * peer 127.0.0.1:port the other way round; bytes one end sent and the
 * other has not read show as RECV-Q there and SEND-Q here.  The listener
 * is a LISTEN row with no peer. */
static void
case_netstat_shows_an_established_connection_and_queued_bytes(void)
{
    static char out[8192];
    char client[32];
    struct netstat_row r;
    int l = inet_listener(40133);
    int c = inet_connect(40133);
    int s = accept(l, NULL, NULL);
    CHECK_OK(s);
    CHECK_EQ(write(c, "12345", 5), 5);
    snprintf(client, sizeof client, "127.0.0.1:%d", local_port(c));
    run_netstat(NULL, out, sizeof out);
    CHECK(netstat_find(out, "127.0.0.1:40133", client, &r));      /* the server's end */
    CHECK_STR_EQ(r.proto, "tcp");
    CHECK_STR_EQ(r.state, "ESTABLISHED");
    CHECK_EQ(r.rq, 5);
    CHECK_EQ(r.sq, 0);
    CHECK(netstat_find(out, client, "127.0.0.1:40133", &r));      /* the client's */
    CHECK_STR_EQ(r.state, "ESTABLISHED");
    CHECK_EQ(r.rq, 0);
    CHECK_EQ(r.sq, 5);
    CHECK(netstat_find(out, "127.0.0.1:40133", "*", &r));
    CHECK_STR_EQ(r.proto, "tcp");
    CHECK_STR_EQ(r.state, "LISTEN");
}

/* netstat: a bound UDP socket is a udp row at 127.0.0.1:port, a bound
 * AF_UNIX datagram socket a unix/dg row at its path; RECV-Q counts the
 * datagrams waiting. */
static void
case_netstat_shows_udp_and_unix_datagram_sockets(void)
{
    static char out[8192];
    struct netstat_row r;
    struct sockaddr_in in = inet_addr_port("127.0.0.1", 40134);
    struct sockaddr_un a;
    socklen_t alen = unix_addr("/tmp/sk_ns_dgram", &a);
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_OK(bind(u, (struct sockaddr *)&in, sizeof in));
    int uc = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_EQ(sendto(uc, "one", 3, 0, (struct sockaddr *)&in, sizeof in), 3);
    CHECK_EQ(sendto(uc, "two", 3, 0, (struct sockaddr *)&in, sizeof in), 3);
    int d = unix_listener("/tmp/sk_ns_dgram", SOCK_DGRAM, 0);
    (void)d;
    int dc = socket(AF_UNIX, SOCK_DGRAM, 0);
    CHECK_EQ(sendto(dc, "x", 1, 0, (struct sockaddr *)&a, alen), 1);
    run_netstat(NULL, out, sizeof out);
    CHECK(netstat_find(out, "127.0.0.1:40134", "*", &r));
    CHECK_STR_EQ(r.proto, "udp");
    CHECK_STR_EQ(r.state, "-");
    CHECK_EQ(r.rq, 2);
    CHECK(netstat_find(out, "/tmp/sk_ns_dgram", "*", &r));
    CHECK_STR_EQ(r.proto, "unix/dg");
    CHECK_EQ(r.rq, 1);
    unlink("/tmp/sk_ns_dgram");
}

/* netstat -l: the header, then listening sockets only (RECV-Q: the
 * connections waiting to be accepted); no connection, no datagram
 * socket. */
static void
case_netstat_l_lists_only_listeners(void)
{
    static char out[8192];
    struct netstat_row r;
    int l = unix_listener("/tmp/sk_nsl", SOCK_STREAM, 4);
    (void)l;
    int tl = inet_listener(40135);
    int c = inet_connect(40135);
    int s = accept(tl, NULL, NULL);
    CHECK_OK(s);
    unix_connect("/tmp/sk_nsl", SOCK_STREAM);           /* waits in the backlog */
    struct sockaddr_in in = inet_addr_port("127.0.0.1", 40136);
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_OK(bind(u, (struct sockaddr *)&in, sizeof in));
    run_netstat("-l", out, sizeof out);
    CHECK_EQ(strncmp(out, "ID ", 3), 0);
    int rows = 0;
    for (const char *line = strchr(out, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
        char state[16];
        CHECK_EQ(sscanf(line + 1, "%*d %*s %15s", state), 1);
        CHECK_STR_EQ(state, "LISTEN");
        rows++;
    }
    CHECK_EQ(rows, 2);
    CHECK(netstat_find(out, "/tmp/sk_nsl", "*", &r));
    CHECK_STR_EQ(r.proto, "unix");
    CHECK_EQ(r.rq, 1);
    CHECK(netstat_find(out, "127.0.0.1:40135", "*", &r));
    CHECK_STR_EQ(r.proto, "tcp");
    CHECK_EQ(r.rq, 0);
    char client[32];
    snprintf(client, sizeof client, "127.0.0.1:%d", local_port(c));
    CHECK(strstr(out, client) == NULL);
    CHECK(strstr(out, "127.0.0.1:40136") == NULL);
    unlink("/tmp/sk_nsl");
}

/* ---- nc ---------------------------------------------------------------------- */

/* Run argv with input (then end of file) as its standard input, or, with
 * keep_in, a pipe whose write end *keep_in the caller holds; its standard
 * output into a pipe whose read end is returned. */
static int
spawn_piped(char *const argv[], const char *input, int *keep_in, pid_t *pid)
{
    int in[2], out[2];
    CHECK_OK(pipe(in));
    CHECK_OK(pipe(out));
    if (input)
        CHECK_EQ(write(in[1], input, strlen(input)), (long)strlen(input));
    if (keep_in) {
        *keep_in = in[1];
        CHECK_OK(fcntl(in[1], F_SETFD, FD_CLOEXEC));
    }
    *pid = fork();
    if (*pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        execv(argv[0], argv);
        _exit(127);
    }
    close(in[0]);
    if (!keep_in)
        close(in[1]);
    close(out[1]);
    return out[0];
}

/* nc -l PORT serves one TCP connection, and nc HOST PORT is its client:
 * each prints what the other read from its input, and both exit at the
 * end (each shuts its side at end of input). */
static void
case_nc_listens_for_an_nc_tcp_client(void)
{
    char sout[64], cout[64];
    pid_t server, client;
    char *sargv[] = { "/bin/nc", "-l", "40137", NULL };
    int sr = spawn_piped(sargv, "from the server\n", NULL, &server);
    ipc_wait_asleep(server, "accept port 40137");
    char *cargv[] = { "/bin/nc", "127.0.0.1", "40137", NULL };
    int cr = spawn_piped(cargv, "from the client\n", NULL, &client);
    read_all(sr, sout, sizeof sout);
    read_all(cr, cout, sizeof cout);
    CHECK_STR_EQ(sout, "from the client\n");
    CHECK_STR_EQ(cout, "from the server\n");
    reap_ok(server);
    reap_ok(client);
}

/* nc -U PATH is a client of an AF_UNIX listener: its input goes to the
 * server (then end of file), what the server sends comes out. */
static void
case_nc_connects_to_a_unix_listener(void)
{
    char out[64], got[64];
    pid_t pid;
    int l = unix_listener("/tmp/sk_ncU", SOCK_STREAM, 1);
    char *argv[] = { "/bin/nc", "-U", "/tmp/sk_ncU", NULL };
    int r = spawn_piped(argv, "to the listener\n", NULL, &pid);
    int s = accept(l, NULL, NULL);
    CHECK_OK(s);
    read_all(s, got, sizeof got);                       /* up to nc's shutdown */
    CHECK_STR_EQ(got, "to the listener\n");
    CHECK_EQ(write(s, "to nc\n", 6), 6);
    close(s);
    read_all(r, out, sizeof out);
    CHECK_STR_EQ(out, "to nc\n");
    reap_ok(pid);
    unlink("/tmp/sk_ncU");
}

/* nc -u HOST PORT sends each input line as one datagram and exits at end
 * of input; nc -u -l PORT prints the datagrams it receives and sends its
 * input to the last sender. */
static void
case_nc_u_relays_datagrams(void)
{
    char buf[64];
    pid_t pid;
    struct sockaddr_in in = inet_addr_port("127.0.0.1", 40138), from;
    socklen_t len = sizeof from;
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_OK(bind(u, (struct sockaddr *)&in, sizeof in));
    char *argv[] = { "/bin/nc", "-u", "127.0.0.1", "40138", NULL };
    int r = spawn_piped(argv, "one datagram\n", NULL, &pid);
    CHECK_EQ(recv(u, buf, sizeof buf, 0), 13);
    CHECK(memcmp(buf, "one datagram\n", 13) == 0);
    read_all(r, buf, sizeof buf);
    CHECK_STR_EQ(buf, "");
    reap_ok(pid);

    int in_fd;
    char *largv[] = { "/bin/nc", "-u", "-l", "40139", NULL };
    r = spawn_piped(largv, NULL, &in_fd, &pid);
    ipc_wait_asleep(pid, "poll ");                      /* bound and waiting */
    struct sockaddr_in srv = inet_addr_port("127.0.0.1", 40139);
    int c = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_EQ(sendto(c, "to nc\n", 6, 0, (struct sockaddr *)&srv, sizeof srv), 6);
    CHECK_EQ(read(r, buf, sizeof buf), 6);              /* printed: it knows the sender */
    CHECK(memcmp(buf, "to nc\n", 6) == 0);
    CHECK_EQ(write(in_fd, "reply\n", 6), 6);
    CHECK_EQ(recvfrom(c, buf, sizeof buf, 0, (struct sockaddr *)&from, &len), 6);
    CHECK(memcmp(buf, "reply\n", 6) == 0);
    CHECK_EQ(ntohs(from.sin_port), 40139);
    close(in_fd);                                       /* end of input: nc exits */
    read_all(r, buf, sizeof buf);
    CHECK_STR_EQ(buf, "");
    reap_ok(pid);
}

/* The wait-for graph knows sockets: two processes that both recv first on
 * the two ends of one connection wait for each other (a deadlock). */
static void
case_waitgraph_sees_two_receivers_wait_for_each_other(void)
{
    int sv[2];
    pid_t pid[2];
    stream_pair(sv);
    for (int i = 0; i < 2; i++) {
        if ((pid[i] = fork()) == 0) {
            char c;
            close(sv[1 - i]);
            _exit(recv(sv[i], &c, 1, 0) == 1 ? 0 : 1);
        }
    }
    close(sv[0]);
    close(sv[1]);
    int found = 0;
    for (int tries = 0; tries < 200 && found != 3; tries++) {
        struct waitedge e[64];
        int n = waitgraph(e, 64);
        found = 0;
        for (int i = 0; i < n && i < 64; i++) {
            if (strncmp(e[i].what, "recv unix socket", 16) != 0)
                continue;
            found |= (e[i].from == pid[0] && e[i].to == pid[1]) ? 1 : 0;
            found |= (e[i].from == pid[1] && e[i].to == pid[0]) ? 2 : 0;
        }
        if (found != 3)
            check_sleep_ms(10);
    }
    CHECK_EQ(found, 3);
    kill(pid[0], SIGKILL);
    kill(pid[1], SIGKILL);
    waitpid(pid[0], NULL, 0);
    waitpid(pid[1], NULL, 0);
}

/* A full socket table (or descriptor table) is an errno, never a panic;
 * everything comes back when the holders die. */
static void
case_socket_table_full_is_an_error(void)
{
    enum { HOLDERS = 6 };
    struct kstat before, after;
    int p[2];
    pid_t pid[HOLDERS];
    CHECK_OK(kstat(&before));
    CHECK_OK(pipe(p));
    for (int i = 0; i < HOLDERS; i++) {
        if ((pid[i] = fork()) == 0) {
            int sv[2];
            while (socketpair(AF_UNIX, i % 2 ? SOCK_STREAM : SOCK_DGRAM, 0, sv) == 0)
                ;
            char e = (char)errno;
            write(p[1], &e, 1);
            pause();
            _exit(0);
        }
    }
    for (int i = 0; i < HOLDERS; i++) {
        char e;
        CHECK_EQ(read(p[0], &e, 1), 1);
        CHECK(e == EMFILE || e == ENFILE);
    }
    for (int i = 0; i < HOLDERS; i++) {
        kill(pid[i], SIGKILL);
        waitpid(pid[i], NULL, 0);
    }
    CHECK_OK(kstat(&after));
    CHECK_EQ(after.count[KSTAT_sockets], before.count[KSTAT_sockets]);
}

/* No leak: thousands of socket/connect/accept/close cycles over AF_UNIX
 * and TCP (and a passed descriptor now and then, a UDP datagram to
 * nobody) leave the socket count, open files and free frames where they
 * were. */
static void
case_socket_cycles_leak_nothing(void)
{
    struct kstat before, after;
    int l = unix_listener("/tmp/sk_leak", SOCK_STREAM, 4);
    int tl = inet_listener(40128);
    struct sockaddr_in to = inet_addr_port("127.0.0.1", 40129);
    int p[2];
    char buf[4];
    CHECK_OK(pipe(p));
    for (int round = 0; round < 2; round++) {
        if (round == 1)
            CHECK_OK(kstat(&before));
        for (int i = 0; i < 1000; i++) {
            int c = unix_connect("/tmp/sk_leak", SOCK_STREAM);
            int s = accept(l, NULL, NULL);
            CHECK_OK(s);
            CHECK_EQ(write(c, "abc", 3), 3);
            if (i % 10 == 0)
                CHECK_EQ(send_fd(c, p[1]), 1);
            CHECK_EQ(read(s, buf, 3) > 0, 1);
            close(c);
            close(s);
            int sv[2];
            CHECK_OK(socketpair(AF_UNIX, i % 2 ? SOCK_STREAM : SOCK_DGRAM, 0, sv));
            CHECK_EQ(write(sv[0], "x", 1), 1);
            close(sv[0]);
            close(sv[1]);
            c = inet_connect(40128);
            s = accept(tl, NULL, NULL);
            CHECK_OK(s);
            CHECK_EQ(write(c, "tcp", 3), 3);
            close(s);                   /* unread: a reset */
            close(c);
            int u = socket(AF_INET, SOCK_DGRAM, 0);
            CHECK_EQ(sendto(u, "u", 1, 0, (struct sockaddr *)&to, sizeof to), 1);
            close(u);
        }
    }
    CHECK_OK(kstat(&after));
    CHECK_EQ(after.count[KSTAT_sockets], before.count[KSTAT_sockets]);
    CHECK_EQ(after.count[KSTAT_open_files], before.count[KSTAT_open_files]);
    CHECK_EQ(after.count[KSTAT_messages], before.count[KSTAT_messages]);
    CHECK_EQ(after.frames_free, before.frames_free);
    unlink("/tmp/sk_leak");
}
#endif

#ifdef ON_PARLEY
/* One round of each shape of garbage: a stream socket in its own queue,
 * two connections each in flight in the other, a datagram socket in its
 * own inbox, a listener in flight inside a connection it has not
 * accepted.  Every user descriptor is closed at the end. */
static void
make_garbage_cycles(void)
{
    int a[2], b[2], d[2];
    stream_pair(a);
    CHECK_EQ(send_fd(a[1], a[0]), 1);
    close(a[0]);
    close(a[1]);

    stream_pair(a);
    stream_pair(b);
    CHECK_EQ(send_fd(b[1], a[0]), 1);           /* a[0] into b[0]'s queue */
    CHECK_EQ(send_fd(a[1], b[0]), 1);           /* b[0] into a[0]'s queue */
    close(a[0]);
    close(b[0]);
    close(a[1]);
    close(b[1]);

    CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, d));
    CHECK_EQ(send_fd(d[1], d[0]), 1);
    close(d[0]);
    close(d[1]);

    int l = unix_listener("/tmp/sk_gc", SOCK_STREAM, 4);
    int c = unix_connect("/tmp/sk_gc", SOCK_STREAM);
    CHECK_EQ(send_fd(c, l), 1);                 /* into the unaccepted end */
    close(l);
    close(c);
}

/* unix(7): thousands of garbage cycles through SCM_RIGHTS leave every
 * kernel count and the free frames where they were. */
static void
case_scm_rights_garbage_cycles_leak_nothing(void)
{
    make_garbage_cycles();              /* first use: pools, pages */
    struct kstat before = kstat_now();
    for (int i = 0; i < 1000; i++)
        make_garbage_cycles();
    check_same_counts(&before);
    unlink("/tmp/sk_gc");
}
#endif

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(socket_is_lowest_fd_and_a_socket_inode),
        CHECK_CASE(socket_protocols_match_the_type),
        CHECK_CASE(socket_unknown_domain_or_type),
        CHECK_CASE(socket_nonblock_and_cloexec_flags),
        CHECK_CASE(socket_calls_on_other_descriptors),
        CHECK_CASE(socket_bad_pointers_are_efault),
        CHECK_CASE(socketpair_stream_carries_data_both_ways),
        CHECK_CASE(socketpair_inet_is_eopnotsupp),
        CHECK_CASE(socketpair_dgram_keeps_boundaries),
        CHECK_CASE(stream_keeps_no_boundaries),
        CHECK_CASE(socketpair_works_across_fork),
        CHECK_CASE(unix_bind_makes_a_socket_file_until_unlink),
        CHECK_CASE(unix_bind_to_existing_path_is_eaddrinuse),
        CHECK_CASE(unix_bind_twice_is_einval),
        CHECK_CASE(listen_and_accept_errors),
        CHECK_CASE(unix_connect_errors),
        CHECK_CASE(unix_connect_to_other_type_is_eprototype),
        CHECK_CASE(connect_returns_before_accept),
        CHECK_CASE(accept_takes_connections_in_arrival_order),
        CHECK_CASE(accept_nonblocking_is_eagain),
        CHECK_CASE(accept4_flags_and_no_inheritance),
        CHECK_CASE(accept_blocks_until_a_client_connects),
        CHECK_CASE(connect_when_connected_is_eisconn),
        CHECK_CASE(unix_socket_names),
        CHECK_CASE(unix_unlinked_listener_keeps_connections),
        CHECK_CASE(unix_full_backlog_gives_eagain),
        CHECK_CASE(unix_full_backlog_blocks_connect_until_accept),
        CHECK_CASE(accept_truncates_the_peer_address),
        CHECK_CASE(socketpair_ends_are_unnamed),
        CHECK_CASE(open_of_a_socket_file_is_enxio),
        CHECK_CASE(stream_eof_after_peer_close),
        CHECK_CASE(stream_shut_wr_gives_the_peer_eof),
        CHECK_CASE(stream_shut_rd_reads_zero),
        CHECK_CASE(stream_write_to_closed_peer_raises_sigpipe),
        CHECK_CASE(stream_msg_nosignal_suppresses_sigpipe),
        CHECK_CASE(stream_close_with_unread_data_resets),
        CHECK_CASE(stream_eof_only_after_the_last_descriptor),
        CHECK_CASE(recv_peek_dontwait_waitall),
        CHECK_CASE(msg_oob_is_eopnotsupp),
        CHECK_CASE(unconnected_stream_errors),
        CHECK_CASE(fionread_counts_bytes_on_a_socket),
        CHECK_CASE(stream_unix_carries_a_mib_intact),
        CHECK_CASE(stream_large_writes_arrive_in_order),
        CHECK_CASE(stream_inet_carries_a_mib_intact),
        CHECK_CASE(sendmsg_recvmsg_gather_and_scatter),
        CHECK_CASE(recvmsg_peek_fills_every_iovec),
        CHECK_CASE(so_rcvtimeo_gives_eagain),
        CHECK_CASE(so_sndtimeo_gives_eagain),
        CHECK_CASE(blocked_socket_calls_and_signals),
        CHECK_CASE(accept_restarts_with_sa_restart),
        CHECK_CASE(connect_on_a_full_backlog_and_signals),
        CHECK_CASE(send_on_a_full_stream_and_signals),
        CHECK_CASE(dgram_recv_and_signals),
        CHECK_CASE(inet_port_zero_is_ephemeral),
        CHECK_CASE(inet_bind_errors),
        CHECK_CASE(inet_port_of_a_listener_is_eaddrinuse),
        CHECK_CASE(inet_time_wait_needs_reuseaddr),
        CHECK_CASE(inet_connect_without_listener_is_refused),
        CHECK_CASE(inet_connection_names_and_echo),
        CHECK_CASE(inet_nonblocking_connect),
        CHECK_CASE(inet_nonblocking_connect_to_full_listener_completes_later),
        CHECK_CASE(inet_half_open_connect_refused_when_listener_closes),
        CHECK_CASE(inet_forking_server_serves_many_clients),
        CHECK_CASE(poll_server_serves_many_clients),
        CHECK_CASE(udp_sendto_recvfrom_and_reply),
        CHECK_CASE(udp_rcvbuf_bounds_the_datagrams_kept),
        CHECK_CASE(dgram_truncation_sets_msg_trunc),
        CHECK_CASE(unix_dgram_reports_sender_path),
        CHECK_CASE(dgram_connect_sets_and_clears_the_default_peer),
        CHECK_CASE(udp_to_unbound_port),
        CHECK_CASE(udp_connected_socket_hears_only_its_peer),
        CHECK_CASE(bad_address_lengths_are_einval),
        CHECK_CASE(unix_dgram_send_errors),
        CHECK_CASE(unix_dgram_full_queue),
        CHECK_CASE(udp_oversized_datagram_is_emsgsize),
        CHECK_CASE(unix_dgram_of_64k_arrives_whole),
        CHECK_CASE(unix_dgram_large_datagrams_back_to_back_arrive_in_order),
        CHECK_CASE(unix_dgram_over_the_send_buffer_is_emsgsize),
        CHECK_CASE(unix_dgram_carries_a_mib_intact),
        CHECK_CASE(scm_rights_passes_an_open_file),
        CHECK_CASE(scm_rights_in_flight_then_dropped),
        CHECK_CASE(scm_rights_bad_fd_is_ebadf),
        CHECK_CASE(scm_rights_without_room_is_ctrunc),
        CHECK_CASE(scm_rights_on_a_datagram),
        CHECK_CASE(scm_rights_several_fds_lowest_numbers_shared_flags),
        CHECK_CASE(scm_rights_short_control_buffer_keeps_what_fits),
        CHECK_CASE(scm_rights_msg_cmsg_cloexec),
        CHECK_CASE(scm_rights_cycle_is_collected),
        CHECK_CASE(scm_rights_cycle_is_collected_at_once),
        CHECK_CASE(scm_rights_pair_through_each_other_is_collected),
        CHECK_CASE(scm_rights_reachable_cycle_survives_collection),
        CHECK_CASE(poll_idle_socket_is_writable_not_readable),
        CHECK_CASE(poll_listener_readable_with_a_connection),
        CHECK_CASE(poll_peer_closed_is_pollin_and_pollhup),
        CHECK_CASE(select_on_a_datagram_socket),
        CHECK_CASE(sockopt_type_error_and_unknown),
        CHECK_CASE(sockopt_values_read_back),
        CHECK_CASE(sockopt_buffer_sizes_doubled_and_clamped),
        CHECK_CASE(so_rcvbuf_limits_what_a_tcp_writer_gets_in),
        CHECK_CASE(so_sndbuf_limits_what_a_unix_writer_gets_in),
        CHECK_CASE(byte_order_and_address_text),
        CHECK_CASE(getaddrinfo_answers_localhost),
#ifdef ON_PARLEY
        CHECK_CASE(nc_relays_a_unix_stream),
        CHECK_CASE(netstat_shows_a_listener_and_its_waiter),
        CHECK_CASE(wait_names_of_blocked_tcp_calls),
        CHECK_CASE(wait_names_of_blocked_unix_stream_calls),
        CHECK_CASE(wait_names_of_blocked_datagram_calls),
        CHECK_CASE(netstat_shows_an_established_connection_and_queued_bytes),
        CHECK_CASE(netstat_shows_udp_and_unix_datagram_sockets),
        CHECK_CASE(netstat_l_lists_only_listeners),
        CHECK_CASE(nc_listens_for_an_nc_tcp_client),
        CHECK_CASE(nc_connects_to_a_unix_listener),
        CHECK_CASE(nc_u_relays_datagrams),
        CHECK_CASE(waitgraph_sees_two_receivers_wait_for_each_other),
        CHECK_CASE(socket_table_full_is_an_error),
        CHECK_CASE(socket_cycles_leak_nothing),
        CHECK_CASE(scm_rights_garbage_cycles_leak_nothing),
#endif
    };
    return check_main("socket", cases, CHECK_NCASES(cases), argc, argv);
}
