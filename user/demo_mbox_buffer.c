/*
 * demo_mbox_buffer -- the bounded buffer with messages: producers and
 * consumers over two mailboxes, as the course material writes it
 * (Stallings, "A solution to the bounded-buffer producer/consumer problem
 * using messages"):
 *
 *     mayproduce: primed with K empty messages, one per free slot
 *     mayconsume: holds the produced items
 *
 *     producer:  receive(mayproduce, m); m = produce(); send(mayconsume, m);
 *     consumer:  receive(mayconsume, m); consume(m);    send(mayproduce, empty);
 *
 * The K messages circulating between the boxes are the buffer: at most K
 * items exist at once, a producer blocks when none is free, a consumer
 * when none is full, and no other synchronisation is needed.  Three
 * producers and two consumers pass 300 items; each consumer prints what it
 * took, and the parent checks that the sum of all items arrived.
 */
#include <parley/mbox.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define K          4            /* buffer slots */
#define PRODUCERS  3
#define CONSUMERS  2
#define PER_PRODUCER 100
#define STOP       (-1)

static int mayproduce, mayconsume;

static void
send_int(int box, int value)
{
    struct msg_out out = { 1, 0, &value, sizeof value };
    if (mbox_send(box, &out, 0) < 0) {
        perror("demo_mbox_buffer: mbox_send");
        _exit(1);
    }
}

static int
receive_int(int box)
{
    int value;
    struct msg_in in = { .body = &value, .size = sizeof value };
    if (mbox_receive(box, &in, 0) < 0) {
        perror("demo_mbox_buffer: mbox_receive");
        _exit(1);
    }
    return value;
}

static void
producer(int p)
{
    for (int i = 1; i <= PER_PRODUCER; i++) {
        receive_int(mayproduce);               /* wait for a free slot */
        send_int(mayconsume, p * 1000 + i);    /* produce into it */
    }
    _exit(0);
}

/* Exits with the number of items consumed; sums them into the pipe. */
static void
consumer(int c, int report)
{
    long sum = 0;
    int count = 0;
    for (;;) {
        int item = receive_int(mayconsume);    /* wait for a full slot */
        if (item == STOP)
            break;
        sum += item;
        count++;
        if (count % 25 == 0)
            printf("consumer %d: %d items so far, last %d\n", c, count, item);
        send_int(mayproduce, 0);               /* the slot is free again */
    }
    write(report, &sum, sizeof sum);
    _exit(0);
}

int
main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);   /* children _exit: print whole lines */
    int fds[2];
    mayproduce = mbox_create(NULL, K, 0);
    mayconsume = mbox_create(NULL, K, 0);
    if (mayproduce < 0 || mayconsume < 0 || pipe(fds) < 0) {
        perror("demo_mbox_buffer: set-up");
        return 1;
    }
    for (int i = 0; i < K; i++)
        send_int(mayproduce, 0);               /* K empty slots */
    for (int c = 0; c < CONSUMERS; c++)
        if (fork() == 0)
            consumer(c, fds[1]);
    pid_t producers[PRODUCERS];
    for (int p = 0; p < PRODUCERS; p++)
        if ((producers[p] = fork()) == 0)
            producer(p + 1);
    for (int p = 0; p < PRODUCERS; p++)
        waitpid(producers[p], NULL, 0);
    for (int c = 0; c < CONSUMERS; c++) {
        receive_int(mayproduce);               /* a stop takes a slot too */
        send_int(mayconsume, STOP);
    }
    long total = 0, sum, want = 0;
    for (int c = 0; c < CONSUMERS; c++) {
        read(fds[0], &sum, sizeof sum);
        total += sum;
        wait(NULL);
    }
    for (int p = 1; p <= PRODUCERS; p++)
        for (int i = 1; i <= PER_PRODUCER; i++)
            want += p * 1000 + i;
    printf("sum of consumed items %ld, of produced items %ld: %s\n", total, want,
           total == want ? "every item arrived once" : "MISMATCH");
    mbox_destroy(mayproduce);
    mbox_destroy(mayconsume);
    return total == want ? 0 : 1;
}
