/*
 * System calls about files and descriptors: check and copy the arguments,
 * then call the file layer.  User buffers are checked here, once.
 */
#include "fs/file.h"
#include "proc/proc.h"
#include "syscall.h"
#include "dev/tty.h"
#include "proc/resource.h"

/* Copy a path argument into a kernel buffer of PATH_MAX bytes. */
int
get_path(char *dst, const char *upath)
{
    int n = copy_string_from_user(dst, upath, PATH_MAX);
    return n < 0 ? n : 0;
}

long
sys_read(int fd, char *buf, size_t n)
{
    struct file *f = fd_get(fd);
    if (!f || !file_readable(f))
        return -EBADF;
    if (n == 0)
        return 0;
    if (!f->ops->read)
        return -EINVAL;
    if (user_check(buf, n, true) < 0)
        return -EFAULT;
    return f->ops->read(f, buf, n);
}

long
sys_write(int fd, const char *buf, size_t n)
{
    struct file *f = fd_get(fd);
    if (!f || !file_writable(f))
        return -EBADF;
    if (n == 0)
        return 0;
    if (!f->ops->write)
        return -EINVAL;
    if (user_check(buf, n, false) < 0)
        return -EFAULT;
    return f->ops->write(f, buf, n);
}

long
sys_open(const char *upath, int flags, mode_t mode)
{
    char path[PATH_MAX];
    struct file *f;
    int err = get_path(path, upath);
    if (!err)
        err = fs_open(path, flags, mode, &f);
    if (err)
        return err;
    int fd = fd_install(f, 0, flags & O_CLOEXEC);
    if (fd < 0)
        file_close(f);
    return fd;
}

long sys_close(int fd) { return fd_close(fd); }

long
sys_lseek(int fd, off_t off, int whence)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    if (!f->ops->lseek)
        return -ESPIPE;
    return f->ops->lseek(f, off, whence);
}

/* pread and pwrite: read or write at off without moving the descriptor's
 * offset (so processes sharing it do not race on lseek + read).  Their
 * shared checks: 0 with *fp the file, or -errno. */
static long
positioned_io_file(int fd, const void *buf, size_t n, off_t off, bool write,
                   struct file **fp)
{
    struct file *f = fd_get(fd);
    if (!f || !(write ? file_writable(f) : file_readable(f)))
        return -EBADF;
    if (write ? !f->ops->pwrite : !f->ops->pread)
        return -ESPIPE;
    if (off < 0)
        return -EINVAL;
    if (n > 0 && user_check(buf, n, !write) < 0)
        return -EFAULT;
    *fp = f;
    return 0;
}

long
sys_pread(int fd, char *buf, size_t n, off_t off)
{
    struct file *f;
    long err = positioned_io_file(fd, buf, n, off, false, &f);
    return err ? err : n == 0 ? 0 : f->ops->pread(f, buf, n, off);
}

long
sys_pwrite(int fd, const char *buf, size_t n, off_t off)
{
    struct file *f;
    long err = positioned_io_file(fd, buf, n, off, true, &f);
    return err ? err : n == 0 ? 0 : f->ops->pwrite(f, buf, n, off);
}

long
sys_dup(int fd)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    return fd_dup(f, 0, false);
}

long
sys_dup2(int oldfd, int newfd)
{
    struct file *f = fd_get(oldfd);
    if (!f || newfd < 0 || newfd >= rlimit_nofile(current))
        return -EBADF;
    if (oldfd == newfd)
        return newfd;
    if (current->files[newfd])
        fd_close(newfd);
    return fd_dup(f, newfd, false);     /* newfd is free: lands there */
}

long
sys_fcntl(int fd, int cmd, long arg)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
        if (arg < 0 || arg >= rlimit_nofile(current))
            return -EINVAL;
        return fd_dup(f, arg, cmd == F_DUPFD_CLOEXEC);
    case F_GETFD:
        return (current->cloexec >> fd) & 1 ? FD_CLOEXEC : 0;
    case F_SETFD:
        if (arg & FD_CLOEXEC)
            current->cloexec |= 1u << fd;
        else
            current->cloexec &= ~(1u << fd);
        return 0;
    case F_GETFL:
        return f->flags;
    case F_SETFL:   /* only these status flags may change */
        f->flags = (f->flags & ~(O_APPEND | O_NONBLOCK)) | (arg & (O_APPEND | O_NONBLOCK));
        return 0;
    default:
        return -EINVAL;
    }
}

long
sys_fstat(int fd, struct stat *ust)
{
    struct stat st;
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    if (!f->inode)
        return -EBADF;
    inode_stat(f->inode, &st);
    return copy_to_user(ust, &st, sizeof st);
}

long
sys_stat(const char *upath, struct stat *ust)
{
    char path[PATH_MAX];
    struct inode *ip;
    struct stat st;
    int err = get_path(path, upath);
    if (!err)
        err = path_lookup(path, &ip);
    if (err)
        return err;
    inode_stat(ip, &st);
    inode_put(ip);
    return copy_to_user(ust, &st, sizeof st);
}

/* Make a new inode of mode at path (a kernel string).  If out is not NULL
 * it receives a reference to the new inode.  -EEXIST if the name exists. */
int
fs_make_node(const char *path, mode_t mode, struct inode **out)
{
    char name[NAME_MAX + 1];
    struct inode *dir, *ip;
    int err = path_lookup_parent(path, name, &dir);
    if (err)
        return err;
    if (dir_lookup(dir, name)) {
        inode_put(dir);
        return -EEXIST;
    }
    mode = (mode & S_IFMT) | (mode & 07777 & ~current->umask);
    ip = S_ISDIR(mode) ? dir_create(dir, mode) : inode_alloc(mode);
    if (!ip) {
        inode_put(dir);
        return -ENOSPC;
    }
    err = dir_add(dir, name, ip);
    if (err && S_ISDIR(mode))
        dir_unlink_dots(ip);            /* so the put below frees it */
    if (!err && out)
        *out = inode_get(ip);
    inode_put(ip);
    inode_put(dir);
    return err;
}

