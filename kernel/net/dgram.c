/*
 * Datagram sockets (AF_UNIX SOCK_DGRAM and loopback UDP) on msgq, the
 * kernel's store of typed messages (ipc/msgq.c): every socket has an inbox
 * and a datagram is one message in it, so boundaries are kept for free.
 *
 * Protocol (who blocks, who is woken):
 *   send     finds the destination (the address given, or the connected
 *            peer), builds one message (the body, and an attachment with
 *            the sender's address and any descriptors in flight) and hands
 *            it to the destination's inbox.  AF_UNIX sleeps while that
 *            inbox is full (or EAGAIN); UDP drops the datagram instead, as
 *            a real network would, and reports success.
 *   recv     takes the first message (sleeping while there is none); a
 *            buffer too short keeps the front and drops the rest
 *            (MSG_TRUNC).  A receiver asleep on an empty inbox leaves its
 *            buffers in s->dgram_reader, and the next sender copies the
 *            body straight there (one copy, as streams do: byteq.h) with
 *            no message built at all; any buffer page it cannot reach
 *            sends the datagram the ordinary way.
 *   close    destroys the inbox: queued datagrams and their descriptors
 *            are freed, blocked senders get ECONNREFUSED.
 */
#include "net/socket.h"
#include "fs/file.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "arch/timer.h"
#include "mm/vm.h"
#include <parley/poll.h>


/* What travels with a datagram besides its body. */
struct dgram_meta {
    struct msg_attach   attach;     /* first: msgq's release() hook */
    bool                used;
    struct sock_addr    from;
    struct sock_rights *rights;
};

#ifdef PARLEY_SMALL
#define NDGRAM_META 128
#else
#define NDGRAM_META 512
#endif
static struct dgram_meta meta_table[NDGRAM_META];

static void
meta_release(struct msg_attach *a)
{
    struct dgram_meta *meta = (struct dgram_meta *)a;
    rights_free(meta->rights);
    meta->rights = 0;
    meta->used = false;
}

static struct dgram_meta *
meta_alloc(void)
{
    for (int i = 0; i < NDGRAM_META; i++) {
        if (meta_table[i].used)
            continue;
        memset(&meta_table[i], 0, sizeof meta_table[i]);
        meta_table[i].used = true;
        meta_table[i].attach.release = meta_release;
        return &meta_table[i];
    }
    return 0;
}

void
dgram_init(struct socket *s)
{
    msgq_init(&s->inbox, SOCK_DGRAM_QUEUE, SOCK_BUF_DEFAULT, MSGQ_FIFO);
}

static void
set_wait_name(struct socket *s, const char *verb, struct msgq_wait_name *w)
{
    struct byteq_name name;
    sock_wait_name(s, verb, &name);
    w->what = name.fmt;
    w->a = name.a;
    w->b = name.b;
}

/* The sender's address as the receiver will see it. */
static struct sock_addr
sender_address(struct socket *s)
{
    struct sock_addr a = s->local;
    if (a.family == AF_INET && a.ip == 0)
        a.ip = INADDR_LOOPBACK_HOST;
    return a;
}

/* Where this datagram goes, held; *drop is set for a UDP datagram that
 * nobody will receive (sent anyway, as on a network). */
static int
dgram_destination(struct socket *s, struct sock_io *io, struct socket **out, bool *drop)
{
    *drop = false;
    if (!io->has_addr) {
        if (s->state != SOCK_CONNECTED)
            return s->domain == AF_UNIX ? -ENOTCONN : -EDESTADDRREQ;
        if (s->domain == AF_UNIX) {
            if (s->dgram_peer->closed)
                return -ECONNREFUSED;
            *out = sock_hold(s->dgram_peer);
            return 0;
        }
        io->addr = s->remote;
    }
    if (s->domain == AF_UNIX)
        return unix_lookup(&io->addr, SOCK_DGRAM, out);
    int err = inet_lookup(&io->addr, SOCK_DGRAM, out);
    if (err == -ECONNREFUSED) {
        *drop = true;                   /* "port unreachable" */
        if (s->state == SOCK_CONNECTED)
            s->so_error = ECONNREFUSED; /* reported to a connected socket, once */
        return 0;
    }
    return err;
}

/* A connected UDP socket hears only from its peer (the sender's address,
 * a struct of over 100 bytes, is made only for that test). */
static bool
accepts_from(struct socket *dst, struct socket *sender)
{
    if (dst->domain != AF_INET || dst->state != SOCK_CONNECTED)
        return true;
    struct sock_addr from = sender_address(sender);
    return dst->remote.port == from.port && dst->remote.ip == from.ip;
}

