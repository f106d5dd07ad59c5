/*
 * Kernel accounting: how many of each kind of object the kernel holds now.
 * kstat(struct kstat *) copies the counts out; the `kstat` command prints
 * them, and leak tests compare a count before and after thousands of
 * create/destroy cycles.
 *
 * One row per kind: X(field, description).  A subsystem that allocates an
 * object calls kstat_add(KSTAT_field, +1) and, when it frees it, -1 (see
 * kernel/lib/kstat.h).  Add a row at the end of the list for a new kind.
 */
#ifndef PARLEY_KSTAT_H
#define PARLEY_KSTAT_H

#include <parley/types.h>

#define PARLEY_KSTAT_KINDS(X)                                           \
    X(procs,         "processes (any state but unused)")                \
    X(open_files,    "open-file table entries")                         \
    X(inodes,        "inodes in use")                                   \
    X(file_frames,   "page frames holding file data")                   \
    X(pipes,         "pipes and open FIFOs")                            \
    X(msg_queues,    "System V message queues")                         \
    X(messages,      "messages queued, every kind of queue")            \
    X(message_bytes, "bytes of message bodies queued")                  \
    X(mailboxes,     "mailboxes")                                       \
    X(ports,         "ports")                                           \
    X(sem_sets,      "semaphore sets")                                  \
    X(sem_undos,     "semaphore undo entries")                          \
    X(futex_waiters, "processes waiting on an address (sem_t)")         \
    X(shm_segments,  "shared-memory segments")                          \
    X(shm_frames,    "page frames owned by shared-memory segments")     \
    X(regions,       "mapped regions of user address spaces")           \
    X(sockets,       "sockets")                                         \
    X(wait_entries,  "wait-queue entries (poll, select)")               \
    X(dir_names,     "names in directories (the name hash)")           \

#define PARLEY_KSTAT_ENUM(field, text) KSTAT_##field,
enum kstat_kind { PARLEY_KSTAT_KINDS(PARLEY_KSTAT_ENUM) KSTAT_NKINDS };
#undef PARLEY_KSTAT_ENUM

struct kstat {
    unsigned int frames_total;          /* physical page frames */
    unsigned int frames_free;
    unsigned int nkinds;                /* KSTAT_NKINDS of the kernel */
    unsigned int count[KSTAT_NKINDS];   /* indexed by enum kstat_kind */
};

#endif
