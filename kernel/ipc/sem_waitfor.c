/*
 * Who could end a semop's sleep, for the wait-for graph (trace/waitfor.h).
 *
 * A semaphore has no owner, so the graph guesses as a student would: the
 * process that last operated on the semaphore the list is blocked on
 * (semctl GETPID) is the one holding it -- in the dining philosophers, the
 * neighbour who took the fork.  For a take, the SEM_UNDO lists know more:
 * every process with a positive adjustment on that semaphore took some of
 * it and has not given it back, so it is named too.  The guess is
 * documented in docs/semaphores.md and is right for the usual "take, use,
 * give back" pattern.
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
        const struct sembuf *op = &p->sops[p->blocking];
        struct proc *last = proc_find(set->sems[op->sem_num].pid);
        int n = 0;
        if (last && last != sleeper && last->state != PROC_ZOMBIE && max > 0)
            who[n++] = last->pid;
        if (op->sem_op < 0)
            n += sem_undo_holders(set->obj.id, op->sem_num, last, who + n, max - n);
        return n;
    }
    return -1;
}
