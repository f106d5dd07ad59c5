/*
 * Mailboxes, ports and direct messages: Parley's own message-passing calls
 * (the textbook's indirect and direct addressing), beside the System V
 * queues of <sys/msg.h>.  All three forms keep their messages in one kernel
 * store (kernel/ipc/msgq.c), so a message looks the same everywhere: a
 * header the kernel fills in (who sent it, when, its sequence number) and
 * the caller's type, priority and body.  docs/messages.md is the manual;
 * the comments here are its summary.
 *
 * The names avoid send/recv/listen, which belong to sockets.
 *
 *   mailbox  made by a process, its owner; anyone who knows its id (or its
 *            name) sends and receives; gone when the owner destroys it or
 *            terminates.
 *   port     made by the process that alone receives from it (others get
 *            EPERM); anyone sends; dies with its owner.
 *   inbox    every process has one, for direct messages: pid_send(pid) puts
 *            a message there, pid_receive(from) takes one (from one given
 *            process, or from any).
 *
 * Capacity 0 means rendezvous: a send returns only once a receiver has
 * taken the message (the default for inboxes, as in Minix).  Capacity n
 * means a send blocks while n messages wait.  Every blocking call has
 * MSG_NOWAIT (EAGAIN) and a timed form (ETIMEDOUT); a signal handler ends
 * a wait with EINTR (never restarted).  A blocking send, request or
 * receive-from that would close a cycle of processes all waiting on one
 * another fails with EDEADLK.
 */
#ifndef PARLEY_MBOX_H
#define PARLEY_MBOX_H

#include <parley/types.h>
#include <parley/time.h>

/* ---- the message header (every form; also used inside the kernel) ---- */

struct msg_header {
    pid_t         sender;       /* kernel: the sending process */
    unsigned int  seq;          /* kernel: 1, 2, 3... per box, queue or inbox */
    long long     sent_ns;      /* kernel: wall-clock send time, ns (CLOCK_REALTIME) */
    long          type;         /* caller: any value; a receive may select on it */
    int           priority;     /* caller: higher first in a priority box */
    unsigned int  length;       /* bytes of body */
    unsigned int  reply_id;     /* kernel: non-zero on a request; pass to msg_reply */
};

#define MSG_BODY_MAX  8192      /* longest body of a mailbox, port or direct message */

/* ---- boxes ---- */

#define MBOX_PRIORITY 0x1       /* create: order by priority (FIFO within one); default FIFO */

#define MBOX_CAPACITY_MAX 256   /* most messages one box or inbox may hold */
#define MBOX_NAME_MAX     23    /* bytes of a mailbox name, without the NUL */
#ifdef PARLEY_SMALL
#define MBOX_MAX          4     /* mailboxes and ports in the system, together */
#else
#define MBOX_MAX          1024
#endif

/* ---- flags of the send and receive calls ---- */

#define MSG_NOWAIT    0x1       /* never block: EAGAIN instead */
#define MSG_SYNC      0x2       /* send: wait until a receiver has taken it */
#define MSG_TRUNC_OK  0x4       /* receive: cut a long body to the buffer (else E2BIG) */
#define MSG_BY_TYPE   0x8       /* receive: only messages whose type is in.type */

/* What one send says; the kernel fills in the rest of the header. */
struct msg_out {
    long        type;
    int         priority;
    const void *body;
    unsigned    length;         /* at most MSG_BODY_MAX */
};

/* What one receive accepts, and where the message goes. */
struct msg_in {
    long              type;     /* with MSG_BY_TYPE: the type wanted */
    void             *body;     /* buffer for the body */
    unsigned          size;     /* its size */
    struct msg_header header;   /* out: the message's header */
};

/* ---- status ---- */

#define MBOX_STATUS_PIDS 8      /* waiting processes reported, each way */

enum { MBOX_KIND_MAILBOX = 1, MBOX_KIND_PORT = 2, MBOX_KIND_INBOX = 3 };

struct mbox_status {
    int          id;            /* mailbox or port id; inbox: the owner's pid */
    int          kind;          /* MBOX_KIND_* */
    pid_t        owner;
    unsigned     capacity;      /* 0: rendezvous */
    int          flags;         /* MBOX_PRIORITY */
    unsigned     queued;        /* messages waiting to be received */
    unsigned     queued_bytes;
    unsigned     nsenders;      /* processes blocked sending (all of them) */
    unsigned     nreceivers;    /* processes blocked receiving */
    pid_t        senders[MBOX_STATUS_PIDS];     /* the first, longest waiting first */
    pid_t        receivers[MBOX_STATUS_PIDS];
    char         name[MBOX_NAME_MAX + 1];       /* "" for ports and unnamed boxes */
};

/* ---- the calls (user library; the kernel is built freestanding) ---- */

#if __STDC_HOSTED__
/* Mailboxes and ports: ids >= 0. */
int   mbox_create(const char *name, unsigned capacity, int flags);  /* name may be NULL */
int   mbox_open(const char *name);                  /* a named mailbox's id, or ENOENT */
int   port_create(unsigned capacity, int flags);
int   mbox_destroy(int id);                         /* mailbox or port; owner only (EPERM) */
int   port_destroy(int id);
int   mbox_status(int id, struct mbox_status *st);
int   mbox_list(struct mbox_status *st, int max);   /* every box; returns how many */

/* Send: 0, or the receiver's pid when the send waited for one (capacity 0,
 * MSG_SYNC).  Receive: the number of body bytes stored. */
int   mbox_send(int id, const struct msg_out *m, int flags);
int   mbox_send_timed(int id, const struct msg_out *m, int flags, const struct timespec *timeout);
int   mbox_receive(int id, struct msg_in *in, int flags);
int   mbox_receive_timed(int id, struct msg_in *in, int flags, const struct timespec *timeout);
#define port_send          mbox_send
#define port_send_timed    mbox_send_timed
#define port_receive       mbox_receive
#define port_receive_timed mbox_receive_timed

/* Direct messages: from 0 means from any process. */
int   pid_send(pid_t pid, const struct msg_out *m, int flags);
int   pid_send_timed(pid_t pid, const struct msg_out *m, int flags, const struct timespec *timeout);
int   pid_receive(pid_t from, struct msg_in *in, int flags);
int   pid_receive_timed(pid_t from, struct msg_in *in, int flags, const struct timespec *timeout);
int   inbox_set_capacity(unsigned capacity);
int   inbox_status(pid_t pid, struct mbox_status *st);

/* Request and reply: send a request to a box (or a process) and wait for
 * the answer on the caller's private reply port, in one call; returns the
 * reply's body length.  The server answers with msg_reply(reply_id, ...),
 * reply_id from the request's header. */
int   mbox_request(int id, const struct msg_out *req, struct msg_in *reply, int flags);
int   pid_request(pid_t pid, const struct msg_out *req, struct msg_in *reply, int flags);
int   msg_reply(unsigned reply_id, const struct msg_out *reply);
#endif

#endif
