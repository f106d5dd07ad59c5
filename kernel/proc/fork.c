/*
 * fork(): a copy of the calling process.  The child shares the parent's
 * pages copy-on-write, holds a new reference to each of its open files, has
 * the same signal dispositions and mask but nothing pending, and returns 0
 * from the same system call.
 */
#include "proc/proc.h"
#include "proc/sched.h"
#include "arch/trapframe.h"
#include "fs/file.h"
#include "trace/trace.h"

pid_t
proc_fork(void)
{
    struct proc *parent = current;
    int limited = rlimit_check_nproc(parent);    /* RLIMIT_NPROC */
    if (limited)
        return limited;
    struct proc *child = proc_alloc();
    if (!child)
        return -EAGAIN;         /* process table full */
    int err = vm_fork(&child->vm, &parent->vm);
    if (err < 0) {
        proc_free(child);
        return err;
    }
    *child->tf = *parent->tf;
    child->tf->eax = 0;         /* fork returns 0 in the child */
    child->parent = parent;
    child->pgid = parent->pgid;
    child->sid = parent->sid;
    child->cred = parent->cred;
    strlcpy(child->name, parent->name, sizeof child->name);
    files_fork(child, parent);
    child->cwd = inode_get(parent->cwd);
    child->umask = parent->umask;
    signal_fork(child, parent);
    resource_fork(child, parent);
    fpu_fork(child, parent);
    child->trace = parent->trace;
    trace_fork(child, parent);
    child->explore = parent->explore;
    sched_make_runnable(child);
    return child->pid;
}
