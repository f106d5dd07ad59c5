/*
 * Stream sockets (AF_UNIX SOCK_STREAM and loopback TCP): connections.
 *
 * A connection is two sockets that point at each other, each holding a
 * byteq of the bytes sent to it (rx): the pipe's ring, once per direction.
 * A writer puts bytes into its peer's rx; a reader takes them from its own.
 * EOF is the byteq's "no writer left" and EPIPE its "no reader left", so
 * shutdown(SHUT_WR) is setting the peer's rx.writers to 0, and close sets
 * both.
 *
 * Connection set-up (who blocks, who is woken):
 *   listen   marks a bound socket LISTENING with a backlog.
 *   connect  makes the server's end at once (a new socket, connected to
 *            the client's) and appends it to the listener's queue: the
 *            client may send before the server accepts.  With more than
 *            backlog connections queued (Linux admits backlog + 1) the
 *            client sleeps on connect_wait; non-blocking, AF_UNIX gets
 *            EAGAIN and TCP EINPROGRESS: it waits half-open on the
 *            listener's syn list.  Wakes accept_wait.
 *   accept   sleeps on accept_wait until the queue has a connection, takes
 *            the first (arrival order) and gives it a descriptor.  Wakes
 *            connect_wait, and completes the first half-open client (its
 *            own connect_wait is woken: poll sees POLLOUT).
 *   close    of a listener drops the connections still queued: their
 *            clients read EOF; half-open ones are refused.  Of a connected end: the peer reads what is
 *            queued, then EOF; if this end left bytes unread the peer's
 *            next read fails once with ECONNRESET (Linux).  The peer's
 *            writes fail with EPIPE.
 *
 * Descriptors in flight (SCM_RIGHTS) ride beside the bytes: a record says
 * at which offset of the stream they were sent, and the read that takes
 * that byte delivers them.
 */
#include "net/socket.h"
#include "fs/file.h"
#include "proc/proc.h"
#include "arch/timer.h"
#include <parley/poll.h>

/* ---- descriptors in flight ------------------------------------------- */

#define NRIGHTS 64
static struct sock_rights rights_table[NRIGHTS];
static bool rights_used[NRIGHTS];
static int rights_in_use;

static struct sock_rights *
rights_take_free(void)
{
    for (int i = 0; i < NRIGHTS; i++) {
        if (rights_used[i])
            continue;
        rights_used[i] = true;
        rights_in_use++;
        memset(&rights_table[i], 0, sizeof rights_table[i]);
        return &rights_table[i];
    }
    return 0;
}

/* A record; when the table is full, garbage cycles may be holding it. */
struct sock_rights *
rights_alloc(void)
{
    struct sock_rights *r = rights_take_free();
    if (!r) {
        sock_gc();
        r = rights_take_free();
    }
    return r;
}

bool
rights_in_flight(void)
{
    return rights_in_use > 0;
}

/* Free a list of records and close the files nobody received. */
void
rights_free(struct sock_rights *r)
{
    while (r) {
        struct sock_rights *next = r->next;
        for (int i = 0; i < r->n; i++)
            if (r->files[i])
                file_close(r->files[i]);
        rights_used[r - rights_table] = false;
        rights_in_use--;
        r = next;
    }
}

static void
rights_append(struct socket *s, struct sock_rights *r)
{
    struct sock_rights **link = &s->rights;
    while (*link)
        link = &(*link)->next;
    r->next = 0;
    *link = r;
}

/* Unlink r (the last record of s) after a send that put no byte. */
static void
rights_unlink(struct socket *s, struct sock_rights *r)
{
    struct sock_rights **link = &s->rights;
    while (*link && *link != r)
        link = &(*link)->next;
    if (*link)
        *link = r->next;
    r->next = 0;
}

/* The records whose first byte has now been read, in order. */
static struct sock_rights *
rights_take_read(struct socket *s)
{
    struct sock_rights *head = 0, **tail = &head;
    while (s->rights && s->rights->at < s->rx.taken) {
        struct sock_rights *r = s->rights;
        s->rights = r->next;
        r->next = 0;
        *tail = r;
        tail = &r->next;
    }
    return head;
}

