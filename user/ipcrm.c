/*
 * ipcrm -- remove System V IPC objects, and Parley's mailboxes and ports.
 *   ipcrm -q msqid    remove the message queue with this id
 *   ipcrm -Q key      ... with this key (0x... hexadecimal, or decimal)
 *   ipcrm -b id       destroy a mailbox or port (its owner only)
 *   ipcrm -s semid    remove the semaphore array with this id
 *   ipcrm -S key      ... with this key
 * Several options may be given; the exit status is 1 if any removal failed.
 *
 * One function per mechanism removes by id; a key is turned into an id by
 * the mechanism's *get.  A mechanism is one row of mechanisms[].
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sem.h>
#include <sys/msg.h>
#include <parley/mbox.h>

static int
msg_remove(int id)
{
    return msgctl(id, IPC_RMID, 0);
}

static int
msg_id_of_key(key_t key)
{
    return msgget(key, 0);
}

static int
sem_remove(int id)
{
    return semctl(id, 0, IPC_RMID);
}

static int
sem_id_of_key(key_t key)
{
    return semget(key, 0, 0);
}

static const struct mechanism {
    char by_id, by_key;                 /* -s / -S, -q / -Q, -m / -M */
    int (*remove)(int id);
    int (*id_of_key)(key_t key);
} mechanisms[] = {
    { 'q', 'Q', msg_remove, msg_id_of_key },
    { 'b', 0, mbox_destroy, 0 },          /* boxes have no keys */
    { 's', 'S', sem_remove, sem_id_of_key },
};
#define NMECHANISMS (int)(sizeof mechanisms / sizeof mechanisms[0])

/* Linux's words for the errors. */
static void
report(const char *what, const char *arg, int err)
{
    if (err == EPERM || err == EACCES)
        fprintf(stderr, "ipcrm: permission denied for %s (%s)\n", what, arg);
    else if (err == EINVAL || err == ENOENT || err == EIDRM)
        fprintf(stderr, "ipcrm: invalid %s (%s)\n", what, arg);
    else
        fprintf(stderr, "ipcrm: %s (%s): %s\n", what, arg, strerror(err));
}

static int
remove_one(const struct mechanism *m, bool by_key, const char *arg)
{
    char *end;
    /* A key is a 32-bit pattern (0xffffffff is one), an id a number. */
    long n = by_key ? (long)strtoul(arg, &end, 0) : strtol(arg, &end, 10);
    if (*arg == 0 || *end != 0) {
        report(by_key ? "key" : "id", arg, EINVAL);
        return 1;
    }
    if (by_key && n == IPC_PRIVATE) {
        report("key", arg, EINVAL);     /* IPC_PRIVATE names no one object */
        return 1;
    }
    int id = by_key ? m->id_of_key((key_t)n) : (int)n;
    if (id < 0 || m->remove(id) < 0) {
        report(by_key ? "key" : "id", arg, errno);
        return 1;
    }
    return 0;
}

int
main(int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++) {
        const struct mechanism *m = NULL;
        bool by_key = false;
        if (argv[i][0] == '-' && argv[i][1] && !argv[i][2])
            for (int k = 0; k < NMECHANISMS; k++) {
                if (mechanisms[k].by_id == argv[i][1])
                    m = &mechanisms[k];
                if (mechanisms[k].by_key == argv[i][1])
                    m = &mechanisms[k], by_key = true;
            }
        if (!m || i + 1 >= argc) {
            fprintf(stderr, "usage: ipcrm [-q id] [-Q key] [-b id] [-s id] [-S key]...\n");
            return 2;
        }
        status |= remove_one(m, by_key, argv[++i]);
    }
    return status;
}
