/*
 * ps -- list processes.
 *   ps          PID, state and command
 *   ps -e, -f, -ef
 *               also the parent's PID and, for a sleeping process, what it
 *               is waiting for (the kernel names every wait, e.g. "pipe 3
 *               full"): the quickest way to see who is blocked on what,
 *               and whom it waits for (the kernel's wait-for graph),
 *               "(deadlocked)" after those that wait only for each other
 *               (the `deadlock` command prints their cycles).
 * States: R running or runnable, S sleeping, T stopped, Z zombie.
 */
#include <errno.h>
#include <parley.h>
#include <stdio.h>
#include <string.h>

#define PROCS_MAX 256           /* the kernel's process-table size (CHILD_MAX) */
#define EDGES_MAX 512

static struct procinfo procs[PROCS_MAX];
static struct waitedge edges[EDGES_MAX];
static int nedges;
static int stuck[PROCS_MAX];

/* "13 14": the processes pid waits for, or "-". */
static const char *
waits_for(pid_t pid)
{
    static char text[64];
    size_t len = 0;
    text[0] = 0;
    for (int e = 0; e < nedges && len + 12 < sizeof text; e++)
        if (edges[e].from == pid && edges[e].to)
            len += snprintf(text + len, sizeof text - len, "%s%d", len ? " " : "", edges[e].to);
    return len ? text : "-";
}

int
main(int argc, char **argv)
{
    int i, n, full = 0;
    char *flag;

    for (i = 1; i < argc; i++) {
        for (flag = argv[i]; *flag != '\0'; flag++) {
            if (*flag == 'e' || *flag == 'f')
                full = 1;
            else if (*flag != '-' || flag != argv[i]) {
                fprintf(stderr, "usage: ps [-ef]\n");
                return 2;
            }
        }
    }
    if ((n = procinfo(procs, PROCS_MAX)) < 0) {
        fprintf(stderr, "ps: procinfo: %s\n", strerror(errno));
        return 1;
    }
    if (n > PROCS_MAX)
        n = PROCS_MAX;
    nedges = waitgraph(edges, EDGES_MAX);
    if (nedges > EDGES_MAX)
        nedges = EDGES_MAX;
    waitgraph_stuck(procs, n, edges, nedges < 0 ? 0 : nedges, stuck);
    if (full)
        printf("  PID  PPID STATE WAIT                 CMD              WAITS FOR\n");
    else
        printf("  PID STATE CMD\n");
    for (i = 0; i < n; i++) {
        struct procinfo *p = &procs[i];

        if (full)
            printf("%5d %5d %-5c %-20s %-16s %s%s\n", p->pid, p->ppid, p->state,
                   p->wait[0] ? p->wait : "-", p->name, waits_for(p->pid),
                   stuck[i] ? " (deadlocked)" : "");
        else
            printf("%5d %-5c %s\n", p->pid, p->state, p->name);
    }
    return 0;
}
