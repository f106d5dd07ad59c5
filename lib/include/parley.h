/*
 * Parley's own system calls, beyond POSIX: what `ps`, `free` and the tests
 * use to look inside the kernel, and how init stops the machine.
 */
#ifndef _PARLEY_H
#define _PARLEY_H

#include <sys/types.h>
#include <parley/proc.h>            /* struct procinfo, struct sysinfo */
#include <parley/kstat.h>           /* struct kstat, KSTAT_* */
#include <parley/trace.h>           /* struct trace_event, TRACE_* */
#include <parley/sched.h>           /* SCHED_EXPLORE_* */
#include <parley/socket.h>          /* struct sockinfo */
#include <parley/waitgraph.h>       /* struct waitedge */

/* Fill up to max entries of buf, one per process; returns the count. */
int procinfo(struct procinfo *buf, int max);

/* Memory, inode, process and open-file counts, and the uptime. */
int sysinfo(struct sysinfo *info);

/* How many of each kind of kernel object exist now (<parley/kstat.h>). */
int kstat(struct kstat *buf);

/* The pages of process pid (0: the caller), each with its frame, for pmap
 * (<parley/mman.h>).  Fills up to max entries, returns how many pages. */
struct parley_vmpage;
int vmpages(pid_t pid, struct parley_vmpage *buf, int max);

/* Stop the machine.  Under QEMU with isa-debug-exit, QEMU exits with
 * (status << 1) | 1.  Returns only on failure. */
int poweroff(int status);

/* on != 0: print every system call of this process and its future children
 * on the console.  Returns the previous setting. */
int trace(int on);

/* The tracing session (<parley/trace.h>): what the trace command uses. */
int tracectl(int op, long arg, struct trace_event *buf, size_t max);

/* Reproducible interleavings for the caller and its future children
 * (<parley/sched.h>): preemption only at system-call ends, decided by a
 * stream seeded with seed.  What the explore command uses. */
int sched_explore(int mode, unsigned seed);

/* One entry per socket (netstat): up to max into buf; returns the count. */
int sockinfo(struct sockinfo *buf, int max);

/* The wait-for graph (<parley/waitgraph.h>): up to max edges into buf;
 * returns how many edges there are.  What `deadlock` uses. */
int waitgraph(struct waitedge *buf, int max);

/* stuck[i] = 1 for each procs[i] that can never run again by the graph:
 * blocked, and every process that could wake it stuck too (a deadlock). */
void waitgraph_stuck(const struct procinfo *procs, int nprocs, const struct waitedge *edges,
                     int nedges, int *stuck);

#endif
