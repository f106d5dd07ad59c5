/*
 * System V semaphore sets, inside the kernel: the structures sem.c (semget,
 * semop and the queue of pending operation lists), sem_ctl.c (semctl) and
 * sem_undo.c (SEM_UNDO lists) share.  docs/semaphores.md draws them.
 */
#ifndef IPC_SEM_H
#define IPC_SEM_H

#include "ipc/ids.h"
#include "proc/waitq.h"
#include <parley/ipc.h>
#include <parley/proc.h>

struct proc;

/* One semaphore. */
struct sem {
    unsigned short value;       /* 0..SEMVMX */
    unsigned short waiting;     /* pending lists whose blocking operation is on it */
    pid_t          pid;         /* last process to semop it (GETPID) */
};

/*
 * A semaphore set.  It lives in one page frame; sems[] has nsems entries.
 * pending is the FIFO of operation lists that could not complete when they
 * were made: each belongs to one sleeping process.
 */
struct sem_set {
    struct ipc_object   obj;            /* first: what the ids table holds */
    time_t              otime;          /* last successful semop */
    int                 nsems;
    struct sem_pending *pending_head;   /* oldest first */
    struct sem_pending *pending_tail;
    struct sem          sems[];
};

/*
 * An operation list that sleeps.  It lives on its process's kernel stack
 * for as long as the process sleeps in semop, and is on the set's pending
 * queue exactly while status is SEM_STILL_WAITING.  Whoever completes it
 * (a semop, semctl or exit that changes the set) applies its operations on
 * its behalf, sets status and wakes it: the sleeper never re-tests, so a
 * list that can complete is never left asleep.
 */
#define SEM_STILL_WAITING 1

struct sem_pending {
    struct sem_pending  *next;
    struct proc         *proc;
    const struct sembuf *sops;
    int                  nsops;
    int                  blocking;      /* index of the op that blocks: semncnt/semzcnt */
    unsigned short       blocked_at;    /* that semaphore's value when it blocked */
    int                  status;        /* SEM_STILL_WAITING, 0, or -errno (EIDRM, ERANGE) */
    struct waitq         wake;          /* only its process sleeps here */
    char                 what[PROC_WAIT_LEN];   /* "semop set 2 [0]-1 [1]=0", for ps */
};

/* sem.c */
extern struct ipc_ids sem_ids;
struct sem_set *sem_set_find(int semid);
void sem_set_changed(struct sem_set *set);
void sem_set_destroy(struct sem_set *set);
int  sem_count_waiters(const struct sem_set *set, int semnum, bool for_zero);

/* sem_undo.c: per-process SEM_UNDO lists. */
struct sem_undo {
    struct sem_undo *next;              /* in owner's list; free-list link when free */
    struct proc     *owner;             /* NULL: free */
    int              semid;
    unsigned short   semnum;
    short            adj;               /* added to the value when owner exits */
};

int   sem_undo_reserve(struct proc *p, int semid, const struct sembuf *sops, int nsops);
short *sem_undo_adj(struct proc *p, int semid, unsigned short semnum);
void  sem_undo_tidy(struct proc *p);
void  sem_undo_clear(int semid, int semnum);   /* semnum -1: every one */
void  sem_undo_forget_set(int semid);
void  sem_process_exit(struct proc *p);
int   sem_undo_holders(int semid, unsigned short semnum, const struct proc *skip,
                       pid_t *who, int max);

#endif
