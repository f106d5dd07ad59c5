/*
 * ipcs -- show System V IPC objects, in Linux's format, and Parley's
 * mailboxes and ports.
 *   ipcs              every mechanism
 *   ipcs -q           message queues (System V)
 *   ipcs -q -i id     one message queue in detail
 *   ipcs -b           mailboxes and ports: owner, capacity, order, queued
 *                     messages, who waits to send and to receive
 *   ipcs -b -i id     one mailbox or port in detail
 *   ipcs -s           semaphore arrays
 *   ipcs -s -i id     one semaphore array: each value, ncount, zcount, pid
 *
 * One function per mechanism lists its table (through *_INFO, for the
 * highest index, and *_STAT by index) and one prints one object in detail;
 * a mechanism is one row of the mechanisms[] table at the bottom.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/sem.h>
#include <sys/msg.h>
#include <parley/mbox.h>

union semun {
    int              val;
    struct semid_ds *buf;
    unsigned short  *array;
    struct seminfo  *info;
};

static void
print_time(const char *label, time_t t)
{
    if (t == 0)
        printf("%s = Not set\n", label);
    else
        printf("%s = %ld (seconds since the epoch)\n", label, (long)t);
}

/* The header, the ids and the permissions common to every mechanism. */
static void
print_perm_detail(const struct ipc_perm *p)
{
    printf("uid=%u\t gid=%u\t cuid=%u\t cgid=%u\n",
           (unsigned)p->uid, (unsigned)p->gid, (unsigned)p->cuid, (unsigned)p->cgid);
    printf("mode=%#o, access_perms=%#o\n", (unsigned)p->mode, (unsigned)(p->mode & 0777));
}

/* Owners by name for root, else by number (the image has no /etc/passwd). */
static const char *
owner_name(uid_t uid, char *buf, size_t size)
{
    if (uid == 0)
        return "root";
    snprintf(buf, size, "%u", (unsigned)uid);
    return buf;
}

/* ---- message queues ------------------------------------------------------ */

static int
msg_list(void)
{
    struct msginfo info;
    int max = msgctl(0, MSG_INFO, (struct msqid_ds *)&info);
    printf("\n------ Message Queues --------\n");
    printf("key        msqid      owner      perms      used-bytes   messages    \n");
    if (max < 0) {
        perror("ipcs: msgctl MSG_INFO");
        return 1;
    }
    for (int i = 0; i <= max; i++) {
        struct msqid_ds ds;
        char owner[16];
        int id = msgctl(i, MSG_STAT_ANY, &ds);
        if (id < 0)
            continue;           /* a free slot */
        printf("0x%08x %-10d %-10s %-10o %-12lu %-12lu\n", (unsigned)ds.msg_perm.__key, id,
               owner_name(ds.msg_perm.uid, owner, sizeof owner),
               (unsigned)(ds.msg_perm.mode & 0777), ds.__msg_cbytes, ds.msg_qnum);
    }
    printf("\n");
    return 0;
}

static int
msg_detail(int id)
{
    struct msqid_ds ds;
    if (msgctl(id, IPC_STAT, &ds) < 0) {
        perror("ipcs: msgctl IPC_STAT");
        return 1;
    }
    printf("\nMessage Queue msqid=%d\n", id);
    print_perm_detail(&ds.msg_perm);
    printf("cbytes=%lu\tqbytes=%lu\tqnum=%lu\tlspid=%d\tlrpid=%d\n", ds.__msg_cbytes,
           ds.msg_qbytes, ds.msg_qnum, ds.msg_lspid, ds.msg_lrpid);
    print_time("send_time", ds.msg_stime);
    print_time("rcv_time", ds.msg_rtime);
    print_time("change_time", ds.msg_ctime);
    printf("\n");
    return 0;
}

/* ---- mailboxes and ports ------------------------------------------------- */

/* "12,13" for the first pids of n waiting processes, "-" for none. */
static const char *
pid_list(const pid_t *pids, unsigned n, char *buf, size_t size)
{
    size_t len = 0;
    if (n == 0)
        return "-";
    buf[0] = 0;
    for (unsigned i = 0; i < n && i < MBOX_STATUS_PIDS && len < size; i++)
        len += snprintf(buf + len, size - len, "%s%d", i ? "," : "", pids[i]);
    if (n > MBOX_STATUS_PIDS && len < size)
        snprintf(buf + len, size - len, ",...");
    return buf;
}

static void
mbox_print(const struct mbox_status *b)
{
    char senders[64], receivers[64];
    printf("%-10d %-7s %-6d %-8u %-8s %-10u %-10s %-10s %s\n", b->id,
           b->kind == MBOX_KIND_PORT ? "port" : "mailbox", b->owner, b->capacity,
           (b->flags & MBOX_PRIORITY) ? "priority" : "fifo", b->queued,
           pid_list(b->senders, b->nsenders, senders, sizeof senders),
           pid_list(b->receivers, b->nreceivers, receivers, sizeof receivers),
           b->name[0] ? b->name : "-");
}

