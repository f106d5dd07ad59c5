/*
 * byteq: a bounded ring of bytes over an array of pages.  See byteq.h for
 * the contract; pipes (ipc/pipe.c) and stream sockets (net/stream.c) are
 * its users.
 */
#include "ipc/byteq.h"
#include "mm/frame.h"
#include "mm/vm.h"
#include "mm/memlayout.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "arch/timer.h"
#include <parley/limits.h>

void
byteq_init(struct byteq *q, char **pages, uint32_t size)
{
    assert(size % PAGE_SIZE == 0 && size >= PIPE_BUF);
    memset(q, 0, sizeof *q);
    q->pages = pages;
    q->size = size;
    q->capacity = size;
    q->limit = size;
}

/* The ring a limit wants: whole pages, room for an atomic write. */
static uint32_t
wanted_capacity(const struct byteq *q)
{
    return MIN(q->size, MAX((uint32_t)PIPE_BUF, ROUNDUP(q->limit, PAGE_SIZE)));
}

/* Wrap at the capacity the limit wants, if the queued bytes allow it: they
 * must lie in one run, not wrapped, that ends inside the new ring.  Slots
 * past a smaller ring give their pages back. */
static void
fit_ring(struct byteq *q)
{
    uint32_t want = wanted_capacity(q);
    if (q->count == 0)
        q->read_pos = 0;
    if (want == q->capacity || q->read_pos + q->count > MIN(want, q->capacity))
        return;
    for (uint32_t n = want / PAGE_SIZE; n < q->capacity / PAGE_SIZE; n++) {
        if (q->pages[n]) {
            frame_unref(q->pages[n]);
            q->pages[n] = 0;
        }
    }
    q->capacity = want;
}

/* Hold at most limit bytes (at least 1, at most the storage). */
void
byteq_set_limit(struct byteq *q, uint32_t limit)
{
    q->limit = MAX(1u, MIN(limit, q->size));
    fit_ring(q);
    waitq_wake_all(&q->write_wait);     /* a bigger limit makes room */
}

/* Copy n bytes between the ring at offset pos and buf; to_ring says which
 * way.  The copy may wrap around the end of the ring.  buf is user memory
 * checked before a sleep, so the copy may fail (user_copy): -EFAULT. */
static int
byteq_copy(struct byteq *q, uint32_t pos, char *buf, size_t n, bool to_ring)
{
    while (n > 0) {
        uint32_t in_page = pos % PAGE_SIZE;
        size_t chunk = MIN(n, PAGE_SIZE - in_page);
        char **page = &q->pages[pos / PAGE_SIZE];
        if (!*page && !(*page = frame_alloc()))
            return -ENOMEM;
        int err = to_ring ? user_copy(*page + in_page, buf, chunk)
                          : user_copy(buf, *page + in_page, chunk);
        if (err)
            return err;
        buf += chunk;
        n -= chunk;
        pos = (pos + chunk) % q->capacity;
    }
    return 0;
}

static int
byteq_sleep(struct waitq *w, const struct byteq_name *name)
{
    if (name->deadline_ns && time_now_ns() >= name->deadline_ns)
        return -EAGAIN;                 /* the caller's timeout passed */
    return waitq_sleep_until(w, name->deadline_ns, name->fmt, name->a, name->b);
}

/* Copy up to n queued bytes from skip bytes past the front, leaving them
 * queued and never waiting (a peek that goes on into the next buffer).
 * Returns the count, or -EFAULT. */
ssize_t
byteq_peek_at(struct byteq *q, uint32_t skip, char *buf, size_t n)
{
    if (skip >= q->count)
        return 0;
    n = MIN(n, q->count - skip);
    int err = byteq_copy(q, (q->read_pos + skip) % q->capacity, buf, n, false);
    return err ? err : (ssize_t)n;
}

/* Take up to n queued bytes (all of them leave the ring unless peeking);
 * if the copy fails, none do. */
static ssize_t
byteq_take(struct byteq *q, char *buf, size_t n, bool peek)
{
    ssize_t got = byteq_peek_at(q, 0, buf, n);
    if (got < 0)
        return got;
    n = got;
    if (!peek) {
        q->read_pos = (q->read_pos + n) % q->capacity;
        q->count -= n;
        q->taken += n;
        if (q->count == 0)
            fit_ring(q);                /* back to offset 0; a pending resize */
        waitq_wake_all(&q->write_wait);
    }
    return n;
}

/* Self-check at every entry: the ring's invariants, and interrupts off. */
static void
byteq_assert_sane(const struct byteq *q)
{
    assert_interrupts_off();
    assert(q->count <= q->capacity && q->read_pos < q->capacity);
    assert(q->capacity <= q->size && q->limit >= 1 && q->limit <= q->size);
    assert(q->readers >= 0 && q->writers >= 0);
}

