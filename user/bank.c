/*
 * bank -- two tellers move money between two accounts.  It has a bug.
 *
 * Each account has a semaphore (value 1: unlocked).  A transfer locks the
 * account it takes money from, then the one it pays into, moves the money
 * (the balances live in a file, /tmp/bank), and unlocks both.  Teller 0
 * pays from account 0 into account 1, teller 1 the other way, 50 times
 * each; at the end the balances must still add up to 200.
 *
 * Sometimes it never ends.  This is lab `deadlock` (docs/labs/deadlock.md):
 * run it, find out with `deadlock`, Ctrl-P or `explore` what each teller
 * waits for, explain the cycle, and fix it without giving up the locks.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <unistd.h>

#define TRANSFERS 50
#define LEDGER    "/tmp/bank"

static int locks;               /* one semaphore per account */

static void
lock(int account)
{
    struct sembuf op = { (unsigned short)account, -1, 0 };
    semop(locks, &op, 1);
}

static void
unlock(int account)
{
    struct sembuf op = { (unsigned short)account, +1, 0 };
    semop(locks, &op, 1);
}

static void
read_balances(int fd, int balance[2])
{
    char buf[32] = { 0 };
    lseek(fd, 0, SEEK_SET);
    read(fd, buf, sizeof buf - 1);
    char *second;
    balance[0] = (int)strtol(buf, &second, 10);
    balance[1] = (int)strtol(second, NULL, 10);
}

static void
write_balances(int fd, const int balance[2])
{
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%10d %10d\n", balance[0], balance[1]);
    lseek(fd, 0, SEEK_SET);
    write(fd, buf, n);
}

static void
transfer(int fd, int from, int to, int amount)
{
    lock(from);
    lock(to);
    int balance[2];
    read_balances(fd, balance);
    balance[from] -= amount;
    balance[to] += amount;
    write_balances(fd, balance);
    unlock(to);
    unlock(from);
}

int
main(void)
{
    locks = semget(IPC_PRIVATE, 2, 0600);
    unsigned short unlocked[2] = { 1, 1 };
    semctl(locks, 0, SETALL, unlocked);
    int fd = open(LEDGER, O_RDWR | O_CREAT | O_TRUNC, 0644);
    int start[2] = { 100, 100 };
    write_balances(fd, start);
    for (int teller = 0; teller < 2; teller++) {
        if (fork() == 0) {
            for (int i = 0; i < TRANSFERS; i++)
                transfer(fd, teller, 1 - teller, 1);
            _exit(0);
        }
    }
    while (wait(NULL) > 0)
        ;
    int end[2];
    read_balances(fd, end);
    printf("balances %d + %d = %d\n", end[0], end[1], end[0] + end[1]);
    semctl(locks, 0, IPC_RMID);
    close(fd);
    unlink(LEDGER);
    return end[0] + end[1] == 200 ? 0 : 1;
}
