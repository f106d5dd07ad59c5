/*
 * stress channel: loopback TCP, one connection per writer.  The collector
 * listens on 127.0.0.1 (an ephemeral port), accepts as the writers
 * connect, and reads whichever connection poll says is ready, so each
 * connection is a source of its own: a record never spans two, and a
 * killed writer's connection ends (end of file) after its last whole
 * record -- a partial one would be a torn record at end of file.
 */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "stress.h"

static int listener = -1;
static struct sockaddr_in listen_addr;
static int conn[MAX_WRITERS];           /* accepted connections; -1 once ended */
static int nconns;
static int next_first;                  /* where poll's scan starts: fairness */

static int
inet_setup(int writers)
{
    socklen_t len = sizeof listen_addr;

    nconns = 0;
    listen_addr = (struct sockaddr_in){ .sin_family = AF_INET,
                                        .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    listener = socket(AF_INET, SOCK_STREAM, 0);
    if (listener < 0 || bind(listener, (struct sockaddr *)&listen_addr, sizeof listen_addr) < 0 ||
        listen(listener, MAX_WRITERS) < 0 ||
        getsockname(listener, (struct sockaddr *)&listen_addr, &len) < 0)
        return -1;
    return 0;
}

static int
inet_writer_open(uint32_t writer)
{
    close(listener);
    fd_writer = socket(AF_INET, SOCK_STREAM, 0);
    if (fd_writer < 0)
        return -1;
    return connect(fd_writer, (struct sockaddr *)&listen_addr, sizeof listen_addr);
}

static int
inet_accept(void)
{
    int c = accept(listener, NULL, NULL);
    if (c < 0)
        return -1;
    if (nconns == MAX_WRITERS) {
        close(c);
        errno = EMFILE;                 /* more connections than writers */
        return -1;
    }
    conn[nconns++] = c;
    return 0;
}

/* Read the first ready connection, from a rotating start. */
static ssize_t
inet_read_ready(const struct pollfd *p, const int *slot, int n, void *buf, size_t size,
                struct arrival *from)
{
    for (int k = 0; k < n; k++) {
        int j = (next_first + k) % n;
        if (!p[j].revents)
            continue;
        int i = slot[j];
        ssize_t got = read(conn[i], buf, size);
        if (got == 0) {
            close(conn[i]);
            conn[i] = -1;
        }
        next_first = j + 1;
        from->source = i;
        return got;
    }
    return -2;                          /* none ready */
}

static ssize_t
inet_recv(void *buf, size_t size, struct arrival *from, bool wait)
{
    for (;;) {
        struct pollfd p[MAX_WRITERS + 1];
        int slot[MAX_WRITERS], n = 0;
        for (int i = 0; i < nconns; i++)
            if (conn[i] >= 0) {
                p[n] = (struct pollfd){ .fd = conn[i], .events = POLLIN };
                slot[n++] = i;
            }
        p[n] = (struct pollfd){ .fd = listener, .events = POLLIN };
        int ready = poll(p, n + 1, wait ? -1 : 0);
        if (ready < 0)
            return -1;                  /* EINTR: the tick */
        if (ready == 0) {
            errno = EAGAIN;
            return -1;
        }
        ssize_t got = inet_read_ready(p, slot, n, buf, size, from);
        if (got != -2)
            return got;
        if ((p[n].revents & POLLIN) && inet_accept() < 0)
            return -1;
    }
}

static void
inet_teardown(void)
{
    for (int i = 0; i < nconns; i++)
        if (conn[i] >= 0)
            close(conn[i]);
    close(listener);
}

const struct channel inet_stream_channel = {
    .name = "inet-stream", .per_writer = true,
    .setup = inet_setup, .writer_open = inet_writer_open, .send_record = fd_send,
    .recv_record = inet_recv, .teardown = inet_teardown,
};