static int
copy_body_in(struct msg *m, const struct sock_io *io)
{
    unsigned off = 0;
    for (int i = 0; i < io->iovcnt; i++) {
        int err = msg_copy_in(m, off, io->iov[i].iov_base, io->iov[i].iov_len);
        if (err)
            return err;
        off += io->iov[i].iov_len;
    }
    return 0;
}

/* A message for the datagram: its body, and an attachment only when
 * there is something to attach (a sender's name, descriptors). */
static struct msg *
build_message(struct socket *s, struct sock_io *io, int *err)
{
    struct dgram_meta *meta = 0;
    if (s->local.family != AF_UNSPEC || io->rights) {
        if (!(meta = meta_alloc())) {
            *err = -ENOBUFS;
            return 0;
        }
        meta->from = sender_address(s);
    }
    struct msg *m = msg_alloc(io->total, err);
    if (!m) {
        if (meta)
            meta_release(&meta->attach);
        *err = -ENOBUFS;
        return 0;
    }
    m->attach = meta ? &meta->attach : 0;
    if ((*err = copy_body_in(m, io)) < 0) {
        msg_free(m);
        return 0;
    }
    if (meta) {
        meta->rights = io->rights;      /* the message owns them now */
        io->rights = 0;
    }
    return m;
}

/* Copy n bytes from the sender's iovecs into the sleeping reader's. */
static void
copy_iovecs_to_reader(const struct sock_io *io, struct dgram_reader *r, size_t n)
{
    int si = 0, di = 0;
    size_t soff = 0, doff = 0;
    while (n > 0) {
        if (soff == io->iov[si].iov_len) {
            si++, soff = 0;
            continue;
        }
        if (doff == r->iov[di].iov_len) {
            di++, doff = 0;
            continue;
        }
        size_t chunk = MIN(n, MIN(io->iov[si].iov_len - soff, r->iov[di].iov_len - doff));
        copy_to_proc(r->proc, (char *)r->iov[di].iov_base + doff,
                     (const char *)io->iov[si].iov_base + soff, chunk);
        soff += chunk;
        doff += chunk;
        n -= chunk;
    }
}

/* Every byte of the first n of r's buffers is reachable for copy_to_proc. */
static bool
reader_reachable(const struct dgram_reader *r, size_t n)
{
    for (int i = 0; i < r->iovcnt && n > 0; i++) {
        size_t len = MIN(n, r->iov[i].iov_len);
        if (!proc_range_writable(r->proc, r->iov[i].iov_base, len))
            return false;
        n -= len;
    }
    return true;
}

/* dst's inbox is empty and a receiver sleeps on it: give it the datagram
 * directly, with the sender's name and descriptors, and wake it.  False
 * (nothing done) if its buffers are not all reachable. */
static bool
give_to_reader(struct socket *s, struct socket *dst, struct sock_io *io)
{
    struct dgram_reader *r = dst->dgram_reader;
    size_t n = MIN(io->total, r->total);
    if (!reader_reachable(r, n))
        return false;
    copy_iovecs_to_reader(io, r, n);
    r->length = io->total;
    r->has_from = s->local.family != AF_UNSPEC;
    if (r->has_from)                    /* over 100 bytes: only if there is one */
        r->from = sender_address(s);
    r->rights = io->rights;             /* the receiver owns them now */
    io->rights = 0;
    r->done = true;
    dst->dgram_reader = 0;
    waitq_wake_all(&dst->inbox.changed);
    sched_note_hand_over(&dst->handed_pid, r->proc->pid, n);
    return true;
}

static int
deliver(struct socket *s, struct socket *dst, struct sock_io *io, bool nonblock)
{
    int err;
    if (!dst->dgram_reader)             /* the last one given has not run since */
        sched_let_catch_up(&dst->handed_pid, io->total);
    if (dst->dgram_reader && !dst->inbox.head && give_to_reader(s, dst, io)) {
        sock_trace(TRACE_EV_SEND, dst, io->total, 0);
        return 0;
    }
    struct msg *m = build_message(s, io, &err);
    if (!m)
        return err;
    struct dgram_meta *meta = (struct dgram_meta *)m->attach;
    bool udp = dst->domain == AF_INET;
    struct msgq_send snd = { .flags = nonblock || (io->flags & MSG_DONTWAIT) || udp ? MSGQ_NOWAIT : 0 };
    if (s->sndtimeo_ns)
        snd.deadline_ns = time_now_ns() + s->sndtimeo_ns;
    set_wait_name(dst, "send", &snd.full);
    err = msgq_send(&dst->inbox, m, &snd);
    if (err == -EAGAIN && udp)
        err = 0;                        /* UDP: a full receiver drops it */
    else if (!err) {
        sock_trace(TRACE_EV_SEND, dst, io->total, 0);
        return 0;                       /* the inbox owns m now */
    }
    if (meta) {
        io->rights = meta->rights;      /* not sent: the caller frees them */
        meta->rights = 0;
    }
    msg_free(m);
    if (err == -EIDRM)
        return -ECONNREFUSED;           /* the receiver closed meanwhile */
    return err == -ETIMEDOUT ? -EAGAIN : err;
}

