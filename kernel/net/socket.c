/*
 * The socket object and its descriptor.
 *
 * A socket is a slot in a fixed table, reached from its open file through
 * f->private; the file's inode is an unnamed S_IFSOCK inode, so fstat says
 * S_ISSOCK (a bound AF_UNIX socket's name is a second inode, in its
 * directory: see unix.c).  read and write are recv and send with no flags;
 * close releases the socket's end (stream_close, dgram_close); poll and
 * FIONREAD ask the stream or datagram layer.
 */
#include "net/socket.h"
#include "fs/file.h"
#include "proc/proc.h"
#include "lib/kstat.h"
#include "syscall.h"
#include "trace/trace.h"
#include "trace/waitfor.h"
#include <parley/ioctl.h>
#include <parley/poll.h>

struct socket sock_table[NSOCKET];     /* gc.c walks it too */
static int next_id = 1;

struct socket *
sock_alloc(int domain, int type)
{
    for (struct socket *s = sock_table; s < sock_table + NSOCKET; s++) {
        if (s->refs)
            continue;
        memset(s, 0, sizeof *s);
        s->id = next_id++;
        s->refs = 1;
        s->domain = domain;
        s->type = type;
        s->state = SOCK_UNCONNECTED;
        s->rcvbuf = s->sndbuf = SOCK_BUF_DEFAULT;
        byteq_init(&s->rx, s->rx_pages, SOCK_BUF_BYTES);
        byteq_set_limit(&s->rx, SOCK_BUF_DEFAULT);
        s->rx.direct = type == SOCK_STREAM;    /* one copy from writer to reader */
        if (type == SOCK_DGRAM)
            dgram_init(s);
        kstat_add(KSTAT_sockets, +1);
        return s;
    }
    return 0;
}

struct socket *
sock_hold(struct socket *s)
{
    s->refs++;
    return s;
}

/* Drop a reference; the last one frees what the socket still holds. */
void
sock_put(struct socket *s)
{
    assert(s->refs > 0);
    if (--s->refs > 0)
        return;
    stream_free(s);
    if (s->type == SOCK_DGRAM && !s->closed)
        msgq_destroy(&s->inbox);        /* never had a descriptor */
    if (s->name_inode)
        inode_put(s->name_inode);
    s->id = 0;
    s->state = SOCK_FREE;
    kstat_add(KSTAT_sockets, -1);
}

/* The first live socket match accepts, or NULL. */
struct socket *
sock_find(bool (*match)(struct socket *s, const void *arg), const void *arg)
{
    for (struct socket *s = sock_table; s < sock_table + NSOCKET; s++)
        if (s->refs && s->state != SOCK_FREE && match(s, arg))
            return s;
    return 0;
}

/* How ps names a wait on s: `accept unix /tmp/s`, `recv port 8080`. */
void
sock_wait_name(struct socket *s, const char *verb, struct byteq_name *name)
{
    name->a = (long)verb;
    name->deadline_ns = 0;
    if (s->domain == AF_INET) {
        name->fmt = "%s port %d";
        name->b = s->local.port;
    } else if (s->local.path[0]) {
        name->fmt = "%s unix %s";
        name->b = (long)s->local.path;
    } else {
        name->fmt = "%s unix socket %d";
        name->b = s->id;
    }
}

/* For the IPC trace (trace -D, tools/ipc-diagram): one event about s. */
void
sock_trace(int kind, struct socket *s, long a, long b)
{
    if (trace_ipc_on(current))
        trace_ipc(kind, TRACE_OBJ_SOCKET, s->id, 0, a, b, s->local.path[0] ? s->local.path : NULL);
}

/* ---- the descriptor ----------------------------------------------------- */

static const struct file_ops socket_ops;

struct socket *
sock_of_file(struct file *f)
{
    return f && f->ops == &socket_ops ? f->private : 0;
}

