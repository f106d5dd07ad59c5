/*
 * System calls about processes and time: argument checking and decoding
 * only; the work is done in fork.c, exit.c, exec.c, sched.c.
 */
#include "proc/proc.h"
#include "syscall.h"
#include "proc/sched.h"
#include "arch/timer.h"
#include "mm/frame.h"
#include "fs/file.h"
#include "dev/power.h"
#include <parley/wait.h>
#include <parley/time.h>
#include <parley/utsname.h>
#include <parley/resource.h>

long sys_exit(int status)     { proc_exit(W_EXITCODE(status & 0xff, 0)); }
long sys_fork(void)           { return proc_fork(); }
long sys_getpid(void)         { return current->pid; }
long sys_getppid(void)        { return current->parent ? current->parent->pid : 0; }
long sys_sched_yield(void)    { sched_yield_cpu(); return 0; }

/* RLIMIT_AS: the heap may not take the address space past the limit. */
long
sys_sbrk(long increment)
{
    if (increment > 0) {
        int err = rlimit_check_as(current, proc_address_space_bytes(current) + increment);
        if (err)
            return err;
    }
    return vm_sbrk(&current->vm, increment);
}

long
sys_waitpid(pid_t pid, int *ustatus, int options)
{
    return sys_wait4(pid, ustatus, options, 0);
}

/* wait4 (and wait3): waitpid, plus the CPU time of the child collected --
 * which is exactly what collecting it added to our children's times. */
long
sys_wait4(pid_t pid, int *ustatus, int options, struct rusage *uusage)
{
    int status = 0;
    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED))
        return -EINVAL;
    if (ustatus && user_check(ustatus, sizeof *ustatus, true) < 0)
        return -EFAULT;
    if (uusage && user_check(uusage, sizeof *uusage, true) < 0)
        return -EFAULT;
    struct resources before = current->res;
    pid_t got = proc_wait(pid, &status, options | WEXITED, 0);
    /* Written afresh: the wait may have slept, and a page gone meanwhile. */
    if (got > 0 && ustatus && copy_to_user(ustatus, &status, sizeof status) < 0)
        return -EFAULT;
    if (got >= 0 && uusage) {
        struct rusage usage;
        resource_usage_since(current, &before, &usage);
        if (copy_to_user(uusage, &usage, sizeof usage) < 0)
            return -EFAULT;
    }
    return got;
}

/* What waitid says about a child, from its wait status. */
static siginfo_t
waitid_info(pid_t pid, uid_t uid, int status)
{
    siginfo_t info = { .si_signo = SIGCHLD, .si_pid = pid, .si_uid = uid };
    if (WIFEXITED(status)) {
        info.si_code = CLD_EXITED;
        info.si_status = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        info.si_code = CLD_KILLED;
        info.si_status = WTERMSIG(status);
    } else if (WIFSTOPPED(status)) {
        info.si_code = CLD_STOPPED;
        info.si_status = WSTOPSIG(status);
    } else {
        info.si_code = CLD_CONTINUED;
        info.si_status = SIGCONT;
    }
    return info;
}

/* waitid(idtype, id, info, options): POSIX's wait with a siginfo.  Which
 * children: P_ALL, P_PID id, P_PGID id (0: ours); which events: WEXITED,
 * WSTOPPED, WCONTINUED (at least one); WNOWAIT leaves the child waitable.
 * With WNOHANG and nothing to report, 0 and a zeroed siginfo. */
long
sys_waitid(int idtype, id_t id, siginfo_t *uinfo, int options)
{
    int status = 0;
    uid_t uid = 0;
    pid_t pid;
    if (options & ~(WNOHANG | WEXITED | WSTOPPED | WCONTINUED | WNOWAIT) ||
        !(options & (WEXITED | WSTOPPED | WCONTINUED)))
        return -EINVAL;
    switch (idtype) {
    case P_ALL:  pid = -1; break;
    case P_PID:  pid = (pid_t)id; if (pid <= 0) return -EINVAL; break;
    case P_PGID: pid = id ? -(pid_t)id : 0; if (pid > 0 || pid == -1) return -EINVAL; break;
    default:     return -EINVAL;
    }
    if (uinfo && user_check(uinfo, sizeof *uinfo, true) < 0)
        return -EFAULT;
    pid_t got = proc_wait(pid, &status, options, &uid);
    if (got < 0)
        return got;
    siginfo_t info = { 0 };
    if (got > 0)
        info = waitid_info(got, uid, status);
    return uinfo ? copy_to_user(uinfo, &info, sizeof info) : 0;
}

long
sys_execve(const char *upath, char *const *argv, char *const *envp)
{
    char path[PATH_MAX];
    int n = copy_string_from_user(path, upath, sizeof path);
    if (n < 0)
        return n;
    return proc_exec(path, argv, envp);
}

/* The clock's time in ns; -EINVAL for a clock that does not exist. */
static int64_t
clock_now_ns(clockid_t clock)
{
    switch (clock) {
    case CLOCK_REALTIME:            return time_realtime_ns();
    case CLOCK_MONOTONIC:           return (int64_t)time_now_ns();
    case CLOCK_PROCESS_CPUTIME_ID:
    case CLOCK_THREAD_CPUTIME_ID:   return (int64_t)resource_cpu_ticks(current) * NSEC_PER_TICK;
    default:                        return -EINVAL;
    }
}

