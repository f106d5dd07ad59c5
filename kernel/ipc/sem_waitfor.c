/*
 * Who could end a semop's sleep, for the wait-for graph (trace/waitfor.h).
 *
 * A semaphore has no owner, so the graph guesses as a student would: the
 * process that last operated on the semaphore the list is blocked on
 * (semctl GETPID) is the one holding it -- in the dining philosophers, the
 * neighbour who took the fork.  That guess is documented in
 * docs/semaphores.md and is right for the usual "take, use, give back"
 * pattern.
 */
#include "ipc/sem.h"
#include "proc/proc.h"
#include "trace/waitfor.h"

static struct sem_pending *
pending_with_queue(struct sem_set *set, struct waitq *q)
{
    for (struct sem_pending *p = set->pending_head; p; p = p->next)
        if (&p->wake == q)
            return p;
    return NULL;
}

int
sem_waits_for(struct proc *sleeper, struct waitq *q, pid_t *who, int max)
{
    for (int i = 0; i <= ipc_max_index(&sem_ids); i++) {
        struct sem_set *set = (struct sem_set *)ipc_at_index(&sem_ids, i);
        struct sem_pending *p = set ? pending_with_queue(set, q) : NULL;
        if (!p)
            continue;
        pid_t holder = set->sems[p->sops[p->blocking].sem_num].pid;
        if (holder == 0 || holder == p->proc->pid || max < 1)
            return 0;
        who[0] = holder;
        return 1;
    }
    return -1;
}