static ssize_t
sock_rw(struct file *f, char *buf, size_t n, bool sending)
{
    struct socket *s = f->private;
    struct iovec iov = { buf, n };
    struct sock_io io = { .iov = &iov, .iovcnt = 1, .total = n };
    bool nonblock = f->flags & O_NONBLOCK;
    ssize_t n_done;
    if (s->type == SOCK_DGRAM)
        n_done = sending ? dgram_send(s, &io, nonblock) : dgram_recv(s, &io, nonblock);
    else
        n_done = sending ? stream_send(s, &io, nonblock) : stream_recv(s, &io, nonblock);
    rights_free(io.rights);             /* read() drops descriptors in flight */
    return n_done;
}

static ssize_t sock_read(struct file *f, char *buf, size_t n)        { return sock_rw(f, buf, n, false); }
static ssize_t sock_write(struct file *f, const char *buf, size_t n) { return sock_rw(f, (char *)buf, n, true); }

/* This end is gone (its descriptor closed, or it never got one): tell the
 * peer, forget the name, drop the owner's reference. */
void
sock_release(struct socket *s)
{
    s->closed = true;
    if (s->domain == AF_INET)
        inet_closing(s);                /* before the peer is forgotten */
    else
        unix_unbind(s);                 /* its path no longer leads here */
    if (s->type == SOCK_DGRAM)
        dgram_close(s);
    else
        stream_close(s);
    sock_put(s);
    if (rights_in_flight())
        sock_gc();                      /* this may have been the last way into a cycle */
}

static void
sock_close(struct file *f)
{
    sock_release(f->private);
}

/* A descriptor closed while others remain: if the rest are all in flight
 * (say, the socket was sent through itself), this close just made a cycle
 * unreachable, so collect it now rather than at some later socket's close. */
static void
sock_unref(struct file *f)
{
    (void)f;
    if (rights_in_flight())
        sock_gc();
}

static unsigned
sock_poll(struct file *f, struct poll_table *pt)
{
    struct socket *s = f->private;
    return s->type == SOCK_DGRAM ? dgram_poll(s, pt) : stream_poll(s, pt);
}

/* FIONREAD: bytes queued (stream), or the size of the next datagram. */
static int
sock_ioctl(struct file *f, unsigned long request, void *arg)
{
    struct socket *s = f->private;
    if (request != FIONREAD)
        return -ENOTTY;
    int n = s->rx.count;
    if (s->type == SOCK_DGRAM)
        n = s->inbox.head ? (int)s->inbox.head->hdr.length : 0;
    return copy_to_user(arg, &n, sizeof n);
}

static const struct file_ops socket_ops = {
    .read = sock_read,
    .write = sock_write,
    .close = sock_close,
    .unref = sock_unref,
    .poll = sock_poll,
    .ioctl = sock_ioctl,
};

/* Give s (holding one reference, which the file takes over) a descriptor.
 * flags: SOCK_NONBLOCK, SOCK_CLOEXEC.  On failure s is released. */
int
sock_install(struct socket *s, int flags)
{
    struct inode *ip = inode_alloc(S_IFSOCK | 0777);
    struct file *f = ip ? file_alloc(&socket_ops, ip, O_RDWR | (flags & SOCK_NONBLOCK ? O_NONBLOCK : 0)) : 0;
    if (!f) {
        if (ip)
            inode_put(ip);
        sock_release(s);
        return -ENFILE;
    }
    f->private = s;
    int fd = fd_install(f, 0, flags & SOCK_CLOEXEC);
    if (fd < 0)
        file_close(f);          /* closes the socket too */
    return fd;
}

/* ---- options -------------------------------------------------------------- */

static int
get_int(const void *uval, socklen_t len, int *v)
{
    if (len < sizeof(int))
        return -EINVAL;
    return copy_from_user(v, uval, sizeof *v);
}

static int
get_timeout(const void *uval, socklen_t len, uint64_t *ns)
{
    struct { long sec, usec; } tv;      /* struct timeval */
    if (len < sizeof tv)
        return -EINVAL;
    if (copy_from_user(&tv, uval, sizeof tv) < 0)
        return -EFAULT;
    if (tv.sec < 0 || tv.usec < 0 || tv.usec >= 1000000)
        return -EDOM;
    *ns = (uint64_t)tv.sec * 1000000000 + (uint64_t)tv.usec * 1000;
    return 0;
}

/* SO_RCVBUF, SO_SNDBUF: Linux takes the value as unsigned (a negative one
 * is huge) and clamps it; here the bounds are the ring's. */
