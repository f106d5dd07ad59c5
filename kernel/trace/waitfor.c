/*
 * The wait-for graph: who could end each blocked process's wait.
 *
 * A sleeping process is on one wait queue (or, in poll, several: the graph
 * then shows the first).  Each resolver recognises its own queues and
 * names the processes that could wake a sleeper there; the edges from all
 * sleepers form the graph, and a cycle in it is a deadlock.
 */
#include "trace/waitfor.h"
#include "proc/proc.h"
#include "syscall.h"

#define MAX_TARGETS 8

/* Is c one of the children waitpid(pid, ...) asks for? */
static bool
child_matches(const struct proc *c, pid_t pid, pid_t parent_pgid)
{
    if (pid > 0)
        return c->pid == pid;
    if (pid == 0)
        return c->pgid == parent_pgid;
    return pid == -1 || c->pgid == -pid;
}

/* wait(): the children it could collect (the sleep's number is
 * waitpid's pid argument). */
static int
child_waits_for(struct proc *sleeper, struct waitq *q, pid_t *who, int max)
{
    if (q != &sleeper->child_waitq)
        return -1;
    int n = 0;
    for (struct proc *c = proc_table; c < proc_table + NPROC && n < max; c++)
        if (c->parent == sleeper && c->state != PROC_UNUSED && c->state != PROC_ZOMBIE &&
            child_matches(c, (pid_t)sleeper->wait_a, sleeper->pgid))
            who[n++] = c->pid;
    return n;
}

static const waitfor_resolver resolvers[] = {
    child_waits_for,
    pipe_waits_for,
    sem_waits_for,
    msg_waits_for,
    sock_waits_for,
};

/* The queue p sleeps on, or NULL (a timed sleep, a stop). */
static struct waitq *
sleeping_on(struct proc *p)
{
    return p->state == PROC_SLEEPING ? p->wait_entry.queue : NULL;
}

int
waitfor_edges(struct proc *p, struct waitedge *out, int max)
{
    if (p->state != PROC_SLEEPING || max <= 0)
        return 0;
    pid_t who[MAX_TARGETS];
    int n = 0;
    struct waitq *q = sleeping_on(p);
    for (size_t r = 0; q && r < ARRAY_SIZE(resolvers) && n <= 0; r++)
        n = resolvers[r](p, q, who, MAX_TARGETS);
    if (n <= 0) {               /* nobody known: the outside world */
        who[0] = 0;
        n = 1;
    }
    int edges = 0;
    for (int i = 0; i < n && edges < max; i++) {
        if (who[i] == p->pid)
            continue;           /* holding both ends of its own pipe */
        out[edges].from = p->pid;
        out[edges].to = who[i];
        snprintk(out[edges].what, sizeof out[edges].what,
                 p->wait_what ? p->wait_what : "sleep", p->wait_a, p->wait_b);
        edges++;
    }
    return edges;
}

/* Where gdb's parley-waitgraph has waitfor_describe() write (tools/gdb). */
char waitfor_gdb_text[64];

void
waitfor_describe(struct proc *p, char *buf, size_t size)
{
    struct waitedge e[MAX_TARGETS];
    int n = waitfor_edges(p, e, MAX_TARGETS);
    size_t len = 0;
    buf[0] = 0;
    for (int i = 0; i < n && len < size; i++)
        if (e[i].to)
            len += snprintk(buf + len, size - len, "%s%d", len ? " " : "waits for ", e[i].to);
}

/*
 * The processes that can never run again: blocked, and every process that
 * could wake them is blocked the same way (the rule of the deadlock
 * command, docs/tools.md).  Start with every sleeper marked stuck; free
 * one that waits for the outside world or for a process that is not
 * stuck; repeat until nothing changes.
 */
static bool stuck[NPROC];

static bool
may_run(pid_t pid)
{
    struct proc *p = pid ? proc_find(pid) : 0;
    return !p || !stuck[p - proc_table];
}

static void
find_stuck(void)
{
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++)
        stuck[p - proc_table] = p->state == PROC_SLEEPING;
    for (bool changed = true; changed;) {
        changed = false;
        for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
            struct waitedge e[MAX_TARGETS];
            int n = stuck[p - proc_table] ? waitfor_edges(p, e, MAX_TARGETS) : 0;
            for (int i = 0; i < n && stuck[p - proc_table]; i++) {
                if (may_run(e[i].to)) {
                    stuck[p - proc_table] = false;
                    changed = true;
                }
            }
        }
    }
}

/* Ctrl-P's last lines: each deadlocked process and its named edges to the
 * others, or "no deadlock". */
void
waitfor_print_deadlocks(void)
{
    find_stuck();
    bool header = false;
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        if (!stuck[p - proc_table])
            continue;
        if (!header)
            printk("deadlocked (they wait only for each other):\n");
        header = true;
        struct waitedge e[MAX_TARGETS];
        int n = waitfor_edges(p, e, MAX_TARGETS);
        for (int i = 0; i < n; i++)
            printk("  %d (%s) waits for %d (%s): %s\n", p->pid, p->name, e[i].to,
                   proc_find(e[i].to)->name, e[i].what);
    }
    if (!header)
        printk("no deadlock\n");
}

long
sys_waitgraph(struct waitedge *ubuf, int max)
{
    if (max < 0)
        return -EINVAL;
    if (max > 0 && user_check_array(ubuf, max, sizeof *ubuf, true) < 0)
        return -EFAULT;
    int total = 0;
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        struct waitedge e[MAX_TARGETS];
        int n = waitfor_edges(p, e, MAX_TARGETS);
        for (int i = 0; i < n; i++, total++)
            if (total < max && copy_to_user(ubuf + total, &e[i], sizeof e[i]) < 0)
                return -EFAULT;
    }
    return total;
}
