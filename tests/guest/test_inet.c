/*
 * test_inet -- loopback AF_INET sockets: the TCP and UDP halves of rows of
 * the "Sockets" table of the POSIX checklist that test_socket.c checks only
 * for AF_UNIX (address checks, UDP connect, SIGPIPE and resets, EOF,
 * non-blocking connect with select, datagram boundaries and truncation).
 *
 * The expected values are Linux's: this file also compiles and passes on a
 * Linux host (gcc -Itests/guest tests/guest/test_inet.c).  Each case uses
 * its own ports (471xx), because a TCP port whose side closed first stays
 * busy (TIME_WAIT) across cases.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <unistd.h>

#include "check.h"
#include "socket_check.h"

/* ---- helpers ------------------------------------------------------------ */

/* A connected TCP pair on 127.0.0.1:port (the listener is closed). */
static void
tcp_pair(int port, int *client, int *server)
{
    int l = inet_listener(port);
    *client = inet_connect(port);
    *server = accept(l, NULL, NULL);
    CHECK_OK(*server);
    close(l);
}

/* A UDP socket bound to 127.0.0.1:port. */
static int
udp_bound(int port)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", port);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK_OK(fd);
    CHECK_OK(bind(fd, (struct sockaddr *)&a, sizeof a));
    return fd;
}

static struct sockaddr_in
local_name(int fd)
{
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    memset(&a, 0, sizeof a);
    CHECK_OK(getsockname(fd, (struct sockaddr *)&a, &len));
    CHECK_EQ(len, sizeof a);
    return a;
}

/* Writes one byte at a time to a TCP socket whose peer has closed, until
 * a write fails: a first write may succeed (the peer answers it with a
 * reset) and one ECONNRESET is allowed; returns the final errno. */
static int
write_until_error(int fd, int flags)
{
    int resets = 0;
    for (int i = 0; i < 50; i++) {
        errno = 0;
        ssize_t r = send(fd, "x", 1, flags);
        if (r == 1) {
            check_sleep_ms(20);         /* let the reset come back */
            continue;
        }
        CHECK_EQ(r, -1);
        if (errno == ECONNRESET && resets++ == 0)
            continue;
        return errno;
    }
    CHECK(!"a write to a closed TCP peer kept succeeding");
    return 0;
}

/* ---- addresses ---------------------------------------------------------- */

/* ip(7), connect(2), udp(7): an AF_INET address shorter than sockaddr_in
 * is EINVAL; a sin_family other than AF_INET is EAFNOSUPPORT, for connect
 * (TCP and UDP) and for a UDP sendto.  The sockets stay unconnected and
 * usable (Linux may bind a UDP socket to a port before it looks at the
 * address, so the local name is not checked). */
static void
case_inet_short_or_foreign_address(void)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 47100);
    struct sockaddr_in ua = inet_addr_port("127.0.0.1", 47101);
    struct sockaddr_in bad = a, ubad = ua;
    int l = inet_listener(47100);
    int u = udp_bound(47101);
    int t = socket(AF_INET, SOCK_STREAM, 0);
    int d = socket(AF_INET, SOCK_DGRAM, 0), e = socket(AF_INET, SOCK_DGRAM, 0);
    char buf[4];

    bad.sin_family = AF_UNIX;
    ubad.sin_family = AF_UNIX;
    CHECK_ERR(connect(t, (struct sockaddr *)&a, sizeof a - 1), EINVAL);
    CHECK_ERR(connect(t, (struct sockaddr *)&a, 4), EINVAL);
    CHECK_ERR(connect(t, (struct sockaddr *)&bad, sizeof bad), EAFNOSUPPORT);
    CHECK_ERR(connect(d, (struct sockaddr *)&ua, sizeof ua - 1), EINVAL);
    CHECK_ERR(connect(d, (struct sockaddr *)&ubad, sizeof ubad), EAFNOSUPPORT);
    CHECK_ERR(sendto(e, "x", 1, 0, (struct sockaddr *)&ua, sizeof ua - 1), EINVAL);
    CHECK_ERR(sendto(e, "x", 1, 0, (struct sockaddr *)&ua, 4), EINVAL);
    CHECK_ERR(sendto(e, "x", 1, 0, (struct sockaddr *)&ubad, sizeof ubad), EAFNOSUPPORT);

    /* Nothing was connected by the failures. */
    CHECK_OK(connect(t, (struct sockaddr *)&a, sizeof a));
    CHECK_ERR(send(d, "x", 1, 0), EDESTADDRREQ);
    CHECK_EQ(sendto(d, "ok", 2, 0, (struct sockaddr *)&ua, sizeof ua), 2);
    CHECK_EQ(recv(u, buf, sizeof buf, 0), 2);
    CHECK_EQ(sendto(e, "ok", 2, 0, (struct sockaddr *)&ua, sizeof ua), 2);
    CHECK_EQ(recv(u, buf, sizeof buf, 0), 2);
    close(l);
}

