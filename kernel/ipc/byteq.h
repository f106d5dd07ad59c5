#ifndef IPC_BYTEQ_H
#define IPC_BYTEQ_H

#include "lib/kernel.h"
#include "proc/waitq.h"

/*
 * A byteq: a bounded ring of bytes, the buffer under pipes, FIFOs and
 * stream sockets.  Storage is an array of page pointers supplied by the
 * owner (a pipe passes its inode's direct blocks, so the SVR4 picture of
 * "a circular queue in the inode's direct blocks" stays literally true; a
 * socket passes an array of its own).  A page is allocated on the first
 * write that reaches it and every page is given back by byteq_discard.
 *
 * Protocol (who blocks, who is woken):
 *   read   sleeps on read_wait while the queue is empty and a writer is
 *          left; returns what is there (with BYTEQ_WAITALL: waits for all
 *          n); 0 is end of file: empty and writers == 0.  Wakes write_wait.
 *   write  sleeps on write_wait while there is no room; a write of at most
 *          PIPE_BUF bytes waits until it fits whole, so it is never
 *          interleaved with another writer's bytes.  Wakes read_wait.
 *          readers == 0 gives -EPIPE (the caller decides about SIGPIPE).
 *   byteq_hangup wakes everyone so sleepers re-test readers and writers.
 *
 * Storage is `size` bytes of page slots; the ring wraps at `capacity`,
 * the limit rounded up to whole pages, so a socket's ring grows and
 * shrinks with SO_SNDBUF/SO_RCVBUF and only as many pages as the limit
 * needs are ever touched (a pipe's limit is its whole storage, so its
 * ring never changes).  limit caps the bytes queued.  Lowering it below
 * what is queued only stops writers until readers have drained the
 * excess; a write too big for a small limit goes in pieces.  A new
 * capacity takes effect at once when the queued bytes lie in one run
 * inside it, else when the ring next runs empty.  An empty ring starts
 * again at offset 0, so small messages keep to its first page.
 *
 * One copy (direct, sockets only): a reader that must sleep on an empty
 * ring leaves its buffer in q->reader; the next write copies straight
 * into it (copy_to_proc) instead of into the ring and back out, and
 * wakes it.  Bytes go to a waiting reader only while the ring is empty,
 * so their order is kept; what the reader's buffer cannot take (or a
 * page it no longer maps) goes into the ring.  Pipes keep the two copies.
 * A writer that handed a reader a large piece finds it, at its next large
 * write, woken but not yet run: it lets the reader run first
 * (sched_hand_off), so that the reader is asleep again with its buffer
 * open, instead of filling the ring for it (q->handed_pid).
 *
 * Each sleep is named by the caller's wait format (`pipe 12 empty`,
 * `recv unix /tmp/s`): `what` is the format, a and b its two numbers.
 */
struct proc;

/* A reader asleep on an empty ring, its buffer open to the next writer. */
struct byteq_reader {
    struct proc *proc;
    char        *buf;           /* user address, in proc's space */
    size_t       n;             /* room there */
    size_t       got;           /* bytes a writer put there */
};

struct byteq {
    char       **pages;         /* size / PAGE_SIZE slots, NULL until used */
    uint32_t     size;          /* bytes of storage, a multiple of PAGE_SIZE */
    uint32_t     capacity;      /* where the ring wraps now: <= size, whole pages */
    uint32_t     limit;         /* bytes it may hold, <= size (SO_RCVBUF) */
    uint32_t     read_pos;      /* offset of the next byte to read */
    uint32_t     count;         /* bytes queued */
    int          readers;       /* ends that may read; 0: writers get EPIPE */
    int          writers;       /* ends that may write; 0: readers see EOF */
    uint64_t     taken;         /* bytes ever read out, directly or not */
    bool         direct;        /* writers may copy into a waiting reader */
    struct byteq_reader *reader;    /* that reader, or NULL */
    pid_t        handed_pid;    /* the reader last handed a large piece */
    struct waitq read_wait;     /* readers waiting for data */
    struct waitq write_wait;    /* writers waiting for room */
};

/* A sleep's name, printed by ps as printf(fmt, a, b), and its deadline
 * (time_now_ns(); 0: none), after which the call fails with -EAGAIN
 * (SO_RCVTIMEO, SO_SNDTIMEO). */
struct byteq_name {
    const char *fmt;
    long        a, b;
    uint64_t    deadline_ns;
};

#define BYTEQ_NONBLOCK  1       /* -EAGAIN instead of sleeping */
#define BYTEQ_PEEK      2       /* read without consuming */
#define BYTEQ_WAITALL   4       /* read: wait for all n (less on EOF or signal) */

void    byteq_init(struct byteq *q, char **pages, uint32_t size);
void    byteq_set_limit(struct byteq *q, uint32_t limit);
ssize_t byteq_read(struct byteq *q, char *buf, size_t n, int flags,
                   const struct byteq_name *name);
ssize_t byteq_write(struct byteq *q, const char *buf, size_t n, int flags,
                    const struct byteq_name *name);
ssize_t byteq_peek_at(struct byteq *q, uint32_t skip, char *buf, size_t n);
void    byteq_hangup(struct byteq *q);
void    byteq_discard(struct byteq *q);

/* Room under the limit (none while a lowered limit is still exceeded). */
static inline uint32_t byteq_room(const struct byteq *q)
{
    return q->count < q->limit ? q->limit - q->count : 0;
}

/* poll: a reader can go on (data, or end of file); a writer can put at
 * least PIPE_BUF bytes (or would get EPIPE at once). */
bool    byteq_readable(const struct byteq *q);
bool    byteq_writable(const struct byteq *q);

#endif
