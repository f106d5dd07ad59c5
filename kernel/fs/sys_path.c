/*
 * System calls on names: access, rename, link, chmod, utimensat.
 *
 * Parley's files have no owner yet: every file counts as root's (uid 0,
 * gid 0), so root may read and write anything, and execute anything with
 * an x bit; any other user gets the "other" bits.
 */
#include "fs/file.h"
#include "proc/proc.h"
#include "proc/cred.h"
#include "arch/timer.h"
#include "mm/vm.h"
#include "syscall.h"

/* POSIX access(): checked with the real user id, not the effective one. */
long
sys_access(const char *upath, int mode)
{
    char path[PATH_MAX];
    struct inode *ip;
    int err;

    if (mode & ~(R_OK | W_OK | X_OK))
        return -EINVAL;
    if ((err = get_path(path, upath)) || (err = path_lookup(path, &ip)))
        return err;
    mode_t bits = ip->mode;
    inode_put(ip);
    if (current_cred()->uid == 0) {
        if ((mode & X_OK) && !S_ISDIR(bits) && !(bits & 0111))
            return -EACCES;
        return 0;
    }
    if (((mode & R_OK) && !(bits & S_IROTH)) || ((mode & W_OK) && !(bits & S_IWOTH)) ||
        ((mode & X_OK) && !(bits & S_IXOTH)))
        return -EACCES;
    return 0;
}

long
sys_chmod(const char *upath, mode_t mode)
{
    char path[PATH_MAX];
    struct inode *ip;
    int err;

    if ((err = get_path(path, upath)) || (err = path_lookup(path, &ip)))
        return err;
    if (current_cred()->euid != 0)
        err = -EPERM;                   /* root owns every file */
    else {
        ip->mode = (ip->mode & S_IFMT) | (mode & 07777);
        ip->ctime.tv_sec = time_realtime_ns() / 1000000000;
    }
    inode_put(ip);
    return err;
}

/* link(old, new): a second name for a file (not a directory: EPERM). */
long
sys_link(const char *uold, const char *unew)
{
    char oldpath[PATH_MAX], newpath[PATH_MAX], name[NAME_MAX + 1];
    struct inode *ip, *dir;
    int err;

    if ((err = get_path(oldpath, uold)) || (err = get_path(newpath, unew)))
        return err;
    if ((err = path_lookup(oldpath, &ip)))
        return err;
    if (S_ISDIR(ip->mode)) {
        inode_put(ip);
        return -EPERM;
    }
    if (!(err = path_lookup_parent(newpath, name, &dir))) {
        err = dir_lookup(dir, name) ? -EEXIST : dir_add(dir, name, ip);
        inode_put(dir);
    }
    inode_put(ip);
    return err;
}

/* Is dir inside (or equal to) ip?  Walks ".." from dir up to the root. */
static bool
is_within(struct inode *dir, struct inode *ip)
{
    for (struct inode *d = dir; ; ) {
        if (d == ip)
            return true;
        struct inode *up = dir_lookup(d, "..");
        if (!up || up == d)
            return false;
        d = up;
    }
}

/* What rename must check when newname already exists as target. */
static int
rename_replace_check(struct inode *ip, struct inode *target)
{
    if (S_ISDIR(target->mode) && !S_ISDIR(ip->mode))
        return -EISDIR;
    if (!S_ISDIR(target->mode) && S_ISDIR(ip->mode))
        return -ENOTDIR;
    if (S_ISDIR(target->mode) && !dir_is_empty(target))
        return -ENOTEMPTY;
    return 0;
}

/* Moves the name; a directory's ".." follows it to its new parent. */
static int
rename_move(struct inode *olddir, const char *oldname, struct inode *newdir,
            const char *newname, struct inode *ip)
{
    struct inode *target = dir_lookup(newdir, newname);
    int err;

    if (target == ip)
        return 0;                       /* two names of one file: nothing to do */
    if (target && (err = rename_replace_check(ip, target)))
        return err;
    if (S_ISDIR(ip->mode) && is_within(newdir, ip))
        return -EINVAL;                 /* into itself */
    if (target) {
        if (S_ISDIR(target->mode))
            newdir->nlink--;            /* its ".." named newdir */
        dir_remove(newdir, newname);
    }
    inode_get(ip);                      /* keep it while it has no name */
    if ((err = dir_add(newdir, newname, ip)) == 0) {
        dir_remove(olddir, oldname);
        if (S_ISDIR(ip->mode) && olddir != newdir) {
            dir_remove(ip, "..");
            dir_add(ip, "..", newdir);
        }
    }
    inode_put(ip);
    return err;
}

long
sys_rename(const char *uold, const char *unew)
{
    char oldpath[PATH_MAX], newpath[PATH_MAX];
    char oldname[NAME_MAX + 1], newname[NAME_MAX + 1];
    struct inode *olddir, *newdir, *ip;
    int err;

    if ((err = get_path(oldpath, uold)) || (err = get_path(newpath, unew)))
        return err;
    if ((err = path_lookup_parent(oldpath, oldname, &olddir)))
        return err == -EEXIST ? -EBUSY : err;
    if ((err = path_lookup_parent(newpath, newname, &newdir))) {
        inode_put(olddir);
        return err == -EEXIST ? -EBUSY : err;
    }
    if (!(ip = dir_lookup(olddir, oldname)))
        err = -ENOENT;
    else if (!strcmp(oldname, ".") || !strcmp(oldname, "..") ||
             !strcmp(newname, ".") || !strcmp(newname, ".."))
        err = -EINVAL;
    else
        err = rename_move(olddir, oldname, newdir, newname, ip);
    inode_put(newdir);
    inode_put(olddir);
    return err;
}

static struct timespec
time_or_now(const struct timespec *t, struct timespec now, struct timespec old)
{
    if (!t || t->tv_nsec == UTIME_NOW)
        return now;
    return t->tv_nsec == UTIME_OMIT ? old : *t;
}

/* utimensat(AT_FDCWD, path, times, 0): set atime and mtime (NULL: now). */
long
sys_utimensat(int dirfd, const char *upath, const struct timespec *utimes, int flags)
{
    char path[PATH_MAX];
    struct timespec times[2], now;
    struct inode *ip;
    int64_t ns = time_realtime_ns();
    int err;

    if (dirfd != AT_FDCWD || flags != 0)
        return -EINVAL;                 /* only the plain form */
    if (utimes && copy_from_user(times, utimes, sizeof times))
        return -EFAULT;
    for (int i = 0; utimes && i < 2; i++)
        if (times[i].tv_nsec != UTIME_NOW && times[i].tv_nsec != UTIME_OMIT &&
            (times[i].tv_nsec < 0 || times[i].tv_nsec >= 1000000000))
            return -EINVAL;
    if ((err = get_path(path, upath)) || (err = path_lookup(path, &ip)))
        return err;
    now.tv_sec = ns / 1000000000;
    now.tv_nsec = ns % 1000000000;
    ip->atime = time_or_now(utimes ? &times[0] : 0, now, ip->atime);
    ip->mtime = time_or_now(utimes ? &times[1] : 0, now, ip->mtime);
    ip->ctime = now;
    inode_put(ip);
    return 0;
}
