/*
 * System V message queues (msgget, msgsnd, msgrcv, msgctl), with Linux's
 * semantics, as a thin layer over the message store (msgq.c) and the ids
 * table (ids.c).  This file decides only what System V adds: keys and
 * permissions, the msgtyp selection rules, the byte limit msg_qbytes, the
 * msqid_ds bookkeeping and the error numbers of msgop(2).
 *
 * Protocol:
 *   msgsnd  sleeps while the message would take the queue past msg_qbytes
 *           (bytes, and as many messages as bytes, as Linux counts);
 *           IPC_NOWAIT gives EAGAIN.  A receiver already asleep for a
 *           message of this type gets it directly.  When the store's
 *           pool (MSGQ_POOL_SIZE messages, all queues, boxes and sockets
 *           together) is used up, it sleeps until a message is freed
 *           (EAGAIN with IPC_NOWAIT), as for a full queue: a Linux program
 *           never sees an error Linux would not give.
 *   msgrcv  takes the first message msgtyp selects, or sleeps until one
 *           arrives (other types arriving do not end the wait); IPC_NOWAIT
 *           gives ENOMSG.  Too long for msgsz: E2BIG and it stays queued,
 *           unless MSG_NOERROR cuts it.
 *   IPC_RMID  frees the queue at once; every sleeper wakes with EIDRM.
 *   A signal handler ends a sleeping msgsnd/msgrcv with EINTR: they are
 *   never restarted, as on Linux.
 */
#include "ipc/msgq.h"
#include "ipc/ids.h"
#include "syscall.h"
#include "proc/proc.h"
#include "proc/cred.h"
#include "mm/vm.h"
#include "lib/kstat.h"
#include "trace/trace.h"
#include <parley/ipc.h>

struct msg_queue {
    struct ipc_object obj;      /* first: the ids table points here */
    struct msgq       q;
    unsigned          qbytes;   /* msg_qbytes */
    bool              in_use;
};

static struct msg_queue queues[MSGMNI];
IPC_IDS_DEFINE(msg_ids, "msg", MSGMNI);

/* The store's limits for a byte limit: as on Linux, at most qbytes bytes
 * and at most qbytes messages (so empty messages cannot fill the system);
 * nothing else limits one queue but the store's pool.  A count of 0 would
 * mean rendezvous to the store, so a queue set to 0 bytes still admits one
 * empty message (Linux: none). */
static void
msg_queue_set_qbytes(struct msg_queue *mq, unsigned qbytes)
{
    mq->qbytes = qbytes;
    mq->q.max_bytes = qbytes;
    mq->q.max_count = MAX(qbytes, 1u);
    msgq_limits_changed(&mq->q);
}

static struct ipc_object *
msg_queue_create(void *arg, int *err)
{
    (void)arg;
    for (int i = 0; i < MSGMNI; i++) {
        struct msg_queue *mq = &queues[i];
        if (!mq->in_use) {
            mq->in_use = true;
            msgq_init(&mq->q, MSGMNB, MSGMNB, MSGQ_FIFO);
            mq->q.stamp_time = false;   /* msgrcv shows no header */
            mq->q.keep_times = true;    /* msg_stime, msg_rtime */
            msg_queue_set_qbytes(mq, MSGMNB);
            kstat_add(KSTAT_msg_queues, +1);
            return &mq->obj;
        }
    }
    *err = -ENOSPC;
    return 0;
}

static const struct ipc_get_ops msg_get_ops = { .create = msg_queue_create };

long
sys_msgget(key_t key, int flags)
{
    return ipc_get(&msg_ids, key, flags, &msg_get_ops, 0);
}

/* The queue msqid names, if the caller may use it for want. */
static struct msg_queue *
msg_queue_lookup(int msqid, int want, int *err)
{
    struct ipc_object *obj = ipc_find(&msg_ids, msqid);
    if (!obj) {
        *err = -EINVAL;
        return 0;
    }
    if ((*err = want ? ipc_check_access(obj, want) : 0) != 0)
        return 0;
    return (struct msg_queue *)obj;
}

/* The store's answers in msgop(2)'s words. */
static long
msg_error(int err, bool receiving)
{
    if (err == -EAGAIN && receiving)
        return -ENOMSG;
    if (err == -ERESTARTSYS)
        return -ERESTARTNOHAND;         /* never restarted after a handler */
    return err;
}

/* Every message in the system is in use: wait for one to be freed, as for
 * room in a full queue (EAGAIN with IPC_NOWAIT).  0, or the error; EIDRM
 * if the queue went meanwhile (the caller looks it up again). */
