/*
 * The open-file table and the per-process descriptor tables.
 *
 * A descriptor (an index in proc->files) points to an open file
 * description (struct file) holding the offset and status flags; dup() and
 * fork() share descriptions, counting references.  When the last reference
 * goes, the object's close operation runs: for a pipe that is what lets the
 * other end see end of file.
 */
#include "fs/file.h"
#include "proc/resource.h"
#include "proc/proc.h"
#include "lib/kstat.h"

static struct file file_table[NPROC_FILES];
static unsigned files_in_use;

/* The free entries, as a stack, so that an open costs the same with 5
 * files open as with 500 (no search of the table for a free entry). */
static struct file *free_files[NPROC_FILES];
static unsigned nfree;

void
file_init(void)
{
    nfree = 0;
    for (int i = NPROC_FILES - 1; i >= 0; i--)
        free_files[nfree++] = &file_table[i];
}

struct file *
file_alloc(const struct file_ops *ops, struct inode *ip, int flags)
{
    if (nfree == 0)
        return 0;
    struct file *f = free_files[--nfree];
    assert(f->refs == 0);
    f->ops = ops;
    f->refs = 1;
    f->flags = flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC | O_NOCTTY);
    f->offset = 0;
    f->inode = ip;
    f->private = 0;
    files_in_use++;
    kstat_add(KSTAT_open_files, +1);
    return f;
}

struct file *
file_dup(struct file *f)
{
    f->refs++;
    return f;
}

void
file_close(struct file *f)
{
    assert(f->refs > 0);
    if (--f->refs > 0) {
        if (f->ops->unref)
            f->ops->unref(f);
        return;
    }
    if (f->ops->close)
        f->ops->close(f);
    inode_put(f->inode);
    f->inode = 0;
    free_files[nfree++] = f;
    files_in_use--;
    kstat_add(KSTAT_open_files, -1);
}

unsigned
file_count_open(void)
{
    return files_in_use;
}

struct file *
fd_get(int fd)
{
    if (fd < 0 || fd >= OPEN_MAX)
        return 0;
    return current->files[fd];
}

/* Put f in the lowest free descriptor >= lowest.  -EMFILE if none; the
 * caller still owns f then. */
int
fd_install(struct file *f, int lowest, bool cloexec)
{
    struct proc *p = current;
    for (int fd = lowest; fd < rlimit_nofile(p); fd++) {   /* RLIMIT_NOFILE */
        if (p->files[fd])
            continue;
        p->files[fd] = f;
        if (cloexec)
            p->cloexec |= 1u << fd;
        else
            p->cloexec &= ~(1u << fd);
        return fd;
    }
    return -EMFILE;
}

/* A new descriptor (the lowest free >= lowest) for the same open file. */
int
fd_dup(struct file *f, int lowest, bool cloexec)
{
    int fd = fd_install(f, lowest, cloexec);
    if (fd >= 0)
        file_dup(f);
    return fd;
}

int
fd_close(int fd)
{
    struct file *f = fd_get(fd);
    if (!f)
        return -EBADF;
    current->files[fd] = 0;
    current->cloexec &= ~(1u << fd);
    file_close(f);
    return 0;
}

void
files_fork(struct proc *child, struct proc *parent)
{
    for (int fd = 0; fd < OPEN_MAX; fd++)
        if (parent->files[fd])
            child->files[fd] = file_dup(parent->files[fd]);
    child->cloexec = parent->cloexec;
}

void
files_close_all(struct proc *p)
{
    for (int fd = 0; fd < OPEN_MAX; fd++) {
        if (p->files[fd]) {
            struct file *f = p->files[fd];
            p->files[fd] = 0;
            file_close(f);
        }
    }
    p->cloexec = 0;
}

void
files_close_on_exec(struct proc *p)
{
    for (int fd = 0; fd < OPEN_MAX; fd++) {
        if (p->files[fd] && (p->cloexec & (1u << fd))) {
            struct file *f = p->files[fd];
            p->files[fd] = 0;
            file_close(f);
        }
    }
    p->cloexec = 0;
}
