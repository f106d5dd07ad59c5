/*
 * System V IPC: message queues, semaphore sets, shared-memory segments.
 * Flag and command values and structure field names are Linux's, so
 * textbook programs compile unchanged; the layouts are Parley's own (one
 * 32-bit time_t, no padding words).  The kernel fills these structures for
 * IPC_STAT and reads them for IPC_SET; the user library passes the caller's
 * pointer straight through.
 */
#ifndef PARLEY_IPC_H
#define PARLEY_IPC_H

#include <parley/types.h>

/* ---- common to the three mechanisms (sys/ipc.h) ---- */

#define IPC_PRIVATE ((key_t)0)  /* key: always make a new object */

/* Bits of the flags argument of msgget/semget/shmget, above the 9 mode bits. */
#define IPC_CREAT   001000      /* create the object if the key is absent */
#define IPC_EXCL    002000      /* with IPC_CREAT: fail with EEXIST if present */
#define IPC_NOWAIT  004000      /* msgsnd/msgrcv/semop: EAGAIN/ENOMSG, never block */

/* Commands of msgctl/semctl/shmctl. */
#define IPC_RMID    0           /* remove the object now */
#define IPC_SET     1           /* copy uid, gid, mode (msg_qbytes) in */
#define IPC_STAT    2           /* copy the *id_ds structure out */
#define IPC_INFO    3           /* system-wide limits */

/* Ownership and permissions of one IPC object. */
struct ipc_perm {
    key_t          __key;       /* key given to *get */
    uid_t          uid;         /* owner */
    gid_t          gid;
    uid_t          cuid;        /* creator */
    gid_t          cgid;
    mode_t         mode;        /* low 9 bits: rw permissions */
    unsigned short __seq;       /* slot reuse counter, part of the id */
    unsigned short __pad;
};

/* ---- message queues (sys/msg.h) ---- */

#define MSG_NOERROR 010000      /* msgrcv: truncate a too-long message, no E2BIG */
#define MSG_EXCEPT  020000      /* msgrcv: first message whose type != msgtyp */

/* msgctl commands besides IPC_* (Linux's values), for ipcs. */
#define MSG_STAT     11         /* msqid is a table index; returns the queue's id */
#define MSG_INFO     12         /* like IPC_INFO, with the counts now in use */
#define MSG_STAT_ANY 13         /* MSG_STAT without the read-permission check */

/* Limits (Linux's names and defaults; SMALL=1 builds shrink the table). */
#define MSGMAX      8192        /* longest message text */
#define MSGMNB      16384       /* default msg_qbytes; raising past it needs root */
#ifdef PARLEY_SMALL
#define MSGMNI      4           /* message queues in the system */
#else
#define MSGMNI      32
#endif

/* What msgctl(IPC_INFO / MSG_INFO) copies out, through a struct msqid_ds *
 * cast as on Linux.  MSG_INFO puts the number of queues in msgpool, of
 * messages in msgmap and of text bytes in msgtql. */
struct msginfo {
    int            msgpool;
    int            msgmap;
    int            msgmax;
    int            msgmnb;
    int            msgmni;
    int            msgssz;
    int            msgtql;
    unsigned short msgseg;
};

typedef unsigned long msgqnum_t;
typedef unsigned long msglen_t;

struct msqid_ds {
    struct ipc_perm msg_perm;
    time_t          msg_stime;  /* last msgsnd */
    time_t          msg_rtime;  /* last msgrcv */
    time_t          msg_ctime;  /* creation or last IPC_SET */
    unsigned long   __msg_cbytes; /* bytes now in the queue */
    msgqnum_t       msg_qnum;   /* messages now in the queue */
    msglen_t        msg_qbytes; /* most bytes the queue may hold */
    pid_t           msg_lspid;  /* last sender */
    pid_t           msg_lrpid;  /* last receiver */
};

/* The shape msgsnd/msgrcv expect at msgp: a positive type (a long), then
 * msgsz bytes of text.  Programs declare their own struct with a real text
 * size; <sys/msg.h> names this one struct msgbuf only with _GNU_SOURCE, as
 * glibc does, because many programs define a struct msgbuf themselves. */
struct parley_msgbuf {
    long mtype;
    char mtext[1];
};

/* ---- semaphores (sys/sem.h) ---- */

#define SEM_UNDO    0x1000      /* sembuf.sem_flg: reverse the op at exit */

/* semctl commands besides IPC_*. */
#define GETPID      11          /* pid of the last semop on semnum */
#define GETVAL      12
#define GETALL      13
#define GETNCNT     14          /* processes waiting for an increase */
#define GETZCNT     15          /* processes waiting for zero */
#define SETVAL      16
#define SETALL      17

