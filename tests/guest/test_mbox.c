/*
 * Mailboxes, ports, direct messages and request/reply (<parley/mbox.h>,
 * issue 7): ownership, rendezvous and bounded capacity, order, selective
 * receive, timeouts, destruction, the deadlock check, leaks and a stress
 * run.  Parley's own API, so this suite does not build on Linux.
 */
#include "ipc_check.h"
#include <parley/mbox.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/msg.h>

/* ---- helpers ------------------------------------------------------------ */

static struct msg_out
text_out(long type, int priority, const char *text)
{
    struct msg_out out = { type, priority, text, (unsigned)strlen(text) + 1 };
    return out;
}

static int
send_text(int id, long type, const char *text, int flags)
{
    struct msg_out out = text_out(type, 0, text);
    return mbox_send(id, &out, flags);
}

/* A receive into a static buffer; the caller looks at the result. */
static char rbuf[MSG_BODY_MAX];
static struct msg_in rin;

static int
receive_into(int id, long type, int flags)
{
    memset(rbuf, 0, sizeof rbuf);
    rin = (struct msg_in){ .type = type, .body = rbuf, .size = sizeof rbuf };
    return mbox_receive(id, &rin, flags);
}

#define EXPECT_TEXT(call, want) do {                                        \
    int expect_n_ = (call);                                                 \
    if (expect_n_ < 0)                                                      \
        check_fail(__FILE__, __LINE__, "%s failed: %s", #call,              \
                   check_errno_name(errno));                                \
    CHECK_EQ(expect_n_, (int)strlen(want) + 1);                             \
    CHECK_STR_EQ(rbuf, want);                                               \
} while (0)

static int
new_mailbox(unsigned capacity, int flags)
{
    int id = mbox_create(NULL, capacity, flags);
    if (id < 0)
        check_fail(__FILE__, __LINE__, "mbox_create failed: %s", check_errno_name(errno));
    return id;
}

static struct mbox_status
status_of(int id)
{
    struct mbox_status st;
    if (mbox_status(id, &st) < 0)
        check_fail(__FILE__, __LINE__, "mbox_status failed: %s", check_errno_name(errno));
    return st;
}

/* ---- mailboxes ---------------------------------------------------------- */

/* The kernel fills in sender, sequence number and send time; type,
 * priority and length are the sender's. */
static void
case_header_is_filled_by_the_kernel(void)
{
    int id = new_mailbox(4, 0);
    struct timespec before;
    clock_gettime(CLOCK_REALTIME, &before);
    struct msg_out out = text_out(42, 3, "hello");
    CHECK_EQ(mbox_send(id, &out, 0), 0);
    CHECK_EQ(mbox_send(id, &out, 0), 0);
    EXPECT_TEXT(receive_into(id, 0, 0), "hello");
    CHECK_EQ(rin.header.sender, getpid());
    CHECK_EQ(rin.header.type, 42);
    CHECK_EQ(rin.header.priority, 3);
    CHECK_EQ(rin.header.length, 6);
    CHECK_EQ(rin.header.reply_id, 0);
    CHECK(rin.header.sent_ns >= (long long)before.tv_sec * 1000000000LL);
    unsigned first = rin.header.seq;
    EXPECT_TEXT(receive_into(id, 0, 0), "hello");
    CHECK_EQ(rin.header.seq, first + 1);
    CHECK_OK(mbox_destroy(id));
}

/* A named mailbox is found by its name; names are unique. */
static void
case_named_mailbox_is_found_by_name(void)
{
    int id = mbox_create("printer", 2, 0);
    CHECK_OK(id);
    CHECK_EQ(mbox_open("printer"), id);
    CHECK_ERR(mbox_create("printer", 2, 0), EEXIST);
    CHECK_ERR(mbox_open("no-such-box"), ENOENT);
    CHECK_ERR(mbox_create("a-name-that-is-much-too-long-for-a-box", 2, 0), ENAMETOOLONG);
    CHECK_ERR(mbox_create("", 2, 0), EINVAL);
    CHECK_STR_EQ(status_of(id).name, "printer");
    CHECK_OK(mbox_destroy(id));
    CHECK_ERR(mbox_open("printer"), ENOENT);
}

/* Any process that knows a mailbox's id sends to it and receives from it. */
static void
case_any_process_uses_a_mailbox(void)
{
    int id = new_mailbox(4, 0);
    pid_t pid = fork();
    if (pid == 0) {
        if (receive_into(id, 0, 0) < 0 || strcmp(rbuf, "to child") != 0)
            _exit(1);
        _exit(send_text(id, 1, "to parent", 0) == 0 ? 0 : 2);
    }
    CHECK_OK(send_text(id, 1, "to child", 0));
    CHECK_EQ(ipc_reap(pid), 0);
    EXPECT_TEXT(receive_into(id, 0, 0), "to parent");
    CHECK_EQ(rin.header.sender, pid);
    CHECK_OK(mbox_destroy(id));
}

/* Only the owner destroys a mailbox (EPERM for others). */
static void
case_destroy_by_a_non_owner_is_eperm(void)
{
    int id = new_mailbox(1, 0);
    pid_t pid = fork();
    if (pid == 0)
        _exit(mbox_destroy(id) == -1 && errno == EPERM ? 0 : 1);
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_OK(mbox_destroy(id));
}

/* A send to a box with room returns 0, whether or not a receiver was
 * waiting and took the message at once; with MSG_SYNC it returns the pid
 * of the receiver that took it. */
static void
case_bounded_send_returns_zero_even_to_a_waiting_receiver(void)
{
    int id = new_mailbox(4, 0);
    pid_t receiver = fork();
    if (receiver == 0)
        _exit(receive_into(id, 0, 0) > 0 && receive_into(id, 0, 0) > 0 ? 0 : 1);
    ipc_wait_asleep(receiver, "mbox");
    CHECK_EQ(send_text(id, 1, "handed over", 0), 0);
    ipc_wait_asleep(receiver, "mbox");
    CHECK_EQ(send_text(id, 1, "synchronous", MSG_SYNC), receiver);
    CHECK_EQ(ipc_reap(receiver), 0);
    CHECK_OK(mbox_destroy(id));
}

/* Destroying a box wakes its sleeping senders and receivers with EIDRM;
 * the id then gives EINVAL and is not handed out again at once. */
static void
case_destroy_wakes_every_sleeper_with_eidrm(void)
{
    int empty = new_mailbox(1, 0), full = new_mailbox(1, 0);
    CHECK_OK(send_text(full, 1, "fills it", 0));
    pid_t receiver = fork();
    if (receiver == 0)
        _exit(receive_into(empty, 0, 0) == -1 && errno == EIDRM ? 0 : 1);
    pid_t sender = fork();
    if (sender == 0)
        _exit(send_text(full, 1, "waits", 0) == -1 && errno == EIDRM ? 0 : 1);
    ipc_wait_asleep(receiver, "mbox");
    ipc_wait_asleep(sender, "mbox");
    CHECK_OK(mbox_destroy(empty));
    CHECK_OK(mbox_destroy(full));
    CHECK_EQ(ipc_reap(receiver), 0);
    CHECK_EQ(ipc_reap(sender), 0);
    CHECK_ERR(send_text(empty, 1, "x", MSG_NOWAIT), EINVAL);
    CHECK_ERR(receive_into(full, 0, MSG_NOWAIT), EINVAL);
    int again = new_mailbox(1, 0);
    CHECK(again != empty && again != full);
    CHECK_OK(mbox_destroy(again));
}

/* A mailbox is destroyed when its owner terminates: a sleeper on it wakes
 * with EIDRM and its id gives EINVAL. */
static void
case_mailbox_dies_with_its_owner(void)
{
    int fds[2];
    CHECK_OK(pipe(fds));
    pid_t owner = fork();
    if (owner == 0) {
        int id = mbox_create(NULL, 1, 0);
        write(fds[1], &id, sizeof id);
        pause();                        /* until killed */
        _exit(1);
    }
    int id;
    CHECK_EQ(read(fds[0], &id, sizeof id), sizeof id);
    pid_t receiver = fork();
    if (receiver == 0)
        _exit(receive_into(id, 0, 0) == -1 && errno == EIDRM ? 0 : 1);
    ipc_wait_asleep(receiver, "mbox");
    CHECK_OK(kill(owner, SIGKILL));
    int status;
    CHECK_EQ(waitpid(owner, &status, 0), owner);
    CHECK_EQ(ipc_reap(receiver), 0);
    CHECK_ERR(mbox_status(id, &(struct mbox_status){0}), EINVAL);
}

/* The same when the owner ends normally, with exit(), and when it is
 * killed: a receiver asleep on the box wakes with EIDRM, the id gives
 * EINVAL and the name is free again. */
static void
case_mailbox_dies_when_its_owner_exits_or_is_killed(void)
{
    for (int killed = 0; killed < 2; killed++) {
        int ids[2], go[2];
        CHECK_OK(pipe(ids));
        CHECK_OK(pipe(go));
        pid_t owner = fork();
        if (owner == 0) {
            int id = mbox_create("dies-with-owner", 1, 0);
            char c;
            write(ids[1], &id, sizeof id);
            read(go[0], &c, 1);         /* until the receiver sleeps */
            if (killed)
                pause();
            exit(0);
        }
        int id;
        CHECK_EQ(read(ids[0], &id, sizeof id), sizeof id);
        CHECK(id >= 0);
        pid_t receiver = fork();
        if (receiver == 0)
            _exit(receive_into(id, 0, 0) == -1 && errno == EIDRM ? 0 : 1);
        char want[32];
        snprintf(want, sizeof want, "mbox %d empty", id);
        ipc_wait_asleep(receiver, want);
        CHECK_EQ(write(go[1], "g", 1), 1);
        if (killed)
            CHECK_OK(kill(owner, SIGKILL));
        int status;
        CHECK_EQ(waitpid(owner, &status, 0), owner);
        if (killed)
            check_killed_by(status, SIGKILL);
        else
            CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        CHECK_EQ(ipc_reap(receiver), 0);
        CHECK_ERR(mbox_status(id, &(struct mbox_status){0}), EINVAL);
        CHECK_ERR(send_text(id, 1, "x", MSG_NOWAIT), EINVAL);
        CHECK_ERR(receive_into(id, 0, MSG_NOWAIT), EINVAL);
        CHECK_ERR(mbox_open("dies-with-owner"), ENOENT);
        close(ids[0]); close(ids[1]); close(go[0]); close(go[1]);
    }
}