/* Sleep until woken; with a direct ring, open buf to the next writer
 * meanwhile.  *got: the bytes it put there. */
static int
byteq_sleep_reading(struct byteq *q, char *buf, size_t n, int flags,
                    const struct byteq_name *name, size_t *got)
{
    struct byteq_reader r = { current, buf, n, 0 };
    bool open = q->direct && !q->reader && !(flags & BYTEQ_PEEK) &&
                (uintptr_t)buf + n <= USER_TOP;
    if (open)
        q->reader = &r;
    int err = byteq_sleep(&q->read_wait, name);
    if (q->reader == &r)
        q->reader = 0;
    *got = r.got;
    return err;
}

ssize_t
byteq_read(struct byteq *q, char *buf, size_t n, int flags,
           const struct byteq_name *name)
{
    size_t done = 0;
    byteq_assert_sane(q);
    for (;;) {
        if (q->count > 0) {
            ssize_t got = byteq_take(q, buf + done, n - done, flags & BYTEQ_PEEK);
            if (got < 0)
                return done ? (ssize_t)done : got;
            done += got;
            if (done == n || !(flags & BYTEQ_WAITALL) || (flags & BYTEQ_PEEK))
                return done;
        } else if (done > 0 && !(flags & BYTEQ_WAITALL)) {
            return done;                /* a writer copied them in directly */
        }
        if (q->writers == 0)
            return done;                /* end of file */
        if (flags & BYTEQ_NONBLOCK)
            return done ? (ssize_t)done : -EAGAIN;
        size_t got;
        int err = byteq_sleep_reading(q, buf + done, n - done, flags, name, &got);
        done += got;
        if (err || done == n)
            return done ? (ssize_t)done : err;
    }
}

/* The ring is empty and a reader waits: copy what its buffer takes straight
 * there (one copy instead of two) and wake it.  Returns the bytes given. */
static size_t
give_to_reader(struct byteq *q, const char *buf, size_t n)
{
    struct byteq_reader *r = q->reader;
    q->reader = 0;                      /* one hand-over per sleep */
    size_t got = copy_to_proc(r->proc, r->buf, buf, MIN(n, r->n));
    r->got = got;
    q->taken += got;
    sched_note_hand_over(&q->handed_pid, r->proc->pid, got);
    waitq_wake_all(&q->read_wait);
    return got;
}

/* Room needed before any of this write may go in. */
static size_t
room_needed(const struct byteq *q, size_t total, size_t left)
{
    /* Writes of size <= PIPE_BUF must be atomic, if the limit allows. */
    return total <= PIPE_BUF ? MIN(left, q->limit) : 1;
}

ssize_t
byteq_write(struct byteq *q, const char *buf, size_t n, int flags,
            const struct byteq_name *name)
{
    size_t done = 0;
    byteq_assert_sane(q);
    while (done < n) {
        if (q->readers == 0)
            return done ? (ssize_t)done : -EPIPE;
        if (!q->reader && q->count == 0)    /* the last reader given some has not run since */
            sched_let_catch_up(&q->handed_pid, n - done);
        if (q->reader && q->count == 0) {
            size_t got = give_to_reader(q, buf + done, n - done);
            done += got;
            if (got > 0)
                continue;
        }
        size_t room = byteq_room(q);
        if (room < room_needed(q, n, n - done)) {
            if (flags & BYTEQ_NONBLOCK)
                return done ? (ssize_t)done : -EAGAIN;
            int err = byteq_sleep(&q->write_wait, name);
            if (err)
                return done ? (ssize_t)done : err;
            continue;
        }
        size_t chunk = MIN(room, n - done);
        uint32_t write_pos = (q->read_pos + q->count) % q->capacity;
        int err = byteq_copy(q, write_pos, (char *)buf + done, chunk, true);
        if (err)
            return done ? (ssize_t)done : err;
        q->count += chunk;
        done += chunk;
        waitq_wake_all(&q->read_wait);
    }
    return done;
}

/* readers or writers changed: let every sleeper re-test. */
void
byteq_hangup(struct byteq *q)
{
    waitq_wake_all(&q->read_wait);
    waitq_wake_all(&q->write_wait);
}

/* Empty the ring and give its pages back; they are allocated again on the
 * next write. */
void
byteq_discard(struct byteq *q)
{
    for (uint32_t n = 0; n < q->size / PAGE_SIZE; n++) {
        if (q->pages[n]) {
            frame_unref(q->pages[n]);
            q->pages[n] = 0;
        }
    }
    q->count = q->read_pos = 0;
    fit_ring(q);
}

bool
byteq_readable(const struct byteq *q)
{
    return q->count > 0 || q->writers == 0;
}

bool
byteq_writable(const struct byteq *q)
{
    return q->readers == 0 || byteq_room(q) >= MIN(PIPE_BUF, q->limit);
}