#define SEM_STAT    18          /* like IPC_STAT, but semid is a table index */
#define SEM_INFO    19          /* like IPC_INFO, with the counts in use */
#define SEM_STAT_ANY 20         /* SEM_STAT without the read-permission check */

/* Limits (Linux names).  SEMOPM is Linux's value before 3.19 (32): the
 * operations of one semop are copied onto the kernel stack. */
#define SEMVMX      32767       /* largest semaphore value */
#define SEMAEM      SEMVMX      /* largest SEM_UNDO adjustment */
#define SEMOPM      32          /* operations in one semop */
#ifdef PARLEY_SMALL
#define SEMMNI      8           /* semaphore sets in the system */
#define SEMMSL      16          /* semaphores in one set */
#define SEMMNU      32          /* undo entries in the system */
#else
#define SEMMNI      32
#define SEMMSL      250
#define SEMMNU      512
#endif

/* One operation of semop. */
struct sembuf {
    unsigned short sem_num;     /* index in the set */
    short          sem_op;      /* > 0 add, < 0 take, 0 wait for zero */
    short          sem_flg;     /* IPC_NOWAIT, SEM_UNDO */
};

struct semid_ds {
    struct ipc_perm sem_perm;
    time_t          sem_otime;  /* last semop */
    time_t          sem_ctime;  /* creation or last IPC_SET */
    unsigned long   sem_nsems;  /* semaphores in the set */
};

/* semctl(IPC_INFO / SEM_INFO) fills this (Linux's layout).  IPC_INFO gives
 * the limits; SEM_INFO also gives semusz = sets in use and semaem =
 * semaphores in use.  Both return the highest table index in use. */
struct seminfo {
    int semmap;                 /* undo entries in the system (SEMMNU) */
    int semmni;                 /* sets */
    int semmns;                 /* semaphores in the system */
    int semmnu;                 /* undo entries in the system */
    int semmsl;                 /* semaphores in one set */
    int semopm;                 /* operations in one semop */
    int semume;                 /* undo entries of one process */
    int semusz;                 /* SEM_INFO: sets in use */
    int semvmx;                 /* largest value */
    int semaem;                 /* SEM_INFO: semaphores in use */
};

/* ---- shared memory (sys/shm.h) ---- */

#define SHM_RDONLY  010000      /* shmat: attach read-only */
#define SHM_RND     020000      /* shmat: round shmaddr down to SHMLBA */
#define SHMLBA      4096        /* attach addresses are multiples of this */

typedef unsigned long shmatt_t;

struct shmid_ds {
    struct ipc_perm shm_perm;
    size_t          shm_segsz;  /* size asked for at creation, in bytes */
    time_t          shm_atime;  /* last shmat */
    time_t          shm_dtime;  /* last shmdt */
    time_t          shm_ctime;  /* creation or last IPC_SET */
    pid_t           shm_cpid;   /* creator */
    pid_t           shm_lpid;   /* last shmat/shmdt */
    shmatt_t        shm_nattch; /* current attachments */
};

/* shm_perm.mode bits besides the permissions (ipcs shows them). */
#define SHM_DEST    01000       /* IPC_RMID while attached: freed at the last shmdt */

/* shmctl commands besides IPC_*: Linux's, for ipcs. */
#define SHM_STAT    13          /* shmid is a table index; returns the id */
#define SHM_INFO    14          /* fills struct shm_info; returns the highest index */
#define SHM_STAT_ANY 15         /* SHM_STAT without the read-permission check */

/* Limits (IPC_INFO fills struct shminfo with them). */
#define SHMMIN      1           /* smallest segment, bytes */
#define SHMMAX      (32 * 1024 * 1024)  /* largest segment, bytes */
#define SHMMNI      128         /* segments in the system */
#define SHMALL      (SHMMAX / 4096 * 4) /* pages in all segments together */

struct shminfo {                /* shmctl(0, IPC_INFO, (struct shmid_ds *)&info) */
    unsigned long shmmax, shmmin, shmmni, shmseg, shmall;
};

struct shm_info {               /* shmctl(0, SHM_INFO, (struct shmid_ds *)&info) */
    int           used_ids;     /* segments now */
    unsigned long shm_tot;      /* pages in all segments */
    unsigned long shm_rss;      /* of those, resident (all of them: no swap) */
    unsigned long shm_swp;      /* swapped: always 0 */
    unsigned long swap_attempts, swap_successes;
};

#endif
