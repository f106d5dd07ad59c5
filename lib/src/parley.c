/* Parley's own system calls (<parley.h>): procinfo, sysinfo, kstat, poweroff, trace. */
#include <parley.h>
#include "internal.h"

int
procinfo(struct procinfo *buf, int max)
{
    return SYSCALL2(procinfo, buf, max);
}

int
sysinfo(struct sysinfo *info)
{
    return SYSCALL1(sysinfo, info);
}

int
kstat(struct kstat *buf)
{
    return SYSCALL1(kstat, buf);
}

int
poweroff(int status)
{
    return SYSCALL1(poweroff, status);
}

int
trace(int on)
{
    return SYSCALL1(trace, on);
}

int
vmpages(pid_t pid, struct parley_vmpage *buf, int max)
{
    return SYSCALL3(vmpages, pid, buf, max);
}

int
tracectl(int op, long arg, struct trace_event *buf, size_t max)
{
    return SYSCALL4(tracectl, op, arg, buf, max);
}

int
sched_explore(int mode, unsigned seed)
{
    return SYSCALL2(sched_explore, mode, seed);
}

int
waitgraph(struct waitedge *buf, int max)
{
    return SYSCALL2(waitgraph, buf, max);
}
