/*
 * Mailboxes and ports: indirect message passing with ownership, over the
 * message store (msgq.c).  User API and rules: <parley/mbox.h>.
 *
 * A box is a struct msgq plus who owns it, its kind and an optional name.
 *   mailbox  any process sends and receives; the owner (its creator)
 *            destroys it, or its exit does.
 *   port     anyone sends, only the owner receives (EPERM for others); it
 *            dies with its owner.
 * Ids fold a per-slot sequence number (id = seq * MBOX_MAX + slot), so the
 * id of a destroyed box gives EINVAL and is not handed out again at once.
 *
 * Protocol (who blocks, who is woken) is msgq's: a send to a full box, or
 * to a rendezvous box (capacity 0) until a receiver takes the message; a
 * receive on an empty box; destroy wakes every sleeper with EIDRM.  Every
 * sleep here is first offered to the deadlock check, with the one process
 * that could end it: a port's owner, for a send to a port.
 *
 * This file also holds what the direct calls (mbox_direct.c) share with
 * boxes: copying messages across the boundary, timeouts, the deadlock walk.
 */
#include "ipc/mbox.h"
#include "syscall.h"
#include "proc/proc.h"
#include "mm/vm.h"
#include "arch/timer.h"
#include "lib/kstat.h"
#include "trace/trace.h"

struct mbox {
    bool            used;
    int             id;
    int             kind;               /* MBOX_KIND_MAILBOX or _PORT */
    int             flags;              /* MBOX_PRIORITY */
    pid_t           owner;
    unsigned        capacity;
    char            name[MBOX_NAME_MAX + 1];
    unsigned short  seq;                /* advances when the slot is freed */
    struct msgq     q;
};

static struct mbox boxes[MBOX_MAX];

/* ---- shared with mbox_direct.c ----------------------------------------- */

struct msg *
msg_from_user(const struct msg_out *umsg, int *err)
{
    /* Struct copies, not memcpy: gcc writes these few words inline. */
    if (user_check(umsg, sizeof *umsg, false) < 0) {
        *err = -EFAULT;
        return 0;
    }
    struct msg_out out = *umsg;
    if (out.length > MSG_BODY_MAX) {
        *err = -EMSGSIZE;
        return 0;
    }
    if (user_check(out.body, out.length, false) < 0) {
        *err = -EFAULT;
        return 0;
    }
    /* The body stays in our memory until the send places it (msgq.h). */
    struct msg *m = msg_alloc_at_sender(out.length, out.body, err);
    if (!m)
        return 0;
    m->hdr.type = out.type;
    m->hdr.priority = out.priority;
    return m;
}

int
msg_in_from_user(struct msg_in *in, const struct msg_in *uin)
{
    /* One check of uin for writing covers reading it too. */
    if (user_check(uin, sizeof *uin, true) < 0)
        return -EFAULT;
    in->type = uin->type;               /* the request part only */
    in->body = uin->body;
    in->size = uin->size;
    if (user_check(in->body, in->size, true) < 0)
        return -EFAULT;
    return 0;
}

/* uin and its body were checked by msg_in_from_user, before any sleep:
 * user_copy, which fails only if a page of them went meanwhile (the
 * message is then lost, as a faulting msgrcv's is on Linux). */
int
msg_deliver(struct msg *m, const struct msg_in *in, struct msg_in *uin)
{
    unsigned n = MIN(m->hdr.length, in->size);
    msg_proc_of(current)->last_from = m->hdr.sender;
    int err = user_copy(&uin->header, &m->hdr, sizeof m->hdr);
    if (!err && m->body != MSG_BODY_DELIVERED)     /* the sender copied it */
        err = msg_copy_out_checked(m, 0, in->body, n);
    msg_free(m);
    return err ? err : (int)n;
}

/* msg_deadline for a timeout given (msg_deadline, inline in mbox.h,
 * answers NULL itself). */
