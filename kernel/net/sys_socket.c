/*
 * The socket system calls: find the socket, check and copy the user's
 * addresses, buffers and control messages, then call the stream or
 * datagram layer.  User memory is checked here, once.
 */
#include "net/socket.h"
#include "fs/file.h"
#include "proc/proc.h"
#include "syscall.h"

#define SOCK_IOV_MAX  64                /* iovecs in one sendmsg/recvmsg */
#define SOCK_CMSG_MAX 512               /* bytes of control data we read */

static uint16_t swap16(uint16_t v) { return (uint16_t)(v << 8 | v >> 8); }
static uint32_t swap32(uint32_t v) { return __builtin_bswap32(v); }

/* The socket behind fd: -EBADF (not open) or -ENOTSOCK. */
static int
get_socket(int fd, struct socket **out, struct file **file)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    if (!(*out = sock_of_file(f)))
        return -ENOTSOCK;
    if (file)
        *file = f;
    return 0;
}

/* ---- addresses ------------------------------------------------------- */

/* Linux's rules: a length out of range is EINVAL; AF_UNIX wants sun_family
 * AF_UNIX (else EINVAL), AF_INET a whole sockaddr_in (EINVAL) of family
 * AF_INET (EAFNOSUPPORT).  AF_UNSPEC comes back as family AF_UNSPEC. */
int
sock_addr_from_user(int domain, const void *uaddr, socklen_t len, struct sock_addr *a)
{
    struct sockaddr_storage ss;
    memset(a, 0, sizeof *a);
    memset(&ss, 0, sizeof ss);
    if (len < sizeof(sa_family_t) || len > sizeof ss)
        return -EINVAL;
    if (copy_from_user(&ss, uaddr, len) < 0)
        return -EFAULT;
    if (ss.ss_family == AF_UNSPEC) {
        a->family = AF_UNSPEC;
        return 0;
    }
    if (domain == AF_UNIX) {
        struct sockaddr_un *un = (struct sockaddr_un *)&ss;
        if (un->sun_family != AF_UNIX)
            return -EINVAL;
        size_t n = MIN(len - sizeof(sa_family_t), (size_t)UNIX_PATH_MAX - 1);
        memcpy(a->path, un->sun_path, n);
        a->path[n] = 0;
        a->family = AF_UNIX;
        return 0;
    }
    struct sockaddr_in *in = (struct sockaddr_in *)&ss;
    if (len < sizeof *in)
        return -EINVAL;
    if (in->sin_family != AF_INET)
        return -EAFNOSUPPORT;
    a->family = AF_INET;
    a->ip = swap32(in->sin_addr.s_addr);
    a->port = swap16(in->sin_port);
    return 0;
}

/* Write a to the user's (uaddr, *ulen): the address, cut to the room
 * *ulen gives, and its full length in *ulen.  An unnamed AF_UNIX socket
 * is sun_family alone; an unbound AF_INET socket is 0.0.0.0 port 0. */
int
sock_addr_to_user(const struct sock_addr *a, int domain, void *uaddr, socklen_t *ulen)
{
    struct sockaddr_storage ss;
    socklen_t full, room;
    memset(&ss, 0, sizeof ss);
    if (domain == AF_UNIX) {
        struct sockaddr_un *un = (struct sockaddr_un *)&ss;
        un->sun_family = AF_UNIX;
        full = sizeof(sa_family_t);
        if (a->family == AF_UNIX && a->path[0]) {
            strlcpy(un->sun_path, a->path, sizeof un->sun_path);
            full += strlen(a->path) + 1;
        }
    } else {
        struct sockaddr_in *in = (struct sockaddr_in *)&ss;
        in->sin_family = AF_INET;
        in->sin_port = swap16(a->port);
        in->sin_addr.s_addr = swap32(a->ip);
        full = sizeof *in;
    }
    if (copy_from_user(&room, ulen, sizeof room) < 0)
        return -EFAULT;
    if ((int)room < 0)
        return -EINVAL;
    if (copy_to_user(uaddr, &ss, MIN(room, full)) < 0 || copy_to_user(ulen, &full, sizeof full) < 0)
        return -EFAULT;
    return 0;
}

/* ---- creating ---------------------------------------------------------- */

/* Check (domain, type, protocol); *base gets the type without its flags. */
static int
check_kind(int domain, int type, int protocol, int *base)
{
    *base = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (domain != AF_UNIX && domain != AF_INET)
        return -EAFNOSUPPORT;
    if (*base & ~SOCK_TYPE_MASK)
        return -EINVAL;
    if (*base != SOCK_STREAM && *base != SOCK_DGRAM)
        return -ESOCKTNOSUPPORT;
    if (protocol == 0)
        return 0;
    if (domain == AF_INET && protocol == (*base == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP))
        return 0;
    return -EPROTONOSUPPORT;
}