long
sys_clock_gettime(clockid_t clock, struct timespec *uts)
{
    int64_t now = clock_now_ns(clock);
    if (now < 0 && now >= -4095)
        return (long)now;
    uint64_t ns = (uint64_t)now;
    struct timespec ts = { (time_t)(ns / 1000000000), (long)(ns % 1000000000) };
    return copy_to_user(uts, &ts, sizeof ts);
}

/* nanosleep is never restarted after a handler (POSIX): EINTR, with the
 * time left in *rem. */
long
sys_nanosleep(const struct timespec *ureq, struct timespec *urem)
{
    struct timespec req;
    if (copy_from_user(&req, ureq, sizeof req) < 0)
        return -EFAULT;
    if (req.tv_sec < 0 || req.tv_nsec < 0 || req.tv_nsec >= 1000000000)
        return -EINVAL;
    if (urem && user_check(urem, sizeof *urem, true) < 0)
        return -EFAULT;
    uint64_t deadline = time_now_ns() + (uint64_t)req.tv_sec * 1000000000 + req.tv_nsec;
    while (time_now_ns() < deadline) {
        if (waitq_sleep_until(0, deadline, "sleep", 0, 0) == 0)
            continue;
        if (urem) {
            uint64_t left = deadline - MIN(deadline, time_now_ns());
            struct timespec rem = { left / 1000000000, left % 1000000000 };
            if (copy_to_user(urem, &rem, sizeof rem) < 0)
                return -EFAULT;         /* its page went while we slept */
        }
        return -ERESTARTNOHAND;
    }
    return 0;
}

long
sys_alarm(unsigned seconds)
{
    uint64_t now = time_now_ns(), old = current->sig.alarm_at_ns;
    current->sig.alarm_at_ns = seconds ? now + (uint64_t)seconds * 1000000000 : 0;
    if (!old)
        return 0;
    return old > now ? (long)((old - now + 999999999) / 1000000000) : 1;
}

long
sys_procinfo(struct procinfo *ubuf, int max)
{
    int n = 0;
    if (max < 0)
        return -EINVAL;
    if (user_check_array(ubuf, max, sizeof *ubuf, true) < 0)
        return -EFAULT;
    for (struct proc *p = proc_table; p < proc_table + NPROC && n < max; p++)
        if (p->state != PROC_UNUSED && p->state != PROC_EMBRYO)
            proc_fill_info(p, &ubuf[n++]);
    return n;
}

long
sys_sysinfo(struct sysinfo *uinfo)
{
    struct sysinfo info = {
        .total_pages = frame_total_count(),
        .free_pages = frame_free_count(),
        .total_inodes = inode_total_count(),
        .free_inodes = inode_free_count(),
        .nprocs = proc_count(),
        .open_files = file_count_open(),
        .uptime_ns = time_now_ns(),
    };
    return copy_to_user(uinfo, &info, sizeof info);
}

long
sys_poweroff(int status)
{
    if (!cred_is_root(current_cred()))
        return -EPERM;          /* as Linux's reboot(): privileged */
    printk("poweroff: status %d\n", status);
    machine_poweroff(status);
}

long
sys_uname(struct utsname *ubuf)
{
    struct utsname u;
    memset(&u, 0, sizeof u);
    strlcpy(u.sysname, "Parley", sizeof u.sysname);
    strlcpy(u.nodename, "parley", sizeof u.nodename);
    strlcpy(u.release, PARLEY_VERSION, sizeof u.release);
    strlcpy(u.version, "#1 " __DATE__ " " __TIME__, sizeof u.version);
    strlcpy(u.machine, "i686", sizeof u.machine);   /* what the kernel is built for */
    strlcpy(u.domainname, "(none)", sizeof u.domainname);
    return copy_to_user(ubuf, &u, sizeof u);
}

long
sys_umask(mode_t mask)
{
    mode_t old = current->umask;
    current->umask = mask & 0777;
    return old;
}

/* Process groups and sessions: enough for a shell's job control. */
/* Is there a process group pgid in session sid (pgid 0: any group)? */
bool
proc_group_in_session(pid_t pgid, pid_t sid)
{
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++)
        if (p->state != PROC_UNUSED && p->state != PROC_ZOMBIE &&
            (pgid == 0 || p->pgid == pgid) && p->sid == sid)
            return true;
    return false;
}

bool proc_session_alive(pid_t sid) { return proc_group_in_session(0, sid); }

/* setpgid(pid, pgid): the caller or one of its children (before it execs)
 * joins or creates a group in the caller's session (POSIX). */
long
sys_setpgid(pid_t pid, pid_t pgid)
{
    struct proc *p = pid ? proc_find(pid) : current;
    if (pgid < 0)
        return -EINVAL;
    if (!p || (p != current && p->parent != current))
        return -ESRCH;
    if (p != current && p->has_execed)
        return -EACCES;
    if (p->sid != current->sid || p->pid == p->sid)
        return -EPERM;          /* another session, or a session leader */
    pgid = pgid ? pgid : p->pid;
    if (pgid != p->pid && !proc_group_in_session(pgid, p->sid))
        return -EPERM;
    p->pgid = pgid;
    return 0;
}

long
sys_getpgid(pid_t pid)
{
    struct proc *p = pid ? proc_find(pid) : current;
    return p ? p->pgid : -ESRCH;
}

long
sys_getsid(pid_t pid)
{
    struct proc *p = pid ? proc_find(pid) : current;
    return p ? p->sid : -ESRCH;
}

long
sys_setsid(void)
{
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++)
        if (p->state != PROC_UNUSED && p->pgid == current->pid)
            return -EPERM;      /* already a group leader */
    current->sid = current->pgid = current->pid;
    return current->sid;
}