/* Capacity n: a send blocks while n messages wait; MSG_NOWAIT gives
 * EAGAIN; a receive makes room. */
static void
case_full_box_blocks_the_sender_until_a_receive(void)
{
    int id = new_mailbox(2, 0);
    CHECK_EQ(send_text(id, 1, "one", MSG_NOWAIT), 0);
    CHECK_EQ(send_text(id, 1, "two", MSG_NOWAIT), 0);
    CHECK_ERR(send_text(id, 1, "three", MSG_NOWAIT), EAGAIN);
    pid_t pid = fork();
    if (pid == 0)
        _exit(send_text(id, 1, "three", 0) == 0 ? 0 : 1);
    ipc_wait_asleep(pid, "mbox");
    struct mbox_status st = status_of(id);
    CHECK_EQ(st.queued, 2);
    CHECK_EQ(st.nsenders, 1);
    CHECK_EQ(st.senders[0], pid);
    EXPECT_TEXT(receive_into(id, 0, 0), "one");
    CHECK_EQ(ipc_reap(pid), 0);
    EXPECT_TEXT(receive_into(id, 0, 0), "two");
    EXPECT_TEXT(receive_into(id, 0, 0), "three");
    CHECK_OK(mbox_destroy(id));
}

/* Capacity 0 is a rendezvous: the send returns only after a receiver has
 * taken the message, and says which process did. */
static void
case_rendezvous_send_returns_after_the_receive(void)
{
    int id = new_mailbox(0, 0);
    pid_t pid = fork();
    if (pid == 0)
        _exit(send_text(id, 1, "meet", 0) == getppid() ? 0 : 1);
    ipc_wait_asleep(pid, "mbox");
    struct mbox_status st = status_of(id);
    CHECK_EQ(st.capacity, 0);
    CHECK_EQ(st.nsenders, 1);
    CHECK(ipc_sleeps_in(pid, "mbox"));          /* still waiting */
    EXPECT_TEXT(receive_into(id, 0, 0), "meet");
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_OK(mbox_destroy(id));
}

/* A receiver already waiting takes a rendezvous message at once; with
 * nobody waiting a MSG_NOWAIT rendezvous send is EAGAIN. */
static void
case_rendezvous_with_a_waiting_receiver(void)
{
    int id = new_mailbox(0, 0);
    CHECK_ERR(send_text(id, 1, "nobody", MSG_NOWAIT), EAGAIN);
    pid_t pid = fork();
    if (pid == 0)
        _exit(receive_into(id, 0, 0) > 0 && strcmp(rbuf, "now") == 0 ? 0 : 1);
    ipc_wait_asleep(pid, "mbox");
    CHECK_EQ(send_text(id, 1, "now", MSG_NOWAIT), pid);
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_EQ(status_of(id).queued, 0);
    CHECK_OK(mbox_destroy(id));
}

/* MSG_SYNC on a bounded box waits for delivery and names the receiver. */
static void
case_sync_send_learns_who_received(void)
{
    int id = new_mailbox(8, 0);
    pid_t pid = fork();
    if (pid == 0) {
        check_sleep_ms(20);
        _exit(receive_into(id, 0, 0) > 0 ? 0 : 1);
    }
    CHECK_EQ(send_text(id, 1, "sync", MSG_SYNC), pid);
    CHECK_EQ(send_text(id, 1, "async", 0), 0);  /* no wait, no pid */
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_OK(mbox_destroy(id));
}

/* An empty box: MSG_NOWAIT receive is EAGAIN; a timed receive gives
 * ETIMEDOUT; a timed send to a full box too. */
static void
case_nowait_and_timeouts(void)
{
    int id = new_mailbox(1, 0);
    struct timespec ts = { 0, 30 * 1000 * 1000 };
    CHECK_ERR(receive_into(id, 0, MSG_NOWAIT), EAGAIN);
    CHECK_ERR(mbox_receive_timed(id, &rin, 0, &ts), ETIMEDOUT);
    CHECK_OK(send_text(id, 1, "full", 0));
    struct msg_out out = text_out(1, 0, "more");
    CHECK_ERR(mbox_send_timed(id, &out, 0, &ts), ETIMEDOUT);
    struct timespec bad = { 0, 1000000000 };
    CHECK_ERR(mbox_send_timed(id, &out, 0, &bad), EINVAL);
    CHECK_EQ(mbox_receive_timed(id, &rin, 0, &ts), 5);
    CHECK_OK(mbox_destroy(id));
}

/* A priority box delivers the highest priority first, FIFO within one. */
static void
case_priority_box_orders_by_priority(void)
{
    int id = new_mailbox(8, MBOX_PRIORITY);
    static const struct { int prio; const char *text; } in[] = {
        { 1, "low-1" }, { 5, "high-1" }, { 3, "mid" }, { 5, "high-2" }, { 1, "low-2" },
    };
    static const char *const want[] = { "high-1", "high-2", "mid", "low-1", "low-2" };
    for (int i = 0; i < 5; i++) {
        struct msg_out out = text_out(1, in[i].prio, in[i].text);
        CHECK_OK(mbox_send(id, &out, 0));
    }
    for (int i = 0; i < 5; i++)
        EXPECT_TEXT(receive_into(id, 0, 0), want[i]);
    CHECK_OK(mbox_destroy(id));

    id = new_mailbox(8, 0);                     /* FIFO ignores priority */
    for (int i = 0; i < 5; i++) {
        struct msg_out out = text_out(1, in[i].prio, in[i].text);
        CHECK_OK(mbox_send(id, &out, 0));
    }
    for (int i = 0; i < 5; i++)
        EXPECT_TEXT(receive_into(id, 0, 0), in[i].text);
    CHECK_OK(mbox_destroy(id));
}

/* A receive may select by type; a receiver waiting for one type sleeps
 * through the others. */
static void
case_receive_selects_by_type(void)
{
    int id = new_mailbox(8, 0);
    CHECK_OK(send_text(id, 1, "a", 0));
    CHECK_OK(send_text(id, 2, "b", 0));
    EXPECT_TEXT(receive_into(id, 2, MSG_BY_TYPE), "b");
    CHECK_ERR(receive_into(id, 2, MSG_BY_TYPE | MSG_NOWAIT), EAGAIN);
    pid_t pid = fork();
    if (pid == 0)
        _exit(receive_into(id, 7, MSG_BY_TYPE) > 0 && strcmp(rbuf, "seven") == 0 ? 0 : 1);
    ipc_wait_asleep(pid, "mbox");
    CHECK_OK(send_text(id, 3, "c", 0));
    ipc_wait_asleep(pid, "mbox");
    CHECK_OK(send_text(id, 7, "seven", 0));
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_EQ(status_of(id).queued, 2);
    CHECK_OK(mbox_destroy(id));
}

/* A long body to a sleeping receiver goes from the sender's buffer
 * straight into the receiver's (mailbox and direct alike); cut with
 * MSG_TRUNC_OK, nothing lands past the buffer, and the header still says
 * the whole length. */
static int
receive_long_body(int id, unsigned size, int flags)
{
    static char body[5000];
    memset(body, '#', sizeof body);
    struct msg_in in = { .body = body, .size = size };
    int n = id < 0 ? pid_receive(0, &in, flags) : mbox_receive(id, &in, flags);
    if (n != (size < 4000 ? (int)size : 4000) || in.header.length != 4000 || in.header.type != 3)
        return 1;
    for (int i = 0; i < n; i++)
        if (body[i] != (char)('0' + i % 10))
            return 2;
    for (int i = n; i < (int)sizeof body; i++)
        if (body[i] != '#')
            return 3;
    return 0;
}

static void
case_long_body_to_a_sleeping_receiver_arrives_whole_or_cut(void)
{
    static char text[4000];
    for (int i = 0; i < (int)sizeof text; i++)
        text[i] = (char)('0' + i % 10);
    struct msg_out out = { 3, 0, text, sizeof text };
    int id = new_mailbox(0, 0);
    for (int kind = 0; kind < 4; kind++) {
        int direct = kind >= 2, cut = kind % 2;
        pid_t pid = fork();
        if (pid == 0)
            _exit(receive_long_body(direct ? -1 : id, cut ? 100 : 5000, cut ? MSG_TRUNC_OK : 0));
        ipc_wait_asleep(pid, direct ? "receive from any" : "mbox");
        CHECK_EQ(direct ? pid_send(pid, &out, 0) : mbox_send(id, &out, 0), pid);
        CHECK_EQ(check_exit_code(pid), 0);
    }
    CHECK_OK(mbox_destroy(id));
}

/* A body longer than the buffer: E2BIG and it stays; with MSG_TRUNC_OK it
 * is cut to the buffer, removed, and nothing is written past it. */
static void
case_long_body_is_e2big_unless_truncation_is_ok(void)
{
    int id = new_mailbox(2, 0);
    CHECK_OK(send_text(id, 1, "abcdefgh", 0));
    char small[16];
    memset(small, '#', sizeof small);
    struct msg_in in = { .body = small, .size = 4 };
    CHECK_ERR(mbox_receive(id, &in, MSG_NOWAIT), E2BIG);
    CHECK_EQ(status_of(id).queued, 1);
    CHECK_EQ(mbox_receive(id, &in, MSG_NOWAIT | MSG_TRUNC_OK), 4);
    CHECK(memcmp(small, "abcd", 4) == 0);
    CHECK_EQ(small[4], '#');
    CHECK_EQ(in.header.length, 9);
    CHECK_EQ(status_of(id).queued, 0);
    CHECK_OK(mbox_destroy(id));
}

/* A body of exactly MSG_BODY_MAX bytes, every byte different from its
 * neighbours; full_body_error says what is wrong with a received copy. */
static unsigned char full_body[MSG_BODY_MAX];
static unsigned char full_got[MSG_BODY_MAX + 16];

static void
full_body_fill(void)
{
    for (int i = 0; i < MSG_BODY_MAX; i++)
        full_body[i] = (unsigned char)(i * 7 + (i >> 8) + 1);
}

/* 0 if n bytes and the header say MSG_BODY_MAX, every byte is the one
 * sent, and nothing was written past them; else 1, 2, 3. */