long
sys_socket(int domain, int type, int protocol)
{
    int base, err = check_kind(domain, type, protocol, &base);
    if (err)
        return err;
    struct socket *s = sock_alloc(domain, base);
    if (!s)
        return -ENFILE;
    return sock_install(s, type);
}

long
sys_socketpair(int domain, int type, int protocol, int *usv)
{
    int base, err = check_kind(domain, type, protocol, &base), sv[2];
    if (err)
        return err;
    if (domain != AF_UNIX)
        return -EOPNOTSUPP;
    if (user_check(usv, sizeof sv, true) < 0)
        return -EFAULT;
    struct socket *a = sock_alloc(domain, base);
    struct socket *b = a ? sock_alloc(domain, base) : 0;
    if (!b) {
        if (a)
            sock_put(a);
        return -ENFILE;
    }
    if (base == SOCK_STREAM)
        stream_pair(a, b);
    else
        dgram_pair(a, b);
    sv[0] = sock_install(a, type);
    if (sv[0] < 0) {
        sock_release(b);
        return sv[0];
    }
    sv[1] = sock_install(b, type);
    if (sv[1] < 0) {
        fd_close(sv[0]);
        return sv[1];
    }
    memcpy(usv, sv, sizeof sv);
    return 0;
}

/* ---- names and connections --------------------------------------------- */

long
sys_bind(int fd, const struct sockaddr *uaddr, socklen_t len)
{
    struct socket *s;
    struct sock_addr a;
    int err = get_socket(fd, &s, 0);
    if (!err)
        err = sock_addr_from_user(s->domain, uaddr, len, &a);
    if (err)
        return err;
    if (a.family == AF_UNSPEC)
        return s->domain == AF_UNIX ? -EINVAL : -EAFNOSUPPORT;
    if (s->local.family != AF_UNSPEC)
        return -EINVAL;                 /* already bound */
    return s->domain == AF_UNIX ? unix_bind(s, &a) : inet_bind(s, &a);
}

long
sys_listen(int fd, int backlog)
{
    struct socket *s;
    int err = get_socket(fd, &s, 0);
    if (err)
        return err;
    if (s->type != SOCK_STREAM)
        return -EOPNOTSUPP;
    return stream_listen(s, backlog);
}

long
sys_accept4(int fd, struct sockaddr *uaddr, socklen_t *ulen, int flags)
{
    struct socket *s, *c;
    struct file *f;
    int err = get_socket(fd, &s, &f);
    if (err)
        return err;
    if (flags & ~(SOCK_NONBLOCK | SOCK_CLOEXEC))
        return -EINVAL;
    if (s->type != SOCK_STREAM)
        return -EOPNOTSUPP;
    if (uaddr && (user_check(ulen, sizeof *ulen, true) < 0))
        return -EFAULT;
    err = stream_accept(s, f->flags & O_NONBLOCK, &c);
    if (err)
        return err;
    int newfd = sock_install(c, flags);
    if (newfd >= 0 && uaddr && sock_addr_to_user(&c->remote, c->domain, uaddr, ulen) < 0)
        return -EFAULT;
    return newfd;
}

static int
stream_connect_to(struct socket *s, const struct sock_addr *to, bool nonblock)
{
    struct socket *l;
    int err = stream_reconnect(s);
    if (err <= 0)
        return err;
    if (s->state == SOCK_LISTENING)
        return -EINVAL;
    if (to->family == AF_UNSPEC)
        return s->domain == AF_UNIX ? -EINVAL : -EAFNOSUPPORT;
    if (s->domain == AF_INET && (err = inet_autobind(s, INADDR_LOOPBACK_HOST)))
        return err;
    err = s->domain == AF_UNIX ? unix_lookup(to, SOCK_STREAM, &l) : inet_lookup(to, SOCK_STREAM, &l);
    if (err)
        return err;
    if (s->domain == AF_INET) {
        s->remote = *to;                /* the peer's name is the address asked for */
        if (s->remote.ip == 0)
            s->remote.ip = INADDR_LOOPBACK_HOST;
    }
    err = stream_connect(s, l, nonblock);
    sock_put(l);
    return err;
}

