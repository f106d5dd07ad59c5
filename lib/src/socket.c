/*
 * The socket calls.  send, sendto, recv and recvfrom are sendmsg and
 * recvmsg with one iovec: six arguments do not fit in the five registers
 * of a system call.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <parley.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#include "internal.h"

int socket(int domain, int type, int protocol)
{ return SYSCALL3(socket, domain, type, protocol); }

int socketpair(int domain, int type, int protocol, int sv[2])
{ return SYSCALL4(socketpair, domain, type, protocol, sv); }

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{ return SYSCALL3(bind, fd, addr, len); }

int listen(int fd, int backlog)
{ return SYSCALL2(listen, fd, backlog); }

int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{ return SYSCALL4(accept4, fd, addr, len, flags); }

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{ return accept4(fd, addr, len, 0); }

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{ return SYSCALL3(connect, fd, addr, len); }

int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
{ return SYSCALL3(getsockname, fd, addr, len); }

int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
{ return SYSCALL3(getpeername, fd, addr, len); }

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{ return SYSCALL3(sendmsg, fd, msg, flags); }

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{ return SYSCALL3(recvmsg, fd, msg, flags); }

int shutdown(int fd, int how)
{ return SYSCALL2(shutdown, fd, how); }

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{ return SYSCALL5(setsockopt, fd, level, name, val, len); }

int getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{ return SYSCALL5(getsockopt, fd, level, name, val, len); }

ssize_t
sendto(int fd, const void *buf, size_t n, int flags, const struct sockaddr *to, socklen_t tolen)
{
    struct iovec iov = { (void *)buf, n };
    struct msghdr msg = { (void *)to, tolen, &iov, 1, 0, 0, 0 };
    return sendmsg(fd, &msg, flags);
}

ssize_t
send(int fd, const void *buf, size_t n, int flags)
{
    return sendto(fd, buf, n, flags, 0, 0);
}

ssize_t
recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *from, socklen_t *fromlen)
{
    struct iovec iov = { buf, n };
    struct msghdr msg = { from, from && fromlen ? *fromlen : 0, &iov, 1, 0, 0, 0 };
    if (from && !fromlen) {
        errno = EFAULT;
        return -1;
    }
    ssize_t r = recvmsg(fd, &msg, flags);
    if (r >= 0 && from)
        *fromlen = msg.msg_namelen;
    return r;
}

ssize_t
recv(int fd, void *buf, size_t n, int flags)
{
    return recvfrom(fd, buf, n, flags, 0, 0);
}

/* readv/writev: one read or write per buffer, stopping at a short one (not
 * atomic as one call, unlike Linux's). */
static ssize_t
each_iovec(int fd, const struct iovec *iov, int iovcnt, bool writing)
{
    ssize_t done = 0;
    if (iovcnt < 0 || iovcnt > IOV_MAX) {
        errno = EINVAL;
        return -1;
    }
    for (int i = 0; i < iovcnt; i++) {
        ssize_t r = writing ? write(fd, iov[i].iov_base, iov[i].iov_len)
                            : read(fd, iov[i].iov_base, iov[i].iov_len);
        if (r < 0)
            return done ? done : -1;
        done += r;
        if ((size_t)r < iov[i].iov_len)
            break;
    }
    return done;
}

ssize_t readv(int fd, const struct iovec *iov, int iovcnt)  { return each_iovec(fd, iov, iovcnt, false); }
ssize_t writev(int fd, const struct iovec *iov, int iovcnt) { return each_iovec(fd, iov, iovcnt, true); }

int
sockinfo(struct sockinfo *buf, int max)
{
    return SYSCALL2(sockinfo, buf, max);
}
