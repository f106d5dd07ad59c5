/*
 * stress: the channel interface between the collector (stress.c) and the
 * IPC mechanisms it drives (pipes.c, messages.c, ring.c, sockets.c).
 *
 * A channel carries records from several writer processes to one collector.
 * Its operations, in the order they are called:
 *
 *   setup(writers)       collector, before the writers are forked: make the
 *                        object(s); 0, or -1 with errno
 *   writer_open(writer)  in each writer, first: drop the collector's end,
 *                        open or connect its own; 0 or -1
 *   send_record(rec, n)  in a writer: send one whole record; 0 or -1
 *   writers_forked()     collector, once every writer exists: drop its own
 *                        copy of the writers' end (NULL: nothing to drop)
 *   after_hellos()       collector, once every writer has said hello (a
 *                        FIFO's collector keeps a write end open till then,
 *                        so no early end of file); NULL: nothing
 *   recv_record(buf, size, &from, wait)
 *                        collector: > 0 bytes from from.source (a stream's
 *                        may be part of a record or several; a message
 *                        channel's must be one whole record); 0 end of file
 *                        on from.source; -1 with errno EAGAIN (!wait,
 *                        nothing there now), EINTR (the collector's tick),
 *                        or an error.  The collector zeroes `from` first;
 *                        a channel with one source per writer (a connection
 *                        each) sets source, one whose kernel says who sent
 *                        a message (mailboxes, ports, inboxes) sets sender.
 *   teardown()           collector, after the writers are reaped: remove
 *                        everything setup made
 *
 * Add a mechanism: fill a struct channel in one of the files and list it
 * in `channels` in stress.c.
 */
#ifndef STRESS_H
#define STRESS_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define MAX_WRITERS 16
#define RECORD_MAX  PIPE_BUF    /* one write(2) of it is atomic on a pipe */

/* Where a received chunk came from. */
struct arrival {
    int   source;               /* 0, or 0..writers-1 for per_writer channels */
    pid_t sender;               /* the sending process as the kernel stamped it; 0 unknown */
};

struct channel {
    const char *name;
    bool        messages;       /* a receive is exactly one record */
    bool        per_writer;     /* one source per writer, else one shared */
    int     (*setup)(int writers);
    int     (*writer_open)(uint32_t writer);
    int     (*send_record)(const void *rec, size_t n);
    void    (*writers_forked)(void);
    void    (*after_hellos)(void);
    ssize_t (*recv_record)(void *buf, size_t size, struct arrival *from, bool wait);
    void    (*teardown)(void);
};

/* pipes.c: byte streams over descriptors, and datagrams over one */
extern const struct channel pipe_channel, fifo_channel;
extern const struct channel unix_stream_channel, unix_dgram_channel;
/* sockets.c: a loopback TCP connection per writer */
extern const struct channel inet_stream_channel;
/* messages.c: the message store's three front ends */
extern const struct channel msgq_channel, mailbox_channel, port_channel, direct_channel;
/* ring.c: a ring in System V shared memory, guarded by System V semaphores */
extern const struct channel shm_ring_channel;

/* Shared by the descriptor channels (pipes.c): the collector's end and a
 * writer's end; fd_recv / fd_send read and write them. */
extern int fd_collector, fd_writer;
ssize_t fd_recv(void *buf, size_t size, struct arrival *from, bool wait);
int     fd_send(const void *rec, size_t n);

#endif
