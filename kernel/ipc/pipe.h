#ifndef IPC_PIPE_H
#define IPC_PIPE_H

#include "ipc/byteq.h"

struct inode;
struct file;

/*
 * What an open pipe or FIFO needs beyond its inode: the byte ring (whose
 * pages are the inode's direct blocks, the SVR4 design) and the FIFO open
 * rendezvous.  The ring's positions live here, not in the open file, which
 * is why lseek on a pipe fails with ESPIPE.  A FIFO that nobody has open
 * has none: it is taken at the first open and given back at the last
 * close, so a FIFO that lives on by its name holds no memory.
 */
struct pipe_state {
    struct byteq q;             /* readers/writers: the open ends */
    unsigned     reader_opens;  /* FIFO open rendezvous counters */
    unsigned     writer_opens;
    struct waitq open_wait;     /* FIFO opens waiting for a peer */
};

int      fifo_open(struct inode *ip, int flags, struct file **out);
uint32_t pipe_queued(struct inode *ip);     /* st_size of a pipe or FIFO */

#endif
