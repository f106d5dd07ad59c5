/* Reading the wait-for graph (<parley.h>): which processes are deadlocked,
 * for the deadlock command and ps. */
#include <parley.h>

static int
has_edge_from(pid_t pid, const struct waitedge *edges, int nedges)
{
    for (int e = 0; e < nedges; e++)
        if (edges[e].from == pid)
            return 1;
    return 0;
}

static int
index_of_pid(pid_t pid, const struct procinfo *procs, int nprocs)
{
    for (int i = 0; i < nprocs; i++)
        if (procs[i].pid == pid)
            return i;
    return -1;
}

/* A blocked process is stuck when every process that could wake it is
 * stuck too (the outside world, pid 0, never is).  Found as the complement
 * of "can still run": start from the processes that are not blocked and
 * the outside world, and free every sleeper that waits for a free one. */
void
waitgraph_stuck(const struct procinfo *procs, int nprocs, const struct waitedge *edges,
                int nedges, int *stuck)
{
    for (int i = 0; i < nprocs; i++)
        stuck[i] = has_edge_from(procs[i].pid, edges, nedges);
    for (int changed = 1; changed;) {
        changed = 0;
        for (int e = 0; e < nedges; e++) {
            int from = index_of_pid(edges[e].from, procs, nprocs);
            int to = index_of_pid(edges[e].to, procs, nprocs);
            if (from >= 0 && stuck[from] && (edges[e].to == 0 || to < 0 || !stuck[to])) {
                stuck[from] = 0;
                changed = 1;
            }
        }
    }
}