/* ---- UDP connect ---------------------------------------------------------- */

/* connect(2), udp(7): a second connect() moves the default peer: send()
 * goes to the new one, and datagrams from the old one are no longer
 * received; the local name stays. */
static void
case_udp_second_connect_moves_the_peer(void)
{
    struct sockaddr_in pa = inet_addr_port("127.0.0.1", 47111);
    struct sockaddr_in pb = inet_addr_port("127.0.0.1", 47112);
    struct sockaddr_in me = inet_addr_port("127.0.0.1", 47110), from;
    socklen_t len;
    char buf[8];
    int s = udp_bound(47110), a = udp_bound(47111), b = udp_bound(47112);

    CHECK_OK(connect(s, (struct sockaddr *)&pa, sizeof pa));
    CHECK_EQ(send(s, "toA", 3, 0), 3);
    CHECK_EQ(recv(a, buf, sizeof buf, 0), 3);
    CHECK(memcmp(buf, "toA", 3) == 0);

    CHECK_OK(connect(s, (struct sockaddr *)&pb, sizeof pb));
    CHECK_EQ(local_name(s).sin_port, htons(47110));
    struct sockaddr_in peer;
    len = sizeof peer;
    CHECK_OK(getpeername(s, (struct sockaddr *)&peer, &len));
    CHECK_EQ(peer.sin_port, htons(47112));
    CHECK_EQ(send(s, "toB", 3, 0), 3);
    CHECK_EQ(recv(b, buf, sizeof buf, 0), 3);
    CHECK(memcmp(buf, "toB", 3) == 0);
    CHECK_ERR(recv(a, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);

    /* The old peer is filtered out; the new one is heard. */
    CHECK_EQ(sendto(a, "old", 3, 0, (struct sockaddr *)&me, sizeof me), 3);
    CHECK_EQ(sendto(b, "new", 3, 0, (struct sockaddr *)&me, sizeof me), 3);
    len = sizeof from;
    CHECK_EQ(recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &len), 3);
    CHECK(memcmp(buf, "new", 3) == 0);
    CHECK_EQ(from.sin_port, htons(47112));
    CHECK_ERR(recv(s, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
}

/* udp(7): connect() on an unbound UDP socket binds it: getsockname then
 * gives 127.0.0.1 and an ephemeral (nonzero) port, and the peer sees that
 * name as the sender's. */
static void
case_udp_connect_binds_an_unbound_socket(void)
{
    struct sockaddr_in srv = inet_addr_port("127.0.0.1", 47113), from;
    socklen_t len = sizeof from;
    char buf[4];
    int s = udp_bound(47113), c = socket(AF_INET, SOCK_DGRAM, 0);

    CHECK_OK(c);
    CHECK_EQ(local_name(c).sin_port, 0);
    CHECK_OK(connect(c, (struct sockaddr *)&srv, sizeof srv));
    struct sockaddr_in me = local_name(c);
    CHECK_EQ(me.sin_family, AF_INET);
    CHECK_EQ(me.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
    CHECK(me.sin_port != 0);
    CHECK_EQ(send(c, "hi", 2, 0), 2);
    CHECK_EQ(recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &len), 2);
    CHECK_EQ(from.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
    CHECK_EQ(from.sin_port, me.sin_port);
}

/* ---- TCP: peer gone ----------------------------------------------------- */

/* tcp(7), send(2): writing to a TCP socket whose peer has closed: a first
 * write may succeed, a later one is -1 EPIPE (ECONNRESET allowed once),
 * and SIGPIPE is raised; MSG_NOSIGNAL gives EPIPE without it. */
static void
case_tcp_write_to_closed_peer_is_epipe_and_sigpipe(void)
{
    int c, s, sig;
    sigset_t set;

    /* SIGPIPE blocked: it is left pending. */
    tcp_pair(47120, &c, &s);
    CHECK_OK(close(s));
    check_sleep_ms(20);
    check_change_mask(SIG_BLOCK, SIGPIPE);
    CHECK_EQ(write_until_error(c, 0), EPIPE);
    CHECK(check_is_pending(SIGPIPE));
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    CHECK_EQ(sigwait(&set, &sig), 0);
    CHECK_EQ(sig, SIGPIPE);
    CHECK(!check_is_pending(SIGPIPE));

    /* MSG_NOSIGNAL: EPIPE, and nothing pending. */
    CHECK_ERR(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
    CHECK(!check_is_pending(SIGPIPE));

    /* A handler: it runs once per failed write. */
    check_catch_signal(SIGPIPE, 0);
    check_change_mask(SIG_UNBLOCK, SIGPIPE);
    CHECK_ERR(write(c, "x", 1), EPIPE);
    CHECK_EQ(check_signals_caught, 1);
}

/* send(2): MSG_NOSIGNAL from the first write on: the default action of
 * SIGPIPE (death) never happens. */
static void
case_tcp_msg_nosignal_suppresses_sigpipe(void)
{
    int c, s;
    tcp_pair(47121, &c, &s);
    CHECK_OK(close(s));
    check_sleep_ms(20);
    signal(SIGPIPE, SIG_DFL);
    CHECK_EQ(write_until_error(c, MSG_NOSIGNAL), EPIPE);
    CHECK_ERR(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
    CHECK(!check_is_pending(SIGPIPE));
}

/* tcp(7): a TCP socket closed with unread data in its queue resets the
 * connection: the peer reads what was queued for it, then -1 ECONNRESET
 * once, then 0. */
static void
case_tcp_close_with_unread_data_resets(void)
{
    int c, s;
    char buf[16];
    tcp_pair(47122, &c, &s);
    CHECK_EQ(write(c, "unread", 6), 6);
    CHECK_EQ(write(s, "mine", 4), 4);
    check_sleep_ms(50);                 /* both arrive before the close */
    CHECK_OK(close(s));                 /* never read "unread" */
    check_sleep_ms(50);
    CHECK_EQ(read(c, buf, sizeof buf), 4);
    CHECK(memcmp(buf, "mine", 4) == 0);
    CHECK_ERR(read(c, buf, sizeof buf), ECONNRESET);
    CHECK_EQ(read(c, buf, sizeof buf), 0);
    CHECK_EQ(read(c, buf, sizeof buf), 0);
}

/* ---- TCP: names and connect ------------------------------------------------ */

/* getpeername(2): a TCP socket that is not connected (fresh, bound, or
 * listening) and an unconnected UDP socket have no peer: ENOTCONN. */
static void
case_getpeername_unconnected_is_enotconn(void)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 47130), p;
    socklen_t len = sizeof p;
    int t = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_ERR(getpeername(t, (struct sockaddr *)&p, &len), ENOTCONN);
    CHECK_OK(bind(t, (struct sockaddr *)&a, sizeof a));
    len = sizeof p;
    CHECK_ERR(getpeername(t, (struct sockaddr *)&p, &len), ENOTCONN);
    CHECK_OK(listen(t, 4));
    len = sizeof p;
    CHECK_ERR(getpeername(t, (struct sockaddr *)&p, &len), ENOTCONN);
    int u = udp_bound(47131);
    len = sizeof p;
    CHECK_ERR(getpeername(u, (struct sockaddr *)&p, &len), ENOTCONN);
}

/* select() for reading and writing on one fd: its result, and the fd's
 * bits in *readable and *writable. */
static int
select_one(int fd, int *readable, int *writable, int ms)
{
    fd_set rd, wr;
    struct timeval tv = { ms / 1000, (ms % 1000) * 1000 };
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(fd, &rd);
    FD_SET(fd, &wr);
    int n = select(fd + 1, &rd, &wr, NULL, &tv);
    *readable = FD_ISSET(fd, &rd);
    *writable = FD_ISSET(fd, &wr);
    return n;
}

/* connect(2): a non-blocking TCP connect (0 or EINPROGRESS) is complete
 * when select() reports the socket writable; SO_ERROR then reads 0.  A
 * refused one is writable too, with SO_ERROR ECONNREFUSED, then 0. */
static void
case_tcp_nonblocking_connect_completes_under_select(void)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", 47140);
    int l = inet_listener(47140), rd, wr;
    int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    CHECK_OK(c);
    int r = connect(c, (struct sockaddr *)&a, sizeof a);
    CHECK(r == 0 || errno == EINPROGRESS);
    CHECK_EQ(select_one(c, &rd, &wr, 5000), 1);
    CHECK(wr);
    CHECK(!rd);
    CHECK_EQ(get_int_opt(c, SOL_SOCKET, SO_ERROR), 0);
    int s = accept(l, NULL, NULL);
    CHECK_OK(s);
    CHECK_EQ(write(s, "z", 1), 1);
    char ch;
    CHECK_EQ(select_one(c, &rd, &wr, 5000), 2);
    CHECK(rd && wr);
    CHECK_EQ(read(c, &ch, 1), 1);

    struct sockaddr_in none = inet_addr_port("127.0.0.1", 47141);
    int f = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    CHECK_OK(f);
    r = connect(f, (struct sockaddr *)&none, sizeof none);
    CHECK(r == -1 && (errno == EINPROGRESS || errno == ECONNREFUSED));
    if (errno == EINPROGRESS) {
        CHECK(select_one(f, &rd, &wr, 5000) >= 1);
        CHECK(wr);
        CHECK_EQ(get_int_opt(f, SOL_SOCKET, SO_ERROR), ECONNREFUSED);
    }
    CHECK_EQ(get_int_opt(f, SOL_SOCKET, SO_ERROR), 0);
}

/* ---- TCP end of file ---------------------------------------------------- */

/* recv(2): after the peer's close(), queued data comes first, then read
 * returns 0, on every read. */
static void
case_tcp_eof_after_peer_close(void)
{
    int c, s;
    char buf[8];
    tcp_pair(47150, &c, &s);
    CHECK_EQ(write(s, "bye", 3), 3);
    CHECK_OK(close(s));
    CHECK_EQ(read(c, buf, sizeof buf), 3);
    CHECK(memcmp(buf, "bye", 3) == 0);
    CHECK_EQ(read(c, buf, sizeof buf), 0);
    CHECK_EQ(read(c, buf, sizeof buf), 0);
}

/* shutdown(2): after the peer's shutdown(SHUT_WR) read returns 0, while
 * data still flows the other way; the side that shut down gets EPIPE on
 * a later write of its own. */
static void
case_tcp_shut_wr_gives_the_peer_eof(void)
{
    int c, s;
    char buf[8];
    tcp_pair(47151, &c, &s);
    signal(SIGPIPE, SIG_IGN);
    CHECK_EQ(write(c, "last", 4), 4);
    CHECK_OK(shutdown(c, SHUT_WR));
    CHECK_EQ(read(s, buf, sizeof buf), 4);
    CHECK_EQ(read(s, buf, sizeof buf), 0);
    CHECK_EQ(read(s, buf, sizeof buf), 0);
    CHECK_EQ(write(s, "back", 4), 4);
    CHECK_EQ(read(c, buf, sizeof buf), 4);
    CHECK(memcmp(buf, "back", 4) == 0);
    CHECK_ERR(write(c, "x", 1), EPIPE);
    CHECK_OK(close(s));
    CHECK_EQ(read(c, buf, sizeof buf), 0);
}

/* ---- UDP datagrams ---------------------------------------------------------- */

/* udp(7): each sendto is one datagram, received whole by one recv and in
 * order; a zero-length datagram arrives as a 0-byte recvfrom that reports
 * the sender's address. */
static void
case_udp_keeps_message_boundaries(void)
{
    struct sockaddr_in srv = inet_addr_port("127.0.0.1", 47160), from;
    socklen_t len;
    char buf[64];
    int s = udp_bound(47160), c = udp_bound(47161);

    CHECK_EQ(sendto(c, "abc", 3, 0, (struct sockaddr *)&srv, sizeof srv), 3);
    CHECK_EQ(sendto(c, "defghij", 7, 0, (struct sockaddr *)&srv, sizeof srv), 7);
    CHECK_EQ(sendto(c, "", 0, 0, (struct sockaddr *)&srv, sizeof srv), 0);
    CHECK_EQ(recv(s, buf, sizeof buf, 0), 3);
    CHECK(memcmp(buf, "abc", 3) == 0);
    CHECK_EQ(recv(s, buf, sizeof buf, 0), 7);
    CHECK(memcmp(buf, "defghij", 7) == 0);
    memset(&from, 0, sizeof from);
    len = sizeof from;
    CHECK_EQ(recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &len), 0);
    CHECK_EQ(len, sizeof from);
    CHECK_EQ(from.sin_family, AF_INET);
    CHECK_EQ(from.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
    CHECK_EQ(from.sin_port, htons(47161));
    CHECK_ERR(recv(s, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
}

/* recv(2), recvmsg(2), udp(7): a buffer shorter than the datagram gets
 * the buffer's size and the rest is discarded; with MSG_TRUNC recv
 * returns the datagram's real length; recvmsg sets MSG_TRUNC in msg_flags
 * (clear for a datagram that fit). */
static void
case_udp_truncation(void)
{
    struct sockaddr_in srv = inet_addr_port("127.0.0.1", 47170);
    char buf[4];
    int s = udp_bound(47170), c = socket(AF_INET, SOCK_DGRAM, 0);
#define SEND(text) CHECK_EQ(sendto(c, text, sizeof text - 1, 0,              \
                                   (struct sockaddr *)&srv, sizeof srv),     \
                            (long)sizeof text - 1)
    SEND("0123456789");
    SEND("ab");
    SEND("ABCDEFGHIJKL");
    SEND("wxyz0123");
    SEND("cd");
#undef SEND

    CHECK_EQ(recv(s, buf, sizeof buf, 0), 4);
    CHECK(memcmp(buf, "0123", 4) == 0);
    CHECK_EQ(recv(s, buf, sizeof buf, 0), 2);   /* the rest was dropped */
    CHECK(memcmp(buf, "ab", 2) == 0);

    CHECK_EQ(recv(s, buf, sizeof buf, MSG_TRUNC), 12);
    CHECK(memcmp(buf, "ABCD", 4) == 0);

    struct iovec iov = { buf, sizeof buf };
    struct msghdr m;
    memset(&m, 0, sizeof m);
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    CHECK_EQ(recvmsg(s, &m, 0), 4);
    CHECK(m.msg_flags & MSG_TRUNC);
    CHECK(memcmp(buf, "wxyz", 4) == 0);
    CHECK_EQ(recvmsg(s, &m, 0), 2);
    CHECK(!(m.msg_flags & MSG_TRUNC));
    CHECK(memcmp(buf, "cd", 2) == 0);
    CHECK_ERR(recv(s, buf, sizeof buf, MSG_DONTWAIT), EAGAIN);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(inet_short_or_foreign_address),
        CHECK_CASE(udp_second_connect_moves_the_peer),
        CHECK_CASE(udp_connect_binds_an_unbound_socket),
        CHECK_CASE(tcp_write_to_closed_peer_is_epipe_and_sigpipe),
        CHECK_CASE(tcp_msg_nosignal_suppresses_sigpipe),
        CHECK_CASE(tcp_close_with_unread_data_resets),
        CHECK_CASE(getpeername_unconnected_is_enotconn),
        CHECK_CASE(tcp_nonblocking_connect_completes_under_select),
        CHECK_CASE(tcp_eof_after_peer_close),
        CHECK_CASE(tcp_shut_wr_gives_the_peer_eof),
        CHECK_CASE(udp_keeps_message_boundaries),
        CHECK_CASE(udp_truncation),
    };
    return check_main("inet", cases, CHECK_NCASES(cases), argc, argv);
}
