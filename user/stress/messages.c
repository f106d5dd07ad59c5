/*
 * stress channels over the kernel's message store: a System V message
 * queue, a mailbox (capacity 16), a port (capacity 0: every send is a
 * rendezvous) and the collector's own inbox for direct messages
 * (capacity 8).  One record is one message, so it arrives whole or not at
 * all: a writer killed while it is blocked in a send, or in the middle of
 * the call, has either queued the message or not.
 */
#include <errno.h>
#include <parley/mbox.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <unistd.h>

#include "stress.h"

#define MAILBOX_CAPACITY 16
#define INBOX_CAPACITY   8

/* A failed non-waiting receive says EAGAIN, whichever call made it. */
static ssize_t
nothing_now(ssize_t n)
{
    if (n < 0 && errno == ENOMSG)
        errno = EAGAIN;
    return n;
}

/* ---- System V message queue --------------------------------------------- */

static int queue_id = -1;

struct queue_message {
    long mtype;
    char text[RECORD_MAX];
};

static int
msgq_setup(int writers)
{
    queue_id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    return queue_id < 0 ? -1 : 0;
}

static int
nothing_to_open(uint32_t writer)
{
    return 0;
}

static int
msgq_send(const void *rec, size_t n)
{
    static struct queue_message m = { .mtype = 1 };
    memcpy(m.text, rec, n);
    return msgsnd(queue_id, &m, n, 0);
}

static ssize_t
msgq_recv(void *buf, size_t size, struct arrival *from, bool wait)
{
    static struct queue_message m;
    ssize_t n = msgrcv(queue_id, &m, sizeof m.text, 0, wait ? 0 : IPC_NOWAIT);
    if (n > 0)
        memcpy(buf, m.text, (size_t)n < size ? (size_t)n : size);
    return nothing_now(n);
}

static void
msgq_teardown(void)
{
    msgctl(queue_id, IPC_RMID, NULL);
}

const struct channel msgq_channel = {
    .name = "msgq", .messages = true,
    .setup = msgq_setup, .writer_open = nothing_to_open, .send_record = msgq_send,
    .recv_record = msgq_recv, .teardown = msgq_teardown,
};

/* ---- mailbox and port: one box id, made by the collector ---------------- */

static int box_id = -1;

static int
mailbox_setup(int writers)
{
    box_id = mbox_create(NULL, MAILBOX_CAPACITY, 0);
    return box_id < 0 ? -1 : 0;
}

static int
port_setup(int writers)
{
    box_id = port_create(0, 0);
    return box_id < 0 ? -1 : 0;
}

static int
box_send(const void *rec, size_t n)
{
    struct msg_out out = { .type = 1, .body = rec, .length = n };
    return mbox_send(box_id, &out, 0) < 0 ? -1 : 0;
}

static ssize_t
box_recv(void *buf, size_t size, struct arrival *from, bool wait)
{
    struct msg_in in = { .body = buf, .size = size };
    int n = mbox_receive(box_id, &in, wait ? 0 : MSG_NOWAIT);
    from->sender = in.header.sender;
    return n;
}

static void
box_teardown(void)
{
    mbox_destroy(box_id);
}

const struct channel mailbox_channel = {
    .name = "mailbox", .messages = true,
    .setup = mailbox_setup, .writer_open = nothing_to_open, .send_record = box_send,
    .recv_record = box_recv, .teardown = box_teardown,
};

const struct channel port_channel = {
    .name = "port", .messages = true,
    .setup = port_setup, .writer_open = nothing_to_open, .send_record = box_send,
    .recv_record = box_recv, .teardown = box_teardown,
};

/* ---- direct messages to the collector's inbox --------------------------- */

static pid_t collector_pid;

static int
direct_setup(int writers)
{
    collector_pid = getpid();
    return inbox_set_capacity(INBOX_CAPACITY);
}

static int
direct_send(const void *rec, size_t n)
{
    struct msg_out out = { .type = 1, .body = rec, .length = n };
    return pid_send(collector_pid, &out, 0) < 0 ? -1 : 0;
}

static ssize_t
direct_recv(void *buf, size_t size, struct arrival *from, bool wait)
{
    struct msg_in in = { .body = buf, .size = size };
    int n = pid_receive(0, &in, wait ? 0 : MSG_NOWAIT);
    from->sender = in.header.sender;
    return n;
}

static void
direct_teardown(void)
{
    inbox_set_capacity(0);              /* the default: rendezvous */
}

const struct channel direct_channel = {
    .name = "direct", .messages = true,
    .setup = direct_setup, .writer_open = nothing_to_open, .send_record = direct_send,
    .recv_record = direct_recv, .teardown = direct_teardown,
};