static int
buffer_size(int v)
{
    return (int)MAX((unsigned)SOCK_BUF_MIN, MIN((unsigned)v, (unsigned)SOCK_BUF_BYTES));
}

/* A buffer size changed: resize the rings (stream) or the inbox (UDP,
 * whose receiver drops what does not fit; an AF_UNIX datagram inbox
 * keeps its size, as Linux's limit there is the queue length). */
static void
sock_resize(struct socket *s)
{
    if (s->type == SOCK_STREAM)
        stream_size_rings(s);
    else if (s->domain == AF_INET)
        s->inbox.max_bytes = s->rcvbuf;
}

int
sock_setopt(struct socket *s, int level, int name, const void *uval, socklen_t len)
{
    int v = 0, err;
    if (level == IPPROTO_TCP && s->domain == AF_INET && s->type == SOCK_STREAM && name == TCP_NODELAY) {
        err = get_int(uval, len, &v);
        if (!err)
            s->nodelay = v != 0;
        return err;
    }
    if (level != SOL_SOCKET)
        return -ENOPROTOOPT;
    if (name == SO_RCVTIMEO)
        return get_timeout(uval, len, &s->rcvtimeo_ns);
    if (name == SO_SNDTIMEO)
        return get_timeout(uval, len, &s->sndtimeo_ns);
    err = get_int(uval, len, &v);
    if (err)
        return err;
    switch (name) {
    case SO_REUSEADDR: s->reuseaddr = v != 0; return 0;
    case SO_REUSEPORT: s->reuseport = v != 0; return 0;
    case SO_KEEPALIVE: s->keepalive = v != 0; return 0;
    case SO_RCVBUF:    s->rcvbuf = buffer_size(v); sock_resize(s); return 0;
    case SO_SNDBUF:    s->sndbuf = buffer_size(v); sock_resize(s); return 0;
    default:           return -ENOPROTOOPT;
    }
}

static int
put_opt(void *uval, socklen_t *ulen, const void *val, socklen_t size)
{
    socklen_t len;
    if (copy_from_user(&len, ulen, sizeof len) < 0)
        return -EFAULT;
    if ((int)len < 0)
        return -EINVAL;
    len = MIN(len, size);
    if (copy_to_user(uval, val, len) < 0 || copy_to_user(ulen, &len, sizeof len) < 0)
        return -EFAULT;
    return 0;
}

int
sock_getopt(struct socket *s, int level, int name, void *uval, socklen_t *ulen)
{
    int v;
    if (level == IPPROTO_TCP && s->domain == AF_INET && s->type == SOCK_STREAM && name == TCP_NODELAY) {
        v = s->nodelay;
        return put_opt(uval, ulen, &v, sizeof v);
    }
    if (level != SOL_SOCKET)
        return -ENOPROTOOPT;
    if (name == SO_RCVTIMEO || name == SO_SNDTIMEO) {
        uint64_t ns = name == SO_RCVTIMEO ? s->rcvtimeo_ns : s->sndtimeo_ns;
        long tv[2] = { (long)(ns / 1000000000), (long)(ns % 1000000000 / 1000) };
        return put_opt(uval, ulen, tv, sizeof tv);
    }
    switch (name) {
    case SO_TYPE:       v = s->type; break;
    case SO_DOMAIN:     v = s->domain; break;
    case SO_PROTOCOL:   v = s->domain == AF_UNIX ? 0 : s->type == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP; break;
    case SO_ACCEPTCONN: v = s->state == SOCK_LISTENING; break;
    case SO_ERROR:      v = s->so_error; s->so_error = 0; break;  /* reading clears it */
    case SO_REUSEADDR:  v = s->reuseaddr; break;
    case SO_REUSEPORT:  v = s->reuseport; break;
    case SO_KEEPALIVE:  v = s->keepalive; break;
    case SO_RCVBUF:     v = 2 * s->rcvbuf; break;      /* Linux doubles what was set */
    case SO_SNDBUF:     v = 2 * s->sndbuf; break;
    default:            return -ENOPROTOOPT;
    }
    return put_opt(uval, ulen, &v, sizeof v);
}

