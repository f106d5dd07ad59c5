#ifndef NET_SOCKET_H
#define NET_SOCKET_H

/*
 * Sockets: AF_UNIX and loopback AF_INET, stream and datagram.
 *
 *   net/socket.c      the socket object, its descriptor (file operations),
 *                     options, netstat's listing
 *   net/sys_socket.c  the system calls: check and copy arguments
 *   net/stream.c      connections: listen queue, accept, connect, the two
 *                     byteqs of a connection, shutdown, close, SCM_RIGHTS
 *   net/dgram.c       datagrams: one msgq per socket
 *   net/unix.c        AF_UNIX names: socket inodes in the file system
 *   net/inet.c        AF_INET names: 127.0.0.0/8 and ports
 *   net/gc.c          garbage cycles of descriptors in flight
 *
 * One CPU, interrupts off in the kernel: no locks.  A socket lives while
 * refs > 0: one for its open file (or for its place in a listen queue
 * before accept), one for each process that sleeps on it or on its peer
 * (so a woken sleeper never touches a freed socket).
 */
#include "lib/kernel.h"
#include "ipc/byteq.h"
#include "ipc/msgq.h"
#include <parley/socket.h>
#include <parley/trace.h>

struct file;
struct inode;
struct poll_table;

/*
 * Buffers: a stream's ring per direction and a datagram socket's inbox
 * hold SO_RCVBUF/SO_SNDBUF bytes (as set; getsockopt reports them
 * doubled, as Linux does), SOCK_BUF_DEFAULT unless set, at most
 * SOCK_BUF_BYTES.  A ring takes pages only as its bytes reach them.
 * Linux's default is 212992 bytes as reported, with its per-buffer
 * overhead inside: about three 64 KiB messages in flight.
 */
#ifdef PARLEY_SMALL
#define NSOCKET         32
#define SOCK_BUF_PAGES  4       /* at most 16 KiB per direction */
#define SOCK_BUF_DEFAULT (2 * PAGE_SIZE)    /* 8 KiB */
#else
#define NSOCKET         128
#define SOCK_BUF_PAGES  64      /* at most 256 KiB per direction */
#define SOCK_BUF_DEFAULT (32 * PAGE_SIZE)   /* 128 KiB: two 64 KiB writes */
#endif
#define SOCK_BUF_BYTES  (SOCK_BUF_PAGES * PAGE_SIZE)
#define SOCK_BUF_MIN    1024    /* smallest SO_RCVBUF/SO_SNDBUF (reported: 2048) */
#define SOCK_DGRAM_MAX  65507   /* longest UDP datagram; AF_UNIX: MSGQ_BODY_MAX */
#define SOCK_DGRAM_QUEUE 64     /* datagrams one socket can hold */
#define INADDR_LOOPBACK_HOST 0x7f000001u   /* 127.0.0.1 in host byte order */

/* An address, in the kernel's form. */
struct sock_addr {
    sa_family_t family;             /* AF_UNSPEC: none */
    char        path[UNIX_PATH_MAX];    /* AF_UNIX; "" for an unnamed socket */
    uint32_t    ip;                 /* AF_INET, host byte order */
    uint16_t    port;               /* AF_INET, host byte order */
};

enum sock_state {
    SOCK_FREE,
    SOCK_UNCONNECTED,           /* new, or bound */
    SOCK_LISTENING,
    SOCK_CONNECTING,            /* TCP, non-blocking, the listener was full */
    SOCK_CONNECTED,             /* stream: has (or had) a peer; datagram: default peer set */
};

/* Descriptors in flight (SCM_RIGHTS) on a stream, at a position in it. */
struct sock_rights {
    struct sock_rights *next;
    uint64_t            at;         /* stream offset of the first byte sent with them */
    int                 n;
    struct file        *files[PARLEY_SCM_MAX_FDS];
};

struct socket {
    int              id;            /* 1.. for netstat; 0 when free */
    int              refs;
    short            domain, type;
    enum sock_state  state;
    struct sock_addr local;         /* bound name, or family AF_UNSPEC */
    struct sock_addr remote;        /* peer's name (connected) */
    struct inode    *name_inode;    /* AF_UNIX: the S_IFSOCK inode bind made */
    int              so_error;      /* pending error (ECONNRESET, ECONNREFUSED) */
    bool             reuseaddr, reuseport, keepalive, nodelay;
    int              rcvbuf, sndbuf;    /* bytes, as set and clamped (reported doubled) */
    uint64_t         rcvtimeo_ns, sndtimeo_ns;
    bool             shut_rd, shut_wr;
    bool             was_connected; /* stream: has had a peer */
    bool             connect_unreported; /* connect() said EINPROGRESS; the next one reports */
    bool             closed;        /* its descriptor is gone (others may hold it) */

    /* Stream. */
    struct socket   *peer;          /* the other end while both are open */
    struct byteq     rx;            /* bytes for this end; writers: the peer */
    char            *rx_pages[SOCK_BUF_PAGES];
    struct sock_rights *rights;     /* in flight to this end, in order */

    /* Listening stream. */
    int              backlog;
    int              pending;       /* connections waiting in the queue */
    struct socket   *queue_head, *queue_tail;   /* not yet accepted */
    struct socket   *queue_next;
    struct waitq     accept_wait;   /* accept() sleepers */
    struct waitq     connect_wait;  /* connect() sleepers while the queue is full;
                                       CONNECTING: woken when it completes */
    struct socket   *syn_head, *syn_tail;   /* CONNECTING clients waiting for room */

