/*
 * Inodes and their data blocks.
 *
 * The file system lives in memory: a fixed table of inodes, and data blocks
 * that are page frames.  A file's block n is found through direct[n], the
 * indirect block, or the double indirect block; a hole (never written) has
 * no block and reads as zeros.
 */
#include "fs/inode.h"
#include "mm/region.h"
#include "mm/frame.h"
#include "arch/timer.h"
#include "lib/kstat.h"
#include "ipc/pipe.h"

static struct inode inode_table[NINODE];
static unsigned inodes_in_use;

/* The free slots, as a stack, so that making a file costs the same with
 * 10 inodes in use as with 2000 (no search of the table for a free one). */
static struct inode *free_inodes[NINODE];
static unsigned nfree;

void
inode_init(void)
{
    memset(inode_table, 0, sizeof inode_table);
    nfree = 0;
    for (int i = NINODE - 1; i >= 0; i--)     /* slot 0 on top: "/" is inode 1 */
        free_inodes[nfree++] = &inode_table[i];
}

static struct timespec
now_timespec(void)
{
    int64_t ns = time_realtime_ns();    /* file times are wall-clock times */
    struct timespec ts = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };
    return ts;
}

void
inode_touch(struct inode *ip)
{
    ip->mtime = ip->ctime = now_timespec();
}

/* A new inode with one reference and no name yet; NULL if the table is full. */
struct inode *
inode_alloc(mode_t mode)
{
    if (nfree == 0)
        return 0;
    struct inode *ip = free_inodes[--nfree];
    assert(ip->ino == 0);
    memset(ip, 0, sizeof *ip);
    ip->ino = (ino_t)(ip - inode_table) + 1;   /* stable while alive */
    ip->mode = mode;
    ip->refs = 1;
    ip->atime = ip->mtime = ip->ctime = now_timespec();
    inodes_in_use++;
    kstat_add(KSTAT_inodes, +1);
    return ip;
}

/* The live inode numbered ino (directory entries name inodes by number). */
struct inode *
inode_by_number(ino_t ino)
{
    if (ino == 0 || ino > NINODE || inode_table[ino - 1].ino != ino)
        return 0;
    return &inode_table[ino - 1];
}

struct inode *
inode_get(struct inode *ip)
{
    if (ip)
        ip->refs++;
    return ip;
}

static void inode_free_blocks_from(struct inode *ip, uint32_t first);

static void
inode_free(struct inode *ip)
{
    assert(ip->refs == 0 && ip->nlink == 0);
    inode_free_blocks_from(ip, 0);  /* file data, or a pipe's queue */
    ip->ino = 0;
    free_inodes[nfree++] = ip;
    inodes_in_use--;
    kstat_add(KSTAT_inodes, -1);
}

/* Drop a reference; the inode dies when it has neither references nor names. */
void
inode_put(struct inode *ip)
{
    if (!ip)
        return;
    assert(ip->refs > 0);
    if (--ip->refs == 0 && ip->nlink == 0)
        inode_free(ip);
}

/* File data counts against the file-data limit (mm/frame.c); a pipe's
 * queue, bounded by PIPE_CAPACITY, does not, so a full file system never
 * stops a pipe. */
static void *
data_frame_alloc(struct inode *ip)
{
    return S_ISFIFO(ip->mode) ? frame_alloc_zeroed() : file_frame_alloc();
}

static void
data_frame_free(struct inode *ip, void *frame)
{
    if (S_ISFIFO(ip->mode))
        frame_unref(frame);
    else
        file_frame_free(frame);
}

/* The slot holding block pointer n of ip, making index blocks if alloc. */
static char **
inode_block_slot(struct inode *ip, uint32_t n, bool alloc)
{
    if (n < NDIRECT)
        return &ip->direct[n];
    n -= NDIRECT;
    char ***level1;
    if (n < PTRS_PER_BLOCK) {
        level1 = &ip->indirect;
    } else {
        n -= PTRS_PER_BLOCK;
        if (n >= PTRS_PER_BLOCK * PTRS_PER_BLOCK)
            return 0;
        if (!ip->double_indirect && (!alloc || !(ip->double_indirect = data_frame_alloc(ip))))
            return 0;
        level1 = &ip->double_indirect[n / PTRS_PER_BLOCK];
        n %= PTRS_PER_BLOCK;
    }
    if (!*level1 && (!alloc || !(*level1 = data_frame_alloc(ip))))
        return 0;
    return &(*level1)[n];
}

/* Kernel address of block n, or NULL for a hole (or no memory, if alloc). */
char *
inode_block(struct inode *ip, uint32_t n, bool alloc)
{
    char **slot = inode_block_slot(ip, n, alloc);
    if (!slot)
        return 0;
    if (!*slot && alloc)
        *slot = data_frame_alloc(ip);
    return *slot;
}

/* Read up to n bytes at off into dst (a kernel address, or user memory
 * already checked by user_check).  Returns the count read. */
