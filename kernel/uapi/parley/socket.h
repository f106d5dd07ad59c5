/*
 * The socket ABI shared by the kernel and the library: address families,
 * types, options, flags and the structures that cross the boundary, with
 * Linux's values and layouts (so a textbook program behaves the same).
 */
#ifndef PARLEY_SOCKET_H
#define PARLEY_SOCKET_H

#include <parley/types.h>

/* Domains. */
#define AF_UNSPEC   0
#define AF_UNIX     1
#define AF_LOCAL    AF_UNIX
#define AF_INET     2
#define PF_UNSPEC   AF_UNSPEC
#define PF_UNIX     AF_UNIX
#define PF_LOCAL    AF_UNIX
#define PF_INET     AF_INET

/* Types, and the flags socket() and socketpair() accept or'ed into them. */
#define SOCK_STREAM     1
#define SOCK_DGRAM      2
#define SOCK_RAW        3
#define SOCK_SEQPACKET  5
#define SOCK_TYPE_MASK  0xf
#define SOCK_NONBLOCK   04000       /* = O_NONBLOCK */
#define SOCK_CLOEXEC    02000000    /* = O_CLOEXEC */

/* Protocols (<netinet/in.h>). */
#define IPPROTO_IP      0
#define IPPROTO_TCP     6
#define IPPROTO_UDP     17

/* Option levels and names. */
#define SOL_SOCKET      1
#define SO_DEBUG        1
#define SO_REUSEADDR    2
#define SO_TYPE         3
#define SO_ERROR        4
#define SO_DONTROUTE    5
#define SO_BROADCAST    6
#define SO_SNDBUF       7
#define SO_RCVBUF       8
#define SO_KEEPALIVE    9
#define SO_LINGER       13
#define SO_REUSEPORT    15
#define SO_RCVTIMEO     20
#define SO_SNDTIMEO     21
#define SO_ACCEPTCONN   30
#define SO_DOMAIN       39
#define SO_PROTOCOL     38
#define TCP_NODELAY     1           /* level IPPROTO_TCP */

/* send/recv flags. */
#define MSG_OOB         0x01
#define MSG_PEEK        0x02
#define MSG_CTRUNC      0x08
#define MSG_TRUNC       0x20
#define MSG_DONTWAIT    0x40
#define MSG_EOR         0x80
#define MSG_WAITALL     0x100
#define MSG_NOSIGNAL    0x4000
#define MSG_CMSG_CLOEXEC 0x40000000

/* shutdown. */
#define SHUT_RD     0
#define SHUT_WR     1
#define SHUT_RDWR   2

#define SOMAXCONN   128

struct sockaddr {
    sa_family_t sa_family;
    char        sa_data[14];
};

#define UNIX_PATH_MAX 108
struct sockaddr_un {
    sa_family_t sun_family;
    char        sun_path[UNIX_PATH_MAX];
};

typedef unsigned int   in_addr_t;       /* network byte order */
typedef unsigned short in_port_t;       /* network byte order */
struct in_addr {
    in_addr_t s_addr;
};
struct sockaddr_in {
    sa_family_t    sin_family;
    in_port_t      sin_port;
    struct in_addr sin_addr;
    unsigned char  sin_zero[8];
};

/* Big enough for any address Parley has. */
struct sockaddr_storage {
    sa_family_t ss_family;
    char        __ss_data[126];
} __attribute__((aligned(4)));

struct iovec {
    void  *iov_base;
    size_t iov_len;
};

struct msghdr {
    void         *msg_name;         /* address (sendto/recvfrom) */
    socklen_t     msg_namelen;
    struct iovec *msg_iov;
    size_t        msg_iovlen;
    void         *msg_control;      /* ancillary data: cmsghdr records */
    size_t        msg_controllen;
    int           msg_flags;        /* recvmsg: MSG_TRUNC, MSG_CTRUNC */
};

struct cmsghdr {
    size_t cmsg_len;                /* CMSG_LEN(data bytes) */
    int    cmsg_level;              /* SOL_SOCKET */
    int    cmsg_type;               /* SCM_RIGHTS */
};

#define SCM_RIGHTS  1

#define CMSG_ALIGN(n)   (((n) + sizeof(size_t) - 1) & ~(sizeof(size_t) - 1))
#define CMSG_SPACE(n)   (CMSG_ALIGN(n) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_LEN(n)     (CMSG_ALIGN(sizeof(struct cmsghdr)) + (n))
#define CMSG_DATA(c)    ((unsigned char *)(c) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_FIRSTHDR(m) \
    ((m)->msg_controllen >= sizeof(struct cmsghdr) ? (struct cmsghdr *)(m)->msg_control : (struct cmsghdr *)0)
#define CMSG_NXTHDR(m, c) __parley_cmsg_next((m), (c))

static inline struct cmsghdr *
__parley_cmsg_next(const struct msghdr *m, const struct cmsghdr *c)
{
    char *next = (char *)c + CMSG_ALIGN(c->cmsg_len);
    char *end = (char *)m->msg_control + m->msg_controllen;
    if (c->cmsg_len < sizeof *c || next + sizeof(struct cmsghdr) > end)
        return (struct cmsghdr *)0;
    return (struct cmsghdr *)next;
}

#define PARLEY_SCM_MAX_FDS 16       /* descriptors in one SCM_RIGHTS message */

/* sockinfo(): one socket, for netstat. */
struct sockinfo {
    int          id;                /* socket number, stable while it lives */
    short        domain, type;
    int          state;             /* SOCKINFO_* */
    char         local[UNIX_PATH_MAX];  /* "/tmp/s", "127.0.0.1:8080", "" */
    char         peer[UNIX_PATH_MAX];
    unsigned int rx_queued;         /* bytes or messages waiting to be read */
    unsigned int tx_queued;         /* bytes this end sent the peer has not read */
    int          backlog;           /* listening: connections waiting */
    pid_t        waiter;            /* a process sleeping on it, or 0 */
    char         wait[32];          /* what that process waits for */
};

enum {
    SOCKINFO_UNCONNECTED, SOCKINFO_LISTENING, SOCKINFO_CONNECTED, SOCKINFO_CLOSED,
    SOCKINFO_CONNECTING,
};

#endif
