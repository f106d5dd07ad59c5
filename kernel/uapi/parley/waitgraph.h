/*
 * The wait-for graph: for every blocked process, the processes that could
 * end its wait, and why.  waitgraph(struct waitedge *buf, int max) fills
 * up to max edges and returns how many there are; the `deadlock` command
 * finds the cycles, ps and Ctrl-P name the edges.
 *
 * An edge "A waits for B" means B can end A's wait: B holds the write end
 * of the pipe A reads from, B is the child A waits for, B last took the
 * semaphore A needs.  A sleeper that only the outside world can wake (the
 * console, a timer) has one edge to pid 0.  A cycle of edges among blocked
 * processes is a deadlock: nobody in it can ever run again.
 */
#ifndef PARLEY_WAITGRAPH_H
#define PARLEY_WAITGRAPH_H

#include <parley/types.h>

#define WAITEDGE_WHAT_LEN 40

struct waitedge {
    pid_t from;                 /* the blocked process */
    pid_t to;                   /* one that could wake it, or 0 */
    char  what[WAITEDGE_WHAT_LEN];  /* the wait, as ps names it */
};

#endif
