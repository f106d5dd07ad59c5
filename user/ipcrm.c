/*
 * ipcrm -- remove IPC objects.
 *   ipcrm -q msqid     remove a System V message queue by id
 *   ipcrm -Q msgkey    ... by key (0x... or decimal)
 *   ipcrm -b id        destroy a mailbox or port (its owner only)
 * Several options may follow one another: ipcrm -q 3 -q 4.
 *
 * One function per mechanism in the table `removers`, each with its
 * option letters (lower case: by id, upper case: by key); semaphores (-s,
 * -S) and shared memory (-m, -M) add their rows.  Exit status 1 if any
 * removal failed.
 */
#include <errno.h>
#include <parley/mbox.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>

static int
remove_message_queue(long value, int by_key)
{
    int id = (int)value;

    if (by_key) {
        if ((key_t)value == IPC_PRIVATE) {
            fprintf(stderr, "ipcrm: illegal key (%ld)\n", value);
            return -1;
        }
        if ((id = msgget((key_t)value, 0)) < 0) {
            fprintf(stderr, "ipcrm: invalid key (0x%lx)\n", value);
            return -1;
        }
    }
    if (msgctl(id, IPC_RMID, 0) < 0) {
        fprintf(stderr, "ipcrm: %s (%d): %s\n", errno == EINVAL ? "invalid id" : "cannot remove id",
                id, strerror(errno));
        return -1;
    }
    return 0;
}

static int
remove_mailbox(long value, int by_key)
{
    (void)by_key;
    if (mbox_destroy((int)value) < 0) {
        fprintf(stderr, "ipcrm: mailbox %ld: %s\n", value, strerror(errno));
        return -1;
    }
    return 0;
}

struct remover {
    char by_id, by_key;                 /* option letters; 0: none */
    int (*remove)(long value, int by_key);
};

static const struct remover removers[] = {
    { 'q', 'Q', remove_message_queue },
    { 'b', 0, remove_mailbox },
    /* { 's', 'S', remove_semaphore_set }, { 'm', 'M', remove_shared_memory }, */
};

#define NREMOVERS (sizeof removers / sizeof removers[0])

static int
usage(void)
{
    fprintf(stderr, "usage: ipcrm [-q msqid | -Q msgkey | -b mboxid]...\n");
    return 2;
}

int
main(int argc, char **argv)
{
    int failed = 0;

    if (argc < 3)
        return usage();
    for (int i = 1; i < argc; i += 2) {
        const char *opt = argv[i], *arg = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned r;
        char *end;

        if (opt[0] != '-' || opt[1] == 0 || opt[2] != 0 || !arg)
            return usage();
        for (r = 0; r < NREMOVERS; r++)
            if (opt[1] == removers[r].by_id || (removers[r].by_key && opt[1] == removers[r].by_key))
                break;
        if (r == NREMOVERS)
            return usage();
        int by_key = opt[1] == removers[r].by_key;
        /* Keys are 32-bit patterns (0xffffffff is a key), ids numbers. */
        long value = by_key ? (long)strtoul(arg, &end, 0) : strtol(arg, &end, 0);
        if (*arg == 0 || *end != 0) {
            fprintf(stderr, "ipcrm: not a number: %s\n", arg);
            failed = 1;
            continue;
        }
        if (removers[r].remove(value, by_key) < 0)
            failed = 1;
    }
    return failed;
}
