/*
 * System V shared-memory segments (shm.c).  A segment is an unnamed inode
 * whose data blocks are its frames; shmat maps them with a region
 * (mm/region.h), and each region that maps the segment counts in
 * shm_nattch.
 */
#ifndef IPC_SHM_H
#define IPC_SHM_H

#include "ipc/ids.h"

struct inode;

struct shm_segment {
    struct ipc_object obj;      /* first: the ids table sees only this */
    struct inode     *ip;       /* the frames, as an unnamed inode's blocks */
    size_t            segsz;    /* bytes asked for (mapped: whole pages) */
    time_t            atime, dtime;
    pid_t             cpid, lpid;
    unsigned long     nattch;   /* regions mapping it */
    bool              in_use;   /* slot of the segment pool taken */
};

/* A region mapping seg was made (shmat, fork, a split) or freed (shmdt,
 * munmap, exec, exit).  The last one to go frees a removed segment. */
void shm_region_opened(struct shm_segment *seg);
void shm_region_closed(struct shm_segment *seg);

#endif
