/*
 * msgq: the kernel's one store of typed messages.  System V message queues,
 * mailboxes, ports, direct messages and datagram sockets are thin users of
 * it: each embeds a struct msgq and decides only names, permissions and the
 * error numbers its API promises.
 *
 * A message (struct msg) is a header (<parley/mbox.h>: sender pid, sequence
 * number, send time filled by msgq_send; type, priority, length set by the
 * caller) plus a body of up to MSGQ_BODY_MAX bytes.  The send time costs a
 * nanosecond clock reading per message, so a queue whose users never see
 * headers (System V's) clears stamp_time and leaves it 0.  Small bodies live in
 * the message itself, larger ones in page frames.  A message may carry an
 * attachment (descriptors in flight, a sender's address): its release()
 * runs when the message is freed with the attachment still on it.
 *
 * A queue has a limit by count (max_count; 0 means rendezvous) and by bytes
 * (max_bytes), and an order: FIFO, or by priority (higher first, FIFO
 * within one priority).
 *
 * Contract of the three calls, for the caller's process:
 *
 *   msgq_send(q, m, s)   Fills m's kernel header.  If a receiver is asleep
 *       on q and accepts m, m goes straight to it (the longest waiting
 *       first; a body still at the sender is copied into its buffer).
 *       Otherwise m is queued if there is room, or the caller
 *       sleeps until there is.  With capacity 0 (rendezvous) or MSGQ_SYNC
 *       the caller then sleeps until a receiver has taken m, and s->taker
 *       says which process did.  0: q (or a receiver) now owns m.  Any
 *       error: the caller still owns m and frees it.
 *   msgq_receive(q, r, &m)  Takes the first message that r selects
 *       (see struct msgq_recv), or sleeps until a sender hands one over.  A
 *       body longer than r->size gives -E2BIG and stays queued, unless
 *       MSGQ_TRUNCATE.  0: the caller owns *m (copy it out, unless it is
 *       MSG_BODY_DELIVERED into r->ubody already; msg_free it).
 *   msgq_destroy(q)      Every sleeper wakes with -EIDRM (a sleeping sender
 *       gets its message back to free); queued messages are freed.
 *
 * Errors: -EIDRM (destroyed), -EAGAIN (MSGQ_NOWAIT and it would block),
 * -ETIMEDOUT (deadline passed), -ERESTARTSYS (a signal arrived; the caller
 * chooses the restart rule, e.g. System V turns it into -ERESTARTNOHAND),
 * -E2BIG (receive), -ENOMEM (msg_alloc).
 *
 * A sleeper waits on a struct msgq_waiter on its own kernel stack, linked
 * on q's senders or receivers list; whoever completes its wait (a sender
 * handing over, a receiver taking, destroy) sets done and result, unlinks
 * it and wakes it.  A woken waiter looks at done before touching q, since
 * q may be gone.  One CPU, interrupts off in the kernel: no locks.
 */
#ifndef IPC_MSGQ_H
#define IPC_MSGQ_H

#include "lib/kernel.h"
#include "proc/waitq.h"
#include <parley/mbox.h>
#include <parley/limits.h>

#define MSGQ_BODY_MAX    65536  /* longest body the store keeps (16 pages) */
#define MSGQ_INLINE_MAX  64     /* bodies up to this size need no page */
#define MSGQ_PAGES_MAX   (MSGQ_BODY_MAX / PAGE_SIZE)

/* Messages in the whole system, every kind of queue together: enough for
 * a System V queue full of empty messages (as many as its MSGMNB bytes,
 * Linux's count limit) beside everything else.  Past it msg_alloc gives
 * -ENOMEM; System V's msgsnd waits for a free one instead. */
#ifdef PARLEY_SMALL
#define MSGQ_POOL_SIZE   1024
#else
#define MSGQ_POOL_SIZE   32768
#endif

struct proc;
struct msgq_waiter;