static int
full_body_error(int n, const struct msg_in *in)
{
    if (n != MSG_BODY_MAX || in->header.length != MSG_BODY_MAX || in->header.type != 9)
        return 1;
    for (int i = 0; i < MSG_BODY_MAX; i++)
        if (full_got[i] != full_body[i])
            return 2;
    for (int i = MSG_BODY_MAX; i < (int)sizeof full_got; i++)
        if (full_got[i] != '#')
            return 3;
    return 0;
}

static int
full_body_receive(int id)
{
    memset(full_got, '#', sizeof full_got);
    struct msg_in in = { .body = full_got, .size = MSG_BODY_MAX };
    int n = id < 0 ? pid_receive(0, &in, 0) : mbox_receive(id, &in, 0);
    return full_body_error(n, &in);
}

/* A body of exactly MSG_BODY_MAX bytes goes through a mailbox and an
 * inbox intact, queued in the store and handed straight to a sleeping
 * receiver alike. */
static void
case_a_body_of_msg_body_max_bytes_arrives_intact(void)
{
    full_body_fill();
    struct msg_out out = { 9, 0, full_body, MSG_BODY_MAX };

    int box = new_mailbox(1, 0);                /* queued in a mailbox */
    CHECK_EQ(mbox_send(box, &out, 0), 0);
    CHECK_EQ(status_of(box).queued_bytes, MSG_BODY_MAX);
    CHECK_EQ(full_body_receive(box), 0);
    CHECK_OK(mbox_destroy(box));

    CHECK_OK(inbox_set_capacity(1));            /* queued in an inbox */
    CHECK_EQ(pid_send(getpid(), &out, MSG_NOWAIT), 0);
    CHECK_EQ(full_body_receive(-1), 0);

    box = new_mailbox(0, 0);                    /* to a receiver asleep */
    for (int direct = 0; direct < 2; direct++) {
        pid_t pid = fork();
        if (pid == 0)
            _exit(full_body_receive(direct ? -1 : box));
        ipc_wait_asleep(pid, direct ? "receive from any" : "mbox");
        CHECK_EQ(direct ? pid_send(pid, &out, 0) : mbox_send(box, &out, 0), pid);
        CHECK_EQ(ipc_reap(pid), 0);
    }
    CHECK_OK(mbox_destroy(box));
}

/* Several receivers on one mailbox: each message goes to exactly one, the
 * longest waiting first. */
static void
case_longest_waiting_receiver_gets_the_first_message(void)
{
    int id = new_mailbox(4, 0);
    pid_t pids[3];
    for (int i = 0; i < 3; i++) {
        if ((pids[i] = fork()) == 0) {
            if (receive_into(id, 0, 0) < 0)
                _exit(9);
            _exit(rbuf[0] - '0');
        }
        ipc_wait_asleep(pids[i], "mbox");
    }
    CHECK_EQ(status_of(id).nreceivers, 3);
    CHECK_EQ(status_of(id).receivers[0], pids[0]);
    CHECK_OK(send_text(id, 1, "0", 0));
    CHECK_OK(send_text(id, 1, "1", 0));
    CHECK_OK(send_text(id, 1, "2", 0));
    for (int i = 0; i < 3; i++)
        CHECK_EQ(ipc_reap(pids[i]), i);
    CHECK_OK(mbox_destroy(id));
}

/* The status call: owner, capacity, order, queue and waiters. */
static void
case_status_describes_the_box(void)
{
    int id = new_mailbox(5, MBOX_PRIORITY);
    CHECK_OK(send_text(id, 1, "abc", 0));
    struct mbox_status st = status_of(id);
    CHECK_EQ(st.id, id);
    CHECK_EQ(st.kind, MBOX_KIND_MAILBOX);
    CHECK_EQ(st.owner, getpid());
    CHECK_EQ(st.capacity, 5);
    CHECK_EQ(st.flags, MBOX_PRIORITY);
    CHECK_EQ(st.queued, 1);
    CHECK_EQ(st.queued_bytes, 4);
    CHECK_EQ(st.nsenders, 0);
    CHECK_EQ(st.nreceivers, 0);
    static struct mbox_status all[MBOX_MAX];
    int n = mbox_list(all, MBOX_MAX), found = 0;
    CHECK(n >= 1);
    for (int i = 0; i < n; i++)
        found += all[i].id == id;
    CHECK_EQ(found, 1);
    CHECK_OK(mbox_destroy(id));
}

/* ipcs -b lists a mailbox with its owner, capacity, order, messages,
 * waiters and name; ipcrm -b destroys it. */
static void
case_ipcs_lists_and_ipcrm_destroys_a_mailbox(void)
{
    static char out[4096];
    int id = mbox_create("ipcs-test", 3, MBOX_PRIORITY);
    CHECK_OK(id);
    CHECK_OK(send_text(id, 1, "x", 0));
    CHECK_EQ(ipc_run_tool("ipcs", "-b", 0, 0, out, sizeof out), 0);
    char line[120];
    snprintf(line, sizeof line, "%-10d mailbox %-6d 3        priority 1          -          -          ipcs-test",
             id, getpid());
    CHECK(strstr(out, line) != 0);
    /* ipcrm runs as a child, not the owner: refused. */
    char arg[16];
    snprintf(arg, sizeof arg, "%d", id);
    CHECK_EQ(ipc_run_tool("ipcrm", "-b", arg, 0, out, sizeof out), 1);
    CHECK(strstr(out, "permission denied") != 0);
    CHECK_OK(mbox_destroy(id));
}

/* One row of ipcs -b, as user/ipcs.c prints it, with the newline before
 * it (so an id 5 does not match inside 15); senders and receivers a pid,
 * or 0 for "-". */
static const char *
ipcs_row(int id, const char *kind, pid_t owner, unsigned capacity, const char *order,
         unsigned messages, pid_t sender, pid_t receiver, const char *name)
{
    static char row[160];
    char s[16] = "-", r[16] = "-";
    if (sender)
        snprintf(s, sizeof s, "%d", sender);
    if (receiver)
        snprintf(r, sizeof r, "%d", receiver);
    snprintf(row, sizeof row, "\n%-10d %-7s %-6d %-8u %-8s %-10u %-10s %-10s %s\n",
             id, kind, owner, capacity, order, messages, s, r, name);
    return row;
}

/* ipcs -b lists ports too, and names the processes asleep on each box by
 * pid: a port's owner waiting to receive, a receiver on an empty mailbox,
 * a sender on a full one; ipcs -b -i shows one port.  ipcs -a shows the
 * System V queues and the mailboxes (and the other tables). */
static void
case_ipcs_shows_ports_and_waiting_pids(void)
{
    static char out[8192];
    int fds[2], port;
    CHECK_OK(pipe(fds));
    pid_t owner = fork();
    if (owner == 0) {
        int mine = port_create(2, MBOX_PRIORITY);
        if (write(fds[1], &mine, sizeof mine) != sizeof mine)
            _exit(2);
        _exit(receive_into(mine, 0, 0) > 0 && strcmp(rbuf, "wake") == 0 ? 0 : 1);
    }
    CHECK_EQ(read(fds[0], &port, sizeof port), (ssize_t)sizeof port);
    CHECK(port >= 0);
    char want[32];
    snprintf(want, sizeof want, "port %d empty", port);
    ipc_wait_asleep(owner, want);

    int empty = mbox_create("ipcs-waiters", 1, 0);
    CHECK_OK(empty);
    pid_t receiver = fork();
    if (receiver == 0)
        _exit(receive_into(empty, 0, 0) > 0 ? 0 : 1);
    snprintf(want, sizeof want, "mbox %d empty", empty);
    ipc_wait_asleep(receiver, want);

    int full = new_mailbox(1, 0);
    CHECK_OK(send_text(full, 1, "fills it", 0));
    pid_t sender = fork();
    if (sender == 0)
        _exit(send_text(full, 1, "waits", 0) == 0 ? 0 : 1);
    snprintf(want, sizeof want, "mbox %d full", full);
    ipc_wait_asleep(sender, want);

    CHECK_EQ(ipc_run_tool("ipcs", "-b", 0, 0, out, sizeof out), 0);
    CHECK(strstr(out, ipcs_row(port, "port", owner, 2, "priority", 0, 0, owner, "-")) != 0);
    CHECK(strstr(out, ipcs_row(empty, "mailbox", getpid(), 1, "fifo", 0, 0, receiver,
                               "ipcs-waiters")) != 0);
    CHECK(strstr(out, ipcs_row(full, "mailbox", getpid(), 1, "fifo", 1, sender, 0, "-")) != 0);

    char arg[16];
    snprintf(arg, sizeof arg, "%d", port);
    CHECK_EQ(ipc_run_tool("ipcs", "-b", "-i", arg, out, sizeof out), 0);
    snprintf(want, sizeof want, "Port id=%d\n", port);
    CHECK(strstr(out, want) != 0);
    CHECK(strstr(out, ipcs_row(port, "port", owner, 2, "priority", 0, 0, owner, "-")) != 0);
    CHECK(strstr(out, "queued bytes = 0, blocked senders = 0, blocked receivers = 1\n") != 0);

    /* ipcs -a: a System V queue with one message, and the boxes. */
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    CHECK_OK(q);
    struct { long mtype; char mtext[8]; } m = { 1, "abcd" };
    CHECK_OK(msgsnd(q, &m, 5, 0));
    CHECK_EQ(ipc_run_tool("ipcs", "-a", 0, 0, out, sizeof out), 0);
    char row[120], who[16];
    if (getuid() == 0)
        snprintf(who, sizeof who, "root");
    else
        snprintf(who, sizeof who, "%u", (unsigned)getuid());
    snprintf(row, sizeof row, "\n0x00000000 %-10d %-10s %-10o %-12u %-12u\n", q, who, 0600, 5, 1);
    char *queues = strstr(out, "------ Message Queues --------");
    char *boxes = strstr(out, "------ Mailboxes and Ports --------");
    CHECK(queues != 0 && boxes != 0 && queues < boxes);
    char *qrow = strstr(out, row);
    CHECK(qrow != 0 && qrow > queues && qrow < boxes);
    char *brow = strstr(out, ipcs_row(empty, "mailbox", getpid(), 1, "fifo", 0, 0, receiver,
                                      "ipcs-waiters"));
    CHECK(brow != 0 && brow > boxes);
    CHECK(strstr(out, ipcs_row(port, "port", owner, 2, "priority", 0, 0, owner, "-")) > boxes);
    CHECK(strstr(out, "------ Semaphore Arrays --------") != 0);
    CHECK(strstr(out, "------ Shared Memory Segments --------") != 0);
    CHECK_OK(msgctl(q, IPC_RMID, 0));

    CHECK_OK(send_text(port, 1, "wake", 0));
    CHECK_OK(send_text(empty, 1, "wake", 0));
    EXPECT_TEXT(receive_into(full, 0, 0), "fills it");
    CHECK_EQ(ipc_reap(owner), 0);
    CHECK_EQ(ipc_reap(receiver), 0);
    CHECK_EQ(ipc_reap(sender), 0);
    CHECK_OK(mbox_destroy(empty));
    CHECK_OK(mbox_destroy(full));
}

