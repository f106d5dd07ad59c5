/*
 * demo_race -- a race you can see, and replay.
 *
 *   demo_race [N]
 *
 * Two processes each add 1 to a counter kept in a file, N times (default
 * 20), with no locking: read the number, then write number + 1.  If one
 * process reads between the other's read and write, an increment is lost,
 * so the final count is often less than 2N.  Which interleaving happens
 * depends on where the scheduler switches; run it under the explore tool to
 * see every outcome and the seed that gives each:
 *
 *   explore -n 20 demo_race      # the distinct results, with their seeds
 *   explore -r 7 demo_race       # replay seed 7 exactly
 *
 * The fix is mutual exclusion around the read-modify-write: a semaphore, a
 * lock file, or a mailbox holding one token (see the messages docs).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define COUNTER "/tmp/race.counter"

static int
read_counter(int fd)
{
    char buf[16] = { 0 };
    lseek(fd, 0, SEEK_SET);
    if (read(fd, buf, sizeof buf - 1) < 0)
        return -1;
    return atoi(buf);
}

static void
write_counter(int fd, int value)
{
    char buf[16];
    int n = snprintf(buf, sizeof buf, "%10d\n", value);
    lseek(fd, 0, SEEK_SET);
    write(fd, buf, n);
}

static void
add_many(int n)
{
    int fd = open(COUNTER, O_RDWR);
    for (int i = 0; i < n; i++) {
        int v = read_counter(fd);     /* the race window opens here ... */
        write_counter(fd, v + 1);     /* ... and closes here */
    }
    close(fd);
}

int
main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 20;
    int fd = open(COUNTER, O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        perror(COUNTER);
        return 1;
    }
    write_counter(fd, 0);
    for (int child = 0; child < 2; child++) {
        if (fork() == 0) {
            add_many(n);
            _exit(0);
        }
    }
    while (wait(NULL) > 0)
        ;
    printf("counter = %d (expected %d)\n", read_counter(fd), 2 * n);
    close(fd);
    unlink(COUNTER);
    return 0;
}
