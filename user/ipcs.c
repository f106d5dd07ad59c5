/*
 * ipcs -- show the System V IPC objects and Parley's mailboxes and ports.
 *   ipcs        everything
 *   ipcs -a     everything
 *   ipcs -q     message queues: System V (Linux's table) and then the
 *               mailboxes and ports (capacity, queued messages, who waits)
 *   ipcs -b     mailboxes and ports only
 *
 * One function per mechanism, listed in the table `mechanisms` with its
 * option letter; semaphores (-s) and shared memory (-m) add their own row
 * and function.  Owners are shown by name for root, else by number (the
 * image has no /etc/passwd).
 */
#include <errno.h>
#include <parley/mbox.h>
#include <stdio.h>
#include <string.h>
#include <sys/msg.h>

static void
print_owner(uid_t uid)
{
    if (uid == 0)
        printf("%-10s ", "root");
    else
        printf("%-10u ", (unsigned)uid);
}

/* ---- System V message queues ---------------------------------------- */

static void
show_message_queues(void)
{
    struct msginfo info;
    int top = msgctl(0, MSG_INFO, (struct msqid_ds *)&info);

    printf("\n------ Message Queues --------\n");
    printf("key        msqid      owner      perms      used-bytes   messages    \n");
    for (int i = 0; i <= top; i++) {
        struct msqid_ds ds;
        int id = msgctl(i, MSG_STAT_ANY, &ds);
        if (id < 0)
            continue;
        printf("0x%08x %-10d ", (unsigned)ds.msg_perm.__key, id);
        print_owner(ds.msg_perm.uid);
        printf("%-10o %-12lu %-12lu\n", (unsigned)(ds.msg_perm.mode & 0777),
               ds.__msg_cbytes, ds.msg_qnum);
    }
}

/* ---- mailboxes and ports --------------------------------------------- */

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
show_mailboxes(void)
{
    static struct mbox_status boxes[MBOX_MAX];
    int n = mbox_list(boxes, MBOX_MAX);

    printf("\n------ Mailboxes and Ports --------\n");
    printf("id         kind    owner  capacity order    messages   senders    receivers  name\n");
    for (int i = 0; i < n; i++) {
        struct mbox_status *b = &boxes[i];
        printf("%-10d %-7s %-6d %-8u %-8s %-10u ", b->id,
               b->kind == MBOX_KIND_PORT ? "port" : "mailbox", b->owner,
               b->capacity, (b->flags & MBOX_PRIORITY) ? "priority" : "fifo",
               b->queued);
        char senders[64], receivers[64];
        printf("%-10s %-10s", pid_list(b->senders, b->nsenders, senders, sizeof senders),
               pid_list(b->receivers, b->nreceivers, receivers, sizeof receivers));
        printf(" %s\n", b->name[0] ? b->name : "-");
    }
}

static void
show_all_messages(void)
{
    show_message_queues();
    show_mailboxes();
}

/* ---- the mechanisms ---------------------------------------------------- */

struct mechanism {
    char  option;
    void (*show)(void);
};

static const struct mechanism mechanisms[] = {
    { 'q', show_all_messages },
    { 'b', show_mailboxes },
    /* { 's', show_semaphores }, { 'm', show_shared_memory }, */
};

#define NMECHANISMS (sizeof mechanisms / sizeof mechanisms[0])

static void
show_everything(void)
{
    show_all_messages();
    for (unsigned m = 0; m < NMECHANISMS; m++)
        if (mechanisms[m].option != 'q' && mechanisms[m].option != 'b')
            mechanisms[m].show();
}

int
main(int argc, char **argv)
{
    int shown = 0;

    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        if (opt[0] != '-' || opt[1] == 0) {
            fprintf(stderr, "usage: ipcs [-a | -q | -b]\n");
            return 2;
        }
        for (opt++; *opt; opt++) {
            unsigned m;
            if (*opt == 'a') {
                show_everything();
                shown = 1;
                continue;
            }
            for (m = 0; m < NMECHANISMS && mechanisms[m].option != *opt; m++)
                ;
            if (m == NMECHANISMS) {
                fprintf(stderr, "ipcs: unknown option -%c\n", *opt);
                return 2;
            }
            mechanisms[m].show();
            shown = 1;
        }
    }
    if (!shown)
        show_everything();
    printf("\n");
    return 0;
}
