/*
 * semctl: read and set semaphore values, the set's status, and remove it.
 *
 * Permissions (as on Linux): reading a value, a count or the status needs
 * read permission; SETVAL and SETALL need write ("alter") permission;
 * IPC_SET and IPC_RMID need the owner, the creator or root.  SETVAL and
 * SETALL wake whoever can now go on, clear the SEM_UNDO adjustments of the
 * semaphores they set, in every process, and change sem_ctime, not
 * sem_otime.  The fourth argument is the caller's union semun, passed by
 * value: an int for SETVAL, a pointer for the others.
 */
#include "ipc/sem.h"
#include "proc/proc.h"
#include "syscall.h"

static bool
semnum_valid(const struct sem_set *set, int semnum)
{
    return semnum >= 0 && semnum < set->nsems;
}

/* GETVAL, GETPID, GETNCNT, GETZCNT of one semaphore. */
static long
sem_get_one(struct sem_set *set, int semnum, int cmd)
{
    if (!semnum_valid(set, semnum))
        return -EINVAL;
    int err = ipc_check_access(&set->obj, IPC_ACCESS_READ);
    if (err)
        return err;
    switch (cmd) {
    case GETVAL:  return set->sems[semnum].value;
    case GETPID:  return set->sems[semnum].pid;
    case GETNCNT: return sem_count_waiters(set, semnum, false);
    default:      return sem_count_waiters(set, semnum, true);
    }
}

/* After SETVAL or SETALL changed values (semnum -1: all of them). */
static void
sem_values_set(struct sem_set *set, int semnum)
{
    sem_undo_clear(set->obj.id, semnum);
    set->obj.ctime = ipc_now();
    sem_set_changed(set);
}

static long
sem_setval(struct sem_set *set, int semnum, int value)
{
    if (!semnum_valid(set, semnum))
        return -EINVAL;
    if (value < 0 || value > SEMVMX)
        return -ERANGE;
    int err = ipc_check_access(&set->obj, IPC_ACCESS_WRITE);
    if (err)
        return err;
    set->sems[semnum].value = (unsigned short)value;
    set->sems[semnum].pid = current->pid;
    sem_values_set(set, semnum);
    return 0;
}

static long
sem_getall(struct sem_set *set, unsigned short *uvalues)
{
    unsigned short values[SEMMSL];
    int err = ipc_check_access(&set->obj, IPC_ACCESS_READ);
    if (err)
        return err;
    for (int i = 0; i < set->nsems; i++)
        values[i] = set->sems[i].value;
    return copy_to_user(uvalues, values, set->nsems * sizeof values[0]);
}

static long
sem_setall(struct sem_set *set, const unsigned short *uvalues)
{
    unsigned short values[SEMMSL];
    int err = ipc_check_access(&set->obj, IPC_ACCESS_WRITE);
    if (err)
        return err;
    if (copy_from_user(values, uvalues, set->nsems * sizeof values[0]) < 0)
        return -EFAULT;
    for (int i = 0; i < set->nsems; i++)
        if (values[i] > SEMVMX)
            return -ERANGE;     /* and nothing is set */
    for (int i = 0; i < set->nsems; i++) {
        set->sems[i].value = values[i];
        set->sems[i].pid = current->pid;
    }
    sem_values_set(set, -1);
    return 0;
}

/* IPC_STAT and SEM_STAT: copy the set's status out. */
static long
sem_stat(struct sem_set *set, struct semid_ds *ubuf, bool check_read)
{
    int err = check_read ? ipc_check_access(&set->obj, IPC_ACCESS_READ) : 0;
    if (err)
        return err;
    struct semid_ds ds = {
        .sem_perm = set->obj.perm,
        .sem_otime = set->otime,
        .sem_ctime = set->obj.ctime,
        .sem_nsems = set->nsems,
    };
    return copy_to_user(ubuf, &ds, sizeof ds);
}

static long
sem_ipc_set(struct sem_set *set, const struct semid_ds *ubuf)
{
    struct semid_ds ds;
    if (copy_from_user(&ds, ubuf, sizeof ds) < 0)
        return -EFAULT;
    return ipc_set(&set->obj, &ds.sem_perm);
}

static long
sem_rmid(struct sem_set *set)
{
    int err = ipc_check_owner(&set->obj);
    if (err)
        return err;
    sem_set_destroy(set);
    return 0;
}

/* IPC_INFO (the limits) and SEM_INFO (with what is in use), for ipcs.
 * Both return the highest index in use, as on Linux. */
static long
sem_info(int cmd, struct seminfo *ubuf)
{
    struct seminfo info = {
        .semmap = SEMMNU, .semmni = SEMMNI, .semmns = SEMMNI * SEMMSL,
        .semmnu = SEMMNU, .semmsl = SEMMSL, .semopm = SEMOPM,
        .semume = SEMOPM, .semusz = sizeof(struct sem_undo),
        .semvmx = SEMVMX, .semaem = SEMAEM,
    };
    if (cmd == SEM_INFO) {
        info.semusz = ipc_count(&sem_ids);
        info.semaem = 0;
        for (int i = 0; i <= ipc_max_index(&sem_ids); i++) {
            struct sem_set *set = (struct sem_set *)ipc_at_index(&sem_ids, i);
            info.semaem += set ? set->nsems : 0;
        }
    }
    if (copy_to_user(ubuf, &info, sizeof info) < 0)
        return -EFAULT;
    return MAX(ipc_max_index(&sem_ids), 0);
}

/* SEM_STAT / SEM_STAT_ANY: the set at a table index; returns its id. */
static long
sem_stat_index(int index, int cmd, struct semid_ds *ubuf)
{
    struct sem_set *set = (struct sem_set *)ipc_at_index(&sem_ids, index);
    if (!set)
        return -EINVAL;
    long err = sem_stat(set, ubuf, cmd == SEM_STAT);
    return err ? err : set->obj.id;
}

long
sys_semctl(int semid, int semnum, int cmd, long arg)
{
    if (cmd == IPC_INFO || cmd == SEM_INFO)
        return sem_info(cmd, (struct seminfo *)arg);
    if (cmd == SEM_STAT || cmd == SEM_STAT_ANY)
        return sem_stat_index(semid, cmd, (struct semid_ds *)arg);
    struct sem_set *set = sem_set_find(semid);
    if (!set)
        return -EINVAL;
    switch (cmd) {
    case GETVAL:
    case GETPID:
    case GETNCNT:
    case GETZCNT:  return sem_get_one(set, semnum, cmd);
    case SETVAL:   return sem_setval(set, semnum, (int)arg);
    case GETALL:   return sem_getall(set, (unsigned short *)arg);
    case SETALL:   return sem_setall(set, (const unsigned short *)arg);
    case IPC_STAT: return sem_stat(set, (struct semid_ds *)arg, true);
    case IPC_SET:  return sem_ipc_set(set, (const struct semid_ds *)arg);
    case IPC_RMID: return sem_rmid(set);
    default:       return -EINVAL;
    }
}
