#ifndef FS_FILE_H
#define FS_FILE_H

#include "lib/kernel.h"
#include "fs/inode.h"
#include "fs/dir.h"
#include <parley/fcntl.h>

struct file;
struct proc;
struct poll_table;

/*
 * What a descriptor can name -- a regular file, a directory, the console, a
 * pipe or FIFO, and later other IPC handles -- is reached through one table
 * of operations (as in Plan 9).  A missing operation means the call does not
 * apply: read/write give EINVAL, lseek gives ESPIPE.
 *
 * read and write receive user memory already checked by user_check().
 */
struct file_ops {
    ssize_t (*read)(struct file *f, char *buf, size_t n);
    ssize_t (*write)(struct file *f, const char *buf, size_t n);
    off_t   (*lseek)(struct file *f, off_t off, int whence);
    /* pread, pwrite: at offset off, leaving f->offset alone (regular
     * files; missing: the descriptor cannot seek, -ESPIPE). */
    ssize_t (*pread)(struct file *f, char *buf, size_t n, off_t off);
    ssize_t (*pwrite)(struct file *f, const char *buf, size_t n, off_t off);
    void    (*close)(struct file *f);       /* the last reference went */
    void    (*unref)(struct file *f);       /* one went, others remain */
    int     (*getdents)(struct file *f, char *buf, size_t n);
    /* Device- or object-specific requests (FIONREAD, termios...).  arg is
     * the caller's pointer, unchecked: the operation copies what it needs.
     * A missing operation, or a request it does not know, is -ENOTTY. */
    int     (*ioctl)(struct file *f, unsigned long request, void *arg);
    /* poll and select: the POLL* events possible now (<parley/poll.h>);
     * calls poll_wait(pt, q) for each queue whose change could change the
     * answer (pt may be NULL).  Missing: always readable and writable. */
    unsigned (*poll)(struct file *f, struct poll_table *pt);
};

/* An open file description, shared by dup() and fork(). */
struct file {
    const struct file_ops *ops;
    int           refs;
    int           flags;        /* O_ACCMODE, O_APPEND, O_NONBLOCK */
    off_t         offset;
    struct inode *inode;        /* NULL for none */
    void         *private;      /* the object behind it, if not the inode (a socket) */
};

#define NPROC_FILES FILE_MAX       /* system-wide open file descriptions */

void         file_init(void);
struct file *file_alloc(const struct file_ops *ops, struct inode *ip, int flags);
struct file *file_dup(struct file *f);
void         file_close(struct file *f);
unsigned     file_count_open(void);

static inline bool file_readable(struct file *f)
{ return (f->flags & O_ACCMODE) != O_WRONLY; }
static inline bool file_writable(struct file *f)
{ return (f->flags & O_ACCMODE) != O_RDONLY; }

/* The calling process's descriptor table. */
int get_path(char *dst, const char *upath);    /* a user path into PATH_MAX bytes */
struct file *fd_get(int fd);
int  fd_install(struct file *f, int lowest, bool cloexec);
int  fd_dup(struct file *f, int lowest, bool cloexec);
int  fd_close(int fd);
void files_fork(struct proc *child, struct proc *parent);
void files_close_all(struct proc *p);
void files_close_on_exec(struct proc *p);

/* Regular files and directories (fs/regular.c). */
extern const struct file_ops regular_file_ops;
int fs_open(const char *path, int flags, mode_t mode, struct file **out);
int fs_make_node(const char *path, mode_t mode, struct inode **out);

#endif
