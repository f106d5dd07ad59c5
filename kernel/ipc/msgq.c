/*
 * msgq: the store of typed messages under System V queues, mailboxes,
 * ports, direct messages and datagram sockets.  The contract is in msgq.h;
 * this file is its three parts:
 *
 *   messages   a fixed pool of struct msg; a body of at most
 *              MSGQ_INLINE_MAX bytes lives inside it, a longer one in page
 *              frames (one per 4 KiB) that it points to instead.
 *   queueing   a doubly linked list in delivery order (FIFO, or by
 *              priority), with count and byte limits.
 *   waiting    senders and receivers asleep each on their own waiter, in
 *              FIFO lists on the queue, so a sender can hand a message
 *              straight to the longest-waiting receiver that accepts it,
 *              and a receiver can tell a rendezvous sender who took it.
 */
#include "ipc/msgq.h"
#include "proc/proc.h"
#include "mm/frame.h"
#include "mm/vm.h"
#include "arch/timer.h"
#include "lib/kstat.h"

/* ---- messages --------------------------------------------------------- */

static struct msg msg_pool[MSGQ_POOL_SIZE];
static struct msg *msg_free_list;
static bool msg_pool_ready;
static struct waitq msg_pool_wait = WAITQ_INIT;    /* waiting for a free message */

static void
msg_pool_init(void)
{
    for (int i = MSGQ_POOL_SIZE - 1; i >= 0; i--) {
        msg_pool[i].next = msg_free_list;
        msg_free_list = &msg_pool[i];
    }
    msg_pool_ready = true;
}

static unsigned
msg_npages(unsigned length)
{
    return length <= MSGQ_INLINE_MAX ? 0 : ROUNDUP(length, PAGE_SIZE) / PAGE_SIZE;
}

static void
msg_free_pages(struct msg *m, unsigned npages)
{
    for (unsigned i = 0; i < npages; i++)
        frame_unref(m->pages[i]);
}

/* Page frames for a body of length bytes (none if it fits inline). */
static int
msg_alloc_pages(struct msg *m, unsigned length)
{
    for (unsigned i = 0; i < msg_npages(length); i++) {
        if (!(m->pages[i] = frame_alloc())) {
            msg_free_pages(m, i);
            return -ENOMEM;
        }
    }
    return 0;
}

/* Back to the free list, whatever its body was. */
static inline void
msg_to_pool(struct msg *m)
{
    kstat_add(KSTAT_messages, -1);
    kstat_add(KSTAT_message_bytes, -(int)m->hdr.length);
    m->next = msg_free_list;
    msg_free_list = m;
    waitq_wake_all(&msg_pool_wait);
}

/* A message from the pool, its body not placed yet. */
static inline struct msg *
msg_from_pool(unsigned length, int *err)
{
    if (length > MSGQ_BODY_MAX) {
        *err = -EINVAL;
        return 0;
    }
    if (!msg_pool_ready)
        msg_pool_init();
    struct msg *m = msg_free_list;
    if (!m) {
        *err = -ENOMEM;
        return 0;
    }
    msg_free_list = m->next;
    /* Field by field, no memset call; every field before the body. */
    _Static_assert(offsetof(struct msg, small) ==
                   offsetof(struct msg, attach) + sizeof m->attach,
                   "msg_from_pool must clear a new field of struct msg");
    m->next = m->prev = 0;
    m->hdr = (struct msg_header){ .length = length };
    m->sync_sender = 0;
    m->ubody = 0;
    m->body = MSG_BODY_STORED;
    m->attach = 0;
    kstat_add(KSTAT_messages, +1);
    kstat_add(KSTAT_message_bytes, (int)length);
    return m;
}

/* A message with room for a body of length bytes (contents undefined). */
static inline struct msg *
msg_new(unsigned length, int *err)
{
    struct msg *m = msg_from_pool(length, err);
    if (m && length > MSGQ_INLINE_MAX && (*err = msg_alloc_pages(m, length)) < 0) {
        msg_to_pool(m);
        return 0;
    }
    return m;
}

struct msg *
msg_alloc(unsigned length, int *err)
{
    return msg_new(length, err);
}

struct msg *
msg_alloc_at_sender(unsigned length, const void *ubody, int *err)
{
    if (length <= MSGQ_INLINE_MAX) {    /* copied in now: two short copies are cheap */
        struct msg *m = msg_new(length, err);
        if (m && (*err = msg_copy_in_checked(m, 0, ubody, length)) < 0) {
            msg_free(m);
            return 0;
        }
        return m;
    }
    struct msg *m = msg_from_pool(length, err);
    if (m) {
        m->ubody = ubody;
        m->body = MSG_BODY_AT_SENDER;
    }
    return m;
}