long
sys_connect(int fd, const struct sockaddr *uaddr, socklen_t len)
{
    struct socket *s;
    struct file *f;
    struct sock_addr a;
    int err = get_socket(fd, &s, &f);
    if (!err)
        err = sock_addr_from_user(s->domain, uaddr, len, &a);
    if (err)
        return err;
    if (s->type == SOCK_DGRAM)
        return dgram_connect(s, &a);
    return stream_connect_to(s, &a, f->flags & O_NONBLOCK);
}

long
sys_getsockname(int fd, struct sockaddr *uaddr, socklen_t *ulen)
{
    struct socket *s;
    int err = get_socket(fd, &s, 0);
    return err ? err : sock_addr_to_user(&s->local, s->domain, uaddr, ulen);
}

long
sys_getpeername(int fd, struct sockaddr *uaddr, socklen_t *ulen)
{
    struct socket *s;
    int err = get_socket(fd, &s, 0);
    if (err)
        return err;
    if (s->state != SOCK_CONNECTED)
        return -ENOTCONN;
    return sock_addr_to_user(&s->remote, s->domain, uaddr, ulen);
}

long
sys_shutdown(int fd, int how)
{
    struct socket *s;
    int err = get_socket(fd, &s, 0);
    if (err)
        return err;
    if (how < SHUT_RD || how > SHUT_RDWR)
        return -EINVAL;
    if (s->type == SOCK_DGRAM)
        return s->domain == AF_INET && s->state != SOCK_CONNECTED ? -ENOTCONN : 0;
    return stream_shutdown(s, how);
}

long
sys_setsockopt(int fd, int level, int name, const void *uval, socklen_t len)
{
    struct socket *s;
    int err = get_socket(fd, &s, 0);
    return err ? err : sock_setopt(s, level, name, uval, len);
}

long
sys_getsockopt(int fd, int level, int name, void *uval, socklen_t *ulen)
{
    struct socket *s;
    int err = get_socket(fd, &s, 0);
    return err ? err : sock_getopt(s, level, name, uval, ulen);
}

/* ---- data ---------------------------------------------------------------- */

/* Copy the iovec array in and check every buffer (writable for recv). */
static int
get_iovecs(const struct msghdr *m, struct iovec *iov, struct sock_io *io, bool for_recv)
{
    if (m->msg_iovlen > SOCK_IOV_MAX)
        return -EMSGSIZE;
    if (copy_from_user(iov, m->msg_iov, m->msg_iovlen * sizeof *iov) < 0)
        return -EFAULT;
    io->iov = iov;
    io->iovcnt = m->msg_iovlen;
    io->total = 0;
    for (size_t i = 0; i < m->msg_iovlen; i++) {
        if (iov[i].iov_len > 0x7fffffff - io->total)
            return -EINVAL;
        if (user_check(iov[i].iov_base, iov[i].iov_len, for_recv) < 0)
            return -EFAULT;
        io->total += iov[i].iov_len;
    }
    return 0;
}

/* SCM_RIGHTS in the control data: the files, each with a new reference.
 * An fd that is not open is EBADF and nothing is sent. */
static int
get_rights(const struct msghdr *m, struct socket *s, struct sock_rights **out)
{
    char buf[SOCK_CMSG_MAX];
    size_t len = m->msg_controllen;
    *out = 0;
    if (!m->msg_control || len == 0)
        return 0;
    if (len > sizeof buf)
        return -ENOBUFS;
    if (copy_from_user(buf, m->msg_control, len) < 0)
        return -EFAULT;
    struct sock_rights *r = 0;
    for (size_t off = 0; off + sizeof(struct cmsghdr) <= len;) {
        struct cmsghdr *c = (struct cmsghdr *)(buf + off);
        if (c->cmsg_len < sizeof *c || c->cmsg_len > len - off)
            break;
        if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS || s->domain != AF_UNIX) {
            rights_free(r);
            return -EINVAL;
        }
        int n = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        int *fds = (int *)CMSG_DATA(c);
        if (!r && !(r = rights_alloc()))
            return -ENOBUFS;
        for (int i = 0; i < n; i++) {
            struct file *f = fd_get(fds[i]);
            if (!f || r->n == PARLEY_SCM_MAX_FDS) {
                rights_free(r);
                return f ? -ETOOMANYREFS : -EBADF;
            }
            r->files[r->n++] = file_dup(f);
        }
        off += CMSG_ALIGN(c->cmsg_len);
    }
    *out = r;
    return 0;
}

