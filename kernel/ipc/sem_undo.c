/*
 * SEM_UNDO: what each process must give back to semaphores when it exits.
 *
 * A process's undo list holds one entry per semaphore it has changed with
 * SEM_UNDO: the sum of the opposites of those operations (semop -1 with
 * SEM_UNDO makes the adjustment +1).  When the process exits, killed or
 * not, each adjustment is added to its semaphore, clamped to 0..SEMVMX, and
 * the set's sleepers are retried (sem_process_exit, from ipc_process_exit).
 *
 * Contract:
 *   - Before a semop applies anything, sem_undo_reserve makes an entry for
 *     every semaphore the list changes with SEM_UNDO, so that applying the
 *     list later (perhaps by another process, when it completes a sleeper's
 *     list) never needs memory: ENOSPC when the SEMMNU entries are all used.
 *   - After the semop, sem_undo_tidy frees the caller's entries whose
 *     adjustment is 0 again (a P followed by a V), so a loop of undone
 *     operations holds no entries.
 *   - SETVAL/SETALL set the matching adjustments of every process to 0;
 *     IPC_RMID frees the entries of the set.
 *   - fork gives the child an empty list (proc_alloc zeroes the process);
 *     exec keeps the list.
 *
 * The entries come from a fixed pool of SEMMNU (kstat: sem_undos).
 */
#include "ipc/sem.h"
#include "lib/kstat.h"
#include "proc/proc.h"

static struct sem_undo pool[SEMMNU];
static struct sem_undo *free_list;
static bool pool_ready;

static struct sem_undo *
undo_alloc(void)
{
    if (!pool_ready) {
        for (int i = SEMMNU - 1; i >= 0; i--) {
            pool[i].next = free_list;
            free_list = &pool[i];
        }
        pool_ready = true;
    }
    struct sem_undo *u = free_list;
    if (u) {
        free_list = u->next;
        kstat_add(KSTAT_sem_undos, +1);
    }
    return u;
}

/* Take u off its owner's list and give it back to the pool. */
static void
undo_free(struct sem_undo *u)
{
    struct sem_undo **link = &u->owner->sem_undo;
    while (*link != u)
        link = &(*link)->next;
    *link = u->next;
    u->owner = NULL;
    u->next = free_list;
    free_list = u;
    kstat_add(KSTAT_sem_undos, -1);
}

static struct sem_undo *
undo_find(struct proc *p, int semid, unsigned short semnum)
{
    for (struct sem_undo *u = p->sem_undo; u; u = u->next)
        if (u->semid == semid && u->semnum == semnum)
            return u;
    return NULL;
}

/* The adjustment of p for one semaphore; it was reserved beforehand. */
short *
sem_undo_adj(struct proc *p, int semid, unsigned short semnum)
{
    struct sem_undo *u = undo_find(p, semid, semnum);
    assert(u);
    return &u->adj;
}

int
sem_undo_reserve(struct proc *p, int semid, const struct sembuf *sops, int nsops)
{
    for (int i = 0; i < nsops; i++) {
        if (!(sops[i].sem_flg & SEM_UNDO) || undo_find(p, semid, sops[i].sem_num))
            continue;
        struct sem_undo *u = undo_alloc();
        if (!u)
            return -ENOSPC;     /* the caller's sem_undo_tidy frees what we made */
        *u = (struct sem_undo){ p->sem_undo, p, semid, sops[i].sem_num, 0 };
        p->sem_undo = u;
    }
    return 0;
}

void
sem_undo_tidy(struct proc *p)
{
    struct sem_undo *u = p->sem_undo, *next;
    for (; u; u = next) {
        next = u->next;
        if (u->adj == 0)
            undo_free(u);
    }
}

/* SETVAL (semnum >= 0) or SETALL (-1): the old adjustments no longer mean
 * anything, in any process (POSIX). */
void
sem_undo_clear(int semid, int semnum)
{
    for (struct sem_undo *u = pool; u < pool + SEMMNU; u++)
        if (u->owner && u->semid == semid && (semnum < 0 || u->semnum == semnum))
            u->adj = 0;
}

void
sem_undo_forget_set(int semid)
{
    for (struct sem_undo *u = pool; u < pool + SEMMNU; u++)
        if (u->owner && u->semid == semid)
            undo_free(u);
}

/* Exit: add each adjustment to its semaphore, clamped to 0..SEMVMX (Linux),
 * and let the set's sleepers see the change. */
void
sem_process_exit(struct proc *p)
{
    while (p->sem_undo) {
        struct sem_undo *u = p->sem_undo;
        struct sem_set *set = sem_set_find(u->semid);
        if (set && u->adj) {
            struct sem *s = &set->sems[u->semnum];
            s->value = (unsigned short)MAX(0, MIN(SEMVMX, s->value + u->adj));
            s->pid = p->pid;
            sem_set_changed(set);
        }
        undo_free(u);
    }
}

/* For the wait-for graph: the processes (other than skip) that hold units
 * of a semaphore: a positive adjustment means they took with SEM_UNDO and
 * have not given back.  Fills up to max pids; returns how many. */
int
sem_undo_holders(int semid, unsigned short semnum, const struct proc *skip,
                 pid_t *who, int max)
{
    int n = 0;
    for (struct sem_undo *u = pool; u < pool + SEMMNU && n < max; u++)
        if (u->owner && u->owner != skip && u->semid == semid &&
            u->semnum == semnum && u->adj > 0)
            who[n++] = u->owner->pid;
    return n;
}
