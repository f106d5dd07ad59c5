/*
 * stress channels over one pair of descriptors: a pipe, a FIFO, and the
 * two AF_UNIX socket pairs.  The collector reads fd_collector; every
 * writer inherits fd_writer (or opens the FIFO) and writes whole records
 * to it.  A record is at most PIPE_BUF bytes, so each write is atomic on
 * a pipe, a FIFO and a stream socket (the same byte queue), and a
 * datagram is one message: a record is whole or absent, even when its
 * writer is killed in the middle of the write.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stress.h"

#define FIFO_PATH "/tmp/stress.fifo"

int fd_collector = -1, fd_writer = -1;
static bool collector_nonblocking;

/* One read of the collector's end; the first read that may not wait
 * switches it to O_NONBLOCK for good (asked only once the writers are
 * done). */
ssize_t
fd_recv(void *buf, size_t size, struct arrival *from, bool wait)
{
    if (!wait && !collector_nonblocking) {
        fcntl(fd_collector, F_SETFL, fcntl(fd_collector, F_GETFL) | O_NONBLOCK);
        collector_nonblocking = true;
    }
    return read(fd_collector, buf, size);
}

int
fd_send(const void *rec, size_t n)
{
    return write(fd_writer, rec, n) == (ssize_t)n ? 0 : -1;
}

/* ---- a pair of descriptors: the writers' end is inherited --------------- */

static int
pair_adopt(int fds[2])
{
    fd_collector = fds[0];
    fd_writer = fds[1];
    collector_nonblocking = false;
    return 0;
}

static int
pipe_setup(int writers)
{
    int fds[2];
    return pipe(fds) < 0 ? -1 : pair_adopt(fds);
}

static int
pair_writer_open(uint32_t writer)
{
    close(fd_collector);
    return 0;
}

static void
pair_writers_forked(void)
{
    close(fd_writer);                   /* end of file once the writers go */
}

static void
pair_teardown(void)
{
    close(fd_collector);
}

const struct channel pipe_channel = {
    .name = "pipe", .setup = pipe_setup, .writer_open = pair_writer_open,
    .send_record = fd_send, .writers_forked = pair_writers_forked,
    .recv_record = fd_recv, .teardown = pair_teardown,
};

static int
unix_stream_setup(int writers)
{
    int fds[2];
    return socketpair(AF_UNIX, SOCK_STREAM, 0, fds) < 0 ? -1 : pair_adopt(fds);
}

const struct channel unix_stream_channel = {
    .name = "unix-stream", .setup = unix_stream_setup, .writer_open = pair_writer_open,
    .send_record = fd_send, .writers_forked = pair_writers_forked,
    .recv_record = fd_recv, .teardown = pair_teardown,
};

static int
unix_dgram_setup(int writers)
{
    int fds[2];
    return socketpair(AF_UNIX, SOCK_DGRAM, 0, fds) < 0 ? -1 : pair_adopt(fds);
}

const struct channel unix_dgram_channel = {
    .name = "unix-dgram", .messages = true,
    .setup = unix_dgram_setup, .writer_open = pair_writer_open,
    .send_record = fd_send, .writers_forked = pair_writers_forked,
    .recv_record = fd_recv, .teardown = pair_teardown,
};

/* ---- a FIFO: each writer opens it by name ------------------------------- */

static int fifo_keep_fd = -1;           /* the collector's write end */

static int
fifo_setup(int writers)
{
    unlink(FIFO_PATH);
    collector_nonblocking = false;
    if (mkfifo(FIFO_PATH, 0600) < 0)
        return -1;
    fd_collector = open(FIFO_PATH, O_RDONLY | O_NONBLOCK);
    fifo_keep_fd = open(FIFO_PATH, O_WRONLY);   /* no EOF before all open */
    if (fd_collector < 0 || fifo_keep_fd < 0)
        return -1;
    fcntl(fd_collector, F_SETFL, 0);            /* blocking reads from now */
    return 0;
}

static int
fifo_writer_open(uint32_t writer)
{
    close(fd_collector);
    close(fifo_keep_fd);
    fd_writer = open(FIFO_PATH, O_WRONLY);
    return fd_writer < 0 ? -1 : 0;
}

static void
fifo_after_hellos(void)
{
    close(fifo_keep_fd);
}

static void
fifo_teardown(void)
{
    close(fd_collector);
    unlink(FIFO_PATH);
}

const struct channel fifo_channel = {
    .name = "fifo", .setup = fifo_setup, .writer_open = fifo_writer_open,
    .send_record = fd_send, .after_hellos = fifo_after_hellos,
    .recv_record = fd_recv, .teardown = fifo_teardown,
};
