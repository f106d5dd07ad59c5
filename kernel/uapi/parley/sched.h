/* Parley's scheduling modes for reproducible interleavings (explore). */
#ifndef PARLEY_SCHED_H
#define PARLEY_SCHED_H

/* sched_explore(mode, seed): for the caller and the children it forks
 * from now on.  See kernel/trace/explore.c. */
#define SCHED_EXPLORE_OFF     0
#define SCHED_EXPLORE_SEEDED  1     /* switches chosen by the seed's stream */
#define SCHED_EXPLORE_EVERY   2     /* a switch at every system call's end */

#endif
