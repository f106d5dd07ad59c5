/*
 * demo_mbox_mutex -- mutual exclusion with a mailbox holding one token.
 *
 * The textbook's construction (Stallings, "Mutual exclusion using
 * messages"): a mailbox starts with exactly one message in it, the token.
 * A process enters its critical section by receiving the token (blocking
 * while another holds it) and leaves by sending it back:
 *
 *     receive(box, token);   critical section   send(box, token);
 *
 * Four processes each add 1 to a counter kept in a file, 50 times, by
 * read-modify-write with a sched_yield() in the middle -- the worst case for
 * a race.  With the token every update survives: 200.  Run it with `-race`
 * to skip the token and watch updates get lost.
 */
#include <fcntl.h>
#include <parley/mbox.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define WORKERS 4
#define ROUNDS  50
#define COUNTER "/tmp/demo_mbox_mutex.counter"

static int
read_counter(void)
{
    int fd = open(COUNTER, O_RDONLY), value = 0;
    if (fd >= 0) {
        if (read(fd, &value, sizeof value) != sizeof value)
            value = 0;
        close(fd);
    }
    return value;
}

static void
write_counter(int value)
{
    int fd = open(COUNTER, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    write(fd, &value, sizeof value);
    close(fd);
}

static void
worker(int box, int use_token)
{
    char token[8];
    struct msg_in in = { .body = token, .size = sizeof token };
    struct msg_out out = { 1, 0, "token", 6 };

    for (int i = 0; i < ROUNDS; i++) {
        if (use_token && mbox_receive(box, &in, 0) < 0) {   /* enter */
            perror("demo_mbox_mutex: mbox_receive");
            _exit(1);
        }
        int value = read_counter();     /* critical section */
        sched_yield();
        write_counter(value + 1);
        if (use_token && mbox_send(box, &out, 0) < 0) {     /* leave */
            perror("demo_mbox_mutex: mbox_send");
            _exit(1);
        }
    }
    _exit(0);
}

int
main(int argc, char **argv)
{
    int use_token = !(argc > 1 && strcmp(argv[1], "-race") == 0);
    int box = mbox_create(NULL, 1, 0);
    struct msg_out token = { 1, 0, "token", 6 };

    if (box < 0 || mbox_send(box, &token, 0) < 0) {   /* the one token */
        perror("demo_mbox_mutex: mailbox");
        return 1;
    }
    write_counter(0);
    printf("%d processes add 1 to a counter %d times each, %s\n", WORKERS, ROUNDS,
           use_token ? "holding the mailbox's token" : "with no token (-race)");
    for (int w = 0; w < WORKERS; w++)
        if (fork() == 0)
            worker(box, use_token);
    for (int w = 0; w < WORKERS; w++)
        wait(NULL);
    int total = read_counter();
    printf("counter = %d (expected %d)%s\n", total, WORKERS * ROUNDS,
           total == WORKERS * ROUNDS ? "" : ": updates were lost");
    unlink(COUNTER);
    mbox_destroy(box);
    return total == WORKERS * ROUNDS || !use_token ? 0 : 1;
}