static long
make_node(const char *upath, mode_t mode)
{
    char path[PATH_MAX];
    int err = get_path(path, upath);
    return err ? err : fs_make_node(path, mode, 0);
}

long
sys_mkdir(const char *upath, mode_t mode)
{
    return make_node(upath, S_IFDIR | (mode & 07777));
}

/* mknod: FIFOs and regular files.  Devices and directories need
 * privileges no Parley process has (EPERM); anything else is not a file
 * type (EINVAL). */
long
sys_mknod(const char *upath, mode_t mode, dev_t dev)
{
    switch (mode & S_IFMT) {
    case 0:
        mode |= S_IFREG;
        break;
    case S_IFREG:
    case S_IFIFO:
        break;
    case S_IFDIR:
    case S_IFCHR:
    case S_IFBLK:
        return -EPERM;
    default:
        return -EINVAL;
    }
    return make_node(upath, mode);
}

static long
remove_name(const char *upath, bool want_dir)
{
    char path[PATH_MAX], name[NAME_MAX + 1];
    struct inode *dir;
    int err = get_path(path, upath);
    if (!err)
        err = path_lookup_parent(path, name, &dir);
    if (err)
        return err == -EEXIST ? -EBUSY : err;   /* "/" */
    struct inode *ip = dir_lookup(dir, name);
    if (!ip)
        err = -ENOENT;
    else if (want_dir && !S_ISDIR(ip->mode))
        err = -ENOTDIR;
    else if (!want_dir && S_ISDIR(ip->mode))
        err = -EISDIR;
    else if (want_dir && (strcmp(name, ".") == 0))
        err = -EINVAL;
    else if (want_dir && (strcmp(name, "..") == 0))
        err = -ENOTEMPTY;
    else if (want_dir && !dir_is_empty(ip))
        err = -ENOTEMPTY;
    if (!err) {
        if (want_dir)
            dir_unlink_dots(ip);
        err = dir_remove(dir, name);
    }
    inode_put(dir);
    return err;
}

long sys_unlink(const char *upath) { return remove_name(upath, false); }
long sys_rmdir(const char *upath)  { return remove_name(upath, true); }

long
sys_chdir(const char *upath)
{
    char path[PATH_MAX];
    struct inode *ip;
    int err = get_path(path, upath);
    if (!err)
        err = path_lookup(path, &ip);
    if (err)
        return err;
    if (!S_ISDIR(ip->mode)) {
        inode_put(ip);
        return -ENOTDIR;
    }
    inode_put(current->cwd);
    current->cwd = ip;
    return 0;
}

/* Build the current directory's path by walking ".." up to the root and
 * looking up each directory's name in its parent. */
long
sys_getcwd(char *ubuf, size_t size)
{
    char path[PATH_MAX], name[NAME_MAX + 2];
    struct inode *dir = current->cwd, *root = fs_root();
    size_t len = 0;
    path[0] = 0;
    while (dir != root) {
        struct inode *parent = dir_lookup(dir, "..");
        struct parley_dirent d;
        off_t pos = 0;
        if (!parent) {
            inode_put(root);
            return -ENOENT;             /* cwd was removed: it has no ".." */
        }
        name[0] = 0;
        while (dir_read_entry(parent, &pos, &d))
            if (d.d_ino == dir->ino && strcmp(d.d_name, ".") && strcmp(d.d_name, "..")) {
                name[0] = '/';
                strlcpy(name + 1, d.d_name, sizeof name - 1);
                break;
            }
        size_t nlen = strlen(name);
        if (nlen == 0 || len + nlen >= sizeof path) {
            inode_put(root);
            return nlen == 0 ? -ENOENT : -ENAMETOOLONG;  /* cwd was removed */
        }
        memmove(path + nlen, path, len + 1);
        memcpy(path, name, nlen);
        len += nlen;
        dir = parent;
    }
    inode_put(root);
    if (len == 0)
        strlcpy(path, "/", sizeof path), len = 1;
    if (size < len + 1)
        return ubuf ? -ERANGE : -EFAULT;
    return copy_to_user(ubuf, path, len + 1) < 0 ? -EFAULT : (long)(len + 1);
}

long
sys_getdents(int fd, char *ubuf, size_t n)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    if (!f->ops->getdents)
        return -ENOTDIR;
    if (user_check(ubuf, n, true) < 0)
        return -EFAULT;
    return f->ops->getdents(f, ubuf, n);
}

long
sys_ioctl(int fd, unsigned long request, void *arg)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    if (!f->ops->ioctl)
        return -ENOTTY;
    return f->ops->ioctl(f, request, arg);
}

long
sys_isatty(int fd)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    return file_is_tty(f) ? 1 : 0;
}

long
sys_tcgetpgrp(int fd)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    return file_is_tty(f) ? tty_foreground() : -ENOTTY;
}

long
sys_tcsetpgrp(int fd, pid_t pgid)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    if (!file_is_tty(f))
        return -ENOTTY;
    return tty_set_foreground(pgid);
}

/* ftruncate: a regular file open for writing gets exactly `length` bytes
 * (zeros when it grows).  Linux's errors: EINVAL for anything else. */
long
sys_ftruncate(int fd, off_t length)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    if (!f->inode || !S_ISREG(f->inode->mode) || !file_writable(f) || length < 0)
        return -EINVAL;
    return inode_truncate(f->inode, length);
}