/* ---- the wait-for graph (trace/waitfor.h) ---------------------------- */

static bool
holds_socket(struct proc *p, struct socket *s)
{
    for (int fd = 0; fd < OPEN_MAX; fd++)
        if (p->files[fd] && sock_of_file(p->files[fd]) == s)
            return true;
    return false;
}

static int
socket_holders(struct socket *s, pid_t *who, int max)
{
    int n = 0;
    for (struct proc *p = proc_table; s && p < proc_table + NPROC && n < max; p++)
        if (p->state != PROC_UNUSED && p->state != PROC_ZOMBIE && holds_socket(p, s))
            who[n++] = p->pid;
    return n;
}

/* A reader waits for whoever holds the peer; a writer to a full ring, and
 * a connect to a full listener, for whoever holds the receiving socket; an
 * accept for anyone at all. */
int
sock_waits_for(struct proc *sleeper, struct waitq *q, pid_t *who, int max)
{
    for (struct socket *s = sock_table; s < sock_table + NSOCKET; s++) {
        if (!s->refs)
            continue;
        if (q == &s->rx.read_wait)
            return socket_holders(s->peer, who, max);
        if (q == &s->connect_wait && s->state == SOCK_CONNECTING)
            return socket_holders(s->connecting_to, who, max);
        if (q == &s->rx.write_wait || q == &s->connect_wait)
            return socket_holders(s, who, max);
        if (q == &s->accept_wait)
            return 0;
    }
    return -1;
}

/* ---- netstat -------------------------------------------------------------- */

static void
format_addr(const struct sock_addr *a, char *buf, size_t size)
{
    if (a->family == AF_INET)
        snprintk(buf, size, "%u.%u.%u.%u:%u", a->ip >> 24, (a->ip >> 16) & 255,
                 (a->ip >> 8) & 255, a->ip & 255, a->port);
    else if (a->family == AF_UNIX)
        strlcpy(buf, a->path, size);
    else
        buf[0] = 0;
}

/* A process asleep on one of s's queues, and what it waits for. */
static void
find_waiter(struct socket *s, struct sockinfo *info)
{
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        struct waitq *q = p->wait_entry.queue;
        if (p->state != PROC_SLEEPING || !q)
            continue;
        if (q == &s->rx.read_wait || q == &s->rx.write_wait || q == &s->accept_wait ||
            q == &s->connect_wait || (s->peer && q == &s->peer->rx.write_wait) ||
            q == &s->inbox.changed) {
            info->waiter = p->pid;
            snprintk(info->wait, sizeof info->wait, p->wait_what, p->wait_a, p->wait_b);
            return;
        }
    }
}

static void
sock_fill_info(struct socket *s, struct sockinfo *info)
{
    memset(info, 0, sizeof *info);
    info->id = s->id;
    info->domain = s->domain;
    info->type = s->type;
    info->state = s->state == SOCK_LISTENING ? SOCKINFO_LISTENING :
                  s->state == SOCK_CONNECTING ? SOCKINFO_CONNECTING :
                  s->state == SOCK_CONNECTED && (s->peer || s->dgram_peer) ? SOCKINFO_CONNECTED :
                  s->was_connected ? SOCKINFO_CLOSED : SOCKINFO_UNCONNECTED;
    format_addr(&s->local, info->local, sizeof info->local);
    format_addr(&s->remote, info->peer, sizeof info->peer);
    info->rx_queued = s->type == SOCK_DGRAM ? s->inbox.count : s->rx.count;
    info->tx_queued = s->peer ? s->peer->rx.count : 0;
    info->backlog = s->pending;
    find_waiter(s, info);
}

long
sys_sockinfo(struct sockinfo *ubuf, int max)
{
    struct sockinfo info;
    int n = 0;
    if (max < 0)
        return -EINVAL;
    for (struct socket *s = sock_table; s < sock_table + NSOCKET && n < max; s++) {
        if (!s->refs || s->state == SOCK_FREE)
            continue;
        sock_fill_info(s, &info);
        if (copy_to_user(&ubuf[n], &info, sizeof info) < 0)
            return -EFAULT;
        n++;
    }
    return n;
}