/* A handler ends a sleeping receive or send with EINTR. */
static void
case_signal_ends_a_wait_with_eintr(void)
{
    int id = new_mailbox(0, 0);
    check_catch_signal(SIGUSR1, SA_RESTART);
    pid_t helper = ipc_signal_later(getpid(), SIGUSR1, 30);
    CHECK_ERR(receive_into(id, 0, 0), EINTR);
    CHECK_EQ(ipc_reap(helper), 0);
    helper = ipc_signal_later(getpid(), SIGUSR1, 30);
    CHECK_ERR(send_text(id, 1, "x", 0), EINTR);
    CHECK_EQ(ipc_reap(helper), 0);
    CHECK_EQ(status_of(id).queued, 0);  /* the interrupted send took it back */
    CHECK_OK(mbox_destroy(id));
}

/* Bad ids, sizes, flags and pointers give errors, never a panic. */
static void
case_bad_arguments_are_errors(void)
{
    int id = new_mailbox(1, 0);
    struct msg_out out = text_out(1, 0, "x");
    CHECK_ERR(mbox_send(-1, &out, 0), EINVAL);
    CHECK_ERR(mbox_send(id + 1, &out, 0), EINVAL);
    CHECK_ERR(receive_into(123456, 0, 0), EINVAL);
    CHECK_ERR(mbox_destroy(-5), EINVAL);
    CHECK_ERR(mbox_create(NULL, MBOX_CAPACITY_MAX + 1, 0), EINVAL);
    CHECK_ERR(mbox_create(NULL, 1, 0x100), EINVAL);
    CHECK_ERR(mbox_create((const char *)16, 1, 0), EFAULT);
    out.length = MSG_BODY_MAX + 1;
    CHECK_ERR(mbox_send(id, &out, 0), EMSGSIZE);
    out = (struct msg_out){ 1, 0, (const void *)16, 10 };
    CHECK_ERR(mbox_send(id, &out, 0), EFAULT);
    CHECK_ERR(mbox_send(id, (const struct msg_out *)16, 0), EFAULT);
    CHECK_OK(send_text(id, 1, "kept", 0));
    CHECK_ERR(mbox_receive(id, (struct msg_in *)16, 0), EFAULT);
    struct msg_in in = { .body = (void *)0xC0000000, .size = 10 };
    CHECK_ERR(mbox_receive(id, &in, 0), EFAULT);
    EXPECT_TEXT(receive_into(id, 0, 0), "kept");      /* nothing was lost */
    CHECK_ERR(mbox_status(id, (struct mbox_status *)16), EFAULT);
    CHECK_ERR(mbox_list((struct mbox_status *)16, 4), EFAULT);
    CHECK_OK(mbox_destroy(id));
}

/* Past the system's box limit, ENOSPC. */
static void
case_past_the_box_limit_is_enospc(void)
{
    int ids[MBOX_MAX + 1], n = 0;
    while (n <= MBOX_MAX) {
        int id = port_create(0, 0);
        if (id < 0)
            break;
        ids[n++] = id;
    }
    int err = errno;
    for (int i = 0; i < n; i++)
        CHECK_OK(port_destroy(ids[i]));
    CHECK(n <= MBOX_MAX);
    CHECK_EQ(err, ENOSPC);
}

/* ---- ports -------------------------------------------------------------- */

/* Anyone sends to a port; only its owner receives (EPERM for others). */
static void
case_only_the_owner_receives_from_a_port(void)
{
    int port = port_create(4, 0);
    CHECK_OK(port);
    pid_t pid = fork();
    if (pid == 0) {
        if (send_text(port, 1, "for the owner", 0) != 0)
            _exit(1);
        _exit(receive_into(port, 0, MSG_NOWAIT) == -1 && errno == EPERM ? 0 : 2);
    }
    CHECK_EQ(ipc_reap(pid), 0);
    EXPECT_TEXT(receive_into(port, 0, 0), "for the owner");
    CHECK_EQ(status_of(port).kind, MBOX_KIND_PORT);
    CHECK_OK(port_destroy(port));
}

/* A port dies with its owner, whether it exits or is killed; a sender
 * asleep on it wakes with EIDRM. */
static void
case_port_dies_when_its_owner_exits_or_is_killed(void)
{
    for (int killed = 0; killed < 2; killed++) {
        int ids[2], go[2];
        CHECK_OK(pipe(ids));
        CHECK_OK(pipe(go));
        pid_t owner = fork();
        if (owner == 0) {
            int port = port_create(0, 0);
            char c;
            write(ids[1], &port, sizeof port);
            read(go[0], &c, 1);         /* until the sender sleeps */
            if (killed)
                pause();
            _exit(0);
        }
        int port;
        CHECK_EQ(read(ids[0], &port, sizeof port), sizeof port);
        pid_t sender = fork();
        if (sender == 0)
            _exit(send_text(port, 1, "x", 0) == -1 && errno == EIDRM ? 0 : 1);
        ipc_wait_asleep(sender, "port");
        CHECK_EQ(write(go[1], "g", 1), 1);
        if (killed)
            CHECK_OK(kill(owner, SIGKILL));
        int status;
        CHECK_EQ(waitpid(owner, &status, 0), owner);
        CHECK(killed ? WIFSIGNALED(status) : WIFEXITED(status));
        CHECK_EQ(ipc_reap(sender), 0);
        CHECK_ERR(send_text(port, 1, "x", MSG_NOWAIT), EINVAL);
        close(ids[0]); close(ids[1]); close(go[0]); close(go[1]);
    }
}

/* ---- direct messages ---------------------------------------------------- */

static int
direct_send(pid_t pid, long type, const char *text, int flags)
{
    struct msg_out out = text_out(type, 0, text);
    return pid_send(pid, &out, flags);
}

static int
direct_receive(pid_t from, int flags)
{
    memset(rbuf, 0, sizeof rbuf);
    rin = (struct msg_in){ .body = rbuf, .size = sizeof rbuf };
    return pid_receive(from, &rin, flags);
}

/* Sending to a process that does not exist is ESRCH. */
static void
case_direct_send_to_no_process_is_esrch(void)
{
    CHECK_ERR(direct_send(30000, 1, "x", 0), ESRCH);
    CHECK_ERR(direct_send(-3, 1, "x", 0), ESRCH);
    CHECK_ERR(direct_receive(30000, 0), ESRCH);
    CHECK_ERR(inbox_status(30000, &(struct mbox_status){0}), ESRCH);
}

/* An inbox is a rendezvous by default: the send returns once the receiver
 * has the message, with the receiver's pid. */
static void
case_direct_send_is_a_rendezvous_by_default(void)
{
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0)
        _exit(direct_send(parent, 5, "direct", 0) == parent ? 0 : 1);
    ipc_wait_asleep(pid, "send to pid");
    struct mbox_status st;
    CHECK_OK(inbox_status(0, &st));
    CHECK_EQ(st.kind, MBOX_KIND_INBOX);
    CHECK_EQ(st.capacity, 0);
    CHECK_EQ(st.nsenders, 1);
    EXPECT_TEXT(direct_receive(0, 0), "direct");
    CHECK_EQ(rin.header.sender, pid);
    CHECK_EQ(ipc_reap(pid), 0);
}

/* A receive from one process takes only its messages; from 0, anyone's. */
static void
case_direct_receive_from_one_process(void)
{
    CHECK_OK(inbox_set_capacity(4));
    pid_t parent = getpid(), kids[2];
    for (int i = 0; i < 2; i++) {
        if ((kids[i] = fork()) == 0)
            _exit(direct_send(parent, 1, i ? "second" : "first", 0) == 0 ? 0 : 1);
        CHECK_EQ(ipc_reap(kids[i]), 0);
    }
    EXPECT_TEXT(direct_receive(kids[1], 0), "second");
    CHECK_ERR(direct_receive(kids[1], 0), ESRCH);   /* gone, nothing left */
    EXPECT_TEXT(direct_receive(0, 0), "first");
    CHECK_ERR(direct_receive(0, MSG_NOWAIT), EAGAIN);
}

/* A bounded inbox: MSG_NOWAIT sends stop at its capacity with EAGAIN. */
static void
case_inbox_capacity_bounds_the_queue(void)
{
    CHECK_OK(inbox_set_capacity(3));
    CHECK_ERR(inbox_set_capacity(MBOX_CAPACITY_MAX + 1), EINVAL);
    for (int i = 0; i < 3; i++)
        CHECK_EQ(direct_send(getpid(), 1, "me", MSG_NOWAIT), 0);
    CHECK_ERR(direct_send(getpid(), 1, "me", MSG_NOWAIT), EAGAIN);
    struct mbox_status st;
    CHECK_OK(inbox_status(getpid(), &st));
    CHECK_EQ(st.queued, 3);
    for (int i = 0; i < 3; i++)
        EXPECT_TEXT(direct_receive(getpid(), 0), "me");
}

/* A sender waiting on a process that exits fails with ESRCH, and so does a
 * receiver waiting for a message from a process that exits. */
static void
case_waiting_on_a_process_that_exits_is_esrch(void)
{
    pid_t target = fork();
    if (target == 0) {
        check_sleep_ms(200);
        _exit(0);
    }
    pid_t sender = fork();
    if (sender == 0)
        _exit(direct_send(target, 1, "x", 0) == -1 && errno == ESRCH ? 0 : 1);
    ipc_wait_asleep(sender, "send to pid");
    CHECK_ERR(direct_receive(target, 0), ESRCH);
    CHECK_EQ(ipc_reap(target), 0);
    CHECK_EQ(ipc_reap(sender), 0);
}