static const char mbox_header[] =
    "id         kind    owner  capacity order    messages   senders    receivers  name\n";

static int
mbox_list_all(void)
{
    static struct mbox_status boxes[MBOX_MAX];
    int n = mbox_list(boxes, MBOX_MAX);
    printf("\n------ Mailboxes and Ports --------\n%s", mbox_header);
    if (n < 0) {
        perror("ipcs: mbox_list");
        return 1;
    }
    for (int i = 0; i < n; i++)
        mbox_print(&boxes[i]);
    printf("\n");
    return 0;
}

static int
mbox_detail(int id)
{
    struct mbox_status st;
    if (mbox_status(id, &st) < 0) {
        perror("ipcs: mbox_status");
        return 1;
    }
    printf("\n%s id=%d\n%s", st.kind == MBOX_KIND_PORT ? "Port" : "Mailbox", id, mbox_header);
    mbox_print(&st);
    printf("queued bytes = %u, blocked senders = %u, blocked receivers = %u\n\n",
           st.queued_bytes, st.nsenders, st.nreceivers);
    return 0;
}

/* ---- semaphores ---------------------------------------------------------- */

static int
sem_list(void)
{
    struct seminfo info;
    union semun arg = { .info = &info };
    int max = semctl(0, 0, SEM_INFO, arg);
    printf("\n------ Semaphore Arrays --------\n");
    printf("%-10s %-10s %-10s %-10s %-10s\n", "key", "semid", "owner", "perms", "nsems");
    if (max < 0) {
        perror("ipcs: semctl SEM_INFO");
        return 1;
    }
    for (int i = 0; i <= max; i++) {
        struct semid_ds ds;
        arg.buf = &ds;
        int id = semctl(i, 0, SEM_STAT, arg);
        if (id < 0)
            continue;           /* a free slot, or one we may not read */
        char owner[16];
        printf("0x%08x %-10d %-10s %-10o %-10lu\n", (unsigned)ds.sem_perm.__key, id,
               owner_name(ds.sem_perm.uid, owner, sizeof owner),
               (unsigned)(ds.sem_perm.mode & 0777), ds.sem_nsems);
    }
    printf("\n");
    return 0;
}

static int
sem_detail(int id)
{
    struct semid_ds ds;
    union semun arg = { .buf = &ds };
    if (semctl(id, 0, IPC_STAT, arg) < 0) {
        perror("ipcs: semctl IPC_STAT");
        return 1;
    }
    printf("\nSemaphore Array semid=%d\n", id);
    print_perm_detail(&ds.sem_perm);
    printf("nsems = %lu\n", ds.sem_nsems);
    print_time("otime", ds.sem_otime);
    print_time("ctime", ds.sem_ctime);
    printf("%-10s %-10s %-10s %-10s %-10s\n", "semnum", "value", "ncount", "zcount", "pid");
    for (unsigned long n = 0; n < ds.sem_nsems; n++)
        printf("%-10lu %-10d %-10d %-10d %-10d\n", n, semctl(id, n, GETVAL),
               semctl(id, n, GETNCNT), semctl(id, n, GETZCNT), semctl(id, n, GETPID));
    printf("\n");
    return 0;
}

/* ---- the mechanisms ------------------------------------------------------ */

static const struct mechanism {
    char option;                        /* -s, -q, -m */
    int (*list)(void);
    int (*detail)(int id);
} mechanisms[] = {
    { 'q', msg_list, msg_detail },
    { 'b', mbox_list_all, mbox_detail },
    { 's', sem_list, sem_detail },
};
#define NMECHANISMS (int)(sizeof mechanisms / sizeof mechanisms[0])

static void
usage(void)
{
    fprintf(stderr, "usage: ipcs [-a | -q | -b | -s] [-i id]\n");
    exit(2);
}

int
main(int argc, char **argv)
{
    const struct mechanism *chosen = NULL;
    int id = -1, status = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-i") == 0 && i + 1 < argc) {
            id = atoi(argv[++i]);
            continue;
        }
        if (strcmp(argv[i], "-a") == 0) {
            chosen = NULL;              /* every mechanism, as with none */
            continue;
        }
        if (argv[i][0] != '-' || argv[i][1] == 0 || argv[i][2] != 0)
            usage();
        chosen = NULL;
        for (int m = 0; m < NMECHANISMS; m++)
            if (mechanisms[m].option == argv[i][1])
                chosen = &mechanisms[m];
        if (!chosen)
            usage();
    }
    if (id >= 0) {
        if (!chosen)
            usage();            /* -i needs to know which table */
        return chosen->detail(id);
    }
    for (int m = 0; m < NMECHANISMS; m++)
        if (!chosen || chosen == &mechanisms[m])
            status |= mechanisms[m].list();
    return status;
}