/* ---- set-up ------------------------------------------------------------ */


static int
take_error(struct socket *s)
{
    int err = s->so_error;
    s->so_error = 0;
    return -err;
}


/*
 * Buffer sizes.  One ring per direction stands for both the sender's send
 * buffer and the receiver's receive buffer, so it holds the smaller of
 * the two (SO_SNDBUF of the writer, SO_RCVBUF of the reader).  Called when
 * the connection is made and when either end sets an option.
 */
void
stream_size_rings(struct socket *s)
{
    struct socket *peer = s->peer;
    byteq_set_limit(&s->rx, peer ? MIN(s->rcvbuf, peer->sndbuf) : s->rcvbuf);
    if (peer)
        byteq_set_limit(&peer->rx, MIN(peer->rcvbuf, s->sndbuf));
}

static void
connect_ends(struct socket *a, struct socket *b)
{
    a->peer = b;
    b->peer = a;
    a->state = b->state = SOCK_CONNECTED;
    a->was_connected = b->was_connected = true;
    a->rx.readers = a->rx.writers = 1;
    b->rx.readers = b->rx.writers = 1;
    stream_size_rings(a);
}

void
stream_pair(struct socket *a, struct socket *b)
{
    connect_ends(a, b);
}

static bool
listener_full(const struct socket *l)
{
    return l->pending > l->backlog;     /* Linux admits backlog + 1 */
}

/* Make the server's end of s's connection to l and queue it for accept.
 * A TCP client already has its remote name (the address it asked for). */
static int
queue_connection(struct socket *s, struct socket *l)
{
    struct socket *server_end = sock_alloc(l->domain, l->type);
    if (!server_end)
        return -ENOBUFS;
    if (s->domain == AF_UNIX)
        s->remote = l->local;
    else if (s->local.ip == 0)
        s->local.ip = INADDR_LOOPBACK_HOST;     /* the ends name each other by 127.x */
    server_end->local = s->remote;
    server_end->remote = s->local;
    server_end->reuseaddr = l->reuseaddr;
    server_end->rcvbuf = l->rcvbuf;     /* an accepted socket inherits the options */
    server_end->sndbuf = l->sndbuf;
    connect_ends(s, server_end);
    if (l->queue_tail)
        l->queue_tail->queue_next = server_end;
    else
        l->queue_head = server_end;
    l->queue_tail = server_end;
    l->pending++;
    waitq_wake_all(&l->accept_wait);
    sock_trace(TRACE_EV_CONNECT, l, 0, 0);
    return 0;
}

/* TCP, non-blocking, l full: s waits on l's list of half-open clients
 * until accept makes room (Linux retries the SYN). */
static int
connect_later(struct socket *s, struct socket *l)
{
    s->state = SOCK_CONNECTING;
    s->connecting_to = sock_hold(l);
    s->syn_next = 0;
    if (l->syn_tail)
        l->syn_tail->syn_next = s;
    else
        l->syn_head = s;
    l->syn_tail = s;
    s->connect_unreported = true;
    return -EINPROGRESS;
}

/* Take s off its listener's list of half-open clients. */
static void
forget_listener(struct socket *s)
{
    struct socket *l = s->connecting_to, **link = &l->syn_head;
    while (*link != s)
        link = &(*link)->syn_next;
    *link = s->syn_next;
    if (l->syn_tail == s)
        for (l->syn_tail = l->syn_head; l->syn_tail && l->syn_tail->syn_next;)
            l->syn_tail = l->syn_tail->syn_next;
    s->syn_next = 0;
    s->connecting_to = 0;
    sock_put(l);
}

/* A half-open client is done: connected, or refused with err. */
static void
finish_connecting(struct socket *s, int err)
{
    struct socket *l = sock_hold(s->connecting_to);
    forget_listener(s);
    s->state = SOCK_UNCONNECTED;
    if (!err)
        err = queue_connection(s, l);
    if (err)
        s->so_error = -err;
    sock_put(l);
    waitq_wake_all(&s->connect_wait);
}

/* l has room again (an accept, a bigger backlog): complete the half-open
 * connections that fit, in the order they asked. */