    /* Connecting stream (SOCK_CONNECTING). */
    struct socket   *connecting_to; /* the listener, held */
    struct socket   *syn_next;      /* its list of half-open clients */

    /* Datagram. */
    struct msgq      inbox;
    struct socket   *dgram_peer;    /* connected datagram: the default peer */
    struct dgram_reader *dgram_reader;  /* asleep on the empty inbox (dgram.c) */
    pid_t            handed_pid;    /* the reader last handed a large datagram */

    /* The collector's scratch (gc.c), valid during one sock_gc(). */
    struct file     *gc_file;       /* its file, seen in flight */
    int              gc_inflight;   /* times that file is in flight */
    int              gc_internal;   /* of those, in candidates' queues */
    bool             gc_candidate;  /* every reference to its file is in flight */
    bool             gc_reachable;
};

extern struct socket sock_table[NSOCKET];

/* socket.c */
struct socket *sock_alloc(int domain, int type);
struct socket *sock_hold(struct socket *s);
void           sock_put(struct socket *s);
void           sock_release(struct socket *s);
struct socket *sock_of_file(struct file *f);
int            sock_install(struct socket *s, int flags);  /* fd, or -errno (s put) */
struct socket *sock_find(bool (*match)(struct socket *s, const void *arg), const void *arg);
void           sock_wait_name(struct socket *s, const char *verb, struct byteq_name *name);
void           sock_trace(int kind, struct socket *s, long a, long b);
int            sock_setopt(struct socket *s, int level, int name, const void *val, socklen_t len);
int            sock_getopt(struct socket *s, int level, int name, void *val, socklen_t *len);

/* A datagram receiver asleep on an empty inbox, its buffers open to the
 * next sender, and what that sender gave it (dgram.c). */
struct dgram_reader {
    struct proc        *proc;
    const struct iovec *iov;        /* the receiver's request (its buffers: its memory) */
    int                 iovcnt;
    size_t              total;
    bool                done;       /* a sender filled it */
    unsigned            length;     /* the datagram's */
    bool                has_from;
    struct sock_addr    from;
    struct sock_rights *rights;
};

/* One send or receive, with the kernel's copy of the request. */
struct sock_io {
    const struct iovec *iov;        /* user buffers, already checked */
    int                 iovcnt;
    size_t              total;      /* bytes in all of them */
    int                 flags;      /* MSG_* */
    struct sock_addr    addr;       /* sendto's destination / recvfrom's source */
    bool                has_addr;
    struct sock_rights *rights;     /* sendmsg: descriptors to pass; recvmsg: received */
    int                 out_flags;  /* recvmsg: MSG_TRUNC, MSG_CTRUNC */
};

/* stream.c */
int     stream_listen(struct socket *s, int backlog);
int     stream_connect(struct socket *s, struct socket *listener, bool nonblock);
int     stream_reconnect(struct socket *s);
int     stream_accept(struct socket *s, bool nonblock, struct socket **out);
ssize_t stream_send(struct socket *s, struct sock_io *io, bool nonblock);
ssize_t stream_recv(struct socket *s, struct sock_io *io, bool nonblock);
int     stream_shutdown(struct socket *s, int how);
void    stream_close(struct socket *s);
void    stream_pair(struct socket *a, struct socket *b);
void    stream_size_rings(struct socket *s);
unsigned stream_poll(struct socket *s, struct poll_table *pt);
void    stream_free(struct socket *s);
struct sock_rights *rights_alloc(void);
void    rights_free(struct sock_rights *r);
bool    rights_in_flight(void);

/* gc.c: free cycles of sockets kept only by descriptors in flight. */
void    sock_gc(void);

/* dgram.c */
void    dgram_init(struct socket *s);
ssize_t dgram_send(struct socket *s, struct sock_io *io, bool nonblock);
ssize_t dgram_recv(struct socket *s, struct sock_io *io, bool nonblock);
int     dgram_connect(struct socket *s, const struct sock_addr *to);
void    dgram_close(struct socket *s);
void    dgram_pair(struct socket *a, struct socket *b);
unsigned dgram_poll(struct socket *s, struct poll_table *pt);
void    dgram_visit_rights(struct socket *s, void (*visit)(struct sock_rights *r));
struct sock_rights *dgram_take_rights(struct socket *s);

/* unix.c and inet.c: names.  *_bind fills s->local; *_lookup finds the
 * socket an address names for connect or sendto (with a reference). */
int     unix_bind(struct socket *s, const struct sock_addr *a);
int     unix_lookup(const struct sock_addr *a, int type, struct socket **out);
void    unix_unbind(struct socket *s);
int     inet_bind(struct socket *s, const struct sock_addr *a);
int     inet_autobind(struct socket *s, uint32_t ip);
int     inet_lookup(const struct sock_addr *a, int type, struct socket **out);
void    inet_closing(struct socket *s);
bool    inet_addr_is_local(uint32_t ip);

/* Addresses across the boundary (sys_socket.c). */
int     sock_addr_from_user(int domain, const void *uaddr, socklen_t len, struct sock_addr *a);
int     sock_addr_to_user(const struct sock_addr *a, int domain, void *uaddr, socklen_t *ulen);

#endif
