/* Limits the kernel enforces and user programs may rely on. */
#ifndef PARLEY_LIMITS_H
#define PARLEY_LIMITS_H

#define NAME_MAX     27         /* bytes in a file name, without the NUL */
#define PATH_MAX     256
#define OPEN_MAX     32         /* descriptors per process */
#define ARG_MAX      (64 * 1024)
#define PIPE_BUF     4096       /* writes up to this size are atomic */
#ifdef PARLEY_SMALL             /* make SMALL=1: provoke full and wrap-around */
#define PIPE_CAPACITY (4 * 4096)  /* bytes a pipe holds: 4 of its direct blocks */
#else
#define PIPE_CAPACITY (16 * 4096) /* bytes a pipe holds: 16 direct blocks */
#endif
#define CHILD_MAX    256        /* process-table size (the scheduler is O(1); docs/performance.md) */
#define PAGE_SIZE    4096
#define SIGQUEUE_MAX 32         /* real-time signals queued to one process */
#define RTSIG_MAX    33         /* SIGRTMIN .. SIGRTMAX */

/* The memory policy (kernel/mm/frame.c, docs/robustness.md). */
#define FRAME_RESERVE       128 /* frames kept for copy-on-write and page tables */
#define FILE_FRAMES_PERCENT 50  /* file data may hold at most this share of memory */

/* Kernel tables, and the error a program gets when one is full. */
#define FILE_MAX     512        /* open file descriptions, system-wide: ENFILE */
#ifdef PARLEY_SMALL
#define INODE_MAX    256        /* files, directories and FIFOs: ENOSPC (the initrd alone has ~150) */
#else
#define INODE_MAX    2048
#endif
#define DIRENT_MAX   (4 * INODE_MAX)  /* names in all directories together (a directory
                                         takes three: its name, "." and ".."): ENOSPC */

/* Each IPC mechanism's tables are named beside its calls, where Linux names
 * them: <parley/ipc.h> (MSGMNI, MSGMNB, MSGMAX, SEMMNI, SEMMSL, SEMMNU,
 * SEMOPM, SHMMNI, SHMMAX, SHMALL), <parley/mbox.h> (MBOX_MAX,
 * MBOX_CAPACITY_MAX, MSG_BODY_MAX); the socket table is NSOCKET in
 * kernel/net/socket.h.  docs/robustness.md lists them with their errors. */

#endif
