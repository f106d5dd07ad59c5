/*
 * Direct messages and request/reply, over the message store (msgq.c).
 * User API: <parley/mbox.h>.
 *
 * Every process has an inbox (a struct msgq in its struct msg_proc) with a
 * capacity it sets itself: 0, rendezvous, by default, as in Minix.
 *   pid_send(pid)       puts a message in pid's inbox; ESRCH if there is no
 *                       such process, or if it exits while the sender waits.
 *   pid_receive(from)   takes the first message from process `from` (0: from
 *                       anyone); ESRCH if `from` does not exist or exits while
 *                       the receiver waits for it.
 *
 * Request and reply (Minix's sendrec, QNX's MsgSend): the client's request
 * carries a fresh reply_id in its header and the client then sleeps on its
 * own private reply queue, which only msg_reply(reply_id) can fill.  If the
 * server that took the request exits, the client gets ESRCH; if the box is
 * destroyed with the request still in it, EIDRM, and if the process it was
 * sent to exits first, ESRCH.
 *
 * The deadlock check (msg_deadlock_check in mbox.c) follows each process's
 * waits_for: the target of a direct send, the `from` of a direct receive,
 * the server of a request once it has taken it.
 */
#include "ipc/mbox.h"
#include "trace/waitfor.h"
#include "trace/trace.h"
#include "syscall.h"
#include "proc/proc.h"
#include "mm/vm.h"

struct msg_proc msg_procs[NPROC];
static unsigned next_reply_id = 1;

/* A slot's state made fresh for a new process found in it (msg_proc_of). */
struct msg_proc *
msg_proc_reset(struct msg_proc *mp, pid_t pid)
{
    memset(mp, 0, sizeof *mp);
    mp->pid = pid;
    msgq_init(&mp->inbox, 0, 0, MSGQ_FIFO);
    msgq_init(&mp->replies, 1, MSG_BODY_MAX, MSGQ_FIFO);
    return mp;
}

/* A live process's message state, or NULL (no process, or a zombie). */
static inline struct msg_proc *
msg_proc_find(pid_t pid)
{
    struct proc *p = pid > 0 ? proc_find(pid) : 0;
    return p && p->state != PROC_ZOMBIE ? msg_proc_of(p) : 0;
}

/* The client whose request in flight has this reply id, or NULL (0, the
 * id of every message that is not a request, is nobody's: no walk). */
static struct msg_proc *
msg_proc_awaiting(unsigned reply_id)
{
    for (struct msg_proc *mp = msg_procs; reply_id && mp < msg_procs + NPROC; mp++)
        if (mp->pid && mp->awaiting_reply == reply_id)
            return mp;
    return 0;
}

/* ---- direct send and receive ------------------------------------------- */

/* Send m to pid's inbox; on error the caller still owns m. */
static int
direct_send_message(pid_t pid, struct msg *m, int flags, uint64_t deadline_ns,
                    pid_t *taker)
{
    struct msg_proc *target = msg_proc_find(pid);
    if (target && msg_let_receiver_catch_up(&target->inbox, msg_store_flags(flags),
                                            msg_proc_of(current)))
        target = msg_proc_find(pid);    /* exited while we let it run? */
    if (!target)
        return -ESRCH;
    struct msgq_send s = {
        .flags = msg_store_flags(flags),
        .deadline_ns = deadline_ns,
        .before_sleep = { msg_deadlock_check, &target->pid },
        .full = { "send to pid %d", pid, 0 },
        .taken = { "send to pid %d", pid, 0 },
    };
    struct msg_proc *me = msg_proc_of(current);
    me->waits_for = pid;
    msg_trace(TRACE_EV_SEND, TRACE_OBJ_DIRECT, pid, 0, m);
    int err = msgq_send(&target->inbox, m, &s);
    me->waits_for = 0;
    *taker = s.taker;
    /* The inbox went away with its process while we waited. */
    return err == -EIDRM ? -ESRCH : err;
}

long
sys_pid_send(pid_t pid, const struct msg_out *umsg, int flags,
             const struct timespec *utimeout)
{
    if (!msg_proc_find(pid))
        return -ESRCH;
    return msg_send_call(pid, umsg, flags, utimeout, direct_send_message);
}