ssize_t
inode_read(struct inode *ip, void *dst, off_t off, size_t n)
{
    if (off >= ip->size)
        return 0;
    n = MIN(n, (size_t)(ip->size - off));
    for (size_t done = 0; done < n;) {
        uint32_t in_block = (off + done) % BLOCK_SIZE;
        size_t chunk = MIN(n - done, BLOCK_SIZE - in_block);
        char *block = inode_block(ip, (off + done) / BLOCK_SIZE, false);
        if (block)
            memcpy((char *)dst + done, block + in_block, chunk);
        else
            memset((char *)dst + done, 0, chunk);
        done += chunk;
    }
    return n;
}

/*
 * Zero up to len bytes of the last block from the end of the file on.
 * Past the end they are zero anyway, except where a shared mapping stored
 * into the last page (mm/region.c maps the file's own frame): POSIX says
 * such stores never reach the file, so they are cleared before the file
 * grows over them.  The file's blocks past that one are always holes.
 */
static void
inode_clear_tail(struct inode *ip, off_t len)
{
    off_t in_block = ip->size % BLOCK_SIZE;
    char *last = in_block && len > 0 ? inode_block(ip, ip->size / BLOCK_SIZE, false) : 0;
    if (last)
        memset(last + in_block, 0, MIN(len, BLOCK_SIZE - in_block));
}

ssize_t
inode_write(struct inode *ip, const void *src, off_t off, size_t n)
{
    if ((uint64_t)off + n > (uint64_t)MAX_FILE_BLOCKS * BLOCK_SIZE || off + (off_t)n < off)
        return -EFBIG;
    if (off > ip->size)
        inode_clear_tail(ip, off - ip->size);   /* the gap reads as zero */
    size_t done = 0;
    while (done < n) {
        uint32_t in_block = (off + done) % BLOCK_SIZE;
        size_t chunk = MIN(n - done, BLOCK_SIZE - in_block);
        char *block = inode_block(ip, (off + done) / BLOCK_SIZE, true);
        if (!block)
            break;
        memcpy(block + in_block, (const char *)src + done, chunk);
        done += chunk;
    }
    if (done == 0 && n > 0)
        return -ENOSPC;
    if (off + (off_t)done > ip->size)
        ip->size = off + done;
    inode_touch(ip);
    return done;
}

static void
free_block(struct inode *ip, char **slot)
{
    if (*slot) {
        data_frame_free(ip, *slot);
        *slot = 0;
    }
}

/* Free every block at or past block number first. */
static void
inode_free_blocks_from(struct inode *ip, uint32_t first)
{
    for (uint32_t n = first; n < NDIRECT; n++)
        free_block(ip, &ip->direct[n]);
    if (ip->indirect) {
        uint32_t start = first > NDIRECT ? first - NDIRECT : 0;
        for (uint32_t i = start; i < PTRS_PER_BLOCK; i++)
            free_block(ip, &ip->indirect[i]);
        if (start == 0)
            free_block(ip, (char **)&ip->indirect);
    }
    if (ip->double_indirect) {
        uint32_t base = NDIRECT + PTRS_PER_BLOCK;
        uint32_t start = first > base ? first - base : 0;
        for (uint32_t i = start / PTRS_PER_BLOCK; i < PTRS_PER_BLOCK; i++) {
            char **level1 = ip->double_indirect[i];
            if (!level1)
                continue;
            uint32_t from = i == start / PTRS_PER_BLOCK ? start % PTRS_PER_BLOCK : 0;
            for (uint32_t j = from; j < PTRS_PER_BLOCK; j++)
                free_block(ip, &level1[j]);
            if (from == 0)
                free_block(ip, (char **)&ip->double_indirect[i]);
        }
        if (start == 0)
            free_block(ip, (char **)&ip->double_indirect);
    }
}

/* Set the size; blocks wholly past the new end are freed.  Growing or
 * shrinking, the tail of the last block is zeroed (see inode_clear_tail). */
int
inode_truncate(struct inode *ip, off_t size)
{
    if (size < 0)
        return -EINVAL;
    if (size < ip->size) {
        regions_object_truncated(ip, size);     /* mappings let go first */
        inode_free_blocks_from(ip, ROUNDUP(size, BLOCK_SIZE) / BLOCK_SIZE);
        ip->size = size;
    }
    inode_clear_tail(ip, BLOCK_SIZE);
    ip->size = size;
    inode_touch(ip);
    return 0;
}

void
inode_stat(struct inode *ip, struct stat *st)
{
    memset(st, 0, sizeof *st);
    st->st_dev = 1;
    st->st_ino = ip->ino;
    st->st_mode = ip->mode;
    st->st_nlink = ip->nlink;
    st->st_rdev = ip->rdev;
    st->st_size = S_ISFIFO(ip->mode) ? (off_t)pipe_queued(ip) : ip->size;
    st->st_blksize = BLOCK_SIZE;
    st->st_blocks = ROUNDUP(ip->size, BLOCK_SIZE) / 512;
    st->st_atim = ip->atime;
    st->st_mtim = ip->mtime;
    st->st_ctim = ip->ctime;
}

unsigned inode_free_count(void)  { return NINODE - inodes_in_use; }
unsigned inode_total_count(void) { return NINODE; }