static long long
monotonic_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* pid_send_timed and pid_receive_timed: ETIMEDOUT when nobody answers, not
 * before the timeout has passed (a lower bound only: the machine may be
 * slow), the timed-out send's message taken back; EINVAL for a bad
 * timeout; success when the peer acts in time. */
static void
case_timed_direct_calls_time_out_or_succeed(void)
{
    struct timespec ts = { 0, 100 * 1000 * 1000 };
    struct msg_out out = text_out(1, 0, "unheard");
    pid_t deaf = check_fork_pauser();           /* never receives, never sends */
    long long t0 = monotonic_ms();
    CHECK_ERR(pid_send_timed(deaf, &out, 0, &ts), ETIMEDOUT);
    CHECK(monotonic_ms() - t0 >= 90);
    struct mbox_status st;
    CHECK_OK(inbox_status(deaf, &st));
    CHECK_EQ(st.queued, 0);
    CHECK_EQ(st.nsenders, 0);
    rin = (struct msg_in){ .body = rbuf, .size = sizeof rbuf };
    for (int from_one = 0; from_one < 2; from_one++) {
        t0 = monotonic_ms();
        CHECK_ERR(pid_receive_timed(from_one ? deaf : 0, &rin, 0, &ts), ETIMEDOUT);
        CHECK(monotonic_ms() - t0 >= 90);
    }

    static const struct timespec bad[] = {
        { -1, 0 }, { 0, -1 }, { 0, 1000000000 }, { 1, 1999999999 },
    };
    for (int i = 0; i < (int)(sizeof bad / sizeof bad[0]); i++) {
        CHECK_ERR(pid_send_timed(deaf, &out, 0, &bad[i]), EINVAL);
        CHECK_ERR(pid_receive_timed(0, &rin, 0, &bad[i]), EINVAL);
        CHECK_ERR(pid_receive_timed(deaf, &rin, 0, &bad[i]), EINVAL);
    }
    CHECK_OK(inbox_status(deaf, &st));
    CHECK_EQ(st.queued, 0);                     /* no bad call sent anything */
    CHECK_OK(kill(deaf, SIGKILL));
    int status;
    CHECK_EQ(waitpid(deaf, &status, 0), deaf);

    /* The peer acts after 20 ms, well within 5 s. */
    struct timespec plenty = { 5, 0 };
    pid_t peer = fork();
    if (peer == 0) {
        check_sleep_ms(20);
        _exit(direct_receive(0, 0) > 0 && strcmp(rbuf, "in time") == 0 &&
              rin.header.sender == getppid() ? 0 : 1);
    }
    out = text_out(1, 0, "in time");
    CHECK_EQ(pid_send_timed(peer, &out, 0, &plenty), peer);   /* a rendezvous */
    CHECK_EQ(ipc_reap(peer), 0);
    peer = fork();
    if (peer == 0) {
        check_sleep_ms(20);
        _exit(direct_send(getppid(), 1, "answer", 0) == getppid() ? 0 : 1);
    }
    memset(rbuf, 0, sizeof rbuf);
    rin = (struct msg_in){ .body = rbuf, .size = sizeof rbuf };
    CHECK_EQ(pid_receive_timed(peer, &rin, 0, &plenty), 7);
    CHECK_STR_EQ(rbuf, "answer");
    CHECK_EQ(rin.header.sender, peer);
    CHECK_EQ(ipc_reap(peer), 0);
}

/* A blocking direct send to a full inbox sleeps ("send to pid N") until a
 * receive makes room, then succeeds: 0, since a bounded inbox does not
 * wait for the taking. */
static void
case_send_to_a_full_inbox_waits_for_room(void)
{
    pid_t me = getpid();
    CHECK_OK(inbox_set_capacity(1));
    pid_t pid = fork();
    if (pid == 0) {
        if (direct_send(me, 1, "first", MSG_NOWAIT) != 0)
            _exit(1);
        if (direct_send(me, 1, "second", MSG_NOWAIT) != -1 || errno != EAGAIN)
            _exit(2);
        _exit(direct_send(me, 1, "second", 0) == 0 ? 0 : 3);
    }
    char want[32];
    snprintf(want, sizeof want, "send to pid %d", me);
    ipc_wait_asleep(pid, want);
    struct mbox_status st;
    CHECK_OK(inbox_status(0, &st));
    CHECK_EQ(st.capacity, 1);
    CHECK_EQ(st.queued, 1);
    CHECK_EQ(st.nsenders, 1);
    CHECK_EQ(st.senders[0], pid);
    check_sleep_ms(50);
    CHECK(ipc_sleeps_in(pid, want));            /* no room yet: still asleep */
    EXPECT_TEXT(direct_receive(0, 0), "first");
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_OK(inbox_status(0, &st));
    CHECK_EQ(st.queued, 1);
    CHECK_EQ(st.nsenders, 0);
    EXPECT_TEXT(direct_receive(0, 0), "second");
    CHECK_EQ(rin.header.sender, pid);
}

/* ---- request and reply -------------------------------------------------- */

/* A server that makes a port and tells its id through fd out, then
 * answers each request with the text upper-cased. */
static void
serve_upper_case(int out_fd, int requests)
{
    int port = port_create(0, 0);
    if (write(out_fd, &port, sizeof port) != sizeof port)
        _exit(4);
    for (int i = 0; i < requests; i++) {
        if (receive_into(port, 0, 0) < 0 || rin.header.reply_id == 0)
            _exit(1);
        for (char *c = rbuf; *c; c++)
            if (*c >= 'a' && *c <= 'z')
                *c -= 'a' - 'A';
        struct msg_out out = text_out(2, 0, rbuf);
        pid_t stranger = fork();
        if (stranger == 0)              /* only the server may answer */
            _exit(msg_reply(rin.header.reply_id, &out) == -1 && errno == EPERM ? 0 : 1);
        if (ipc_reap(stranger) != 0)
            _exit(5);
        if (msg_reply(rin.header.reply_id, &out) < 0)
            _exit(2);
        if (msg_reply(rin.header.reply_id, &out) != -1 || errno != ESRCH)
            _exit(3);                   /* answered already */
    }
    _exit(0);
}

/* A request waits for the server's answer on a private reply port; only
 * the server that took it may answer (EPERM for others), once (then
 * ESRCH). */
static void
case_request_gets_the_servers_reply(void)
{
    int fds[2], port;
    CHECK_OK(pipe(fds));
    pid_t server = fork();
    if (server == 0)
        serve_upper_case(fds[1], 2);
    CHECK_EQ(read(fds[0], &port, sizeof port), sizeof port);
    static const char *const words[] = { "hello", "world" };
    for (int i = 0; i < 2; i++) {
        struct msg_out req = text_out(1, 0, words[i]);
        char reply[32] = "";
        struct msg_in in = { .body = reply, .size = sizeof reply };
        CHECK_EQ(mbox_request(port, &req, &in, 0), 6);
        CHECK_STR_EQ(reply, i ? "WORLD" : "HELLO");
        CHECK_EQ(in.header.sender, server);
    }
    CHECK_EQ(ipc_reap(server), 0);
    CHECK_ERR(mbox_status(port, &(struct mbox_status){0}), EINVAL);  /* died with it */
}

/* A direct request to a process works the same way. */
static void
case_direct_request_gets_a_reply(void)
{
    pid_t server = fork();
    if (server == 0) {
        if (direct_receive(0, 0) < 0)
            _exit(1);
        struct msg_out out = text_out(2, 0, "pong");
        _exit(msg_reply(rin.header.reply_id, &out) == 0 ? 0 : 2);
    }
    struct msg_out req = text_out(1, 0, "ping");
    char reply[16] = "";
    struct msg_in in = { .body = reply, .size = sizeof reply };
    CHECK_EQ(pid_request(server, &req, &in, 0), 5);
    CHECK_STR_EQ(reply, "pong");
    CHECK_EQ(ipc_reap(server), 0);
}

/* A client whose server exits without answering fails with ESRCH; one
 * whose request is destroyed unread, with EIDRM; a reply to no request is
 * ESRCH. */
static void
case_request_fails_when_the_server_goes(void)
{
    int box = new_mailbox(1, 0);
    pid_t server = fork();
    if (server == 0) {
        receive_into(box, 0, 0);
        _exit(0);                       /* takes the request, never answers */
    }
    struct msg_out req = text_out(1, 0, "anyone?");
    char reply[16];
    struct msg_in in = { .body = reply, .size = sizeof reply };
    CHECK_ERR(mbox_request(box, &req, &in, 0), ESRCH);
    CHECK_EQ(ipc_reap(server), 0);

    pid_t client = fork();
    if (client == 0)
        _exit(mbox_request(box, &req, &in, 0) == -1 && errno == EIDRM ? 0 : 1);
    ipc_wait_asleep(client, "reply to request");
    CHECK_EQ(status_of(box).queued, 1);
    CHECK_OK(mbox_destroy(box));
    CHECK_EQ(ipc_reap(client), 0);
    CHECK_ERR(msg_reply(12345, &req), ESRCH);
}

/* Forks a helper that sends SIGUSR1 to pid once it sleeps in a wait whose
 * name starts with `wait`: the signal cannot come before the sleep. */
static pid_t
signal_when_asleep(pid_t pid, const char *wait)
{
    pid_t helper = fork();
    if (helper == 0) {
        ipc_wait_asleep(pid, wait);
        _exit(kill(pid, SIGUSR1) == 0 ? 0 : 1);
    }
    return helper;
}

/* One blocking call that only a signal ends: EINTR, the handler ran once. */
#define CHECK_EINTR(call, wait) do {                                        \
    int caught_ = check_signals_caught;                                     \
    pid_t helper_ = signal_when_asleep(getpid(), (wait));                   \
    CHECK_ERR(call, EINTR);                                                 \
    CHECK_EQ(ipc_reap(helper_), 0);                                         \
    CHECK_EQ(check_signals_caught, caught_ + 1);                            \
} while (0)