void
msg_free(struct msg *m)
{
    if (m->attach)
        m->attach->release(m->attach);
    if (m->body == MSG_BODY_STORED)
        msg_free_pages(m, msg_npages(m->hdr.length));
    msg_to_pool(m);
}

/* Every message of the pool is in use (msg_alloc's -ENOMEM is the pool's,
 * not the page frames'). */
bool
msg_pool_used_up(void)
{
    return msg_pool_ready && !msg_free_list;
}

/* Sleep until a message is freed; 0, or -ERESTARTSYS on a signal. */
int
msg_pool_wait_free(void)
{
    while (msg_pool_used_up())
        if (waitq_sleep(&msg_pool_wait, "no free message", 0, 0))
            return -ERESTARTSYS;
    return 0;
}

/* Where byte off of m's body, kept in pages, is, and how many bytes
 * follow it in that page. */
static char *
msg_body_at(const struct msg *m, unsigned off, unsigned *run)
{
    *run = PAGE_SIZE - off % PAGE_SIZE;
    return (char *)m->pages[off / PAGE_SIZE] + off % PAGE_SIZE;
}

/* Copy n bytes between user memory and the body at off; -EINVAL past the
 * body's end, then (if check) -EFAULT on a bad user pointer.  Unchecked,
 * the buffer was checked before a sleep, and user_copy's -EFAULT says a
 * page of it went meanwhile. */
static int
msg_copy(const struct msg *m, unsigned off, void *ubuf, unsigned n, bool in, bool check)
{
    if (off > m->hdr.length || n > m->hdr.length - off)
        return -EINVAL;
    if (check && user_check(ubuf, n, !in) < 0)
        return -EFAULT;
    if (m->hdr.length <= MSGQ_INLINE_MAX) {     /* the common short message */
        char *body = (char *)m->small + off;
        return in ? user_copy(body, ubuf, n) : user_copy(ubuf, body, n);
    }
    char *u = ubuf;
    while (n > 0) {
        unsigned run;
        char *body = msg_body_at(m, off, &run);
        run = MIN(run, n);
        int err = in ? user_copy(body, u, run) : user_copy(u, body, run);
        if (err)
            return err;
        u += run;
        off += run;
        n -= run;
    }
    return 0;
}

/* A body left at the sender goes into the store (page frames): before m
 * is queued, or when it cannot go straight to a receiver.  -ENOMEM, or
 * -EFAULT if a page of the sender's went meanwhile. */
static int
msg_store_body(struct msg *m)
{
    if (m->body != MSG_BODY_AT_SENDER)
        return 0;
    int err = msg_alloc_pages(m, m->hdr.length);
    if (err)
        return err;
    m->body = MSG_BODY_STORED;
    if ((err = msg_copy_in_checked(m, 0, m->ubody, m->hdr.length)) < 0)
        return err;
    m->ubody = 0;
    return 0;
}

/* Copy a body still at the sender (the current process) into receiver
 * w's buffer.  True if all of it went: one copy instead of two, and no
 * page frames.  False if a page of that buffer is not mapped writable now
 * (what was copied is overwritten when the receiver copies the body out
 * of the store), or a page of ours went (and storing it fails the same). */
static bool
msg_body_to_receiver(struct msg *m, const struct msgq_waiter *w)
{
    unsigned n = MIN(m->hdr.length, w->recv->size);
    void *dst = w->recv->ubody;
    if (!dst || copy_to_proc(w->proc, dst, m->ubody, n) != n)
        return false;
    m->body = MSG_BODY_DELIVERED;
    m->ubody = 0;
    return true;
}

int
msg_copy_in(struct msg *m, unsigned off, const void *usrc, unsigned n)
{
    return msg_copy(m, off, (void *)usrc, n, true, true);
}

int
msg_copy_out(const struct msg *m, unsigned off, void *udst, unsigned n)
{
    return msg_copy(m, off, udst, n, false, true);
}

int
msg_copy_in_checked(struct msg *m, unsigned off, const void *usrc, unsigned n)
{
    return msg_copy(m, off, (void *)usrc, n, true, false);
}

int
msg_copy_out_checked(const struct msg *m, unsigned off, void *udst, unsigned n)
{
    return msg_copy(m, off, udst, n, false, false);
}

/* ---- queueing --------------------------------------------------------- */

