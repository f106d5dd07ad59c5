/*
 * Resource limits, CPU-time accounting and nice values (see resource.h),
 * and their system calls: getrlimit, setrlimit, getrusage, times,
 * getpriority, setpriority.
 */
#include "proc/proc.h"
#include "proc/resource.h"
#include "arch/timer.h"
#include "arch/cputime.h"
#include "mm/memlayout.h"
#include "mm/region.h"
#include "syscall.h"

_Static_assert(TIMER_HZ == PARLEY_CLK_TCK, "<parley/resource.h> tells user programs the tick rate");

/* Linux's defaults, scaled to Parley's tables. */
void
resource_init(struct proc *p)
{
    struct resources *r = &p->res;
    for (int i = 0; i < RLIM_NLIMITS; i++)
        r->limit[i] = (struct rlimit){ RLIM_INFINITY, RLIM_INFINITY };
    r->limit[RLIMIT_NOFILE] = (struct rlimit){ OPEN_MAX, OPEN_MAX };
    r->limit[RLIMIT_NPROC] = (struct rlimit){ CHILD_MAX, CHILD_MAX };
    r->limit[RLIMIT_STACK].rlim_cur = 8 * 1024 * 1024;
    r->limit[RLIMIT_CORE].rlim_cur = 0;
    r->limit[RLIMIT_SIGPENDING] = (struct rlimit){ SIGQUEUE_MAX, SIGQUEUE_MAX };
    r->nice = 0;
}

/* A child inherits its parent's limits and nice value; its times start at 0. */
void
resource_fork(struct proc *child, const struct proc *parent)
{
    memcpy(child->res.limit, parent->res.limit, sizeof child->res.limit);
    child->res.nice = parent->res.nice;
}

/* wait() collected child: its times, and its children's, become ours. */
void
resource_reap_child(struct proc *parent, const struct proc *child)
{
    const struct resources *c = &child->res;
    parent->res.child_user_ticks += c->user_ticks + c->child_user_ticks;
    parent->res.child_system_ticks += c->system_ticks + c->child_system_ticks;
}

/* The timer charges the running process a tick of user or system time,
 * by where the tick found it (arch/cputime.c). */
void
resource_tick(struct proc *p)
{
    if (cputime_tick_is_system(p->tf))
        p->res.system_ticks++;
    else
        p->res.user_ticks++;
}

uint32_t
resource_cpu_ticks(const struct proc *p)
{
    return p->res.user_ticks + p->res.system_ticks;
}

int
rlimit_nofile(const struct proc *p)
{
    rlim_t n = p->res.limit[RLIMIT_NOFILE].rlim_cur;
    return n < OPEN_MAX ? (int)n : OPEN_MAX;
}

/* POSIX fork: EAGAIN when the real user id would exceed its process
 * limit.  Root is not held to it (as on Linux). */
int
rlimit_check_nproc(const struct proc *p)
{
    if (cred_is_root(&p->cred))
        return 0;
    rlim_t n = 0;
    for (struct proc *q = proc_table; q < proc_table + NPROC; q++)
        if (q->state != PROC_UNUSED && q->cred.uid == p->cred.uid)
            n++;
    return n >= p->res.limit[RLIMIT_NPROC].rlim_cur ? -EAGAIN : 0;
}

/* The user address space p has reserved: program and heap up to the break,
 * the stack down to its lowest page, and every mmap/shmat region. */
size_t
proc_address_space_bytes(const struct proc *p)
{
    const struct vm *vm = &p->vm;
    size_t total = (vm->brk - USER_BASE) + (USER_STACK_TOP - vm->stack_low);
    for (const struct region *r = vm->regions; r; r = r->next)
        total += r->end - r->start;
    return total;
}

/* Would growing p's user address space to new_total bytes pass RLIMIT_AS?
 * Every place that grows user memory asks this first. */
int
rlimit_check_as(const struct proc *p, size_t new_total)
{
    return new_total > p->res.limit[RLIMIT_AS].rlim_cur ? -ENOMEM : 0;
}

/* A nice value scales the time slice: nice 0 gets base_ticks, each step
 * up takes a twentieth away (at least one tick), each step down adds one. */
int
resource_slice_ticks(const struct proc *p, int base_ticks)
{
    int nice = p->res.nice;
    int ticks = nice >= 0 ? base_ticks * (20 - nice) / 20 : base_ticks - nice;
    return ticks > 0 ? ticks : 1;
}

/* ---- system calls ------------------------------------------------------- */

long
sys_getrlimit(int resource, struct rlimit *urlim)
{
    if (resource < 0 || resource >= RLIM_NLIMITS)
        return -EINVAL;
    return copy_to_user(urlim, &current->res.limit[resource], sizeof *urlim);
}

/* POSIX setrlimit: the soft limit may not exceed the hard one (EINVAL);
 * only root raises a hard limit (EPERM).  Descriptors cannot go past
 * OPEN_MAX, the size of the table (EPERM, like Linux's nr_open). */
