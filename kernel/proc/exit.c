/*
 * exit() and wait().
 *
 * An exiting process releases everything it holds (files, memory,
 * directory), gives its children to init, becomes a zombie holding only its
 * status, and tells its parent (SIGCHLD, and a wake-up of the parent's
 * child_waitq).  The parent's wait() collects the status and frees the slot.
 */
#include "proc/proc.h"
#include "proc/sched.h"
#include "fs/file.h"
#include "ipc/ipc_exit.h"
#include "trace/trace.h"
#include <parley/wait.h>

static struct proc *
init_proc(void)
{
    return proc_find(1);
}

void
proc_reparent_children(struct proc *p)
{
    struct proc *init = init_proc();
    bool gave_zombie = false;
    for (struct proc *c = proc_table; c < proc_table + NPROC; c++) {
        if (c->parent != p || c->state == PROC_UNUSED)
            continue;
        c->parent = init;
        gave_zombie |= c->state == PROC_ZOMBIE;
    }
    if (gave_zombie && init)
        waitq_wake_all(&init->child_waitq);
}

/* A parent that ignores SIGCHLD (or set SA_NOCLDWAIT) does not wait: its
 * children vanish as they exit (POSIX). */
static bool
parent_reaps_automatically(struct proc *parent)
{
    struct parley_sigaction *a = &parent->sig.action[SIGCHLD];
    return a->sa_handler == SIG_IGN || (a->sa_flags & SA_NOCLDWAIT);
}

void
proc_exit(int status)
{
    struct proc *p = current;
    if (p->pid == 1)    /* nothing would reap orphans, restart the shell or power off */
        panic("init exited (wait status 0x%x): the system cannot go on", status);
    trace_exit(p, status);
    files_close_all(p);
    inode_put(p->cwd);
    p->cwd = 0;
    ipc_process_exit(p);
    fpu_forget(p);
    vm_activate_kernel();
    vm_destroy(&p->vm);
    proc_reparent_children(p);

    p->exit_status = status;
    p->sig.alarm_at_ns = 0;
    struct proc *parent = p->parent;
    p->state = PROC_ZOMBIE;
    if (parent) {
        /* SIGCHLD even when reaped automatically: a handler still runs
         * (an ignored SIGCHLD is simply discarded). */
        if (WIFSIGNALED(status))
            signal_notify_parent(p, CLD_KILLED, WTERMSIG(status));
        else
            signal_notify_parent(p, CLD_EXITED, WEXITSTATUS(status));
        if (parent_reaps_automatically(parent))
            proc_free(p);       /* our stack stays valid until we switch */
        waitq_wake_all(&parent->child_waitq);   /* its wait() may see ECHILD */
    }
    schedule();
    panic("zombie %d ran again", p->pid);
}

static bool
wait_matches(struct proc *c, pid_t pid)
{
    if (pid > 0)
        return c->pid == pid;
    if (pid == 0)
        return c->pgid == current->pgid;
    if (pid < -1)
        return c->pgid == -pid;
    return true;
}

/* Does c have something to report to wait()?  Sets *status.  WNOWAIT
 * (waitid) reports without using the report up. */
static bool
wait_report(struct proc *c, int options, int *status)
{
    bool use_up = !(options & WNOWAIT);
    if (c->state == PROC_ZOMBIE) {
        *status = c->exit_status;
        return true;
    }
    if ((options & WUNTRACED) && c->state == PROC_STOPPED && !c->stop_reported) {
        c->stop_reported = use_up;
        *status = W_STOPCODE(c->sig.stop_signal);
        return true;
    }
    if ((options & WCONTINUED) && !c->cont_reported && c->state != PROC_STOPPED &&
        c->sig.stop_signal) {
        c->cont_reported = use_up;
        *status = W_CONTINUED;
        return true;
    }
    return false;
}

/*
 * waitpid(pid, &status, options): pid > 0 one child, -1 any child, 0 any
 * child in our group, < -1 any child in group -pid.  Returns the child's
 * pid, 0 with WNOHANG if none is ready, -ECHILD if there is no such child.
 * options must hold WEXITED for exits to count (waitid can leave it out);
 * *uid, if not NULL, gets the child's real user id.
 */
pid_t
proc_wait(pid_t pid, int *status, int options, uid_t *uid)
{
    for (;;) {
        bool have_child = false;
        for (struct proc *c = proc_table; c < proc_table + NPROC; c++) {
            if (c->parent != current || c->state == PROC_UNUSED || !wait_matches(c, pid))
                continue;
            if (c->state == PROC_ZOMBIE && !(options & WEXITED))
                continue;       /* Linux: not a child for this wait (ECHILD) */
            have_child = true;
            if (!wait_report(c, options, status))
                continue;
            pid_t found = c->pid;
            if (uid)
                *uid = c->cred.uid;
            if (c->state == PROC_ZOMBIE && !(options & WNOWAIT)) {
                resource_reap_child(current, c);
                proc_free(c);
            }
            return found;
        }
        if (!have_child)
            return -ECHILD;
        if (options & WNOHANG)
            return 0;
        int err = waitq_sleep(&current->child_waitq, "wait for child %d", pid, 0);
        if (err)
            return err;
    }
}
