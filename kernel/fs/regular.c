/*
 * open() and the operations on regular files and directories.
 */
#include "fs/file.h"
#include "proc/proc.h"
#include "dev/device.h"
#include "ipc/pipe.h"

static ssize_t
regular_pread(struct file *f, char *buf, size_t n, off_t off)
{
    if (S_ISDIR(f->inode->mode))
        return -EISDIR;
    return inode_read(f->inode, buf, off, n);
}

static ssize_t
regular_read(struct file *f, char *buf, size_t n)
{
    ssize_t got = regular_pread(f, buf, n, f->offset);
    if (got > 0)
        f->offset += got;
    return got;
}

/* With O_APPEND every write goes at the end -- pwrite's too, whatever its
 * offset: Linux's behaviour (POSIX would have pwrite ignore O_APPEND). */
static ssize_t
regular_pwrite(struct file *f, const char *buf, size_t n, off_t off)
{
    if (f->flags & O_APPEND)
        off = f->inode->size;
    return inode_write(f->inode, buf, off, n);
}

static ssize_t
regular_write(struct file *f, const char *buf, size_t n)
{
    if (f->flags & O_APPEND)
        f->offset = f->inode->size;
    ssize_t put = regular_pwrite(f, buf, n, f->offset);
    if (put > 0)
        f->offset += put;
    return put;
}

static off_t
regular_lseek(struct file *f, off_t off, int whence)
{
    off_t base;
    switch (whence) {
    case SEEK_SET: base = 0; break;
    case SEEK_CUR: base = f->offset; break;
    case SEEK_END: base = f->inode->size; break;
    default:       return -EINVAL;
    }
    if (base + off < 0 || (off > 0 && base + off < base))
        return -EINVAL;
    f->offset = base + off;
    return f->offset;
}

/* Whole struct parley_dirent records; the offset is a position in the
 * directory's entry array. */
static int
regular_getdents(struct file *f, char *buf, size_t n)
{
    struct parley_dirent d;
    size_t done = 0;
    if (!S_ISDIR(f->inode->mode))
        return -ENOTDIR;
    if (n < sizeof d)
        return -EINVAL;
    while (done + sizeof d <= n && dir_read_entry(f->inode, &f->offset, &d)) {
        memcpy(buf + done, &d, sizeof d);
        done += sizeof d;
    }
    return (int)done;
}

const struct file_ops regular_file_ops = {
    .read = regular_read,
    .write = regular_write,
    .lseek = regular_lseek,
    .pread = regular_pread,
    .pwrite = regular_pwrite,
    .getdents = regular_getdents,
};

/* Find or (with O_CREAT) create the regular file at path. */
static int
open_inode(const char *path, int flags, mode_t mode, struct inode **out)
{
    char name[NAME_MAX + 1];
    struct inode *dir;
    if (!(flags & O_CREAT))
        return path_lookup(path, out);
    int err = path_lookup_parent(path, name, &dir);
    if (err)
        return err;
    struct inode *ip = dir_lookup(dir, name);
    if (ip) {
        inode_put(dir);
        if (flags & O_EXCL)
            return -EEXIST;
        *out = inode_get(ip);
        return 0;
    }
    ip = inode_alloc(S_IFREG | (mode & 07777 & ~current->umask));
    if (!ip) {
        inode_put(dir);
        return -ENOSPC;     /* POSIX: the file system cannot be expanded */
    }
    err = dir_add(dir, name, ip);
    inode_put(dir);
    if (err) {
        inode_put(ip);
        return err;
    }
    *out = ip;
    return 0;
}

int
fs_open(const char *path, int flags, mode_t mode, struct file **out)
{
    struct inode *ip;
    int err = open_inode(path, flags, mode, &ip);
    if (err)
        return err;
    int acc = flags & O_ACCMODE;
    if (acc == O_ACCMODE)
        err = -EINVAL;
    else if (S_ISDIR(ip->mode) && acc != O_RDONLY)
        err = -EISDIR;
    else if ((flags & O_DIRECTORY) && !S_ISDIR(ip->mode))
        err = -ENOTDIR;
    if (err) {
        inode_put(ip);
        return err;
    }
    if (S_ISSOCK(ip->mode)) {           /* a socket is reached by connect() */
        inode_put(ip);
        return -ENXIO;
    }
    if (S_ISFIFO(ip->mode))
        return fifo_open(ip, flags, out);       /* takes over the reference */
    if (S_ISCHR(ip->mode))
        return device_open(ip, flags, out);     /* takes over the reference */
    if ((flags & O_TRUNC) && S_ISREG(ip->mode) && acc != O_RDONLY)
        inode_truncate(ip, 0);
    *out = file_alloc(&regular_file_ops, ip, flags);
    if (!*out) {
        inode_put(ip);
        return -ENFILE;
    }
    return 0;
}
