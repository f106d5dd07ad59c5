/*
 * ipcs -- show System V IPC objects, in Linux's format.
 *   ipcs              every mechanism
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
        printf("0x%08x %-10d %-10u %-10o %-10lu\n", (unsigned)ds.sem_perm.__key, id,
               (unsigned)ds.sem_perm.uid, (unsigned)(ds.sem_perm.mode & 0777), ds.sem_nsems);
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
    { 's', sem_list, sem_detail },
};
#define NMECHANISMS (int)(sizeof mechanisms / sizeof mechanisms[0])

static void
usage(void)
{
    fprintf(stderr, "usage: ipcs [-s] [-i id]\n");
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
