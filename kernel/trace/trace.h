/*
 * Tracing inside the kernel (see <parley/trace.h> for the user's side).
 *
 * Mechanisms report what they do with trace_ipc(); it costs one test of a
 * flag when nobody traces.  The events go to one ring, read by the tracer.
 */
#ifndef TRACE_TRACE_H
#define TRACE_TRACE_H

#include "lib/kernel.h"
#include <parley/trace.h>

struct proc;

/* Is p's IPC traced?  Callers test this before building an event. */
#define trace_ipc_on(p) ((p)->trace_flags & TRACE_IPC)

/* Record one IPC event by the current process (if it is traced). */
void trace_ipc(int kind, int obj_type, int obj_id, pid_t peer, long a, long b,
               const char *text);

/* waitq.c: a sleep begins; a sleeper is woken. */
void trace_block(const char *what, long a, long b);
void trace_wake(struct proc *sleeper, bool from_interrupt);

/* signal.c: a signal is sent. */
void trace_signal(struct proc *target, int sig, bool from_interrupt);

/* syscall.c, before every traced call (copies its path argument)... */
void trace_syscall_begin(struct proc *p, int nr, const long *args);
/* ...and at the end of every traced call: nr, its arguments, result. */
void trace_syscall(struct proc *p, int nr, const long *args, long result);

/* fork and exit. */
void trace_fork(struct proc *child, struct proc *parent);
void trace_exit(struct proc *p, int status);
void trace_exec(struct proc *p);

/* syscall.c: the parameter list of call nr as written in the table. */
const char *syscall_params(int nr);

#endif