void
msgq_init(struct msgq *q, unsigned max_count, unsigned max_bytes,
          enum msgq_order order)
{
    memset(q, 0, sizeof *q);
    q->max_count = max_count;
    q->max_bytes = max_bytes;
    q->order = order;
    q->next_seq = 1;
    q->stamp_time = true;
}

/* Room for m without passing either limit (a rendezvous queue holds only
 * messages whose senders wait, so it always has room). */
static bool
msgq_has_room(const struct msgq *q, const struct msg *m)
{
    if (q->max_count == 0)
        return true;
    return q->count + 1 <= q->max_count &&
           q->bytes + m->hdr.length <= q->max_bytes;
}

/* The message m goes before: the first of a lower priority, or none. */
static struct msg *
msgq_insert_point(const struct msgq *q, const struct msg *m)
{
    if (q->order == MSGQ_FIFO)
        return 0;
    struct msg *at = q->head;
    while (at && at->hdr.priority >= m->hdr.priority)
        at = at->next;
    return at;
}

static void
msgq_link(struct msgq *q, struct msg *m)
{
    struct msg *before = msgq_insert_point(q, m);
    m->next = before;
    m->prev = before ? before->prev : q->tail;
    if (m->prev)
        m->prev->next = m;
    else
        q->head = m;
    if (before)
        before->prev = m;
    else
        q->tail = m;
    q->count++;
    q->bytes += m->hdr.length;
}

static void
msgq_unlink(struct msgq *q, struct msg *m)
{
    if (m->prev)
        m->prev->next = m->next;
    else
        q->head = m->next;
    if (m->next)
        m->next->prev = m->prev;
    else
        q->tail = m->prev;
    m->next = m->prev = 0;
    q->count--;
    q->bytes -= m->hdr.length;
}

/* The header fields the kernel vouches for, set as m enters q (the
 * sender is set earlier, by msgq_send, so that a receive from one
 * process may look at it). */
static inline void
msgq_stamp(struct msgq *q, struct msg *m)
{
    m->hdr.seq = q->next_seq++;
    m->hdr.sent_ns = q->stamp_time ? time_realtime_ns() : 0;
    q->last_sender = current->pid;
    if (q->keep_times)
        q->last_send_s = time_realtime_s();     /* cheap: no division */
}

/* Whether r takes m at all (msgq.h, struct msgq_recv). */
static inline bool
msgq_selects(const struct msgq_recv *r, const struct msg *m)
{
    if (r->from && m->hdr.sender != r->from)
        return false;
    if (r->select == MSGQ_TYPE)
        return m->hdr.type == r->type;
    if (r->select == MSGQ_OTHER_TYPE)
        return m->hdr.type != r->type;
    if (r->select == MSGQ_LOWEST_TYPE)
        return m->hdr.type <= r->type;
    return true;
}

/* The message r takes: the first it selects; for MSGQ_LOWEST_TYPE the
 * first of the lowest type it selects.  NULL if none. */
static struct msg *
msgq_find(const struct msgq *q, const struct msgq_recv *r)
{
    struct msg *best = 0;
    for (struct msg *m = q->head; m; m = m->next) {
        if (!msgq_selects(r, m))
            continue;
        if (r->select != MSGQ_LOWEST_TYPE)
            return m;
        if (!best || m->hdr.type < best->hdr.type)
            best = m;
    }
    return best;
}

static bool
msgq_fits(const struct msgq_recv *r, const struct msg *m)
{
    return m->hdr.length <= r->size || (r->flags & MSGQ_TRUNCATE);
}

/* ---- waiting ---------------------------------------------------------- */

static void
waiter_link(struct msgq_waiter **list, struct msgq_waiter *w)
{
    w->next = 0;
    while (*list)
        list = &(*list)->next;
    *list = w;
}

static void
waiter_unlink(struct msgq_waiter **list, struct msgq_waiter *w)
{
    while (*list && *list != w)
        list = &(*list)->next;
    if (*list)
        *list = w->next;
    w->next = 0;
}

/* End w's wait with result: it is off every list and q is not its business
 * any more. */
static void
waiter_finish(struct msgq_waiter **list, struct msgq_waiter *w, int result)
{
    waiter_unlink(list, w);
    w->done = true;
    w->result = result;
    waitq_wake_all(&w->wake);
}

/*
 * Sleep on w until it is finished, woken for another look, or a signal or
 * the deadline ends the wait.  Returns 0 to look again, or the error that
 * ends the call (-ERESTARTSYS, -ETIMEDOUT) with w still linked.
 */