long
sys_pid_receive(pid_t from, struct msg_in *uin, int flags,
                const struct timespec *utimeout)
{
    struct msg_in in;
    uint64_t deadline;
    int err = msg_deadline(utimeout, &deadline);
    if (err)
        return err;
    if (from < 0)
        return -EINVAL;
    if ((err = msg_in_from_user(&in, uin)) < 0)
        return err;
    bool sender_gone = from && !msg_proc_find(from);
    struct msgq_recv r = {
        .from = from,                   /* the store filters by sender */
        .select = (flags & MSG_BY_TYPE) ? MSGQ_TYPE : MSGQ_ANY_TYPE,
        .type = in.type,
        .size = in.size,
        .ubody = in.body,
        /* From a process that is gone, only what it left queued. */
        .flags = msg_store_flags(flags) | (sender_gone ? MSGQ_NOWAIT : 0),
        .deadline_ns = deadline,
        .before_sleep = { msg_deadlock_check, &from },
        .empty = { from ? "receive from pid %d" : "receive from any", from, 0 },
    };
    struct msg_proc *me = msg_proc_of(current);
    me->waits_for = me->receiving_from = from;
    long n = msg_receive_into(&me->inbox, &r, &in, uin, TRACE_OBJ_DIRECT, current->pid);
    me->waits_for = me->receiving_from = 0;
    return n == -EAGAIN && sender_gone ? -ESRCH : n;
}

long
sys_inbox_set_capacity(unsigned capacity)
{
    if (capacity > MBOX_CAPACITY_MAX)
        return -EINVAL;
    struct msgq *inbox = &msg_proc_of(current)->inbox;
    inbox->max_count = capacity;
    inbox->max_bytes = capacity * MSG_BODY_MAX;
    msgq_limits_changed(inbox);
    return 0;
}

long
sys_inbox_status(pid_t pid, struct mbox_status *ust)
{
    struct msg_proc *mp = pid ? msg_proc_find(pid) : msg_proc_of(current);
    if (!mp)
        return -ESRCH;
    struct mbox_status st;
    memset(&st, 0, sizeof st);
    st.id = st.owner = mp->pid;
    st.kind = MBOX_KIND_INBOX;
    st.capacity = mp->inbox.max_count;
    msg_fill_queue_status(&mp->inbox, &st);
    return copy_to_user(ust, &st, sizeof st);
}

/* ---- request and reply ------------------------------------------------- */

/* Requests still queued in q, which is being destroyed: their clients,
 * asleep for an answer that cannot come, fail with err. */
void
msg_drop_requests(const struct msgq *q, int err)
{
    for (const struct msg *m = q->head; m; m = m->next) {
        struct msg_proc *client = msg_proc_awaiting(m->hdr.reply_id);
        if (client)
            msgq_fail_receivers(&client->replies, err);
    }
}

/* A receiver has taken request m: its client now waits for this process
 * (for the deadlock check, and ESRCH if it exits). */
void
msg_note_request_taken_slow(const struct msg *m)
{
    struct msg_proc *client = msg_proc_awaiting(m->hdr.reply_id);
    if (!client)
        return;
    client->reply_server = current->pid;
    client->waits_for = current->pid;
}

/* Make m the current process's request in flight. */
static struct msg_proc *
request_begin(struct msg *m)
{
    struct msg_proc *me = msg_proc_of(current);
    msgq_destroy(&me->replies);         /* nothing stale is left in it */
    msgq_init(&me->replies, 1, MSG_BODY_MAX, MSGQ_FIFO);
    if (++next_reply_id == 0)
        next_reply_id = 1;
    me->awaiting_reply = next_reply_id;
    me->reply_server = 0;
    m->hdr.reply_id = me->awaiting_reply;
    return me;
}

/* Sleep on the private reply queue for the answer to the request in flight;
 * waits_for is whoever alone can answer (or 0). */
