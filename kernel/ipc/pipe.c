/*
 * Pipes and FIFOs: a circular queue of bytes in an inode's direct blocks.
 *
 * The queue is PIPE_CAPACITY bytes (NDIRECT blocks of 4 KiB, allocated on
 * first use, given back when no end is open any more).  read_pos and
 * write_pos are byte offsets into it, kept in the inode; count says how
 * many bytes are queued, so full and empty are never confused.  A pipe's
 * inode has no name; a FIFO's inode is named by mkfifo and opened like a
 * file.
 *
 * Protocol (who blocks, who is woken):
 *   read   sleeps on read_wait while the queue is empty and a writer exists;
 *          returns what is there (never waits for more); 0 means end of file:
 *          empty and no write end open anywhere.  Wakes write_wait.
 *   write  sleeps on write_wait while there is no room; a write of at most
 *          PIPE_BUF bytes waits until it fits whole, so it is never
 *          interleaved with another writer's bytes.  Wakes read_wait.
 *          With no reader left: SIGPIPE to the writer, and EPIPE.
 *   close  of the last read or write end wakes everyone, so sleepers see
 *          EOF or EPIPE.
 *   open   of a FIFO sleeps on open_wait until the other end is opened.
 */
#include "ipc/pipe.h"
#include "syscall.h"
#include "fs/file.h"
#include "proc/proc.h"
#include "mm/frame.h"
#include "lib/kstat.h"
#include <parley/limits.h>

_Static_assert(PIPE_CAPACITY == NDIRECT * BLOCK_SIZE, "pipe queue is the direct blocks");
_Static_assert(PIPE_BUF <= PIPE_CAPACITY, "atomic writes must fit in the queue");

/* Copy n bytes between the queue at byte offset pos and buf; to_queue says
 * which way.  The copy may wrap around the end of the queue. */
static int
pipe_copy(struct inode *ip, uint32_t pos, char *buf, size_t n, bool to_queue)
{
    while (n > 0) {
        uint32_t in_block = pos % BLOCK_SIZE;
        size_t chunk = MIN(n, BLOCK_SIZE - in_block);
        char *block = inode_block(ip, pos / BLOCK_SIZE, to_queue);
        if (!block)
            return -ENOMEM;
        if (to_queue)
            memcpy(block + in_block, buf, chunk);
        else
            memcpy(buf, block + in_block, chunk);
        buf += chunk;
        n -= chunk;
        pos = (pos + chunk) % PIPE_CAPACITY;
    }
    return 0;
}

static ssize_t
pipe_read(struct file *f, char *buf, size_t n)
{
    struct inode *ip = f->inode;
    struct pipe_state *ps = &ip->pipe;
    while (ps->count == 0) {
        if (ps->writers == 0)
            return 0;                   /* end of file */
        if (f->flags & O_NONBLOCK)
            return -EAGAIN;
        int err = waitq_sleep(&ps->read_wait, "pipe %d empty", ip->ino, 0);
        if (err)
            return err;
    }
    n = MIN(n, ps->count);
    pipe_copy(ip, ps->read_pos, buf, n, false);
    ps->read_pos = (ps->read_pos + n) % PIPE_CAPACITY;
    ps->count -= n;
    waitq_wake_all(&ps->write_wait);
    return n;
}

/* Room needed before any of this write may go in. */
static size_t
pipe_room_needed(size_t total, size_t left)
{
    /* Writes of size <= PIPE_BUF must be atomic. */
    return total <= PIPE_BUF ? left : 1;
}

static ssize_t
pipe_write(struct file *f, const char *buf, size_t n)
{
    struct inode *ip = f->inode;
    struct pipe_state *ps = &ip->pipe;
    size_t done = 0;
    while (done < n) {
        if (ps->readers == 0) {
            signal_send(current, SIGPIPE, current->pid);
            return done ? (ssize_t)done : -EPIPE;
        }
        size_t room = PIPE_CAPACITY - ps->count;
        if (room < pipe_room_needed(n, n - done)) {
            if (f->flags & O_NONBLOCK)
                return done ? (ssize_t)done : -EAGAIN;
            int err = waitq_sleep(&ps->write_wait, "pipe %d full", ip->ino, 0);
            if (err)
                return done ? (ssize_t)done : err;
            continue;
        }
        size_t chunk = MIN(room, n - done);
        if (pipe_copy(ip, ps->write_pos, (char *)buf + done, chunk, true) < 0)
            return done ? (ssize_t)done : -ENOMEM;
        ps->write_pos = (ps->write_pos + chunk) % PIPE_CAPACITY;
        ps->count += chunk;
        done += chunk;
        waitq_wake_all(&ps->read_wait);
    }
    return done;
}