static int
waiter_sleep(struct msgq_waiter *w, uint64_t deadline_ns,
             const struct msgq_wait_name *name)
{
    int err = waitq_sleep_until(&w->wake, deadline_ns, name->what, name->a, name->b);
    if (w->done)
        return 0;
    if (err)
        return err;
    if (deadline_ns && time_now_ns() >= deadline_ns)
        return -ETIMEDOUT;
    return 0;
}

static int
msgq_may_sleep(const struct msgq_sleep_check *c)
{
    return c->check ? c->check(c->arg) : 0;
}

/* A message left q: senders waiting for room look again (not those whose
 * message is queued already: only its taking ends their wait). */
static void
msgq_wake_senders(struct msgq *q)
{
    for (struct msgq_waiter *w = q->senders; w; w = w->next)
        if (!w->msg)
            waitq_wake_all(&w->wake);
    waitq_wake_all(&q->changed);
}

/* Process taker has taken m out of q, or been handed it. */
static void
msgq_taken(struct msgq *q, struct msg *m, pid_t taker)
{
    q->last_receiver = taker;
    if (q->keep_times)
        q->last_receive_s = time_realtime_s();
    struct msgq_waiter *sender = m->sync_sender;
    if (sender) {
        m->sync_sender = 0;
        sender->taker = taker;
        waiter_finish(&q->senders, sender, 0);
    }
}

/* Give m to receiver w, its body straight into w's buffer if it is still
 * at the sender and can go there; 0, or msg_store_body's error. */
static int
msgq_give(struct msgq *q, struct msgq_waiter *w, struct msg *m)
{
    if (m->body == MSG_BODY_AT_SENDER && !msg_body_to_receiver(m, w)) {
        int err = msg_store_body(m);
        if (err)
            return err;
    }
    msgq_stamp(q, m);
    w->msg = m;
    msgq_taken(q, m, w->proc->pid);
    waiter_finish(&q->receivers, w, 0);
    return 0;
}

/*
 * Give m to the longest-waiting receiver that accepts it.  A receiver whose
 * buffer is too small for m is told -E2BIG (as Linux does) and the search
 * goes on.  1 if someone took m, 0 if nobody could, or -errno.
 */
static int
msgq_hand_over(struct msgq *q, struct msg *m)
{
    struct msgq_waiter *w = q->receivers;
    while (w) {
        struct msgq_waiter *next = w->next;
        if (msgq_selects(w->recv, m)) {
            if (msgq_fits(w->recv, m)) {
                int err = msgq_give(q, w, m);
                return err ? err : 1;
            }
            waiter_finish(&q->receivers, w, -E2BIG);
        }
        w = next;
    }
    return 0;
}

/* ---- send and receive ------------------------------------------------- */

/* Queue m and sleep until a receiver takes it (rendezvous, MSGQ_SYNC). */
static int
msgq_send_and_wait(struct msgq *q, struct msg *m, struct msgq_send *s,
                   struct msgq_waiter *w)
{
    msgq_stamp(q, m);
    m->sync_sender = w;
    w->msg = m;
    waiter_link(&q->senders, w);
    msgq_link(q, m);
    waitq_wake_all(&q->changed);
    for (;;) {
        int err = waiter_sleep(w, s->deadline_ns, &s->taken);
        if (w->done) {
            s->taker = w->taker;
            return w->result;   /* 0, or -EIDRM with m handed back */
        }
        if (err) {
            /* Not taken: the message is withdrawn, never delivered. */
            waiter_unlink(&q->senders, w);
            msgq_unlink(q, m);
            m->sync_sender = 0;
            msgq_wake_senders(q);
            return err;
        }
    }
}

/* A queue's invariants, asserted at every send and receive (a broken one
 * panics here, with a backtrace, instead of losing a message later): the
 * counts agree with the list, and a destroyed queue holds nothing and
 * nobody.  The parts are joined with & rather than && so that the check
 * is one test, not a branch per part: it runs on every call. */
static inline void
msgq_assert_sane(const struct msgq *q)
{
    bool empty = q->count == 0;
    bool sane = ((q->head == NULL) == empty) & ((q->tail == NULL) == empty) &
                ((!empty) | (q->bytes == 0)) &
                ((!q->dead) | ((q->head == NULL) & (q->senders == NULL) &
                               (q->receivers == NULL)));
    assert(sane);
}