/* Something that travels with a message; freed with it unless taken off. */
struct msg_attach {
    void (*release)(struct msg_attach *a);
};

/*
 * Where a message's body is.  A sender may leave a long body in its own
 * memory (msg_alloc_at_sender): if a receiver is already asleep with its
 * buffer mapped, msgq_send copies it straight there, once, instead of
 * into page frames and back out; otherwise msgq_send stores it before it
 * queues the message or sleeps, so a queued message is always STORED.
 */
enum msg_body_place {
    MSG_BODY_STORED,            /* inline or in pages: the usual case */
    MSG_BODY_AT_SENDER,         /* still at ubody in the sender's memory */
    MSG_BODY_DELIVERED,         /* copied into the receiver's buffer already */
};

struct msg {
    struct msg         *next, *prev;    /* queue links */
    struct msg_header   hdr;
    struct msgq_waiter *sync_sender;    /* asleep until this is taken, or NULL */
    const void         *ubody;          /* MSG_BODY_AT_SENDER: checked user address */
    enum msg_body_place body;
    struct msg_attach  *attach;         /* or NULL */
    union {                             /* the body: which, by hdr.length */
        char            small[MSGQ_INLINE_MAX];
        void           *pages[MSGQ_PAGES_MAX];
    };
};

enum msgq_order { MSGQ_FIFO, MSGQ_PRIORITY };

struct msgq {
    struct msg         *head, *tail;    /* in delivery order */
    unsigned            count, bytes;   /* queued now */
    unsigned            max_count;      /* 0: rendezvous */
    unsigned            max_bytes;
    enum msgq_order     order;
    bool                dead;           /* destroyed: every call -EIDRM */
    unsigned            next_seq;       /* header seq of the next message */
    struct msgq_waiter *senders;        /* asleep in msgq_send, FIFO */
    struct msgq_waiter *receivers;      /* asleep in msgq_receive, FIFO */
    struct waitq        changed;        /* woken on every queue/take/destroy (poll) */
    bool                stamp_time;     /* fill hdr.sent_ns (false: nobody reads it) */
    bool                keep_times;     /* keep last_*_s (only IPC_STAT reads them) */
    /* Last activity, for IPC_STAT and status calls. */
    pid_t               last_sender, last_receiver;
    int64_t             last_send_s, last_receive_s;    /* wall clock, seconds, if keep_times */
};

/* msgq_send and msgq_receive flags */
#define MSGQ_NOWAIT   0x1       /* never sleep: -EAGAIN */
#define MSGQ_SYNC     0x2       /* send: sleep until a receiver took it */
#define MSGQ_TRUNCATE 0x4       /* receive: cut a long body, no -E2BIG */

/* How one sleep is named for ps (a waitq format and its two numbers). */
struct msgq_wait_name {
    const char *what;
    long        a, b;
};

/*
 * Asked just before each sleep of a send or receive: 0 lets the caller
 * sleep, an error ends the call with it (mailboxes refuse a sleep that
 * would close a deadlock cycle: -EDEADLK).  NULL: always sleep.
 */
struct msgq_sleep_check {
    int        (*check)(const void *arg);
    const void  *arg;
};

struct msgq_send {
    int                   flags;        /* MSGQ_NOWAIT, MSGQ_SYNC */
    uint64_t              deadline_ns;  /* time_now_ns() limit, 0: none */
    struct msgq_sleep_check before_sleep;
    struct msgq_wait_name full;         /* while waiting for room */
    struct msgq_wait_name taken;        /* while waiting for a receiver */
    pid_t                 taker;        /* out: the receiver (rendezvous, SYNC) */
};

