/*
 * deadlock -- show who waits for whom, and the deadlocks.
 *
 *   deadlock        the wait-for graph, then each deadlocked cycle
 *   deadlock -q     only the verdict
 *
 * Each blocked process waits for the processes that could end its wait
 * (the kernel's waitgraph(): the writers of the pipe it reads, the child it
 * waits for, the process that last took the semaphore it needs...).  Any
 * one of them would do, so a blocked process is stuck only if every one of
 * them is stuck too.  deadlock finds the processes that can never run
 * again that way, prints the cycles among them, and exits with 1 when
 * there are any (0 otherwise), so scripts and tests can ask.
 */
#include <stdio.h>
#include <string.h>
#include <parley.h>

#define MAX_EDGES 256
#define MAX_PROCS 256

static struct waitedge edges[MAX_EDGES];
static int nedges;
static struct procinfo procs[MAX_PROCS];
static int nprocs;

static const char *
name_of(pid_t pid)
{
    for (int i = 0; i < nprocs; i++)
        if (procs[i].pid == pid)
            return procs[i].name;
    return "?";
}

/* stuck[i] for procs[i]: can never run again (waitgraph_stuck). */
static int stuck[MAX_PROCS];

static int
index_of(pid_t pid)
{
    for (int i = 0; i < nprocs; i++)
        if (procs[i].pid == pid)
            return i;
    return -1;
}

static const struct waitedge *
edge_between(pid_t from, pid_t to)
{
    for (int e = 0; e < nedges; e++)
        if (edges[e].from == from && edges[e].to == to)
            return &edges[e];
    return NULL;
}

/* Print each cycle among the stuck processes once, from its lowest pid. */
static int path[MAX_PROCS], on_path[MAX_PROCS];

static int
walk(int start, int depth)
{
    int found = 0;
    pid_t here = procs[path[depth - 1]].pid;
    for (int e = 0; e < nedges; e++) {
        if (edges[e].from != here)
            continue;
        int next = index_of(edges[e].to);
        if (next < 0 || !stuck[next] || procs[next].pid < procs[start].pid)
            continue;
        if (next == start) {
            printf("deadlock:");
            for (int k = 0; k < depth; k++)
                printf(" %d ->", procs[path[k]].pid);
            printf(" %d\n", procs[start].pid);
            for (int k = 0; k < depth; k++) {
                pid_t a = procs[path[k]].pid, b = procs[path[(k + 1) % depth]].pid;
                printf("  %d (%s) waits for %d (%s): %s\n", a, name_of(a), b, name_of(b),
                       edge_between(a, b)->what);
            }
            found = 1;
        } else if (!on_path[next] && depth < MAX_PROCS) {
            on_path[next] = 1;
            path[depth] = next;
            found |= walk(start, depth + 1);
            on_path[next] = 0;
        }
    }
    return found;
}

int
main(int argc, char **argv)
{
    int quiet = argc > 1 && strcmp(argv[1], "-q") == 0;
    if (argc > 1 && !quiet) {
        fprintf(stderr, "usage: deadlock [-q]\n");
        return 2;
    }
    nprocs = procinfo(procs, MAX_PROCS);
    nedges = waitgraph(edges, MAX_EDGES);
    if (nprocs < 0 || nedges < 0) {
        perror("deadlock");
        return 2;
    }
    if (nedges > MAX_EDGES)
        nedges = MAX_EDGES;
    if (!quiet) {
        printf("wait-for graph (%d edge%s):\n", nedges, nedges == 1 ? "" : "s");
        for (int e = 0; e < nedges; e++) {
            if (edges[e].to)
                printf("  %d (%s) waits for %d (%s): %s\n", edges[e].from,
                       name_of(edges[e].from), edges[e].to, name_of(edges[e].to),
                       edges[e].what);
            else
                printf("  %d (%s) waits for the outside world: %s\n", edges[e].from,
                       name_of(edges[e].from), edges[e].what);
        }
    }
    waitgraph_stuck(procs, nprocs, edges, nedges, stuck);
    int any = 0;
    for (int i = 0; i < nprocs; i++) {
        if (!stuck[i])
            continue;
        on_path[i] = 1;             /* each cycle once: from its lowest pid */
        path[0] = i;
        any |= walk(i, 1);
        on_path[i] = 0;
    }
    if (!any)
        printf("no deadlock\n");
    return any;
}
