#ifndef FS_INODE_H
#define FS_INODE_H

#include "lib/kernel.h"
#include "proc/waitq.h"
#include <parley/stat.h>
#include <parley/limits.h>

#define BLOCK_SIZE     PAGE_SIZE
#define NDIRECT        16               /* 64 KiB: also a pipe's capacity */
#define PTRS_PER_BLOCK (BLOCK_SIZE / sizeof(char *))
#define MAX_FILE_BLOCKS (NDIRECT + PTRS_PER_BLOCK + PTRS_PER_BLOCK * PTRS_PER_BLOCK)

#ifdef PARLEY_SMALL
#define NINODE 64
#else
#define NINODE 1024
#endif

/*
 * A pipe or FIFO keeps its bytes in the inode's direct blocks, used as one
 * circular queue (the SVR4 design).  read_pos and write_pos are byte offsets
 * into that queue; they live here, in the inode, not in the open file, which
 * is why lseek on a pipe fails with ESPIPE.
 */
struct pipe_state {
    uint32_t     read_pos;              /* next byte to read */
    uint32_t     write_pos;             /* next byte to write */
    uint32_t     count;                 /* bytes queued */
    int          readers;               /* open read ends */
    int          writers;               /* open write ends */
    unsigned     reader_opens;          /* FIFO open rendezvous counters */
    unsigned     writer_opens;
    struct waitq read_wait;             /* readers waiting for data */
    struct waitq write_wait;            /* writers waiting for room */
    struct waitq open_wait;             /* FIFO opens waiting for a peer */
};

/*
 * An in-memory inode.  Data blocks are whole pages taken from the frame
 * allocator; direct[], then one indirect block of pointers, then a double
 * indirect block.  An inode lives while it has a name (nlink > 0) or an
 * in-memory reference (refs > 0: open files, current directories, exec).
 */
struct inode {
    ino_t             ino;              /* 0: free slot */
    mode_t            mode;             /* type and permission bits */
    nlink_t           nlink;            /* directory entries naming it */
    int               refs;             /* in-memory references */
    off_t             size;
    dev_t             rdev;             /* device number, for S_IFCHR */
    char             *direct[NDIRECT];
    char            **indirect;
    char           ***double_indirect;
    struct timespec   atime, mtime, ctime;
    struct pipe_state pipe;             /* pipes and FIFOs only */
};

void          inode_init(void);
struct inode *inode_alloc(mode_t mode);
struct inode *inode_get(struct inode *ip);
struct inode *inode_by_number(ino_t ino);
void          inode_put(struct inode *ip);
char         *inode_block(struct inode *ip, uint32_t blockno, bool alloc);
ssize_t       inode_read(struct inode *ip, void *dst, off_t off, size_t n);
ssize_t       inode_write(struct inode *ip, const void *src, off_t off, size_t n);
int           inode_truncate(struct inode *ip, off_t size);
void          inode_stat(struct inode *ip, struct stat *st);
void          inode_touch(struct inode *ip);
unsigned      inode_free_count(void);
unsigned      inode_total_count(void);

#endif