static void
admit_half_open(struct socket *l)
{
    while (l->syn_head && !listener_full(l))
        finish_connecting(l->syn_head, 0);
}

/* Connect s to listener l (the caller holds a reference to l).  A full
 * listener makes a blocking connect sleep; a non-blocking one gets
 * EAGAIN (AF_UNIX, unix(7)) or EINPROGRESS (TCP: it completes later). */
int
stream_connect(struct socket *s, struct socket *l, bool nonblock)
{
    struct byteq_name name;
    sock_wait_name(l, "connect", &name);
    while (l->state == SOCK_LISTENING && listener_full(l)) {
        if (nonblock)
            return s->domain == AF_INET ? connect_later(s, l) : -EAGAIN;
        int err = waitq_sleep(&l->connect_wait, name.fmt, name.a, name.b);
        if (err)
            return err;
    }
    if (l->state != SOCK_LISTENING)
        return -ECONNREFUSED;
    return queue_connection(s, l);
}

int
stream_listen(struct socket *s, int backlog)
{
    if (s->state == SOCK_CONNECTED)
        return -EINVAL;
    if (s->local.family == AF_UNSPEC) {
        if (s->domain == AF_UNIX)
            return -EINVAL;             /* Linux; POSIX says EDESTADDRREQ */
        int err = inet_autobind(s, 0);
        if (err)
            return err;
    }
    s->backlog = backlog < 0 ? 0 : MIN(backlog, SOMAXCONN);
    s->state = SOCK_LISTENING;
    waitq_wake_all(&s->connect_wait);   /* a bigger backlog makes room */
    admit_half_open(s);
    return 0;
}

/* connect() again on a socket that has had one (Linux's answers): EALREADY
 * while half-open, then once the outcome (0, or the error), then EISCONN;
 * 1 means "none of these: connect anew". */
int
stream_reconnect(struct socket *s)
{
    if (s->state == SOCK_CONNECTING)
        return -EALREADY;
    if (s->connect_unreported) {
        s->connect_unreported = false;
        if (s->state != SOCK_CONNECTED)
            return take_error(s);
        return 0;
    }
    return s->state == SOCK_CONNECTED ? -EISCONN : 1;
}

/* send and recv on a half-open socket wait until it is connected (or
 * refused), or give EAGAIN. */
static int
wait_connected(struct socket *s, bool nonblock)
{
    while (s->state == SOCK_CONNECTING) {
        if (nonblock)
            return -EAGAIN;
        struct byteq_name name;
        sock_wait_name(s, "connect", &name);
        int err = waitq_sleep(&s->connect_wait, name.fmt, name.a, name.b);
        if (err)
            return err;
    }
    return 0;
}

int
stream_accept(struct socket *l, bool nonblock, struct socket **out)
{
    struct byteq_name name;
    if (l->state != SOCK_LISTENING)
        return -EINVAL;
    sock_wait_name(l, "accept", &name);
    while (!l->queue_head) {
        if (nonblock)
            return -EAGAIN;
        int err = waitq_sleep(&l->accept_wait, name.fmt, name.a, name.b);
        if (err)
            return err;
        if (l->state != SOCK_LISTENING)
            return -EINVAL;
    }
    struct socket *c = l->queue_head;
    l->queue_head = c->queue_next;
    if (!l->queue_head)
        l->queue_tail = 0;
    c->queue_next = 0;
    l->pending--;
    waitq_wake_all(&l->connect_wait);
    admit_half_open(l);
    sock_trace(TRACE_EV_ACCEPT, l, 0, 0);
    *out = c;                           /* the queue's reference */
    return 0;
}

/* ---- data ------------------------------------------------------------- */

static int
byteq_flags(const struct sock_io *io, bool nonblock)
{
    int flags = 0;
    if (nonblock || (io->flags & MSG_DONTWAIT))
        flags |= BYTEQ_NONBLOCK;
    if (io->flags & MSG_PEEK)
        flags |= BYTEQ_PEEK;
    if (io->flags & MSG_WAITALL)
        flags |= BYTEQ_WAITALL;
    return flags;
}