int
msg_deadline_from_user(const struct timespec *utimeout, uint64_t *deadline_ns)
{
    struct timespec ts;
    *deadline_ns = 0;
    if (copy_from_user(&ts, utimeout, sizeof ts) < 0)
        return -EFAULT;
    if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
        return -EINVAL;
    *deadline_ns = time_now_ns() + (uint64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    return 0;
}

/*
 * What every receive call does once its own checks are made: take a
 * message from q as r says, trace it, note whose request it is, and
 * deliver it into uin, which msg_in_from_user checked into *in.  Returns
 * the body bytes stored, or -errno.
 */
long
msg_receive_into(struct msgq *q, const struct msgq_recv *r, const struct msg_in *in,
                 struct msg_in *uin, int trace_obj, int trace_id)
{
    struct msg *m;
    int err = msgq_receive(q, r, &m);
    if (err < 0)
        return msg_call_error(err);
    msg_trace(TRACE_EV_RECV, trace_obj, trace_id, m->hdr.sender, m);
    msg_note_request_taken(m);
    return msg_deliver(m, in, uin);
}

/*
 * The deadlock check, for a sleep that only process *arg could end.
 * Follow "waits for" from it: reaching the caller means every process on
 * the way is asleep waiting for the next, and the caller's sleep would
 * close the cycle.  A process that is not asleep in a message call breaks
 * the chain.  (Minix does this for send/receive; here every blocking
 * message call is checked.)
 */
int
msg_deadlock_check(const void *arg)
{
    pid_t next = *(const pid_t *)arg;
    for (int hops = 0; next && hops <= NPROC; hops++) {
        if (next == current->pid)
            return -EDEADLK;
        struct proc *p = proc_find(next);
        if (!p || p->state != PROC_SLEEPING)
            return 0;
        next = msg_proc_of(p)->waits_for;
    }
    return 0;
}

/* ---- boxes ------------------------------------------------------------- */

static struct mbox *
mbox_find(int id)
{
    if (id < 0)
        return 0;
    struct mbox *b = &boxes[id % MBOX_MAX];
    return b->used && b->id == id ? b : 0;
}

static struct mbox *
mbox_find_name(const char *name)
{
    for (struct mbox *b = boxes; b < boxes + MBOX_MAX; b++)
        if (b->used && b->name[0] && strcmp(b->name, name) == 0)
            return b;
    return 0;
}

static enum kstat_kind
mbox_kstat_kind(const struct mbox *b)
{
    return b->kind == MBOX_KIND_PORT ? KSTAT_ports : KSTAT_mailboxes;
}

static long
mbox_new(int kind, const char *name, unsigned capacity, int flags)
{
    if (capacity > MBOX_CAPACITY_MAX || (flags & ~MBOX_PRIORITY))
        return -EINVAL;
    if (name[0] && mbox_find_name(name))
        return -EEXIST;
    for (struct mbox *b = boxes; b < boxes + MBOX_MAX; b++) {
        if (b->used)
            continue;
        b->used = true;
        b->id = b->seq * MBOX_MAX + (int)(b - boxes);
        b->kind = kind;
        b->flags = flags;
        b->owner = current->pid;
        b->capacity = capacity;
        strlcpy(b->name, name, sizeof b->name);
        msgq_init(&b->q, capacity, capacity ? capacity * MSG_BODY_MAX : 0,
                  (flags & MBOX_PRIORITY) ? MSGQ_PRIORITY : MSGQ_FIFO);
        msg_proc_of(current)->boxes_owned++;
        kstat_add(mbox_kstat_kind(b), +1);
        return b->id;
    }
    return -ENOSPC;
}

/* Destroy b; owner is its owner's process (destroying it, or exiting). */
static void
mbox_free(struct mbox *b, struct proc *owner)
{
    msg_proc_of(owner)->boxes_owned--;
    msg_drop_requests(&b->q, -EIDRM);
    msgq_destroy(&b->q);                /* sleepers wake with EIDRM */
    kstat_add(mbox_kstat_kind(b), -1);
    b->used = false;
    b->seq = (b->seq + 1) % (0x7fffffff / MBOX_MAX);
}

/* A mailbox name from user memory: -ENAMETOOLONG, -EFAULT, -EINVAL for "". */
static int
mbox_name_from_user(char *name, const char *uname)
{
    int n = copy_string_from_user(name, uname, MBOX_NAME_MAX + 1);
    if (n == 0)
        return -EINVAL;
    return n < 0 ? n : 0;
}

long
sys_mbox_create(const char *uname, unsigned capacity, int flags)
{
    char name[MBOX_NAME_MAX + 1] = "";
    int err;
    if (uname && (err = mbox_name_from_user(name, uname)) < 0)
        return err;
    return mbox_new(MBOX_KIND_MAILBOX, name, capacity, flags);
}

long
sys_mbox_open(const char *uname)
{
    char name[MBOX_NAME_MAX + 1];
    int err = mbox_name_from_user(name, uname);
    if (err)
        return err;
    struct mbox *b = mbox_find_name(name);
    return b ? b->id : -ENOENT;
}

long
sys_port_create(unsigned capacity, int flags)
{
    return mbox_new(MBOX_KIND_PORT, "", capacity, flags);
}

long
sys_mbox_destroy(int id)
{
    struct mbox *b = mbox_find(id);
    if (!b)
        return -EINVAL;
    if (b->owner != current->pid)
        return -EPERM;
    mbox_free(b, current);
    return 0;
}

/* Boxes die with their owner, killed or not.  (Most processes own none:
 * then the table is not walked at all.) */
void
mbox_process_exit(struct proc *p)
{
    for (struct mbox *b = boxes; b < boxes + MBOX_MAX && msg_proc_of(p)->boxes_owned; b++)
        if (b->used && b->owner == p->pid)
            mbox_free(b, p);
    mbox_direct_exit(p);
}

/*
 * Send m to box id (used by mbox_send and mbox_request).  On success the
 * box owns m; *taker is the receiver when the send waited for one, and
 * *only_receiver the one process that may receive from the box (a port's
 * owner) or 0 (a mailbox).  On error the caller still owns m.
 */
int
mbox_send_message(int id, struct msg *m, int flags, uint64_t deadline_ns,
                  pid_t *taker, pid_t *only_receiver)
{
    struct mbox *b = mbox_find(id);
    if (b && msg_let_receiver_catch_up(&b->q, msg_store_flags(flags), msg_proc_of(current)))
        b = mbox_find(id);              /* destroyed while we let its receiver run? */
    if (!b)
        return -EINVAL;
    bool port = b->kind == MBOX_KIND_PORT;
    /* Only a port's owner can take from it: that is who a sender waits for. */
    pid_t waits_for = port ? b->owner : 0;
    struct msgq_send s = {
        .flags = msg_store_flags(flags),
        .deadline_ns = deadline_ns,
        .before_sleep = { msg_deadlock_check, &waits_for },
        .full = { port ? "port %d full" : "mbox %d full", id, 0 },
        .taken = { port ? "port %d rendezvous" : "mbox %d rendezvous", id, 0 },
    };
    *only_receiver = waits_for;
    struct msg_proc *me = msg_proc_of(current);
    me->waits_for = waits_for;
    msg_trace(TRACE_EV_SEND, port ? TRACE_OBJ_PORT : TRACE_OBJ_MBOX, id, 0, m);
    int err = msgq_send(&b->q, m, &s);
    me->waits_for = 0;
    *taker = s.taker;
    return err;
}

static int
mbox_send_to(int id, struct msg *m, int flags, uint64_t deadline_ns, pid_t *taker)
{
    pid_t only_receiver;
    return mbox_send_message(id, m, flags, deadline_ns, taker, &only_receiver);
}

long
sys_mbox_send(int id, const struct msg_out *umsg, int flags,
              const struct timespec *utimeout)
{
    if (!mbox_find(id))
        return -EINVAL;
    return msg_send_call(id, umsg, flags, utimeout, mbox_send_to);
}

long
sys_mbox_receive(int id, struct msg_in *uin, int flags,
                 const struct timespec *utimeout)
{
    struct msg_in in;
    uint64_t deadline;
    int err = msg_deadline(utimeout, &deadline);
    if (err)
        return err;
    struct mbox *b = mbox_find(id);
    if (!b)
        return -EINVAL;
    /* Only the owner receives from a port. */
    if (b->kind == MBOX_KIND_PORT && b->owner != current->pid)
        return -EPERM;
    if ((err = msg_in_from_user(&in, uin)) < 0)
        return err;
    bool port = b->kind == MBOX_KIND_PORT;
    struct msgq_recv r = {
        .select = (flags & MSG_BY_TYPE) ? MSGQ_TYPE : MSGQ_ANY_TYPE,
        .type = in.type,
        .size = in.size,
        .ubody = in.body,
        .flags = msg_store_flags(flags),
        .deadline_ns = deadline,
        .empty = { port ? "port %d empty" : "mbox %d empty", id, 0 },
    };
    return msg_receive_into(&b->q, &r, &in, uin, port ? TRACE_OBJ_PORT : TRACE_OBJ_MBOX, id);
}

/* ---- status ------------------------------------------------------------ */

/* What every kind of box reports (mbox_status, inbox_status). */
void
msg_fill_queue_status(const struct msgq *q, struct mbox_status *st)
{
    st->queued = q->count;
    st->queued_bytes = q->bytes;
    st->nsenders = msgq_count_waiting(q, true);
    st->nreceivers = msgq_count_waiting(q, false);
    msgq_waiting_pids(q, true, st->senders, MBOX_STATUS_PIDS);
    msgq_waiting_pids(q, false, st->receivers, MBOX_STATUS_PIDS);
}

static void
mbox_fill_status(const struct mbox *b, struct mbox_status *st)
{
    memset(st, 0, sizeof *st);
    st->id = b->id;
    st->kind = b->kind;
    st->owner = b->owner;
    st->capacity = b->capacity;
    st->flags = b->flags;
    strlcpy(st->name, b->name, sizeof st->name);
    msg_fill_queue_status(&b->q, st);
}

long
sys_mbox_status(int id, struct mbox_status *ust)
{
    struct mbox *b = mbox_find(id);
    if (!b)
        return -EINVAL;
    struct mbox_status st;
    mbox_fill_status(b, &st);
    return copy_to_user(ust, &st, sizeof st);
}

long
sys_mbox_list(struct mbox_status *ubuf, int max)
{
    int n = 0;
    if (max < 0)
        return -EINVAL;
    for (struct mbox *b = boxes; b < boxes + MBOX_MAX && n < max; b++) {
        if (!b->used)
            continue;
        struct mbox_status st;
        mbox_fill_status(b, &st);
        if (copy_to_user(ubuf + n, &st, sizeof st) < 0)
            return -EFAULT;
        n++;
    }
    return n;
}