/* What sendmsg and recvmsg share: the socket, the header, the buffers. */
static int
get_message(int fd, const struct msghdr *umsg, bool for_recv, struct socket **s,
            bool *nonblock, struct msghdr *m, struct iovec *iov, struct sock_io *io)
{
    struct file *f;
    int err = get_socket(fd, s, &f);
    if (err)
        return err;
    if (copy_from_user(m, umsg, sizeof *m) < 0 || (for_recv && user_check(umsg, sizeof *m, true) < 0))
        return -EFAULT;
    if (io->flags & MSG_OOB)
        return -EOPNOTSUPP;
    *nonblock = f->flags & O_NONBLOCK;
    return get_iovecs(m, iov, io, for_recv);
}

long
sys_sendmsg(int fd, const struct msghdr *umsg, int flags)
{
    struct socket *s;
    struct msghdr m;
    struct iovec iov[SOCK_IOV_MAX];
    struct sock_io io = { .flags = flags };
    bool nonblock;
    int err = get_message(fd, umsg, false, &s, &nonblock, &m, iov, &io);
    if (err)
        return err;
    if (m.msg_name && m.msg_namelen && s->type == SOCK_DGRAM) {
        if ((err = sock_addr_from_user(s->domain, m.msg_name, m.msg_namelen, &io.addr)))
            return err;
        io.has_addr = true;
    }
    if ((err = get_rights(&m, s, &io.rights)))
        return err;
    ssize_t n = s->type == SOCK_DGRAM ? dgram_send(s, &io, nonblock) : stream_send(s, &io, nonblock);
    rights_free(io.rights);             /* not sent */
    return n;
}

/* Install received descriptors as one SCM_RIGHTS message in the user's
 * control buffer; what does not fit is closed and MSG_CTRUNC set. */
static int
put_rights(struct msghdr *m, struct sock_rights *r, int flags, int *out_flags)
{
    char buf[SOCK_CMSG_MAX];
    struct cmsghdr *c = (struct cmsghdr *)buf;
    int *fds = (int *)CMSG_DATA(c), n = 0;
    size_t room = MIN(m->msg_control ? m->msg_controllen : 0, sizeof buf);
    size_t fit = room >= CMSG_LEN(0) ? (room - CMSG_LEN(0)) / sizeof(int) : 0;
    for (; r; r = r->next) {
        for (int i = 0; i < r->n; i++) {
            int fd = (size_t)n < fit ? fd_install(r->files[i], 0, flags & MSG_CMSG_CLOEXEC) : -1;
            if (fd < 0) {
                *out_flags |= MSG_CTRUNC;
                continue;               /* left in r: closed by rights_free */
            }
            r->files[i] = 0;            /* the descriptor holds it now */
            fds[n++] = fd;
        }
    }
    if (n == 0) {
        m->msg_controllen = 0;
        return 0;
    }
    c->cmsg_len = CMSG_LEN(n * sizeof(int));
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    m->msg_controllen = MIN(CMSG_SPACE(n * sizeof(int)), room);
    return copy_to_user(m->msg_control, buf, c->cmsg_len);
}

long
sys_recvmsg(int fd, struct msghdr *umsg, int flags)
{
    struct socket *s;
    struct msghdr m;
    struct iovec iov[SOCK_IOV_MAX];
    struct sock_io io = { .flags = flags };
    bool nonblock;
    int err = get_message(fd, umsg, true, &s, &nonblock, &m, iov, &io);
    if (err)
        return err;
    if (m.msg_name && user_check(m.msg_name, m.msg_namelen, true) < 0)
        return -EFAULT;
    ssize_t n = s->type == SOCK_DGRAM ? dgram_recv(s, &io, nonblock) : stream_recv(s, &io, nonblock);
    if (n >= 0) {
        if (!m.msg_name)
            m.msg_namelen = 0;
        else if (s->type == SOCK_DGRAM && !io.has_addr)
            m.msg_namelen = 0;          /* an unnamed sender (Linux) */
        else if (sock_addr_to_user(s->type == SOCK_DGRAM ? &io.addr : &s->remote, s->domain,
                                   m.msg_name, &umsg->msg_namelen) < 0)
            n = -EFAULT;
        else
            m.msg_namelen = umsg->msg_namelen;
        if (put_rights(&m, io.rights, flags, &io.out_flags) < 0)
            n = -EFAULT;
        m.msg_flags = io.out_flags;
        /* Afresh (copy_to_user): the receive may have slept since the
         * header was checked, and a page of it gone meanwhile. */
        if (copy_to_user(umsg, &m, sizeof m) < 0)
            n = -EFAULT;
    }
    rights_free(io.rights);
    return n;
}