/*
 * Which message a receive wants.  from, if set, refuses every other
 * sender's (a receive from one process).  select says which types it
 * takes -- System V's msgtyp rules, of which a mailbox's MSG_BY_TYPE is
 * the second -- and the first message it takes wins:
 *   MSGQ_ANY_TYPE     the first message
 *   MSGQ_TYPE         the first of type `type`
 *   MSGQ_OTHER_TYPE   the first of any other type (System V's MSG_EXCEPT)
 *   MSGQ_LOWEST_TYPE  the first of the lowest type <= `type`
 * Fields, not a function to call: the scan is linear in the messages it
 * passes over, and a tight loop with no call per message passes over a
 * thousand in a few microseconds even under TCG, where every call and
 * return costs a look-up.
 */
enum msgq_select { MSGQ_ANY_TYPE, MSGQ_TYPE, MSGQ_OTHER_TYPE, MSGQ_LOWEST_TYPE };

struct msgq_recv {
    pid_t                 from;         /* only messages from this sender; 0: any */
    enum msgq_select      select;
    long                  type;         /* for all but MSGQ_ANY_TYPE */
    unsigned              size;         /* room for the body */
    void                 *ubody;        /* the receiver's buffer for it, or NULL:
                                         * a sender may copy into it (then
                                         * the message is MSG_BODY_DELIVERED) */
    int                   flags;        /* MSGQ_NOWAIT, MSGQ_TRUNCATE */
    uint64_t              deadline_ns;  /* time_now_ns() limit, 0: none */
    struct msgq_sleep_check before_sleep;
    struct msgq_wait_name empty;        /* while waiting for a message */
};

/* A process asleep in msgq_send or msgq_receive (lives on its stack). */
struct msgq_waiter {
    struct msgq_waiter     *next;
    struct proc            *proc;
    struct waitq            wake;       /* only this process sleeps here */
    const struct msgq_recv *recv;       /* receiver: what it accepts; sender: NULL */
    struct msg             *msg;        /* receiver: handed over; sender: its message */
    bool                    done;       /* result is final; q may be gone */
    int                     result;
    pid_t                   taker;      /* sync sender: who took its message */
};

/* Whether a send of these MSGQ_* flags to q waits until its message is
 * taken: a rendezvous queue (no room by design), or MSGQ_SYNC. */
static inline bool
msgq_send_waits_for_taking(const struct msgq *q, int flags)
{
    return q->max_count == 0 || (flags & MSGQ_SYNC);
}

/* Messages. */
struct msg *msg_alloc(unsigned length, int *err);   /* -ENOMEM, -EINVAL */
/* A message whose body stays at ubody, the current process's memory that
 * the caller has checked with user_check, until msgq_send places it. */
struct msg *msg_alloc_at_sender(unsigned length, const void *ubody, int *err);
void        msg_free(struct msg *m);
bool        msg_pool_used_up(void);     /* the pool's -ENOMEM, not the frames' */
int         msg_pool_wait_free(void);   /* sleep until one is freed: 0, -ERESTARTSYS */
int         msg_copy_in(struct msg *m, unsigned off, const void *usrc, unsigned n);
int         msg_copy_out(const struct msg *m, unsigned off, void *udst, unsigned n);
/* The same for a user range the caller has already checked with
 * user_check (nothing can unmap it since: mm/usercopy.c), so that a call
 * checks each of its buffers once: -EINVAL only. */
int         msg_copy_in_checked(struct msg *m, unsigned off, const void *usrc, unsigned n);
int         msg_copy_out_checked(const struct msg *m, unsigned off, void *udst, unsigned n);

/* Queues. */
void msgq_init(struct msgq *q, unsigned max_count, unsigned max_bytes,
               enum msgq_order order);
int  msgq_send(struct msgq *q, struct msg *m, struct msgq_send *s);
int  msgq_receive(struct msgq *q, const struct msgq_recv *r, struct msg **out);
void msgq_destroy(struct msgq *q);
void msgq_fail_receivers(struct msgq *q, int err);  /* end every receive with err */
void msgq_limits_changed(struct msgq *q);  /* after raising max_*: wake senders */
int  msgq_waiting_pids(const struct msgq *q, bool senders, pid_t *pids, int max);
int  msgq_count_waiting(const struct msgq *q, bool senders);

#endif