static int
msg_wait_for_free_message(int msqid, int flags)
{
    if (flags & IPC_NOWAIT)
        return -EAGAIN;
    int err = msg_pool_wait_free();
    if (err)
        return (int)msg_error(err, false);
    return ipc_find(&msg_ids, msqid) ? 0 : -EIDRM;
}

long
sys_msgsnd(int msqid, const void *umsg, size_t size, int flags)
{
    long mtype;
    int err;

    if (size > MSGMAX)
        return -EINVAL;
    /* mtype and text are checked once, then read directly; a bad text
     * pointer is EFAULT before a bad id is EINVAL, as on Linux. */
    if (user_check(umsg, sizeof mtype + size, false) < 0)
        return -EFAULT;
    mtype = *(const long *)umsg;
    if (mtype < 1)
        return -EINVAL;
    struct msg_queue *mq = msg_queue_lookup(msqid, IPC_ACCESS_WRITE, &err);
    if (!mq)
        return err;
    /* The text stays in our memory until msgq_send places it: straight
     * into a waiting receiver's buffer, or into the store.  Waiting for a
     * free message may let a page of it go: user_copy's EFAULT then. */
    const char *text = (const char *)umsg + sizeof mtype;
    struct msg *m;
    while (!(m = msg_alloc_at_sender(size, text, &err))) {
        if (!msg_pool_used_up())
            return err;                 /* EFAULT, or no page frames for the text */
        if ((err = msg_wait_for_free_message(msqid, flags)) < 0 ||
            !(mq = msg_queue_lookup(msqid, IPC_ACCESS_WRITE, &err)))
            return err;
    }
    m->hdr.type = mtype;
    struct msgq_send s = {
        .flags = (flags & IPC_NOWAIT) ? MSGQ_NOWAIT : 0,
        .full = { "msgsnd q %d full", msqid, 0 },
    };
    if ((err = msgq_send(&mq->q, m, &s)) < 0) {
        msg_free(m);
        return msg_error(err, false);
    }
    if (trace_ipc_on(current))
        trace_ipc(TRACE_EV_SEND, TRACE_OBJ_MSQ, msqid, 0, size, mtype, NULL);
    return 0;
}

/* msgrcv's msgtyp as msgq's selection: 0 the first message, > 0 the first
 * of that type (or, MSG_EXCEPT, of any other), < 0 the first of the lowest
 * type up to -msgtyp (LONG_MIN: any type, which -LONG_MIN cannot say). */
static void
msg_select(struct msgq_recv *r, long msgtyp, bool except)
{
    if (msgtyp > 0) {
        r->select = except ? MSGQ_OTHER_TYPE : MSGQ_TYPE;
        r->type = msgtyp;
    } else if (msgtyp < 0) {
        r->select = MSGQ_LOWEST_TYPE;
        r->type = msgtyp == -__LONG_MAX__ - 1 ? __LONG_MAX__ : -msgtyp;
    } else {
        r->select = MSGQ_ANY_TYPE;
    }
}

long
sys_msgrcv(int msqid, void *umsg, size_t size, long msgtyp, int flags)
{
    int err;

    if ((long)size < 0)
        return -EINVAL;
    /* Check the mtype word first, so a bad buffer costs no message. */
    if (user_check(umsg, sizeof(long), true) < 0)
        return -EFAULT;
    struct msg_queue *mq = msg_queue_lookup(msqid, IPC_ACCESS_READ, &err);
    if (!mq)
        return err;
    struct msgq_recv r = {
        .size = size > MSGMAX ? MSGMAX : size,
        .ubody = (char *)umsg + sizeof(long),
        .flags = ((flags & IPC_NOWAIT) ? MSGQ_NOWAIT : 0) |
                 ((flags & MSG_NOERROR) ? MSGQ_TRUNCATE : 0),
        .empty = { "msgrcv q %d type %ld", msqid, msgtyp },
    };
    msg_select(&r, msgtyp, (flags & MSG_EXCEPT) != 0);
    struct msg *m;
    if ((err = msgq_receive(&mq->q, &r, &m)) < 0)
        return msg_error(err, true);
    /* A fault from here on loses the message, as on Linux. */
    unsigned n = MIN(m->hdr.length, r.size);
    long type = m->hdr.type;
    if (trace_ipc_on(current))
        trace_ipc(TRACE_EV_RECV, TRACE_OBJ_MSQ, msqid, m->hdr.sender, n, type, NULL);
    if (m->body == MSG_BODY_DELIVERED) {        /* the sender copied the text */
        err = copy_to_user(umsg, &type, sizeof type);
    } else if (!(err = user_check(umsg, sizeof type + n, true))) {  /* one check for both */
        *(long *)umsg = type;
        msg_copy_out_checked(m, 0, (char *)umsg + sizeof type, n);
    }
    msg_free(m);
    return err < 0 ? err : (long)n;
}