int
msgq_send(struct msgq *q, struct msg *m, struct msgq_send *s)
{
    struct msgq_waiter w = { .proc = current, .wake = WAITQ_INIT };
    bool wait_taken = msgq_send_waits_for_taking(q, s->flags);
    bool linked = false;
    int err = 0;

    msgq_assert_sane(q);
    s->taker = 0;
    m->hdr.sender = current->pid;
    for (;;) {
        if (w.done)             /* destroyed while we waited for room */
            return w.result;
        if (q->dead) {
            err = -EIDRM;
            break;
        }
        if ((err = msgq_hand_over(q, m)) != 0) {
            if (err > 0) {
                /* Only a send that waits for the taking reports the taker:
                 * a bounded send returns the same whoever was waiting. */
                s->taker = wait_taken ? q->last_receiver : 0;
                err = 0;
            }
            break;
        }
        /* Nobody took it: from here on it waits in the store. */
        if ((err = msg_store_body(m)) < 0)
            break;
        bool room = msgq_has_room(q, m);
        if (room && !wait_taken) {
            msgq_stamp(q, m);
            msgq_link(q, m);
            waitq_wake_all(&q->changed);
            break;
        }
        if (s->flags & MSGQ_NOWAIT) {
            err = -EAGAIN;
            break;
        }
        if ((err = msgq_may_sleep(&s->before_sleep)) != 0)
            break;
        if (room) {
            if (linked)
                waiter_unlink(&q->senders, &w);
            return msgq_send_and_wait(q, m, s, &w);
        }
        if (!linked) {
            waiter_link(&q->senders, &w);
            linked = true;
        }
        if ((err = waiter_sleep(&w, s->deadline_ns, &s->full)) != 0)
            break;
    }
    if (linked && !w.done)
        waiter_unlink(&q->senders, &w);
    return err;
}

/* Take m out of q for the current process. */
static void
msgq_take(struct msgq *q, struct msg *m)
{
    msgq_unlink(q, m);
    msgq_taken(q, m, current->pid);
    msgq_wake_senders(q);
}

int
msgq_receive(struct msgq *q, const struct msgq_recv *r, struct msg **out)
{
    struct msgq_waiter w = { .proc = current, .wake = WAITQ_INIT, .recv = r };
    msgq_assert_sane(q);
    *out = 0;
    for (;;) {
        if (q->dead)
            return -EIDRM;
        struct msg *m = msgq_find(q, r);
        if (m) {
            /* A message longer than the buffer stays queued (E2BIG). */
            if (!msgq_fits(r, m))
                return -E2BIG;
            msgq_take(q, m);
            *out = m;
            return 0;
        }
        if (r->flags & MSGQ_NOWAIT)
            return -EAGAIN;
        int err = msgq_may_sleep(&r->before_sleep);
        if (err)
            return err;
        waiter_link(&q->receivers, &w);
        do {
            err = waiter_sleep(&w, r->deadline_ns, &r->empty);
        } while (!err && !w.done);
        if (w.done) {
            *out = w.msg;
            return w.result;
        }
        waiter_unlink(&q->receivers, &w);
        return err;
    }
}

/* Senders asleep on a destroyed queue: a rendezvous sender gets its
 * message back (it is on the queue, not yet freed). */
static void
msgq_fail_senders(struct msgq *q)
{
    while (q->senders) {
        struct msgq_waiter *w = q->senders;
        if (w->msg && w->msg->sync_sender == w) {
            msgq_unlink(q, w->msg);
            w->msg->sync_sender = 0;
        }
        waiter_finish(&q->senders, w, -EIDRM);
    }
}

void
msgq_destroy(struct msgq *q)
{
    q->dead = true;
    msgq_fail_senders(q);
    while (q->receivers)
        waiter_finish(&q->receivers, q->receivers, -EIDRM);
    while (q->head) {
        struct msg *m = q->head;
        msgq_unlink(q, m);
        msg_free(m);
    }
    msgq_assert_sane(q);
    waitq_wake_all(&q->changed);
}

/* End every receive asleep on q with err (the queue lives on): the process
 * a receiver waits for has gone. */
void
msgq_fail_receivers(struct msgq *q, int err)
{
    while (q->receivers)
        waiter_finish(&q->receivers, q->receivers, err);
}

void
msgq_limits_changed(struct msgq *q)
{
    msgq_wake_senders(q);
}

int
msgq_count_waiting(const struct msgq *q, bool senders)
{
    int n = 0;
    for (struct msgq_waiter *w = senders ? q->senders : q->receivers; w; w = w->next)
        n++;
    return n;
}

/* Up to max pids of the processes asleep sending (or receiving), longest
 * waiting first; returns how many were stored. */
int
msgq_waiting_pids(const struct msgq *q, bool senders, pid_t *pids, int max)
{
    int n = 0;
    for (struct msgq_waiter *w = senders ? q->senders : q->receivers;
         w && n < max; w = w->next)
        pids[n++] = w->proc->pid;
    return n;
}