static ssize_t
broken_pipe(const struct sock_io *io)
{
    if (!(io->flags & MSG_NOSIGNAL))
        signal_send(current, SIGPIPE, current->pid);
    return -EPIPE;
}

/* Write every iovec into q, in order; stop at the first short write. */
static ssize_t
write_iovecs(struct byteq *q, struct sock_io *io, int flags, struct byteq_name *name)
{
    size_t done = 0;
    for (int i = 0; i < io->iovcnt; i++) {
        size_t len = io->iov[i].iov_len;
        if (len == 0)
            continue;
        ssize_t put = byteq_write(q, io->iov[i].iov_base, len, flags, name);
        if (put < 0)
            return done ? (ssize_t)done : put;
        done += put;
        if ((size_t)put < len)
            break;
    }
    return done;
}

ssize_t
stream_send(struct socket *s, struct sock_io *io, bool nonblock)
{
    struct byteq_name name;
    int err = wait_connected(s, nonblock || (io->flags & MSG_DONTWAIT));
    if (err)
        return err;
    if (s->state != SOCK_CONNECTED)
        return -ENOTCONN;
    if (s->shut_wr || !s->peer)
        return broken_pipe(io);
    if (io->total == 0)
        return 0;
    struct socket *peer = sock_hold(s->peer);
    struct sock_rights *r = io->rights;
    if (r) {
        r->at = peer->rx.taken + peer->rx.count;
        rights_append(peer, r);
        io->rights = 0;                 /* the peer owns them now */
    }
    sock_wait_name(s, "send", &name);
    if (s->sndtimeo_ns)
        name.deadline_ns = time_now_ns() + s->sndtimeo_ns;
    uint64_t offset = peer->rx.taken + peer->rx.count;
    ssize_t put = write_iovecs(&peer->rx, io, byteq_flags(io, nonblock) & BYTEQ_NONBLOCK, &name);
    if (put > 0)
        sock_trace(TRACE_EV_SEND, peer, put, (long)offset);
    if (put == -ERESTARTSYS && s->sndtimeo_ns)
        put = -EINTR;                   /* signal(7): a timed call is not restarted */
    if (put <= 0 && r) {
        rights_unlink(peer, r);         /* nothing went: the caller frees them */
        io->rights = r;
    }
    sock_put(peer);
    return put == -EPIPE ? broken_pipe(io) : put;
}

/* Read into the iovecs in order: the first read may wait, the others take
 * only what is there (unless MSG_WAITALL).  A peek goes on past the bytes
 * the earlier buffers saw. */
static ssize_t
read_iovecs(struct byteq *q, struct sock_io *io, int flags, struct byteq_name *name)
{
    size_t done = 0;
    for (int i = 0; i < io->iovcnt; i++) {
        size_t len = io->iov[i].iov_len;
        if (len == 0)
            continue;
        ssize_t got;
        if ((flags & BYTEQ_PEEK) && done > 0)
            got = byteq_peek_at(q, done, io->iov[i].iov_base, len);
        else
            got = byteq_read(q, io->iov[i].iov_base, len, flags, name);
        if (got < 0)
            return done ? (ssize_t)done : got;
        done += got;
        if ((size_t)got < len)
            break;
        if (!(flags & BYTEQ_WAITALL))
            flags |= BYTEQ_NONBLOCK;
    }
    return done;
}

ssize_t
stream_recv(struct socket *s, struct sock_io *io, bool nonblock)
{
    struct byteq_name name;
    int err = wait_connected(s, nonblock || (io->flags & MSG_DONTWAIT));
    if (err)
        return err;
    if (s->state != SOCK_CONNECTED)
        return s->domain == AF_UNIX ? -EINVAL : -ENOTCONN;
    if (s->rx.count == 0 && s->so_error)
        return take_error(s);
    if (io->total == 0)
        return 0;
    sock_wait_name(s, "recv", &name);
    if (s->rcvtimeo_ns)
        name.deadline_ns = time_now_ns() + s->rcvtimeo_ns;
    int flags = byteq_flags(io, nonblock);
    ssize_t got = read_iovecs(&s->rx, io, flags, &name);
    if (got == -ERESTARTSYS && s->rcvtimeo_ns)
        got = -EINTR;                   /* signal(7): a timed call is not restarted */
    if (got > 0 && !(flags & BYTEQ_PEEK)) {
        sock_trace(TRACE_EV_RECV, s, got, (long)(s->rx.taken - got));
        io->rights = rights_take_read(s);
    }
    if (got == 0 && s->so_error)
        return take_error(s);           /* the peer reset the connection */
    return got;
}

