#ifndef FS_INODE_H
#define FS_INODE_H

#include "lib/kernel.h"
#include <parley/stat.h>
#include <parley/limits.h>

struct pipe_state;

#define BLOCK_SIZE     PAGE_SIZE
#define NDIRECT        16               /* 64 KiB: also where a pipe's ring lives */
#define PTRS_PER_BLOCK (BLOCK_SIZE / sizeof(char *))
#define MAX_FILE_BLOCKS (NDIRECT + PTRS_PER_BLOCK + PTRS_PER_BLOCK * PTRS_PER_BLOCK)

#define NINODE INODE_MAX                /* <parley/limits.h> */

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
    struct pipe_state *pipe;            /* open pipes and FIFOs only (ipc/pipe.h) */
    off_t             dir_free;         /* directories: no free entry below this offset */
    unsigned          dir_holes;        /* directories: free entries below the end */
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
