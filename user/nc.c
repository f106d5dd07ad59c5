/*
 * nc -- a small netcat: connect or listen, then copy standard input to
 * the socket and the socket to standard output, with one poll() loop.
 *
 *   nc HOST PORT         connect to a TCP port (HOST: 127.0.0.1, localhost)
 *   nc -l PORT           listen on PORT, serve one connection
 *   nc -u HOST PORT      UDP: each input line is one datagram
 *   nc -u -l PORT        UDP: print datagrams; input goes to the last sender
 *   nc -U PATH           AF_UNIX stream socket at PATH (with -l: listen there)
 *
 * At end of input a stream is shut down for writing (the peer reads end of
 * file) and nc keeps printing until the peer closes.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

static int udp, listening, unix_domain;
static struct sockaddr_storage peer;    /* UDP: where input goes */
static socklen_t peer_len;

static void
usage(void)
{
    fprintf(stderr, "usage: nc [-u] [-l] HOST PORT | nc [-u] -l PORT | nc [-l] -U PATH\n");
    exit(2);
}

static socklen_t
make_address(const char *host, const char *port_or_path, struct sockaddr_storage *ss)
{
    memset(ss, 0, sizeof *ss);
    if (unix_domain) {
        struct sockaddr_un *un = (struct sockaddr_un *)ss;
        un->sun_family = AF_UNIX;
        strncpy(un->sun_path, port_or_path, sizeof un->sun_path - 1);
        return sizeof(sa_family_t) + strlen(un->sun_path) + 1;
    }
    struct addrinfo hints = { 0 }, *res;
    hints.ai_family = AF_INET;
    hints.ai_socktype = udp ? SOCK_DGRAM : SOCK_STREAM;
    hints.ai_flags = listening ? AI_PASSIVE : 0;
    int err = getaddrinfo(host, port_or_path, &hints, &res);
    if (err) {
        fprintf(stderr, "nc: %s: %s\n", host ? host : port_or_path, gai_strerror(err));
        exit(1);
    }
    socklen_t len = res->ai_addrlen;
    memcpy(ss, res->ai_addr, len);
    freeaddrinfo(res);
    return len;
}

static void
die(const char *what)
{
    perror(what);
    exit(1);
}

/* The socket to talk on: connected, or accepted from a listener. */
static int
open_socket(const char *host, const char *where)
{
    struct sockaddr_storage ss;
    socklen_t len = make_address(host, where, &ss);
    int fd = socket(unix_domain ? AF_UNIX : AF_INET, udp ? SOCK_DGRAM : SOCK_STREAM, 0), on = 1;
    if (fd < 0)
        die("nc: socket");
    if (!listening) {
        if (connect(fd, (struct sockaddr *)&ss, len) < 0)
            die("nc: connect");
        return fd;
    }
    if (unix_domain)
        unlink(where);
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (bind(fd, (struct sockaddr *)&ss, len) < 0)
        die("nc: bind");
    if (udp)
        return fd;
    if (listen(fd, 1) < 0)
        die("nc: listen");
    int conn = accept(fd, NULL, NULL);
    if (conn < 0)
        die("nc: accept");
    close(fd);
    return conn;
}

/* Copy one chunk from the socket to standard output; 0 at its end. */
static int
socket_to_stdout(int fd)
{
    char buf[2048];
    ssize_t n;
    if (udp && listening) {
        peer_len = sizeof peer;
        n = recvfrom(fd, buf, sizeof buf, 0, (struct sockaddr *)&peer, &peer_len);
    } else {
        n = read(fd, buf, sizeof buf);
    }
    if (n < 0 && errno != EINTR)
        die("nc: read");
    if (n > 0)
        write(1, buf, n);
    return n != 0 || udp;
}

/* Copy one chunk of input to the socket; 0 at end of input. */
static int
stdin_to_socket(int fd)
{
    char buf[2048];
    ssize_t n = read(0, buf, sizeof buf);
    if (n <= 0)
        return 0;
    if (udp && listening) {
        if (peer_len && sendto(fd, buf, n, 0, (struct sockaddr *)&peer, peer_len) < 0)
            perror("nc: sendto");
    } else if (write(fd, buf, n) != n) {
        die("nc: write");
    }
    return 1;
}

int
main(int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'u') udp = 1;
            else if (*o == 'l') listening = 1;
            else if (*o == 'U') unix_domain = 1;
            else usage();
        }
    }
    int left = argc - i;
    if (left < 1 || left > 2 || (left == 1 && !listening && !unix_domain) || (unix_domain && udp))
        usage();
    const char *host = left == 2 ? argv[i] : NULL, *where = argv[argc - 1];
    int fd = open_socket(host, where);
    struct pollfd pfd[2] = { { fd, POLLIN, 0 }, { 0, POLLIN, 0 } };
    int input_open = 1;
    for (;;) {
        if (poll(pfd, input_open ? 2 : 1, -1) < 0) {
            if (errno == EINTR)
                continue;
            die("nc: poll");
        }
        if ((pfd[0].revents & (POLLIN | POLLHUP | POLLERR)) && !socket_to_stdout(fd))
            break;
        if (input_open && (pfd[1].revents & (POLLIN | POLLHUP)) && !stdin_to_socket(fd)) {
            input_open = 0;
            if (udp)
                break;
            shutdown(fd, SHUT_WR);      /* the peer reads end of file */
        }
    }
    close(fd);
    return 0;
}