/* Empty the queue and give its pages back; they are allocated again on
 * the next write. */
static void
pipe_discard(struct inode *ip)
{
    for (int n = 0; n < NDIRECT; n++) {
        if (ip->direct[n]) {
            frame_unref(ip->direct[n]);
            ip->direct[n] = 0;
        }
    }
    ip->pipe.count = ip->pipe.read_pos = ip->pipe.write_pos = 0;
}

static void
pipe_close(struct file *f)
{
    struct pipe_state *ps = &f->inode->pipe;
    if (file_readable(f))
        ps->readers--;
    if (file_writable(f))
        ps->writers--;
    if (ps->readers == 0 && ps->writers == 0) {
        /* Nobody has it open: a FIFO's unread data is discarded (Linux),
         * and a FIFO that lives on by its name holds no memory. */
        pipe_discard(f->inode);
        kstat_add(KSTAT_pipes, -1);
    }
    waitq_wake_all(&ps->read_wait);
    waitq_wake_all(&ps->write_wait);
    waitq_wake_all(&ps->open_wait);
}

static const struct file_ops pipe_ops = {
    .read = pipe_read,
    .write = pipe_write,
    .close = pipe_close,
};

/* A new open file on a pipe inode; counts the end(s) it opens. */
static struct file *
pipe_open_end(struct inode *ip, int flags)
{
    struct file *f = file_alloc(&pipe_ops, ip, flags);
    if (!f)
        return 0;
    if (ip->pipe.readers == 0 && ip->pipe.writers == 0)
        kstat_add(KSTAT_pipes, +1);     /* a pipe, or a FIFO newly open */
    if (file_readable(f))
        ip->pipe.readers++;
    if (file_writable(f))
        ip->pipe.writers++;
    return f;
}

long
sys_pipe2(int *ufds, int flags)
{
    int fds[2];
    if (flags & ~(O_NONBLOCK | O_CLOEXEC))
        return -EINVAL;
    if (user_check(ufds, sizeof fds, true) < 0)
        return -EFAULT;
    struct inode *ip = inode_alloc(S_IFIFO | 0600);
    if (!ip)
        return -ENFILE;
    struct file *rf = pipe_open_end(ip, O_RDONLY | (flags & O_NONBLOCK));
    struct file *wf = rf ? pipe_open_end(inode_get(ip), O_WRONLY | (flags & O_NONBLOCK)) : 0;
    if (!wf) {
        if (rf)
            file_close(rf);
        inode_put(ip);
        return -ENFILE;
    }
    fds[0] = fd_install(rf, 0, flags & O_CLOEXEC);
    fds[1] = fds[0] < 0 ? -EMFILE : fd_install(wf, 0, flags & O_CLOEXEC);
    if (fds[1] < 0) {
        if (fds[0] >= 0)
            fd_close(fds[0]);
        else
            file_close(rf);
        file_close(wf);
        return -EMFILE;
    }
    memcpy(ufds, fds, sizeof fds);
    return 0;
}

/*
 * Open a FIFO.  A reader waits for a writer and a writer for a reader,
 * unless O_NONBLOCK: then a reader succeeds at once and a writer with no
 * reader fails with ENXIO.  O_RDWR never waits (Linux).  The open counters
 * let a sleeper notice a peer that came and went while it slept.
 */
int
fifo_open(struct inode *ip, int flags, struct file **out)
{
    struct pipe_state *ps = &ip->pipe;
    int acc = flags & O_ACCMODE;
    bool nonblock = flags & O_NONBLOCK;
    if (acc == O_WRONLY && nonblock && ps->readers == 0) {
        inode_put(ip);
        return -ENXIO;
    }
    struct file *f = pipe_open_end(ip, flags);
    if (!f) {
        inode_put(ip);
        return -ENFILE;
    }
    if (acc == O_RDONLY)
        ps->reader_opens++;
    if (acc == O_WRONLY)
        ps->writer_opens++;
    waitq_wake_all(&ps->open_wait);
    if (acc == O_RDONLY && !nonblock) {
        unsigned seen = ps->writer_opens;
        while (ps->writers == 0 && ps->writer_opens == seen)
            if (waitq_sleep(&ps->open_wait, "fifo %d open: no writer", ip->ino, 0)) {
                file_close(f);
                return -ERESTARTSYS;
            }
    }
    if (acc == O_WRONLY && !nonblock) {
        unsigned seen = ps->reader_opens;
        while (ps->readers == 0 && ps->reader_opens == seen)
            if (waitq_sleep(&ps->open_wait, "fifo %d open: no reader", ip->ino, 0)) {
                file_close(f);
                return -ERESTARTSYS;
            }
    }
    *out = f;
    return 0;
}