/* A handler ends a blocked direct send (a rendezvous with a process that
 * never receives), direct receives from anyone and from one process, a
 * mailbox receive, and both requests -- pid_request asleep in its send,
 * mbox_request asleep for the answer -- with EINTR, with SA_RESTART and
 * without: no message call is restarted after a handler (docs/messages.md,
 * "Signals and waits"; nor are Linux's msgsnd and msgrcv).  An interrupted
 * send takes its message back; an interrupted request is nobody's to
 * answer any more. */
static void
case_signal_ends_direct_and_request_waits_with_eintr(void)
{
    pid_t deaf = check_fork_pauser();
    int box = new_mailbox(1, 0);
    char to_deaf[32], from_deaf[40];
    snprintf(to_deaf, sizeof to_deaf, "send to pid %d", deaf);
    snprintf(from_deaf, sizeof from_deaf, "receive from pid %d", deaf);
    struct msg_out req = text_out(1, 0, "question");
    char reply[16];
    struct msg_in in = { .body = reply, .size = sizeof reply };
    struct mbox_status st;
    for (int restart = 0; restart < 2; restart++) {
        check_catch_signal(SIGUSR1, restart ? SA_RESTART : 0);
        check_signals_caught = 0;

        CHECK_EINTR(direct_send(deaf, 1, "unheard", 0), to_deaf);
        CHECK_OK(inbox_status(deaf, &st));
        CHECK_EQ(st.queued, 0);                 /* taken back */
        CHECK_EQ(st.nsenders, 0);
        CHECK_EINTR(direct_receive(0, 0), "receive from any");
        CHECK_EINTR(direct_receive(deaf, 0), from_deaf);
        CHECK_EINTR(receive_into(box, 0, 0), "mbox");

        CHECK_EINTR(pid_request(deaf, &req, &in, 0), to_deaf);
        CHECK_OK(inbox_status(deaf, &st));
        CHECK_EQ(st.queued, 0);

        CHECK_EINTR(mbox_request(box, &req, &in, 0), "reply to request");
        CHECK_EQ(status_of(box).queued, 1);     /* the request was sent */
        EXPECT_TEXT(receive_into(box, 0, MSG_NOWAIT), "question");
        CHECK(rin.header.reply_id != 0);
        struct msg_out late = text_out(2, 0, "late");
        CHECK_ERR(msg_reply(rin.header.reply_id, &late), ESRCH);
        CHECK_EQ(check_signals_caught, 6);
    }
    CHECK_OK(mbox_destroy(box));
    CHECK_OK(kill(deaf, SIGKILL));
    int status;
    CHECK_EQ(waitpid(deaf, &status, 0), deaf);
}

/* Bad arguments of the direct and request calls, and of the ones the
 * mailbox case leaves out, give the errno the reference documents
 * (docs/messages.md), never a crash, and cost no message. */
static void
case_bad_direct_and_request_arguments_are_errors(void)
{
    static char big[MSG_BODY_MAX + 1];
    pid_t me = getpid();
    struct mbox_status st;
    CHECK_OK(inbox_set_capacity(2));
    struct msg_out out = { 1, 0, (const void *)16, 10 };
    CHECK_ERR(pid_send(me, &out, MSG_NOWAIT), EFAULT);
    out.body = (const void *)0xC0000000;
    CHECK_ERR(pid_send(me, &out, MSG_NOWAIT), EFAULT);
    CHECK_ERR(pid_send(me, (const struct msg_out *)16, MSG_NOWAIT), EFAULT);
    out = (struct msg_out){ 1, 0, big, MSG_BODY_MAX + 1 };
    CHECK_ERR(pid_send(me, &out, MSG_NOWAIT), EMSGSIZE);
    CHECK_OK(inbox_status(0, &st));
    CHECK_EQ(st.queued, 0);

    CHECK_OK(direct_send(me, 1, "kept", MSG_NOWAIT));
    CHECK_ERR(pid_receive(0, (struct msg_in *)16, 0), EFAULT);
    CHECK_ERR(pid_receive(me, (struct msg_in *)0xC0000000, 0), EFAULT);
    struct msg_in in = { .body = (void *)0xC0000000, .size = 10 };
    CHECK_ERR(pid_receive(0, &in, 0), EFAULT);
    in.body = (void *)16;
    CHECK_ERR(pid_receive(me, &in, 0), EFAULT);
    CHECK_ERR(direct_receive(-1, 0), EINVAL);
    EXPECT_TEXT(direct_receive(0, MSG_NOWAIT), "kept");   /* nothing was lost */

    CHECK_ERR(inbox_status(0, (struct mbox_status *)16), EFAULT);
    CHECK_ERR(inbox_status(me, (struct mbox_status *)0xC0000000), EFAULT);
    CHECK_ERR(mbox_open((const char *)16), EFAULT);
    CHECK_ERR(mbox_open((const char *)0xC0000000), EFAULT);
    CHECK_ERR(mbox_open(""), EINVAL);
    CHECK_ERR(mbox_open("a-name-that-is-much-too-long-for-a-box"), ENAMETOOLONG);
    CHECK_ERR(port_create(MBOX_CAPACITY_MAX + 1, 0), EINVAL);
    CHECK_ERR(port_create(1, 0x100), EINVAL);
    CHECK_ERR(port_create(1, ~MBOX_PRIORITY), EINVAL);

    /* A request with a bad request or reply buffer is refused unsent. */
    int box = new_mailbox(2, 0);
    struct msg_out req = text_out(1, 0, "q");
    CHECK_ERR(mbox_request(box, &req, (struct msg_in *)16, 0), EFAULT);
    CHECK_ERR(mbox_request(box, (const struct msg_out *)16, &rin, 0), EFAULT);
    in = (struct msg_in){ .body = (void *)0xC0000000, .size = 10 };
    CHECK_ERR(mbox_request(box, &req, &in, 0), EFAULT);
    out = (struct msg_out){ 1, 0, big, MSG_BODY_MAX + 1 };
    CHECK_ERR(mbox_request(box, &out, &rin, 0), EMSGSIZE);
    CHECK_EQ(status_of(box).queued, 0);
    CHECK_ERR(pid_request(me, &req, (struct msg_in *)16, 0), EFAULT);
    CHECK_ERR(pid_request(me, (const struct msg_out *)16, &rin, 0), EFAULT);
    CHECK_OK(inbox_status(0, &st));
    CHECK_EQ(st.queued, 0);
    CHECK_OK(mbox_destroy(box));

    /* msg_reply with a bad message or body is EFAULT, too long EMSGSIZE;
     * the request can still be answered after them. */
    pid_t client = fork();
    if (client == 0) {
        char answer[16] = "";
        struct msg_in ain = { .body = answer, .size = sizeof answer };
        _exit(pid_request(me, &req, &ain, 0) == 3 && strcmp(answer, "ok") == 0 ? 0 : 1);
    }
    EXPECT_TEXT(direct_receive(client, 0), "q");
    unsigned id = rin.header.reply_id;
    CHECK(id != 0);
    CHECK_ERR(msg_reply(id, (const struct msg_out *)16), EFAULT);
    CHECK_ERR(msg_reply(id, (const struct msg_out *)0xC0000000), EFAULT);
    out = (struct msg_out){ 2, 0, (const void *)16, 3 };
    CHECK_ERR(msg_reply(id, &out), EFAULT);
    out = (struct msg_out){ 2, 0, big, MSG_BODY_MAX + 1 };
    CHECK_ERR(msg_reply(id, &out), EMSGSIZE);
    out = text_out(2, 0, "ok");
    CHECK_OK(msg_reply(id, &out));
    CHECK_EQ(ipc_reap(client), 0);
}

/* ---- deadlock ----------------------------------------------------------- */

/* Two processes each sending to the other's rendezvous port: the second
 * send would close the cycle and fails with EDEADLK. */
static void
case_two_process_cycle_is_edeadlk(void)
{
    int a = port_create(0, 0);                  /* owned by this process */
    int fds[2];
    CHECK_OK(pipe(fds));
    pid_t b = fork();
    if (b == 0) {
        int mine = port_create(0, 0);
        write(fds[1], &mine, sizeof mine);
        check_sleep_ms(10);
        ipc_wait_asleep(getppid(), "port");
        int r = send_text(a, 1, "to a", 0);
        _exit(r == -1 && errno == EDEADLK ? 0 : 1);
    }
    int port_b;
    CHECK_EQ(read(fds[0], &port_b, sizeof port_b), sizeof port_b);
    /* Blocks until b gives up with EDEADLK and exits: then its port dies. */
    CHECK_ERR(send_text(port_b, 1, "to b", 0), EIDRM);
    CHECK_EQ(ipc_reap(b), 0);
    CHECK_OK(port_destroy(a));
}

/* Three processes in a ring of direct sends: the third closes the cycle. */
static void
case_three_process_cycle_is_edeadlk(void)
{
    pid_t first = getpid();
    int fds[2];
    CHECK_OK(pipe(fds));
    pid_t second = fork();
    if (second == 0) {
        pid_t third;
        if (read(fds[0], &third, sizeof third) != sizeof third)
            _exit(1);
        /* second -> third: waits until third dies (ESRCH). */
        _exit(direct_send(third, 1, "2->3", 0) == -1 && errno == ESRCH ? 0 : 2);
    }
    pid_t third = fork();
    if (third == 0) {
        ipc_wait_asleep(first, "send to pid");
        ipc_wait_asleep(second, "send to pid");
        /* third -> first closes first -> second -> third -> first. */
        _exit(direct_send(first, 1, "3->1", 0) == -1 && errno == EDEADLK ? 0 : 1);
    }
    CHECK_EQ(write(fds[1], &third, sizeof third), sizeof third);
    /* first -> second: ends when second fails and exits. */
    CHECK_ERR(direct_send(second, 1, "1->2", 0), ESRCH);
    CHECK_EQ(ipc_reap(third), 0);
    CHECK_EQ(ipc_reap(second), 0);
}

/* A process may not rendezvous with itself, nor wait for its own message,
 * and a request to a server blocked sending to the client is a cycle. */
