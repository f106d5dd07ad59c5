/*
 * Pipes and FIFOs: a byteq (ipc/byteq.c) whose pages are the inode's
 * direct blocks.
 *
 * The ring is PIPE_CAPACITY bytes (NDIRECT blocks of 4 KiB, allocated on
 * first use, given back when no end is open any more).  A pipe's inode has
 * no name; a FIFO's inode is named by mkfifo and opened like a file.
 *
 * Protocol (who blocks, who is woken): read and write are the byteq's
 * (see byteq.h).  Here: a write with no reader left sends SIGPIPE to the
 * writer and fails with EPIPE; the close of the last read or write end
 * wakes everyone, so sleepers see EOF or EPIPE; the open of a FIFO sleeps
 * on open_wait until the other end is opened.
 */
#include "ipc/pipe.h"
#include "syscall.h"
#include "trace/trace.h"
#include "trace/waitfor.h"
#include "fs/file.h"
#include "proc/proc.h"
#include "lib/kstat.h"
#include <parley/limits.h>
#include <parley/ioctl.h>
#include <parley/poll.h>

_Static_assert(PIPE_CAPACITY <= NDIRECT * BLOCK_SIZE, "pipe ring is in the direct blocks");
_Static_assert(PIPE_BUF <= PIPE_CAPACITY, "atomic writes must fit in the ring");

/* One per pipe or open FIFO; no more than open files can hold ends. */
#define NPIPE (NPROC_FILES / 2)
static struct pipe_state pipe_table[NPIPE];
static bool pipe_used[NPIPE];

/* Give ip its pipe state (a FIFO nobody had open has none). */
static struct pipe_state *
pipe_state_get(struct inode *ip)
{
    if (ip->pipe)
        return ip->pipe;
    for (int i = 0; i < NPIPE; i++) {
        if (pipe_used[i])
            continue;
        struct pipe_state *ps = &pipe_table[i];
        memset(ps, 0, sizeof *ps);
        byteq_init(&ps->q, ip->direct, PIPE_CAPACITY);
        pipe_used[i] = true;
        kstat_add(KSTAT_pipes, +1);
        return ip->pipe = ps;
    }
    return 0;
}

/* Nobody has it open: unread data is discarded (Linux) and the state is
 * given back. */
static void
pipe_state_put(struct inode *ip)
{
    struct pipe_state *ps = ip->pipe;
    /* nobody may sleep on state that is about to be reused */
    assert(waitq_empty(&ps->q.read_wait) && waitq_empty(&ps->q.write_wait) &&
           waitq_empty(&ps->open_wait));
    byteq_discard(&ps->q);
    pipe_used[ps - pipe_table] = false;
    ip->pipe = 0;
    kstat_add(KSTAT_pipes, -1);
}

/* Does p hold an end of the pipe ps: a write end (writers) or a read end? */
static bool
holds_end(struct proc *p, struct pipe_state *ps, bool writers)
{
    for (int fd = 0; fd < OPEN_MAX; fd++) {
        struct file *f = p->files[fd];
        if (f && f->inode && f->inode->pipe == ps &&
            (writers ? file_writable(f) : file_readable(f)))
            return true;
    }
    return false;
}

static int
end_holders(struct pipe_state *ps, bool writers, pid_t *who, int max)
{
    int n = 0;
    for (struct proc *p = proc_table; p < proc_table + NPROC && n < max; p++)
        if (p->state != PROC_UNUSED && p->state != PROC_ZOMBIE && holds_end(p, ps, writers))
            who[n++] = p->pid;
    return n;
}

/* The wait-for graph's resolver (trace/waitfor.h): a reader of an empty
 * pipe waits for the holders of its write ends, a writer to a full one
 * for the holders of its read ends; a FIFO open, for anyone. */
int
pipe_waits_for(struct proc *sleeper, struct waitq *q, pid_t *who, int max)
{
    for (int i = 0; i < NPIPE; i++) {
        struct pipe_state *ps = &pipe_table[i];
        if (!pipe_used[i])
            continue;
        if (q == &ps->q.read_wait)
            return end_holders(ps, true, who, max);
        if (q == &ps->q.write_wait)
            return end_holders(ps, false, who, max);
        if (q == &ps->open_wait)
            return 0;
    }
    return -1;
}

uint32_t
pipe_queued(struct inode *ip)
{
    return ip->pipe ? ip->pipe->q.count : 0;
}

static int
pipe_flags(struct file *f)
{
    return f->flags & O_NONBLOCK ? BYTEQ_NONBLOCK : 0;
}

/* For the trace: a FIFO has a name in the file system, a pipe has none. */
static int
pipe_trace_type(struct file *f)
{
    return f->inode->nlink > 0 ? TRACE_OBJ_FIFO : TRACE_OBJ_PIPE;
}

