/*
 * System calls about processes: fork, wait, ids, process groups, the
 * terminal's foreground group, yielding, and uname.
 */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include "internal.h"

pid_t
fork(void)
{
    return SYSCALL0(fork);
}

pid_t
waitpid(pid_t pid, int *status, int options)
{
    return SYSCALL3(waitpid, pid, status, options);
}

pid_t
wait(int *status)
{
    return waitpid(-1, status, 0);
}

/* These never fail, so no errno conversion: see SYSCALL_TAIL. */
SYSCALL_TAIL(pid_t, getpid)
SYSCALL_TAIL(pid_t, getppid)
SYSCALL_TAIL(uid_t, getuid)
SYSCALL_TAIL(uid_t, geteuid)
SYSCALL_TAIL(gid_t, getgid)
SYSCALL_TAIL(gid_t, getegid)

int setuid(uid_t uid)  { return SYSCALL1(setuid, uid); }
int setgid(gid_t gid)  { return SYSCALL1(setgid, gid); }
int seteuid(uid_t uid) { return SYSCALL1(seteuid, uid); }
int setegid(gid_t gid) { return SYSCALL1(setegid, gid); }
int setreuid(uid_t r, uid_t e) { return SYSCALL2(setreuid, r, e); }
int setregid(gid_t r, gid_t e) { return SYSCALL2(setregid, r, e); }
int setresuid(uid_t r, uid_t e, uid_t s) { return SYSCALL3(setresuid, r, e, s); }
int setresgid(gid_t r, gid_t e, gid_t s) { return SYSCALL3(setresgid, r, e, s); }
int getresuid(uid_t *r, uid_t *e, uid_t *s) { return SYSCALL3(getresuid, r, e, s); }
int getresgid(gid_t *r, gid_t *e, gid_t *s) { return SYSCALL3(getresgid, r, e, s); }

int
setpgid(pid_t pid, pid_t pgid)
{
    return SYSCALL2(setpgid, pid, pgid);
}

pid_t
getpgid(pid_t pid)
{
    return SYSCALL1(getpgid, pid);
}

pid_t
getpgrp(void)
{
    return getpgid(0);
}

pid_t
setsid(void)
{
    return SYSCALL0(setsid);
}

int
tcsetpgrp(int fd, pid_t pgrp)
{
    return SYSCALL2(tcsetpgrp, fd, pgrp);
}

pid_t
tcgetpgrp(int fd)
{
    return SYSCALL1(tcgetpgrp, fd);
}

int
sched_yield(void)
{
    return SYSCALL0(sched_yield);
}

int
uname(struct utsname *buf)
{
    return SYSCALL1(uname, buf);
}

pid_t
getsid(pid_t pid)
{
    return SYSCALL1(getsid, pid);
}

/* System V: the caller becomes the leader of a new process group, and
 * like setpgid(0, 0) returns 0 (as glibc; POSIX's XSI page says the group). */
int
setpgrp(void)
{
    return setpgid(0, 0);
}

/* POSIX gethostname: the node name from uname; ENAMETOOLONG if it does not
 * fit in len bytes with its NUL. */
int
gethostname(char *name, size_t len)
{
    struct utsname u;
    size_t n;

    if (uname(&u) < 0)
        return -1;
    n = strlen(u.nodename);
    if (n + 1 > len) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(name, u.nodename, n + 1);
    return 0;
}