/* The longest datagram s may send: UDP's limit; AF_UNIX: Linux's, the
 * send buffer as reported (doubled) less 32 -- both at most what a
 * default inbox can hold at all. */
static size_t
dgram_max(const struct socket *s)
{
    size_t most = MIN((size_t)MSGQ_BODY_MAX, (size_t)SOCK_BUF_DEFAULT);
    if (s->domain == AF_INET)
        return MIN((size_t)SOCK_DGRAM_MAX, most);
    return MIN(2 * (size_t)s->sndbuf - 32, most);
}

ssize_t
dgram_send(struct socket *s, struct sock_io *io, bool nonblock)
{
    struct socket *dst;
    bool drop;
    if (io->total > dgram_max(s))
        return -EMSGSIZE;
    if (s->domain == AF_INET) {
        int err = inet_autobind(s, 0);  /* the first sendto binds */
        if (err)
            return err;
    }
    int err = dgram_destination(s, io, &dst, &drop);
    if (err)
        return err;
    if (drop)
        return io->total;
    err = accepts_from(dst, s) ? deliver(s, dst, io, nonblock) : 0;
    sock_put(dst);
    return err ? err : (ssize_t)io->total;
}

/* MSG_PEEK: wait for a datagram and copy it without taking it. */
static int
peek_first(struct socket *s, bool nonblock, struct msg **out)
{
    struct byteq_name name;
    sock_wait_name(s, "recv", &name);
    while (!s->inbox.head) {
        if (nonblock)
            return -EAGAIN;
        int err = waitq_sleep(&s->inbox.changed, name.fmt, name.a, name.b);
        if (err)
            return err;
    }
    *out = s->inbox.head;
    return 0;
}

static int
copy_body_out(const struct msg *m, struct sock_io *io)
{
    unsigned off = 0;
    for (int i = 0; i < io->iovcnt && off < m->hdr.length; i++) {
        unsigned n = MIN(io->iov[i].iov_len, m->hdr.length - off);
        int err = msg_copy_out(m, off, io->iov[i].iov_base, n);
        if (err)
            return err;
        off += n;
    }
    return 0;
}

/* Take the first datagram, or sleep for one with our buffers open to the
 * sender (r): 0 with *out a message, 1 when a sender gave it to r. */
static int
receive_first(struct socket *s, struct sock_io *io, bool nonblock, struct msg **out,
              struct dgram_reader *r)
{
    struct msgq_recv take = { .size = io->total, .flags = MSGQ_TRUNCATE | MSGQ_NOWAIT };
    uint64_t deadline = s->rcvtimeo_ns ? time_now_ns() + s->rcvtimeo_ns : 0;
    struct byteq_name name;
    sock_wait_name(s, "recv", &name);
    for (;;) {
        int err = msgq_receive(&s->inbox, &take, out);
        if (err != -EAGAIN || nonblock)
            return err;
        if (deadline && time_now_ns() >= deadline)
            return -ETIMEDOUT;
        *r = (struct dgram_reader){ .proc = current, .iov = io->iov, .iovcnt = io->iovcnt,
                                    .total = io->total };
        if (!s->dgram_reader)
            s->dgram_reader = r;
        err = waitq_sleep_until(&s->inbox.changed, deadline, name.fmt, name.a, name.b);
        if (s->dgram_reader == r)
            s->dgram_reader = 0;
        if (r->done)
            return 1;
        if (err)
            return err;
    }
}

/* What recv reports for a datagram of length bytes. */
static ssize_t
received(struct sock_io *io, unsigned length)
{
    if (length > io->total)
        io->out_flags |= MSG_TRUNC;     /* the rest is discarded */
    return (io->flags & MSG_TRUNC) ? length : MIN(length, io->total);
}