static ssize_t
pipe_read(struct file *f, char *buf, size_t n)
{
    struct byteq_name name = { "pipe %d empty", f->inode->ino, 0 };
    ssize_t got = byteq_read(&f->inode->pipe->q, buf, n, pipe_flags(f), &name);
    if (got > 0 && trace_ipc_on(current))
        trace_ipc(TRACE_EV_RECV, pipe_trace_type(f), f->inode->ino, 0, got, 0, NULL);
    return got;
}

static ssize_t
pipe_write(struct file *f, const char *buf, size_t n)
{
    struct byteq_name name = { "pipe %d full", f->inode->ino, 0 };
    ssize_t put = byteq_write(&f->inode->pipe->q, buf, n, pipe_flags(f), &name);
    if (put > 0 && trace_ipc_on(current))
        trace_ipc(TRACE_EV_SEND, pipe_trace_type(f), f->inode->ino, 0, put, 0, NULL);
    if (put == -EPIPE || (put >= 0 && (size_t)put < n && f->inode->pipe->q.readers == 0))
        signal_send(current, SIGPIPE, current->pid);
    return put;
}

static void
pipe_close(struct file *f)
{
    struct pipe_state *ps = f->inode->pipe;
    if (file_readable(f))
        ps->q.readers--;
    if (file_writable(f))
        ps->q.writers--;
    byteq_hangup(&ps->q);
    waitq_wake_all(&ps->open_wait);
    if (ps->q.readers == 0 && ps->q.writers == 0)
        pipe_state_put(f->inode);
}

static int
pipe_ioctl(struct file *f, unsigned long request, void *arg)
{
    if (request != FIONREAD)
        return -ENOTTY;
    int n = f->inode->pipe->q.count;
    return copy_to_user(arg, &n, sizeof n);
}

/* Read end: POLLIN with data, POLLHUP once the last writer has gone.
 * Write end: POLLOUT with room for PIPE_BUF bytes, POLLERR with no reader. */
static unsigned
pipe_poll(struct file *f, struct poll_table *pt)
{
    struct byteq *q = &f->inode->pipe->q;
    unsigned events = 0;
    if (file_readable(f)) {
        poll_wait(pt, &q->read_wait);
        if (q->count > 0)
            events |= POLLIN | POLLRDNORM;
        if (q->writers == 0)
            events |= POLLHUP;
    }
    if (file_writable(f)) {
        poll_wait(pt, &q->write_wait);
        if (q->readers == 0)
            events |= POLLERR;
        else if (byteq_writable(q))
            events |= POLLOUT | POLLWRNORM;
    }
    return events;
}

static const struct file_ops pipe_ops = {
    .read = pipe_read,
    .write = pipe_write,
    .close = pipe_close,
    .ioctl = pipe_ioctl,
    .poll = pipe_poll,
};

/* A new open file on a pipe inode; counts the end(s) it opens. */
static struct file *
pipe_open_end(struct inode *ip, int flags)
{
    struct pipe_state *ps = pipe_state_get(ip);
    if (!ps)
        return 0;
    struct file *f = file_alloc(&pipe_ops, ip, flags);
    if (!f) {
        if (ps->q.readers == 0 && ps->q.writers == 0)
            pipe_state_put(ip);
        return 0;
    }
    if (file_readable(f))
        ps->q.readers++;
    if (file_writable(f))
        ps->q.writers++;
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

/* Sleep until the other end's count is non-zero or someone opened it
 * since `seen`; -ERESTARTSYS on a signal. */
static int
fifo_wait_peer(struct inode *ip, const int *peers, const unsigned *opens,
               const char *what)
{
    unsigned seen = *opens;
    while (*peers == 0 && *opens == seen)
        if (waitq_sleep(&ip->pipe->open_wait, what, ip->ino, 0))
            return -ERESTARTSYS;
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
    int acc = flags & O_ACCMODE;
    bool nonblock = flags & O_NONBLOCK;
    if (acc == O_WRONLY && nonblock && (!ip->pipe || ip->pipe->q.readers == 0)) {
        inode_put(ip);
        return -ENXIO;
    }
    struct file *f = pipe_open_end(ip, flags);
    if (!f) {
        inode_put(ip);
        return -ENFILE;
    }
    struct pipe_state *ps = ip->pipe;
    if (acc == O_RDONLY)
        ps->reader_opens++;
    if (acc == O_WRONLY)
        ps->writer_opens++;
    waitq_wake_all(&ps->open_wait);
    int err = 0;
    if (acc == O_RDONLY && !nonblock)
        err = fifo_wait_peer(ip, &ps->q.writers, &ps->writer_opens, "fifo %d open: no writer");
    if (acc == O_WRONLY && !nonblock)
        err = fifo_wait_peer(ip, &ps->q.readers, &ps->reader_opens, "fifo %d open: no reader");
    if (err) {
        file_close(f);
        return err;
    }
    *out = f;
    return 0;
}
