/*
 * Mailboxes, ports and direct messages: Parley's own message-passing calls
 * (the textbook's "indirect" and "direct" addressing), beside the System V
 * queues of <sys/msg.h>.  All three forms keep their messages in one kernel
 * store (kernel/ipc/msgq.c), so a message looks the same everywhere: a
 * header the kernel fills in (who sent it, when, its sequence number) and
 * the caller's type, priority and body.  docs/messages.md is the manual.
 *
 * The names avoid send/recv/listen, which belong to sockets.
 */
#ifndef PARLEY_MBOX_H
#define PARLEY_MBOX_H

#include <parley/types.h>

/* ---- the message header (every form) ---- */

struct msg_header {
    pid_t         sender;       /* kernel: the sending process */
    unsigned int  seq;          /* kernel: 1, 2, 3... per box / queue / inbox */
    long long     sent_ns;      /* kernel: wall-clock send time, ns (CLOCK_REALTIME) */
    long          type;         /* caller: any value; receives may select on it */
    int           priority;     /* caller: higher first in a priority box */
    unsigned int  length;       /* bytes of body */
};

#define MSG_BODY_MAX  8192      /* longest body of a mailbox, port or direct message */

/* ---- creating boxes ---- */

/* mbox_create / port_create flags */
#define MBOX_PRIORITY 0x1       /* order by priority (FIFO within one); default FIFO */

#define MBOX_CAPACITY_MAX 1024  /* most messages one box (or inbox) may hold */
#define MBOX_NAME_MAX     31    /* bytes of a mailbox name, without the NUL */
#define MBOX_MAX          32    /* mailboxes and ports in the system, together */

/* ---- sending and receiving: the flags argument ---- */

#define MSG_NOWAIT    0x1       /* never block: EAGAIN instead */
#define MSG_SYNC      0x2       /* send: wait until a receiver has taken it */
#define MSG_TRUNC_OK  0x4       /* receive: cut a long body to the buffer (else E2BIG) */
#define MSG_BY_TYPE   0x8       /* receive: only messages whose type equals sel.type */

#define MSG_TYPE_ANY  0         /* with MSG_BY_TYPE off: any type */

/* What one send says about itself; the kernel fills the rest of the header. */
struct msg_out {
    long        type;
    int         priority;
    const void *body;
    unsigned    length;
};

/* What one receive accepts, and where it puts the message. */
struct msg_in {
    long          type;         /* with MSG_BY_TYPE: the wanted type */
    pid_t         from;         /* direct receive: 0 any sender, else that pid */
    void         *body;         /* buffer for the body */
    unsigned      size;         /* its size */
    struct msg_header header;   /* out: the received message's header */
};

/* A timeout for the *_timed variants; 0 ns with 0 s means "do not wait". */
struct msg_timeout {
    long long ns;               /* relative, in nanoseconds; < 0 waits forever */
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
    unsigned     nsenders;      /* processes blocked sending */
    unsigned     nreceivers;    /* processes blocked receiving */
    pid_t        senders[MBOX_STATUS_PIDS];
    pid_t        receivers[MBOX_STATUS_PIDS];
    char         name[MBOX_NAME_MAX + 1];  /* "" for ports and unnamed boxes */
};

#endif