static void
case_waiting_on_oneself_or_a_request_cycle_is_edeadlk(void)
{
    CHECK_ERR(direct_send(getpid(), 1, "me", 0), EDEADLK);
    CHECK_ERR(direct_receive(getpid(), 0), EDEADLK);
    pid_t client = getpid();
    int port = port_create(0, 0);
    pid_t server = fork();
    if (server == 0) {
        int r = direct_send(client, 1, "hello client", 0);   /* client won't receive */
        _exit(r == -1 && errno == ESRCH ? 0 : 1);
    }
    ipc_wait_asleep(server, "send to pid");
    /* The server can't take the request: it waits for us. */
    int r = pid_request(server, &(struct msg_out){ 1, 0, "q", 2 }, &rin, 0);
    CHECK_EQ(r, -1);
    CHECK_EQ(errno, EDEADLK);
    kill(server, SIGKILL);
    int status;
    CHECK_EQ(waitpid(server, &status, 0), server);
    CHECK_OK(port_destroy(port));
}

/* Two processes each receiving from the other: the second to block would
 * close the cycle and gets EDEADLK; the first still gets its message. */
static void
case_receiving_from_each_other_is_edeadlk(void)
{
    pid_t parent = getpid();
    pid_t child = fork();
    if (child == 0)
        _exit(direct_receive(parent, 0) > 0 && strcmp(rbuf, "refused") == 0 ? 0 : 1);
    char want[40];
    snprintf(want, sizeof want, "receive from pid %d", parent);
    ipc_wait_asleep(child, want);
    CHECK_ERR(direct_receive(child, 0), EDEADLK);
    CHECK_EQ(direct_send(child, 1, "refused", 0), child);
    CHECK_EQ(ipc_reap(child), 0);
}

/* Cycles that mix the forms: one process blocked sending to the other's
 * rendezvous port, the other's direct send to it closing the cycle; and
 * the other way round, a direct send waiting and a port send closing it. */
static void
case_cycle_of_a_port_send_and_a_direct_send_is_edeadlk(void)
{
    pid_t a = getpid();
    int fds[2];
    CHECK_OK(pipe(fds));
    pid_t b = fork();
    if (b == 0) {
        int mine = port_create(0, 0);
        char want[32];
        if (write(fds[1], &mine, sizeof mine) != sizeof mine)
            _exit(3);
        snprintf(want, sizeof want, "port %d rendezvous", mine);
        ipc_wait_asleep(a, want);
        if (direct_send(a, 1, "closes the cycle", 0) != -1 || errno != EDEADLK)
            _exit(1);
        _exit(receive_into(mine, 0, 0) > 0 && strcmp(rbuf, "to b's port") == 0 ? 0 : 2);
    }
    int port_b;
    CHECK_EQ(read(fds[0], &port_b, sizeof port_b), (ssize_t)sizeof port_b);
    CHECK_EQ(send_text(port_b, 1, "to b's port", 0), b);
    CHECK_EQ(ipc_reap(b), 0);

    int port_a = port_create(0, 0);
    pid_t c = fork();
    if (c == 0) {
        char want[32];
        snprintf(want, sizeof want, "send to pid %d", getpid());
        ipc_wait_asleep(a, want);
        if (send_text(port_a, 1, "closes the cycle", 0) != -1 || errno != EDEADLK)
            _exit(1);
        _exit(direct_receive(a, 0) > 0 && strcmp(rbuf, "to c") == 0 ? 0 : 2);
    }
    CHECK_EQ(direct_send(c, 1, "to c", 0), c);
    CHECK_EQ(ipc_reap(c), 0);
    CHECK_EQ(status_of(port_a).queued, 0);      /* the refused send left nothing */
    CHECK_OK(port_destroy(port_a));
}

/* mbox_request to a port whose owner is blocked sending to the caller:
 * EDEADLK, in the send half on a rendezvous port, and in the wait for
 * the answer on a port with room (the request stays queued there, but
 * nobody waits for its answer). */
static void
case_request_to_a_port_closing_a_cycle_is_edeadlk(void)
{
    pid_t a = getpid();
    int fds[2];
    CHECK_OK(pipe(fds));
    pid_t b = fork();
    if (b == 0) {
        int ports[2] = { port_create(0, 0), port_create(1, 0) };
        if (write(fds[1], ports, sizeof ports) != sizeof ports)
            _exit(4);
        if (direct_send(a, 1, "from b", 0) != a)    /* until a receives */
            _exit(1);
        if (receive_into(ports[1], 0, MSG_NOWAIT) <= 0 || rin.header.reply_id == 0)
            _exit(2);
        struct msg_out late = text_out(2, 0, "too late");
        _exit(msg_reply(rin.header.reply_id, &late) == -1 && errno == ESRCH ? 0 : 3);
    }
    int ports[2];
    CHECK_EQ(read(fds[0], ports, sizeof ports), (ssize_t)sizeof ports);
    char want[32];
    snprintf(want, sizeof want, "send to pid %d", a);
    ipc_wait_asleep(b, want);
    struct msg_out req = text_out(1, 0, "request");
    char reply[16];
    struct msg_in in = { .body = reply, .size = sizeof reply };
    CHECK_ERR(mbox_request(ports[0], &req, &in, 0), EDEADLK);
    CHECK_EQ(status_of(ports[0]).queued, 0);
    CHECK_ERR(mbox_request(ports[1], &req, &in, 0), EDEADLK);
    CHECK_EQ(status_of(ports[1]).queued, 1);
    EXPECT_TEXT(direct_receive(b, 0), "from b");
    CHECK_EQ(ipc_reap(b), 0);
}

/* The wait-for graph names the process a message sleeper waits for: a
 * sender to a port waits for the port's owner. */
static void
case_wait_for_graph_shows_message_waits(void)
{
    int port = port_create(0, 0);
    pid_t sender = fork();
    if (sender == 0)
        _exit(send_text(port, 1, "x", 0) >= 0 ? 0 : 1);
    ipc_wait_asleep(sender, "port");
    struct waitedge edges[64];
    int n = waitgraph(edges, 64), found = 0;
    for (int i = 0; i < n && i < 64; i++)
        if (edges[i].from == sender) {
            CHECK_EQ(edges[i].to, getpid());
            CHECK(strncmp(edges[i].what, "port ", 5) == 0);
            found = 1;
        }
    CHECK(found);
    CHECK(receive_into(port, 0, 0) > 0);
    CHECK_EQ(ipc_reap(sender), 0);
    CHECK_OK(port_destroy(port));
}

/* The demos run as the course material writes them and check their own
 * results (exit status 0). */
static void
case_message_demos_work(void)
{
    static char out[8192];
    CHECK_EQ(ipc_run_tool("demo_mbox_mutex", 0, 0, 0, out, sizeof out), 0);
    CHECK(strstr(out, "counter = 200 (expected 200)") != 0);
    CHECK_EQ(ipc_run_tool("demo_mbox_buffer", 0, 0, 0, out, sizeof out), 0);
    CHECK(strstr(out, "every item arrived once") != 0);
    CHECK_EQ(ipc_run_tool("demo_print_server", 0, 0, 0, out, sizeof out), 0);
    CHECK(strstr(out, "was job 6") != 0);
    CHECK_EQ(ipc_run_tool("demo_msgq_server", 0, 0, 0, out, sizeof out), 0);
    CHECK(strstr(out, "every client got its own answer") != 0);
}

/* ps and Ctrl-P name each message wait with its box or process: a full
 * mailbox, an empty port, a send to a process, a receive from one. */
static void
case_ps_names_each_message_wait(void)
{
    char want[48];
    int box = new_mailbox(1, 0);
    CHECK_OK(send_text(box, 1, "fills it", 0));
    pid_t pid = fork();
    if (pid == 0)
        _exit(send_text(box, 1, "waits", 0) == 0 ? 0 : 1);
    snprintf(want, sizeof want, "mbox %d full", box);
    ipc_wait_asleep(pid, want);
    EXPECT_TEXT(receive_into(box, 0, 0), "fills it");
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_OK(mbox_destroy(box));

    int fds[2], port;
    CHECK_OK(pipe(fds));
    pid = fork();
    if (pid == 0) {
        port = port_create(1, 0);
        if (write(fds[1], &port, sizeof port) != sizeof port || receive_into(port, 0, 0) < 0)
            _exit(1);
        _exit(0);
    }
    CHECK_EQ(read(fds[0], &port, sizeof port), (ssize_t)sizeof port);
    snprintf(want, sizeof want, "port %d empty", port);
    ipc_wait_asleep(pid, want);
    CHECK_OK(send_text(port, 1, "wakes it", 0));
    CHECK_EQ(ipc_reap(pid), 0);
    close(fds[0]);
    close(fds[1]);

    CHECK_OK(inbox_set_capacity(0));            /* a rendezvous: the sender waits */
    pid = fork();
    if (pid == 0)
        _exit(direct_send(getppid(), 1, "to the parent", 0) >= 0 ? 0 : 1);
    snprintf(want, sizeof want, "send to pid %d", getpid());
    ipc_wait_asleep(pid, want);
    EXPECT_TEXT(direct_receive(pid, 0), "to the parent");
    CHECK_EQ(ipc_reap(pid), 0);

    pid = fork();
    if (pid == 0)
        _exit(direct_receive(getppid(), 0) > 0 ? 0 : 1);
    snprintf(want, sizeof want, "receive from pid %d", getpid());
    ipc_wait_asleep(pid, want);
    CHECK_OK(direct_send(pid, 1, "to the child", 0));
    CHECK_EQ(ipc_reap(pid), 0);
}

/* ---- leaks and stress --------------------------------------------------- */

static void
box_cycles(int n)
{
    static char body[5000];
    for (int i = 0; i < n; i++) {
        int id = i % 2 ? mbox_create(NULL, 4, 0) : port_create(4, MBOX_PRIORITY);
        CHECK_OK(id);
        struct msg_out out = { 1, i % 7, body, i % 3 ? (unsigned)(i % 100) : 5000 };
        CHECK_OK(mbox_send(id, &out, 0));
        CHECK_OK(mbox_send(id, &out, 0));
        if (i % 3)
            CHECK(receive_into(id, 0, 0) >= 0);
        CHECK_OK(mbox_destroy(id));
        CHECK_OK(direct_send(getpid(), 1, "self", MSG_NOWAIT));
        CHECK(direct_receive(0, 0) > 0);
    }
}

/* Thousands of boxes made, used and destroyed leave no box, message, byte
 * or page frame behind. */