ssize_t
dgram_recv(struct socket *s, struct sock_io *io, bool nonblock)
{
    struct msg *m;
    struct dgram_reader direct;
    int err;
    nonblock = nonblock || (io->flags & MSG_DONTWAIT);
    if (s->so_error) {
        err = -s->so_error;
        s->so_error = 0;
        return err;
    }
    if (io->flags & MSG_PEEK)
        err = peek_first(s, nonblock, &m);
    else
        err = receive_first(s, io, nonblock, &m, &direct);
    if (err == -ERESTARTSYS && s->rcvtimeo_ns)
        return -EINTR;                  /* signal(7): a timed call is not restarted */
    if (err < 0)
        return err == -ETIMEDOUT ? -EAGAIN : err;
    if (err == 1) {                     /* handed over: the body is in place */
        sock_trace(TRACE_EV_RECV, s, direct.length, 0);
        io->has_addr = direct.has_from;
        if (io->has_addr)
            io->addr = direct.from;
        io->rights = direct.rights;
        return received(io, direct.length);
    }
    unsigned length = m->hdr.length;
    err = copy_body_out(m, io);
    struct dgram_meta *meta = (struct dgram_meta *)m->attach;
    io->has_addr = meta && meta->from.family != AF_UNSPEC;
    if (io->has_addr)
        io->addr = meta->from;
    if (!(io->flags & MSG_PEEK)) {
        sock_trace(TRACE_EV_RECV, s, length, 0);
        if (meta) {
            io->rights = meta->rights;
            meta->rights = 0;
        }
        msg_free(m);
    }
    if (err)
        return err;
    return received(io, length);
}

int
dgram_connect(struct socket *s, const struct sock_addr *to)
{
    struct socket *peer = 0;
    if (to->family == AF_UNSPEC) {          /* dissolve the association */
        if (s->dgram_peer)
            sock_put(s->dgram_peer);
        s->dgram_peer = 0;
        memset(&s->remote, 0, sizeof s->remote);
        s->state = SOCK_UNCONNECTED;
        return 0;
    }
    if (s->domain == AF_UNIX) {
        int err = unix_lookup(to, SOCK_DGRAM, &peer);
        if (err)
            return err;
    } else {
        int err = inet_autobind(s, INADDR_LOOPBACK_HOST);
        if (err)
            return err;
    }
    if (s->dgram_peer)
        sock_put(s->dgram_peer);
    s->dgram_peer = peer;
    s->remote = *to;
    if (s->domain == AF_INET && s->remote.ip == 0)
        s->remote.ip = INADDR_LOOPBACK_HOST;
    s->state = SOCK_CONNECTED;
    return 0;
}

void
dgram_pair(struct socket *a, struct socket *b)
{
    a->dgram_peer = sock_hold(b);
    b->dgram_peer = sock_hold(a);
    a->state = b->state = SOCK_CONNECTED;
}

void
dgram_close(struct socket *s)
{
    msgq_destroy(&s->inbox);
    if (s->dgram_peer)
        sock_put(s->dgram_peer);
    s->dgram_peer = 0;
}

/* For the collector (gc.c): the records in the datagrams queued to s. */
void
dgram_visit_rights(struct socket *s, void (*visit)(struct sock_rights *r))
{
    for (struct msg *m = s->inbox.head; m; m = m->next) {
        struct dgram_meta *meta = (struct dgram_meta *)m->attach;
        for (struct sock_rights *r = meta ? meta->rights : 0; r; r = r->next)
            visit(r);
    }
}

/* ... and taken out of them, as one list. */
struct sock_rights *
dgram_take_rights(struct socket *s)
{
    struct sock_rights *all = 0;
    for (struct msg *m = s->inbox.head; m; m = m->next) {
        struct dgram_meta *meta = (struct dgram_meta *)m->attach;
        if (!meta || !meta->rights)
            continue;
        struct sock_rights *last = meta->rights;
        while (last->next)
            last = last->next;
        last->next = all;
        all = meta->rights;
        meta->rights = 0;
    }
    return all;
}

/* Readable with a datagram queued; writable while the connected peer's
 * inbox has room (UDP never blocks). */
unsigned
dgram_poll(struct socket *s, struct poll_table *pt)
{
    unsigned events = s->so_error ? POLLERR : 0;
    poll_wait(pt, &s->inbox.changed);
    if (s->inbox.head)
        events |= POLLIN | POLLRDNORM;
    struct socket *peer = s->dgram_peer;
    if (peer && !peer->closed) {
        poll_wait(pt, &peer->inbox.changed);
        if (peer->inbox.count < peer->inbox.max_count)
            events |= POLLOUT | POLLWRNORM;
    } else {
        events |= POLLOUT | POLLWRNORM;
    }
    return events;
}
