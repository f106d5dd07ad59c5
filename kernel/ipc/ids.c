/*
 * ids: System V keys, ids and permissions (see ids.h for the contract).
 */
#include "ipc/ids.h"
#include "proc/cred.h"
#include "arch/timer.h"

time_t
ipc_now(void)
{
    return (time_t)time_realtime_s();     /* cheap: semop sets sem_otime every time */
}

static int
slot_of(const struct ipc_ids *ids, int id)
{
    if (id < 0)
        return -1;
    int slot = id % IPC_SEQ_MULTIPLIER;
    return slot < ids->max ? slot : -1;
}

static struct ipc_object *
find_by_key(struct ipc_ids *ids, key_t key)
{
    for (int i = 0; i < ids->max; i++)
        if (ids->slot[i] && ids->slot[i]->perm.__key == key)
            return ids->slot[i];
    return NULL;
}

static int
free_slot(const struct ipc_ids *ids)
{
    for (int i = 0; i < ids->max; i++)
        if (!ids->slot[i])
            return i;
    return -1;
}

/* A new object in a free slot, owned and created by the caller. */
static int
ipc_new(struct ipc_ids *ids, key_t key, int flags,
        const struct ipc_get_ops *ops, void *arg)
{
    int slot = free_slot(ids);
    if (slot < 0)
        return -ENOSPC;
    int err = -ENOMEM;
    struct ipc_object *obj = ops->create(arg, &err);
    if (!obj)
        return err;
    const struct cred *c = current_cred();
    obj->perm = (struct ipc_perm){
        .__key = key,
        .uid = c->euid, .gid = c->egid,
        .cuid = c->euid, .cgid = c->egid,
        .mode = flags & 0777,
        .__seq = ids->seq[slot],
    };
    obj->id = ids->seq[slot] * IPC_SEQ_MULTIPLIER + slot;
    obj->ctime = ipc_now();
    ids->slot[slot] = obj;
    ids->count++;
    return obj->id;
}

/* Linux's rule: every permission bit asked for in flags (in any of the
 * three classes) must be granted to the caller's class. */
static int
check_requested_mode(const struct ipc_object *obj, int flags)
{
    int requested = ((flags >> 6) | (flags >> 3) | flags) & 7;
    return requested ? ipc_check_access(obj, requested) : 0;
}

int
ipc_get(struct ipc_ids *ids, key_t key, int flags,
        const struct ipc_get_ops *ops, void *arg)
{
    if (key == IPC_PRIVATE)
        return ipc_new(ids, key, flags, ops, arg);
    struct ipc_object *obj = find_by_key(ids, key);
    if (!obj)
        return (flags & IPC_CREAT) ? ipc_new(ids, key, flags, ops, arg) : -ENOENT;
    if ((flags & IPC_CREAT) && (flags & IPC_EXCL))
        return -EEXIST;
    int err = check_requested_mode(obj, flags);
    if (!err && ops->fits)
        err = ops->fits(obj, arg);
    return err ? err : obj->id;
}

struct ipc_object *
ipc_find(struct ipc_ids *ids, int id)
{
    int slot = slot_of(ids, id);
    if (slot < 0 || !ids->slot[slot] || ids->slot[slot]->id != id)
        return NULL;
    return ids->slot[slot];
}

/* The owner class is the owner or the creator, the group class either's
 * group, as on Linux. */
int
ipc_check_access(const struct ipc_object *obj, int want)
{
    const struct cred *c = current_cred();
    const struct ipc_perm *p = &obj->perm;
    if (cred_is_root(c))
        return 0;
    int granted;
    if (c->euid == p->uid || c->euid == p->cuid)
        granted = (p->mode >> 6) & 7;
    else if (c->egid == p->gid || c->egid == p->cgid)
        granted = (p->mode >> 3) & 7;
    else
        granted = p->mode & 7;
    return (want & ~granted) ? -EACCES : 0;
}

int
ipc_check_owner(const struct ipc_object *obj)
{
    const struct cred *c = current_cred();
    if (cred_is_root(c) || c->euid == obj->perm.uid || c->euid == obj->perm.cuid)
        return 0;
    return -EPERM;
}

int
ipc_set(struct ipc_object *obj, const struct ipc_perm *p)
{
    int err = ipc_check_owner(obj);
    if (err)
        return err;
    obj->perm.uid = p->uid;
    obj->perm.gid = p->gid;
    obj->perm.mode = (obj->perm.mode & ~0777) | (p->mode & 0777);
    obj->ctime = ipc_now();
    return 0;
}

void
ipc_remove(struct ipc_ids *ids, struct ipc_object *obj)
{
    int slot = slot_of(ids, obj->id);
    assert(slot >= 0 && ids->slot[slot] == obj);
    ids->slot[slot] = NULL;
    ids->seq[slot]++;           /* the old id is never found again soon */
    ids->count--;
}

int
ipc_max_index(const struct ipc_ids *ids)
{
    for (int i = ids->max - 1; i >= 0; i--)
        if (ids->slot[i])
            return i;
    return -1;
}

struct ipc_object *
ipc_at_index(struct ipc_ids *ids, int index)
{
    return index >= 0 && index < ids->max ? ids->slot[index] : NULL;
}

int
ipc_count(const struct ipc_ids *ids)
{
    return ids->count;
}