static void
case_create_destroy_cycles_leak_nothing(void)
{
    CHECK_OK(inbox_set_capacity(1));
    box_cycles(10);
    unsigned mailboxes = ipc_kstat_count(KSTAT_mailboxes);
    unsigned ports = ipc_kstat_count(KSTAT_ports);
    unsigned messages = ipc_kstat_count(KSTAT_messages);
    unsigned bytes = ipc_kstat_count(KSTAT_message_bytes);
    unsigned frames = ipc_free_frames();
    box_cycles(3000);
    CHECK_EQ(ipc_kstat_count(KSTAT_mailboxes), mailboxes);
    CHECK_EQ(ipc_kstat_count(KSTAT_ports), ports);
    CHECK_EQ(ipc_kstat_count(KSTAT_messages), messages);
    CHECK_EQ(ipc_kstat_count(KSTAT_message_bytes), bytes);
    CHECK_EQ(ipc_free_frames(), frames);
}

/* Boxes and inboxes of processes that exit are freed too. */
static void
case_exiting_processes_leak_nothing(void)
{
    unsigned messages = ipc_kstat_count(KSTAT_messages);
    unsigned boxes = ipc_kstat_count(KSTAT_mailboxes) + ipc_kstat_count(KSTAT_ports);
    for (int i = 0; i < 200; i++) {
        pid_t pid = fork();
        if (pid == 0) {
            int box = mbox_create(NULL, 2, 0), port = port_create(2, 0);
            inbox_set_capacity(2);
            send_text(box, 1, "left behind", 0);
            send_text(port, 1, "left behind", 0);
            direct_send(getpid(), 1, "left behind", 0);
            _exit(0);
        }
        CHECK_EQ(ipc_reap(pid), 0);
    }
    CHECK_EQ(ipc_kstat_count(KSTAT_messages), messages);
    CHECK_EQ(ipc_kstat_count(KSTAT_mailboxes) + ipc_kstat_count(KSTAT_ports), boxes);
}

/* The stress runs' messages: type 1 carries a number, type 2 says stop. */
static int
stress_send_to(int (*send)(int, const struct msg_out *, int), int to, long type, int number)
{
    struct msg_out out = { type, 0, &number, sizeof number };
    return send(to, &out, 0) < 0 ? -1 : 0;
}

/* What a stress receive that returned n got: its number, -1 for stop, -2
 * for an error. */
static int
stress_received(int n, const struct msg_in *in, int number)
{
    if (n != sizeof number)
        return -2;
    return in->header.type == 2 ? -1 : number;
}

static int stress_box;

static int
mailbox_stress_send(int producer, int number)
{
    return stress_send_to(mbox_send, stress_box, 1, number);
}

static int
mailbox_stress_receive(int consumer)
{
    int number;
    struct msg_in in = { .body = &number, .size = sizeof number };
    int n = mbox_receive(stress_box, &in, 0);
    return stress_received(n, &in, number);
}

static int
mailbox_stress_stop(int consumer)
{
    return stress_send_to(mbox_send, stress_box, 2, 0);
}

/* Producers and consumers exchange 100 000 numbered messages through one
 * bounded mailbox; every number arrives exactly once. */
static void
case_mailbox_stress_every_message_arrives_once(void)
{
    static const struct ipc_stress s = {
        3, 3, 100000, mailbox_stress_send, mailbox_stress_receive, mailbox_stress_stop, NULL,
    };
    stress_box = new_mailbox(64, 0);
    ipc_stress_run(&s);
    CHECK_EQ(status_of(stress_box).queued, 0);
    CHECK_OK(mbox_destroy(stress_box));
}

/* The same 100 000 through a rendezvous mailbox: every message is handed
 * over to a waiting receiver. */
static void
case_rendezvous_stress_every_message_arrives_once(void)
{
    static const struct ipc_stress s = {
        3, 3, 100000, mailbox_stress_send, mailbox_stress_receive, mailbox_stress_stop, NULL,
    };
    stress_box = new_mailbox(0, 0);
    ipc_stress_run(&s);
    CHECK_OK(mbox_destroy(stress_box));
}

#define DIRECT_CONSUMERS 3

static int
direct_stress_send(int producer, int number)
{
    return stress_send_to(pid_send, ipc_stress_consumers[number % DIRECT_CONSUMERS], 1, number);
}

static int
direct_stress_receive(int consumer)
{
    int number;
    struct msg_in in = { .body = &number, .size = sizeof number };
    static int ready;
    if (!ready && inbox_set_capacity(16) < 0)
        return -2;
    ready = 1;
    int n = pid_receive(0, &in, 0);
    return stress_received(n, &in, number);
}

static int
direct_stress_stop(int consumer)
{
    return stress_send_to(pid_send, ipc_stress_consumers[consumer], 2, 0);
}

/* Producers send 100 000 numbered direct messages, each to one of three
 * consumers; every number arrives exactly once. */
static void
case_direct_stress_every_message_arrives_once(void)
{
    static const struct ipc_stress s = {
        3, DIRECT_CONSUMERS, 100000, direct_stress_send, direct_stress_receive,
        direct_stress_stop, NULL,
    };
    ipc_stress_run(&s);
}

/* Ports: each consumer makes the port it alone receives from, and the
 * producers send each number to one consumer's port. */
#define PORT_CONSUMERS 3

static int
port_stress_setup(int consumer)
{
    return port_create(32, 0);
}

static int
port_stress_send(int producer, int number)
{
    return stress_send_to(port_send, ipc_stress_ready[number % PORT_CONSUMERS], 1, number);
}

static int
port_stress_receive(int consumer)
{
    int number;
    struct msg_in in = { .body = &number, .size = sizeof number };
    int n = port_receive(ipc_stress_ready[consumer], &in, 0);
    return stress_received(n, &in, number);
}

static int
port_stress_stop(int consumer)
{
    return stress_send_to(port_send, ipc_stress_ready[consumer], 2, 0);
}

/* Producers send 100 000 numbered messages, each to one of three ports;
 * every number arrives exactly once, and the ports go with their owners. */
static void
case_port_stress_every_message_arrives_once(void)
{
    static const struct ipc_stress s = {
        3, PORT_CONSUMERS, 100000, port_stress_send, port_stress_receive,
        port_stress_stop, port_stress_setup,
    };
    unsigned ports = ipc_kstat_count(KSTAT_ports);
    ipc_stress_run(&s);
    CHECK_EQ(ipc_kstat_count(KSTAT_ports), ports);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(header_is_filled_by_the_kernel),
        CHECK_CASE(named_mailbox_is_found_by_name),
        CHECK_CASE(any_process_uses_a_mailbox),
        CHECK_CASE(destroy_by_a_non_owner_is_eperm),
        CHECK_CASE(bounded_send_returns_zero_even_to_a_waiting_receiver),
        CHECK_CASE(destroy_wakes_every_sleeper_with_eidrm),
        CHECK_CASE(mailbox_dies_with_its_owner),
        CHECK_CASE(mailbox_dies_when_its_owner_exits_or_is_killed),
        CHECK_CASE(full_box_blocks_the_sender_until_a_receive),
        CHECK_CASE(rendezvous_send_returns_after_the_receive),
        CHECK_CASE(rendezvous_with_a_waiting_receiver),
        CHECK_CASE(sync_send_learns_who_received),
        CHECK_CASE(nowait_and_timeouts),
        CHECK_CASE(priority_box_orders_by_priority),
        CHECK_CASE(receive_selects_by_type),
        CHECK_CASE(long_body_is_e2big_unless_truncation_is_ok),
        CHECK_CASE(long_body_to_a_sleeping_receiver_arrives_whole_or_cut),
        CHECK_CASE(a_body_of_msg_body_max_bytes_arrives_intact),
        CHECK_CASE(longest_waiting_receiver_gets_the_first_message),
        CHECK_CASE(status_describes_the_box),
        CHECK_CASE(ipcs_lists_and_ipcrm_destroys_a_mailbox),
        CHECK_CASE(ipcs_shows_ports_and_waiting_pids),
        CHECK_CASE(signal_ends_a_wait_with_eintr),
        CHECK_CASE(bad_arguments_are_errors),
        CHECK_CASE(past_the_box_limit_is_enospc),
        CHECK_CASE(only_the_owner_receives_from_a_port),
        CHECK_CASE(port_dies_when_its_owner_exits_or_is_killed),
        CHECK_CASE(direct_send_to_no_process_is_esrch),
        CHECK_CASE(direct_send_is_a_rendezvous_by_default),
        CHECK_CASE(direct_receive_from_one_process),
        CHECK_CASE(inbox_capacity_bounds_the_queue),
        CHECK_CASE(waiting_on_a_process_that_exits_is_esrch),
        CHECK_CASE(timed_direct_calls_time_out_or_succeed),
        CHECK_CASE(send_to_a_full_inbox_waits_for_room),
        CHECK_CASE(request_gets_the_servers_reply),
        CHECK_CASE(direct_request_gets_a_reply),
        CHECK_CASE(request_fails_when_the_server_goes),
        CHECK_CASE(signal_ends_direct_and_request_waits_with_eintr),
        CHECK_CASE(bad_direct_and_request_arguments_are_errors),
        CHECK_CASE(two_process_cycle_is_edeadlk),
        CHECK_CASE(three_process_cycle_is_edeadlk),
        CHECK_CASE(waiting_on_oneself_or_a_request_cycle_is_edeadlk),
        CHECK_CASE(receiving_from_each_other_is_edeadlk),
        CHECK_CASE(cycle_of_a_port_send_and_a_direct_send_is_edeadlk),
        CHECK_CASE(request_to_a_port_closing_a_cycle_is_edeadlk),
        CHECK_CASE(wait_for_graph_shows_message_waits),
        CHECK_CASE(ps_names_each_message_wait),
        CHECK_CASE(message_demos_work),
        CHECK_CASE(create_destroy_cycles_leak_nothing),
        CHECK_CASE(exiting_processes_leak_nothing),
        CHECK_CASE(mailbox_stress_every_message_arrives_once),
        CHECK_CASE(rendezvous_stress_every_message_arrives_once),
        CHECK_CASE(direct_stress_every_message_arrives_once),
        CHECK_CASE(port_stress_every_message_arrives_once),
    };
    return check_main("mbox", cases, CHECK_NCASES(cases), argc, argv);
}