int
stream_shutdown(struct socket *s, int how)
{
    if (s->state != SOCK_CONNECTED)
        return s->domain == AF_UNIX ? 0 : -ENOTCONN;
    if (how != SHUT_WR) {               /* no more reading: EOF here, EPIPE there */
        s->shut_rd = true;
        s->rx.readers = 0;
        s->rx.writers = 0;
        byteq_hangup(&s->rx);
    }
    if (how != SHUT_RD) {               /* no more writing: the peer reads EOF */
        s->shut_wr = true;
        if (s->peer) {
            s->peer->rx.writers = 0;
            byteq_hangup(&s->peer->rx);
        }
    }
    return 0;
}

/* This end goes away: see the contract at the top. */
static void
disconnect(struct socket *s)
{
    struct socket *peer = s->peer;
    if (s->rx.count > 0)
        peer->so_error = ECONNRESET;    /* we never read what it sent */
    peer->peer = 0;
    s->peer = 0;
    peer->rx.writers = 0;
    byteq_hangup(&peer->rx);
    s->rx.readers = 0;
    byteq_hangup(&s->rx);               /* its writers, asleep on our ring */
}

void
stream_close(struct socket *s)
{
    if (s->state == SOCK_LISTENING) {
        s->state = SOCK_UNCONNECTED;
        while (s->queue_head) {
            struct socket *c = s->queue_head;
            s->queue_head = c->queue_next;
            c->queue_next = 0;
            s->pending--;
            stream_close(c);
            sock_put(c);
        }
        s->queue_tail = 0;
        while (s->syn_head)
            finish_connecting(s->syn_head, -ECONNREFUSED);
        waitq_wake_all(&s->accept_wait);
        waitq_wake_all(&s->connect_wait);
    }
    if (s->state == SOCK_CONNECTING)
        forget_listener(s);
    if (s->peer)
        disconnect(s);
}

/* The last reference went: give back the ring and undelivered files. */
void
stream_free(struct socket *s)
{
    byteq_discard(&s->rx);
    rights_free(s->rights);
    s->rights = 0;
}

/*
 * poll: a listener is readable when a connection waits; a connected end
 * is readable with data or at EOF (POLLRDHUP when the peer stopped
 * writing; AF_UNIX adds POLLHUP once the peer has gone) and writable with
 * room in the peer's ring.  An unconnected stream is POLLOUT | POLLHUP.
 */
unsigned
stream_poll(struct socket *s, struct poll_table *pt)
{
    unsigned events = s->so_error ? POLLERR : 0;
    if (s->state == SOCK_LISTENING) {
        poll_wait(pt, &s->accept_wait);
        return events | (s->queue_head ? POLLIN | POLLRDNORM : 0);
    }
    if (s->state == SOCK_CONNECTING) {
        poll_wait(pt, &s->connect_wait);
        return events;                  /* POLLOUT when it completes */
    }
    if (s->state != SOCK_CONNECTED)
        return events | POLLOUT | POLLWRNORM | POLLHUP;
    poll_wait(pt, &s->rx.read_wait);
    if (byteq_readable(&s->rx))
        events |= POLLIN | POLLRDNORM;
    if (s->rx.writers == 0)
        events |= POLLRDHUP;
    if (s->peer && !s->shut_wr) {
        poll_wait(pt, &s->peer->rx.write_wait);
        if (byteq_writable(&s->peer->rx))
            events |= POLLOUT | POLLWRNORM;
    } else {
        events |= POLLOUT | POLLWRNORM;     /* a write fails at once: EPIPE */
    }
    if ((!s->peer && s->domain == AF_UNIX) || (s->shut_wr && s->rx.writers == 0))
        events |= POLLHUP;
    return events;
}
