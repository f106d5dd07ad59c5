/*
 * ids: System V keys, ids and permissions, written once for message queues,
 * semaphore sets and shared-memory segments.
 *
 * A mechanism embeds struct ipc_object as the first member of its object
 * and keeps its objects in one struct ipc_ids table.  ipc_get() is the
 * common half of msgget/semget/shmget: the key lookup, IPC_PRIVATE,
 * IPC_CREAT, IPC_EXCL and the mode check; the mechanism supplies only
 * "make a new one" and "does this request fit the existing one".
 *
 * An id is  seq * IPC_SEQ_MULTIPLIER + slot : the slot's sequence number
 * advances when its object is removed, so a stale id is refused (EINVAL)
 * instead of naming the next object that lands in the same slot.
 *
 * Contract: ipc_find() returns NULL for any id that is not a live object;
 * the mechanism answers EINVAL then.  A process asleep on an object that
 * is removed learns of it from the mechanism's own wake-up (EIDRM): the
 * table knows nothing of sleepers.
 */
#ifndef IPC_IDS_H
#define IPC_IDS_H

#include "lib/kernel.h"
#include <parley/ipc.h>

#define IPC_SEQ_MULTIPLIER 32768        /* ids per sequence step (Linux's IPCMNI) */

#define IPC_ACCESS_READ  4
#define IPC_ACCESS_WRITE 2

struct ipc_object {
    struct ipc_perm perm;       /* key, owner, creator, mode, sequence */
    int             id;         /* what *get returned */
    time_t          ctime;      /* creation or last IPC_SET, seconds */
};

struct ipc_ids {
    const char          *name;  /* "msg", "sem", "shm": for messages */
    int                  max;   /* slots; ENOSPC beyond */
    struct ipc_object  **slot;  /* max entries; NULL when free */
    unsigned short      *seq;   /* max entries: each slot's sequence */
    int                  count; /* slots in use */
};

/* Define a table `var` of nslots objects. */
#define IPC_IDS_DEFINE(var, label, nslots)                              \
    static struct ipc_object *var##_slots[nslots];                      \
    static unsigned short var##_seqs[nslots];                           \
    struct ipc_ids var = { label, nslots, var##_slots, var##_seqs, 0 }

struct ipc_get_ops {
    /* Make a new object for the request arg.  Return it (ipc_get fills in
     * its ipc_object part), or NULL with *err set to -ENOMEM, -EINVAL... */
    struct ipc_object *(*create)(void *arg, int *err);
    /* The key named an existing object: -EINVAL if the request does not fit
     * it (more semaphores, a bigger segment), else 0.  May be NULL. */
    int (*fits)(struct ipc_object *obj, void *arg);
};

int  ipc_get(struct ipc_ids *ids, key_t key, int flags,
             const struct ipc_get_ops *ops, void *arg);
struct ipc_object *ipc_find(struct ipc_ids *ids, int id);
int  ipc_check_access(const struct ipc_object *obj, int want);
int  ipc_check_owner(const struct ipc_object *obj);
int  ipc_set(struct ipc_object *obj, const struct ipc_perm *p);
void ipc_remove(struct ipc_ids *ids, struct ipc_object *obj);
int  ipc_max_index(const struct ipc_ids *ids);
struct ipc_object *ipc_at_index(struct ipc_ids *ids, int index);
int  ipc_count(const struct ipc_ids *ids);
time_t ipc_now(void);           /* wall-clock seconds, for the *time fields */

#endif
