/*
 * Directories: an inode whose data is an array of struct dir_entry.
 * Every directory holds "." and ".." like any other entries, and they count
 * as links like any other: an empty directory has two (its name in the
 * parent and its "."), and each subdirectory's ".." adds one to its parent,
 * as on Linux.  rmdir takes "." and ".." away before the name (dir_unlink_dots)
 * so that all three links go.
 *
 * Finding a name never reads the array: the name hash (dirhash.c) indexes
 * every entry, and dir_add and dir_remove -- the only code that writes an
 * entry -- keep it exact.  A new entry takes the lowest free slot, found
 * without a scan in the common case (see dir_free_slot).
 */
#include "fs/dir.h"
#include "fs/dirhash.h"

#define ENTRY_SIZE sizeof(struct dir_entry)

static int
dir_entry_at(struct inode *dp, off_t off, struct dir_entry *e)
{
    return inode_read(dp, e, off, ENTRY_SIZE) == ENTRY_SIZE;
}

/* Offset of the entry called name, or -1. */
static off_t
dir_find(struct inode *dp, const char *name)
{
    return dirhash_find(dp, name);
}

/*
 * The offset for a new entry: the lowest free slot, or the end.  No free
 * slot lies below dp->dir_free, and dp->dir_holes counts the free slots
 * below the end, so a directory without holes (one only ever added to)
 * appends at once, and one with holes is searched only from the hint on.
 */
static off_t
dir_free_slot(struct inode *dp)
{
    struct dir_entry e;
    off_t off = dp->dir_holes ? dp->dir_free : dp->size;
    for (; dir_entry_at(dp, off, &e); off += ENTRY_SIZE)
        if (e.ino == 0)
            break;
    return off;
}

/* The inode named name in dp, or NULL.  No reference is taken. */
struct inode *
dir_lookup(struct inode *dp, const char *name)
{
    struct dir_entry e;
    off_t off = dir_find(dp, name);
    if (off < 0 || !dir_entry_at(dp, off, &e))
        return 0;
    return inode_by_number(e.ino);
}

int
dir_add(struct inode *dp, const char *name, struct inode *ip)
{
    struct dir_entry e;
    if (dir_find(dp, name) >= 0)
        return -EEXIST;
    off_t off = dir_free_slot(dp);
    int err = dirhash_insert(dp, name, off);
    if (err)
        return err;
    bool was_hole = off < dp->size;
    memset(&e, 0, sizeof e);
    e.ino = ip->ino;
    strlcpy(e.name, name, sizeof e.name);
    ssize_t n = inode_write(dp, &e, off, ENTRY_SIZE);
    if (n != ENTRY_SIZE) {
        dirhash_remove(dp, name, off);
        return n < 0 ? (int)n : -ENOSPC;
    }
    if (was_hole)
        dp->dir_holes--;
    dp->dir_free = off + ENTRY_SIZE;
    ip->nlink++;
    return 0;
}

int
dir_remove(struct inode *dp, const char *name)
{
    struct dir_entry e;
    off_t off = dir_find(dp, name);
    if (off < 0 || !dir_entry_at(dp, off, &e))
        return -ENOENT;
    struct inode *ip = inode_by_number(e.ino);
    dirhash_remove(dp, name, off);
    memset(&e, 0, sizeof e);
    inode_write(dp, &e, off, ENTRY_SIZE);
    dp->dir_holes++;
    dp->dir_free = MIN(dp->dir_free, off);
    if (ip) {
        inode_get(ip);          /* put() below frees it if that was the last name */
        ip->nlink--;
        inode_touch(ip);
        inode_put(ip);
    }
    return 0;
}

/* Empty: no entry but "." and "..".  The used entries are the slots below
 * the end less the holes, so this needs no scan either. */
bool
dir_is_empty(struct inode *dp)
{
    off_t used = dp->size / ENTRY_SIZE - dp->dir_holes;
    off_t dots = (dir_find(dp, ".") >= 0) + (dir_find(dp, "..") >= 0);
    return used == dots;
}

/* For getdents: the next used entry at or after *pos; 0 at the end. */
int
dir_read_entry(struct inode *dp, off_t *pos, struct parley_dirent *out)
{
    struct dir_entry e;
    for (; dir_entry_at(dp, *pos, &e); *pos += ENTRY_SIZE) {
        struct inode *ip = e.ino ? inode_by_number(e.ino) : 0;
        if (!ip)
            continue;
        memset(out, 0, sizeof *out);
        out->d_ino = e.ino;
        out->d_reclen = sizeof *out;
        out->d_type = S_ISDIR(ip->mode) ? DT_DIR : S_ISFIFO(ip->mode) ? DT_FIFO :
                      S_ISCHR(ip->mode) ? DT_CHR : DT_REG;
        strlcpy(out->d_name, e.name, sizeof out->d_name);
        *pos += ENTRY_SIZE;
        return 1;
    }
    return 0;
}

/* A new, empty directory whose ".." is parent (itself for the root).
 * Returned with one reference and not yet named in parent. */
struct inode *
dir_create(struct inode *parent, mode_t mode)
{
    struct inode *dp = inode_alloc(S_IFDIR | (mode & 07777));
    if (!dp)
        return 0;
    if (dir_add(dp, ".", dp) < 0 || dir_add(dp, "..", parent ? parent : dp) < 0) {
        dir_remove(dp, ".");    /* if it was added: the index must not keep it */
        inode_put(dp);          /* no name, no reference: freed with its block */
        return 0;
    }
    return dp;
}

/* Remove an empty directory's "." and ".." (the links it holds on itself
 * and its parent), before its last name goes: rmdir, or a mkdir whose name
 * could not be added. */
void
dir_unlink_dots(struct inode *dp)
{
    assert(S_ISDIR(dp->mode) && dir_is_empty(dp));
    dir_remove(dp, "..");
    dir_remove(dp, ".");
}