/* ---- msgctl ----------------------------------------------------------- */

static void
msg_queue_fill_stat(const struct msg_queue *mq, struct msqid_ds *ds)
{
    memset(ds, 0, sizeof *ds);
    ds->msg_perm = mq->obj.perm;
    ds->msg_stime = (time_t)mq->q.last_send_s;
    ds->msg_rtime = (time_t)mq->q.last_receive_s;
    ds->msg_ctime = mq->obj.ctime;
    ds->__msg_cbytes = mq->q.bytes;
    ds->msg_qnum = mq->q.count;
    ds->msg_qbytes = mq->qbytes;
    ds->msg_lspid = mq->q.last_sender;
    ds->msg_lrpid = mq->q.last_receiver;
}

static void
msg_queue_remove(struct msg_queue *mq)
{
    ipc_remove(&msg_ids, &mq->obj);
    msgq_destroy(&mq->q);
    mq->in_use = false;
    kstat_add(KSTAT_msg_queues, -1);
}

static long
msg_queue_set(struct msg_queue *mq, const struct msqid_ds *uds)
{
    struct msqid_ds ds;
    if (copy_from_user(&ds, uds, sizeof ds) < 0)
        return -EFAULT;
    /* Raising msg_qbytes past MSGMNB needs privilege. */
    if (ds.msg_qbytes > MSGMNB && !cred_is_root(current_cred()))
        return -EPERM;
    int err = ipc_set(&mq->obj, &ds.msg_perm);
    if (err)
        return err;
    msg_queue_set_qbytes(mq, ds.msg_qbytes);
    return 0;
}

/* IPC_INFO and MSG_INFO: the limits, and for MSG_INFO the usage. */
static long
msg_info(int cmd, struct msqid_ds *ubuf)
{
    struct msginfo info = {
        .msgmax = MSGMAX, .msgmnb = MSGMNB, .msgmni = MSGMNI,
        .msgssz = MSGQ_INLINE_MAX, .msgseg = MSGQ_POOL_SIZE,
        .msgpool = MSGQ_POOL_SIZE, .msgmap = MSGQ_POOL_SIZE,
        .msgtql = MSGQ_POOL_SIZE,
    };
    if (cmd == MSG_INFO) {
        info.msgpool = ipc_count(&msg_ids);
        info.msgmap = info.msgtql = 0;
        for (int i = 0; i <= ipc_max_index(&msg_ids); i++) {
            struct msg_queue *mq = (struct msg_queue *)ipc_at_index(&msg_ids, i);
            if (mq) {
                info.msgmap += mq->q.count;
                info.msgtql += mq->q.bytes;
            }
        }
    }
    if (copy_to_user(ubuf, &info, sizeof info) < 0)
        return -EFAULT;
    return MAX(ipc_max_index(&msg_ids), 0);
}

/* MSG_STAT and MSG_STAT_ANY: msqid is a table index; returns the id. */
static long
msg_stat_index(int index, int cmd, struct msqid_ds *ubuf)
{
    struct msg_queue *mq = (struct msg_queue *)ipc_at_index(&msg_ids, index);
    if (!mq)
        return -EINVAL;
    if (cmd == MSG_STAT && ipc_check_access(&mq->obj, IPC_ACCESS_READ) < 0)
        return -EACCES;
    struct msqid_ds ds;
    msg_queue_fill_stat(mq, &ds);
    if (copy_to_user(ubuf, &ds, sizeof ds) < 0)
        return -EFAULT;
    return mq->obj.id;
}

long
sys_msgctl(int msqid, int cmd, struct msqid_ds *ubuf)
{
    int err;
    struct msg_queue *mq;
    struct msqid_ds ds;

    switch (cmd) {
    case IPC_INFO:
    case MSG_INFO:
        return msg_info(cmd, ubuf);
    case MSG_STAT:
    case MSG_STAT_ANY:
        return msg_stat_index(msqid, cmd, ubuf);
    case IPC_STAT:
        if (!(mq = msg_queue_lookup(msqid, IPC_ACCESS_READ, &err)))
            return err;
        msg_queue_fill_stat(mq, &ds);
        return copy_to_user(ubuf, &ds, sizeof ds);
    case IPC_SET:
        if (!(mq = msg_queue_lookup(msqid, 0, &err)))
            return err;
        return msg_queue_set(mq, ubuf);
    case IPC_RMID:
        if (!(mq = msg_queue_lookup(msqid, 0, &err)))
            return err;
        if ((err = ipc_check_owner(&mq->obj)) < 0)
            return err;
        msg_queue_remove(mq);
        return 0;
    default:
        return -EINVAL;
    }
}
