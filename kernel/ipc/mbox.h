/*
 * What mbox.c (mailboxes, ports) and mbox_direct.c (inboxes, request and
 * reply) share: the copy of a message across the boundary, timeouts, the
 * per-process message state and the deadlock check.  The user API is
 * <parley/mbox.h>; the store underneath is msgq.h.
 */
#ifndef IPC_MBOX_H
#define IPC_MBOX_H

#include "ipc/msgq.h"
#include "proc/sched.h"
#include "proc/proc.h"
#include "trace/trace.h"
#include <parley/mbox.h>

struct timespec;

/*
 * Each process's message state, one per process-table slot.  pid says
 * whose it is: a slot's state is made fresh when a new process is found in
 * it.
 *
 * waits_for is the one process that could end the caller's current wait
 * (the owner of the port it sends to, the process it sends to or receives
 * from, the server holding its request), or 0 when anyone could (a
 * mailbox).  It is set only while the process is in a blocking message
 * call; the deadlock check follows these edges.
 */
struct msg_proc {
    pid_t        pid;
    pid_t        waits_for;
    pid_t        receiving_from;  /* in pid_receive(from), else 0 */
    struct msgq  inbox;           /* direct messages to this process */
    struct msgq  replies;         /* private reply port of mbox_request */
    unsigned     awaiting_reply;  /* reply_id of the request in progress, or 0 */
    pid_t        reply_server;    /* who took that request, once known */
    unsigned     boxes_owned;     /* mailboxes and ports: exit frees them */
    pid_t        last_from;       /* sender of the last message it received */
};

/* p's message state (inline: a direct round trip asks about ten times). */
extern struct msg_proc msg_procs[NPROC];
struct msg_proc *msg_proc_reset(struct msg_proc *mp, pid_t pid);

static inline struct msg_proc *
msg_proc_of(struct proc *p)
{
    struct msg_proc *mp = &msg_procs[p - proc_table];
    return mp->pid == p->pid ? mp : msg_proc_reset(mp, p->pid);
}

/*
 * Rendezvous round trips (docs/messages.md): a send that must wait until
 * its message is taken (q has no room by design, or MSGQ_SYNC), with
 * nobody waiting to receive, first lets the receiver it is answering run
 * -- the process that took q's last message, if the caller's last receive
 * brought a message from it and this is the caller's first send since --
 * when that one has been woken but has not run yet: it is on its way back
 * to receive.  Queued instead, the message would be copied into the store
 * and out again and the sender would sleep, and the round trip would keep
 * that rhythm for good; let through, the receiver sleeps in its receive
 * and the message goes straight into its buffer.  A stream of sends
 * without receives never yields (the receiver would be run for every
 * message), nor does MSGQ_NOWAIT.  True if the caller was switched away:
 * it must find its box or inbox again, which may have gone meanwhile.
 */
static inline bool
msg_let_receiver_catch_up(const struct msgq *q, int store_flags, struct msg_proc *me)
{
    pid_t from = me->last_from, r = q->last_receiver;
    me->last_from = 0;
    if (!r || r != from || q->receivers || !msgq_send_waits_for_taking(q, store_flags) ||
        (store_flags & MSGQ_NOWAIT))
        return false;
    sched_catch_up(&r);
    return true;
}

/* msgq_sleep_check for a sleep that would wait for *(pid_t *)arg:
 * -EDEADLK if that process, following waits_for, waits for the caller. */
int  msg_deadlock_check(const void *arg);

/* Boundary helpers.  msg_from_user: a message from a struct msg_out
 * (-EFAULT, -EMSGSIZE).  msg_deliver: header and body into a struct
 * msg_in that msg_in_from_user has checked, freeing m; returns the body
 * bytes stored.  msg_in_from_user: the request part of a struct msg_in,
 * after checking that it and its buffer can be written (so a bad buffer
 * costs no message). */
struct msg *msg_from_user(const struct msg_out *umsg, int *err);
int  msg_in_from_user(struct msg_in *in, const struct msg_in *uin);
int  msg_deliver(struct msg *m, const struct msg_in *in, struct msg_in *uin);
int  msg_deadline_from_user(const struct timespec *utimeout, uint64_t *deadline_ns);

/* The small helpers every call runs are inline: under QEMU's TCG each
 * return is a look-up of the next translated block (docs/messages.md). */

/* A relative timeout as a deadline on the monotonic clock; NULL: none. */
static inline int
msg_deadline(const struct timespec *utimeout, uint64_t *deadline_ns)
{
    *deadline_ns = 0;
    return utimeout ? msg_deadline_from_user(utimeout, deadline_ns) : 0;
}

/* The store's answers as the calls promise them: a handler ends a wait
 * with EINTR, never a restart (the timed calls could not restart right). */
static inline long
msg_call_error(int err)
{
    return err == -ERESTARTSYS ? -ERESTARTNOHAND : err;
}

/* The store's flags (msgq.h) for a call's MSG_* flags; a send ignores
 * MSGQ_TRUNCATE and a receive MSGQ_SYNC. */
static inline int
msg_store_flags(int flags)
{
    return ((flags & MSG_NOWAIT) ? MSGQ_NOWAIT : 0) |
           ((flags & MSG_SYNC) ? MSGQ_SYNC : 0) |
           ((flags & MSG_TRUNC_OK) ? MSGQ_TRUNCATE : 0);
}
long msg_receive_into(struct msgq *q, const struct msgq_recv *r, const struct msg_in *in,
                      struct msg_in *uin, int trace_obj, int trace_id);

/* For the IPC trace: a message sent, before the send (a receiver may free
 * it as soon as it has it), and a message received. */
static inline void
msg_trace(int kind, int obj_type, int obj_id, pid_t peer, const struct msg *m)
{
    if (trace_ipc_on(current))
        trace_ipc(kind, obj_type, obj_id, peer, m->hdr.length, m->hdr.type, NULL);
}
void msg_note_request_taken_slow(const struct msg *m);

/* A receiver has taken m: if it is a request (reply_id set), its client
 * now waits for the receiver (mbox_direct.c). */
static inline void
msg_note_request_taken(const struct msg *m)
{
    if (m->hdr.reply_id)
        msg_note_request_taken_slow(m);
}
void msg_drop_requests(const struct msgq *q, int err);
void msg_fill_queue_status(const struct msgq *q, struct mbox_status *st);

/* Send m to a box id or a pid; on error the caller still owns m. */
typedef int (*msg_sender)(int target, struct msg *m, int flags,
                          uint64_t deadline_ns, pid_t *taker);

/*
 * The common part of every send call: the timeout, the message from user
 * memory, the send by `send` to `target`, and freeing the message if it
 * was not taken.  Returns the receiver's pid when the send waited for one,
 * else 0, or -errno.  Inline, so that `send` is a direct call.
 */
static inline long
msg_send_call(int target, const struct msg_out *umsg, int flags,
              const struct timespec *utimeout, msg_sender send)
{
    uint64_t deadline;
    pid_t taker;
    int err = msg_deadline(utimeout, &deadline);
    if (err)
        return err;
    struct msg *m = msg_from_user(umsg, &err);
    if (!m)
        return err;
    if ((err = send(target, m, flags, deadline, &taker)) < 0) {
        msg_free(m);
        return msg_call_error(err);
    }
    return taker;
}

/* The box half of request and exit. */
int  mbox_send_message(int id, struct msg *m, int flags, uint64_t deadline_ns,
                       pid_t *taker, pid_t *only_receiver);
void mbox_process_exit(struct proc *p);
void mbox_direct_exit(struct proc *p);

#endif