long
sys_setrlimit(int resource, const struct rlimit *urlim)
{
    struct rlimit new;
    if (resource < 0 || resource >= RLIM_NLIMITS)
        return -EINVAL;
    if (copy_from_user(&new, urlim, sizeof new) < 0)
        return -EFAULT;
    if (new.rlim_cur > new.rlim_max)
        return -EINVAL;
    struct rlimit *old = &current->res.limit[resource];
    if (new.rlim_max > old->rlim_max && !cred_is_root(&current->cred))
        return -EPERM;
    if (resource == RLIMIT_NOFILE && new.rlim_max > OPEN_MAX)
        return -EPERM;
    *old = new;
    return 0;
}

static struct timeval
ticks_to_timeval(uint32_t ticks)
{
    struct timeval tv = {
        .tv_sec = ticks / TIMER_HZ,
        .tv_usec = (ticks % TIMER_HZ) * (1000000 / TIMER_HZ),
    };
    return tv;
}

long
sys_getrusage(int who, struct rusage *uusage)
{
    const struct resources *r = &current->res;
    struct rusage u;
    memset(&u, 0, sizeof u);
    if (who == RUSAGE_SELF) {
        u.ru_utime = ticks_to_timeval(r->user_ticks);
        u.ru_stime = ticks_to_timeval(r->system_ticks);
        u.ru_maxrss = vm_user_bytes(&current->vm) / 1024;
    } else if (who == RUSAGE_CHILDREN) {
        u.ru_utime = ticks_to_timeval(r->child_user_ticks);
        u.ru_stime = ticks_to_timeval(r->child_system_ticks);
    } else {
        return -EINVAL;
    }
    return copy_to_user(uusage, &u, sizeof u);
}

void
resource_usage_since(const struct proc *p, const struct resources *before,
                     struct rusage *usage)
{
    memset(usage, 0, sizeof *usage);
    usage->ru_utime = ticks_to_timeval(p->res.child_user_ticks - before->child_user_ticks);
    usage->ru_stime = ticks_to_timeval(p->res.child_system_ticks - before->child_system_ticks);
}

/* times(): CPU times in ticks, and the ticks since boot (TIMER_HZ a second,
 * which is what sysconf(_SC_CLK_TCK) says). */
long
sys_times(struct tms *ubuf)
{
    const struct resources *r = &current->res;
    struct tms t = {
        .tms_utime = r->user_ticks, .tms_stime = r->system_ticks,
        .tms_cutime = r->child_user_ticks, .tms_cstime = r->child_system_ticks,
    };
    if (ubuf && copy_to_user(ubuf, &t, sizeof t) < 0)
        return -EFAULT;
    return (long)(time_now_ns() / NSEC_PER_TICK);
}

/* ---- nice values: getpriority, setpriority ------------------------------ */

/* Is p one of the processes which/who names?  who 0 means the caller's. */
static bool
priority_matches(const struct proc *p, int which, id_t who)
{
    if (!signal_can_receive(p))
        return false;
    switch (which) {
    case PRIO_PROCESS: return p->pid == (pid_t)(who ? who : (id_t)current->pid);
    case PRIO_PGRP:    return p->pgid == (pid_t)(who ? who : (id_t)current->pgid);
    default:           return p->cred.uid == (who ? who : current->cred.uid);
    }
}

/* getpriority: the lowest nice value (highest priority) among the
 * processes named, returned as 20 - nice so that it is never negative
 * (the library turns it back, as Linux's does). */
long
sys_getpriority(int which, id_t who)
{
    int best = PRIO_MAX;
    if (which < PRIO_PROCESS || which > PRIO_USER)
        return -EINVAL;
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++)
        if (priority_matches(p, which, who) && p->res.nice < best)
            best = p->res.nice;
    return best == PRIO_MAX ? -ESRCH : 20 - best;
}

/* May the caller change p's nice value to nice?  POSIX/Linux: the
 * caller's effective uid must own p (EPERM), and only root may lower a
 * nice value (EACCES). */
static int
priority_permitted(const struct proc *p, int nice)
{
    const struct cred *c = &current->cred;
    if (cred_is_root(c))
        return 0;
    if (c->euid != p->cred.uid && c->euid != p->cred.euid)
        return -EPERM;
    return nice < p->res.nice ? -EACCES : 0;
}

long
sys_setpriority(int which, id_t who, int prio)
{
    int nice = prio < PRIO_MIN ? PRIO_MIN : prio > PRIO_MAX - 1 ? PRIO_MAX - 1 : prio;
    int result = -ESRCH;
    if (which < PRIO_PROCESS || which > PRIO_USER)
        return -EINVAL;
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        if (!priority_matches(p, which, who))
            continue;
        int err = priority_permitted(p, nice);
        if (err == 0)
            p->res.nice = nice;
        if (result == -ESRCH || err)
            result = err;
    }
    return result;
}
