/*
 * The wait-for graph (see <parley/waitgraph.h>).  A mechanism that can say
 * who would end a wait on one of its queues provides a resolver:
 *
 *     int resolver(struct proc *sleeper, struct waitq *q, pid_t *who, int max);
 *
 * It returns -1 if q is not one of its queues, else fills up to max pids of
 * the processes that could wake a sleeper on q and returns how many (0:
 * only the outside world can).  waitfor.c asks each resolver in turn.
 */
#ifndef TRACE_WAITFOR_H
#define TRACE_WAITFOR_H

#include "lib/kernel.h"
#include <parley/waitgraph.h>

struct proc;
struct waitq;

typedef int (*waitfor_resolver)(struct proc *sleeper, struct waitq *q, pid_t *who, int max);

/* The edges out of sleeper p; returns the count (at most max). */
int waitfor_edges(struct proc *p, struct waitedge *out, int max);

/* "waits for 13 14" for Ctrl-P; empty if p waits for nobody known. */
void waitfor_describe(struct proc *p, char *buf, size_t size);

/* Ctrl-P: the deadlocked processes, each edge named, or "no deadlock". */
void waitfor_print_deadlocks(void);

/* Resolvers living with their mechanisms. */
int pipe_waits_for(struct proc *sleeper, struct waitq *q, pid_t *who, int max);
int sem_waits_for(struct proc *sleeper, struct waitq *q, pid_t *who, int max);
int msg_waits_for(struct proc *sleeper, struct waitq *q, pid_t *who, int max);   /* ipc/mbox_direct.c */
int sock_waits_for(struct proc *sleeper, struct waitq *q, pid_t *who, int max);

#endif