static long
request_wait_reply(struct msg_proc *me, pid_t waits_for, struct msg_in *in,
                   struct msg_in *ureply, int flags)
{
    struct msgq_recv r = {
        .size = in->size,
        .ubody = in->body,
        .flags = (flags & MSG_TRUNC_OK) ? MSGQ_TRUNCATE : 0,
        .before_sleep = { msg_deadlock_check, &me->waits_for },
        .empty = { "reply to request %d", (long)me->awaiting_reply, 0 },
    };
    if (!me->reply_server)
        me->waits_for = waits_for;
    long n = msg_receive_into(&me->replies, &r, in, ureply, TRACE_OBJ_DIRECT, current->pid);
    me->waits_for = 0;
    me->awaiting_reply = 0;
    me->reply_server = 0;
    return n;
}

/* mbox_request and pid_request: box_id when pid is 0. */
static long
request(int box_id, pid_t pid, const struct msg_out *ureq,
        struct msg_in *ureply, int flags)
{
    struct msg_in in;
    pid_t taker, only_receiver = pid;
    int err;
    if ((err = msg_in_from_user(&in, ureply)) < 0)
        return err;
    struct msg *m = msg_from_user(ureq, &err);
    if (!m)
        return err;
    struct msg_proc *me = request_begin(m);
    if (pid)
        err = direct_send_message(pid, m, flags, 0, &taker);
    else
        err = mbox_send_message(box_id, m, flags, 0, &taker, &only_receiver);
    if (err < 0) {
        me->awaiting_reply = 0;
        msg_free(m);
        return msg_call_error(err);
    }
    if (taker)                          /* it waited for the server to take it */
        me->reply_server = taker;
    return request_wait_reply(me, only_receiver, &in, ureply, flags);
}

long
sys_mbox_request(int id, const struct msg_out *ureq, struct msg_in *ureply, int flags)
{
    return request(id, 0, ureq, ureply, flags);
}

long
sys_pid_request(pid_t pid, const struct msg_out *ureq, struct msg_in *ureply, int flags)
{
    if (pid <= 0)
        return -ESRCH;
    return request(0, pid, ureq, ureply, flags);
}

long
sys_msg_reply(unsigned reply_id, const struct msg_out *ureply)
{
    struct msg_proc *client = msg_proc_awaiting(reply_id);
    if (!client)
        return -ESRCH;          /* no such request, or already answered */
    /* Only the process that took the request answers it. */
    if (client->reply_server != current->pid)
        return -EPERM;
    int err;
    struct msg *m = msg_from_user(ureply, &err);
    if (!m)
        return err;
    struct msgq_send s = { .flags = MSGQ_NOWAIT };
    msg_trace(TRACE_EV_SEND, TRACE_OBJ_DIRECT, client->pid, 0, m);
    if ((err = msgq_send(&client->replies, m, &s)) < 0) {
        msg_free(m);
        return err;
    }
    client->awaiting_reply = 0;
    return 0;
}

/* ---- exit -------------------------------------------------------------- */

void
mbox_direct_exit(struct proc *p)
{
    struct msg_proc *mine = &msg_procs[p - proc_table];
    if (mine->pid == p->pid) {
        msg_drop_requests(&mine->inbox, -ESRCH);
        msgq_destroy(&mine->inbox);     /* its senders: ESRCH */
        msgq_destroy(&mine->replies);
        mine->pid = 0;
    }
    for (struct msg_proc *mp = msg_procs; mp < msg_procs + NPROC; mp++) {
        if (!mp->pid)
            continue;
        if (mp->awaiting_reply && mp->reply_server == p->pid)
            msgq_fail_receivers(&mp->replies, -ESRCH);
        if (mp->receiving_from == p->pid)
            msgq_fail_receivers(&mp->inbox, -ESRCH);
    }
}

/* ---- the wait-for graph ------------------------------------------------ */

/*
 * The resolver of trace/waitfor.h: a process asleep in a message call
 * waits for its waits_for process (the port's owner, the process it sends
 * to or receives from, the server of its request).  On a mailbox or a
 * System V queue anyone could end the wait: no edge is known (-1).
 */
int
msg_waits_for(struct proc *sleeper, struct waitq *q, pid_t *who, int max)
{
    (void)q;
    pid_t to = msg_proc_of(sleeper)->waits_for;
    if (!to || max < 1)
        return -1;
    who[0] = to;
    return 1;
}
