/*
 * System V message queues, row by row of ../shared/POSIX-CHECKLIST.md
 * ("SysV message queues") and issue 7.  Every case removes the queues it
 * makes, since queues outlive the process that made them.
 */
#include "ipc_check.h"
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <fcntl.h>

struct tmsg {
    long mtype;
    char mtext[256];
};

static int
new_queue(void)
{
    int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    if (id < 0)
        check_fail(__FILE__, __LINE__, "msgget failed: %s", check_errno_name(errno));
    return id;
}

static void
send_text(int q, long type, const char *text)
{
    struct tmsg m = { type, "" };
    strcpy(m.mtext, text);
    if (msgsnd(q, &m, strlen(text) + 1, IPC_NOWAIT) < 0)
        check_fail(__FILE__, __LINE__, "msgsnd failed: %s", check_errno_name(errno));
}

/* Receive with msgtyp and flags; the text must be want. */
static void
expect_text(int q, long msgtyp, int flags, long want_type, const char *want)
{
    struct tmsg m;
    memset(&m, 0, sizeof m);
    ssize_t n = msgrcv(q, &m, sizeof m.mtext, msgtyp, flags | IPC_NOWAIT);
    if (n < 0)
        check_fail(__FILE__, __LINE__, "msgrcv(%ld) failed: %s", msgtyp, check_errno_name(errno));
    CHECK_EQ(n, (long)strlen(want) + 1);
    CHECK_EQ(m.mtype, want_type);
    CHECK_STR_EQ(m.mtext, want);
}

static struct msqid_ds
stat_queue(int q)
{
    struct msqid_ds ds;
    if (msgctl(q, IPC_STAT, &ds) < 0)
        check_fail(__FILE__, __LINE__, "IPC_STAT failed: %s", check_errno_name(errno));
    return ds;
}

/* ---- msgget ------------------------------------------------------------- */

/* msgget(2): IPC_PRIVATE makes a new queue on every call. */
static void
case_msgget_private_makes_a_new_queue_each_call(void)
{
    int a = new_queue(), b = new_queue();
    CHECK(a != b);
    CHECK_OK(msgctl(a, IPC_RMID, 0));
    CHECK_OK(msgctl(b, IPC_RMID, 0));
}

/* msgget(2): IPC_CREAT|IPC_EXCL on an existing key fails with EEXIST. */
static void
case_msgget_excl_on_existing_key_is_eexist(void)
{
    int q = msgget(0x5101, IPC_CREAT | IPC_EXCL | 0600);
    CHECK_OK(q);
    CHECK_ERR(msgget(0x5101, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgget(2): an absent key without IPC_CREAT fails with ENOENT. */
static void
case_msgget_absent_key_without_creat_is_enoent(void)
{
    CHECK_ERR(msgget(0x5102, 0600), ENOENT);
}

/* msgget(2): an existing key gives the same id, with IPC_CREAT or 0. */
static void
case_msgget_existing_key_returns_its_id(void)
{
    int q = msgget(0x5103, IPC_CREAT | 0600);
    CHECK_OK(q);
    CHECK_EQ(msgget(0x5103, IPC_CREAT | 0600), q);
    CHECK_EQ(msgget(0x5103, 0), q);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* Every key but IPC_PRIVATE is an ordinary key, (key_t)-1 included: it is
 * what a failed ftok returns. */
static void
case_msgget_key_minus_one_is_an_ordinary_key(void)
{
    int q = msgget((key_t)-1, IPC_CREAT | IPC_EXCL | 0600);
    CHECK_OK(q);
    CHECK_EQ(msgget((key_t)-1, 0), q);
    CHECK_EQ(stat_queue(q).msg_perm.__key, (key_t)-1);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgget(2): asking for more access than the mode grants is EACCES. */
static void
case_msgget_without_permission_is_eacces(void)
{
    int q = msgget(0x5104, IPC_CREAT | 0600);
    CHECK_OK(q);
    pid_t pid = fork();
    if (pid == 0) {
        if (setuid(1000) < 0)
            _exit(1);
        if (msgget(0x5104, 0400) != -1 || errno != EACCES)
            _exit(2);
        if (msgget(0x5104, 0) != q)    /* no mode bits asked: found */
            _exit(3);
        _exit(0);
    }
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgget(2): past the system's queue limit, ENOSPC. */
static void
case_msgget_past_the_queue_limit_is_enospc(void)
{
    struct msginfo info;
    int ids[MSGMNI + 1], n = 0;
    CHECK_OK(msgctl(0, IPC_INFO, (struct msqid_ds *)&info));
    CHECK(info.msgmni > 0 && info.msgmni <= MSGMNI);
    CHECK_EQ(info.msgmax, MSGMAX);
    CHECK_EQ(info.msgmnb, MSGMNB);
    while (n <= MSGMNI) {
        int id = msgget(IPC_PRIVATE, 0600);
        if (id < 0)
            break;
        ids[n++] = id;
    }
    int err = errno;
    for (int i = 0; i < n; i++)
        CHECK_OK(msgctl(ids[i], IPC_RMID, 0));
    CHECK(n <= info.msgmni);
    CHECK_EQ(err, ENOSPC);
}

/* msgget(2): a new queue's msqid_ds. */
static void
case_new_queue_has_empty_stat(void)
{
    time_t before = time(0);
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0640);
    CHECK_OK(q);
    struct msqid_ds ds = stat_queue(q);
    CHECK_EQ(ds.msg_qnum, 0);
    CHECK_EQ(ds.__msg_cbytes, 0);
    CHECK_EQ(ds.msg_lspid, 0);
    CHECK_EQ(ds.msg_lrpid, 0);
    CHECK_EQ(ds.msg_stime, 0);
    CHECK_EQ(ds.msg_rtime, 0);
    CHECK_EQ(ds.msg_qbytes, MSGMNB);
    CHECK_EQ(ds.msg_perm.mode & 0777, 0640);
    CHECK_EQ(ds.msg_perm.uid, geteuid());
    CHECK_EQ(ds.msg_perm.cuid, geteuid());
    CHECK(ds.msg_ctime >= before && ds.msg_ctime <= time(0));
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* ---- msgsnd ------------------------------------------------------------- */

/* msgop(2): a send adds one message and records the sender and the time. */
static void
case_msgsnd_counts_the_message_and_the_sender(void)
{
    int q = new_queue();
    time_t before = time(0);
    send_text(q, 1, "hello");
    struct msqid_ds ds = stat_queue(q);
    CHECK_EQ(ds.msg_qnum, 1);
    CHECK_EQ(ds.__msg_cbytes, 6);
    CHECK_EQ(ds.msg_lspid, getpid());
    CHECK(ds.msg_stime >= before);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): mtype must be greater than zero. */
static void
case_msgsnd_type_below_one_is_einval(void)
{
    int q = new_queue();
    struct tmsg m = { 0, "x" };
    CHECK_ERR(msgsnd(q, &m, 1, IPC_NOWAIT), EINVAL);
    m.mtype = -5;
    CHECK_ERR(msgsnd(q, &m, 1, IPC_NOWAIT), EINVAL);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): a text longer than MSGMAX is EINVAL. */
static void
case_msgsnd_past_msgmax_is_einval(void)
{
    int q = new_queue();
    static struct { long mtype; char text[MSGMAX + 1]; } big = { 1, "" };
    CHECK_ERR(msgsnd(q, &big, MSGMAX + 1, IPC_NOWAIT), EINVAL);
    CHECK_OK(msgsnd(q, &big, MSGMAX, IPC_NOWAIT));
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): a message may have no text; the receiver gets length 0. */
static void
case_msgsnd_of_zero_bytes_is_received_as_zero(void)
{
    int q = new_queue();
    struct tmsg m = { 7, "" };
    CHECK_OK(msgsnd(q, &m, 0, 0));
    m.mtype = 0;
    CHECK_EQ(msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT), 0);
    CHECK_EQ(m.mtype, 7);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): an id that names no queue is EINVAL, for every call. */
static void
case_bad_ids_are_einval(void)
{
    struct tmsg m = { 1, "x" };
    struct msqid_ds ds;
    CHECK_ERR(msgsnd(-1, &m, 1, 0), EINVAL);
    CHECK_ERR(msgsnd(123456, &m, 1, 0), EINVAL);
    CHECK_ERR(msgrcv(-1, &m, 1, 0, 0), EINVAL);
    CHECK_ERR(msgrcv(987654, &m, 1, 0, 0), EINVAL);
    CHECK_ERR(msgctl(-1, IPC_STAT, &ds), EINVAL);
    CHECK_ERR(msgctl(55555, IPC_RMID, 0), EINVAL);
}

/* msgop(2): a bad message pointer is EFAULT, for send and receive. */
static void
case_bad_message_pointers_are_efault(void)
{
    int q = new_queue();
    CHECK_ERR(msgsnd(q, (void *)16, 4, IPC_NOWAIT), EFAULT);
    CHECK_ERR(msgsnd(q, (void *)0xC0001000, 4, IPC_NOWAIT), EFAULT);
    /* The mtype is readable but the text runs into an unmapped page. */
    char *pages = mmap(0, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(pages != MAP_FAILED);
    CHECK_OK(munmap(pages + 4096, 4096));
    long *edge = (long *)(pages + 4096 - sizeof(long));
    *edge = 1;
    CHECK_ERR(msgsnd(q, edge, 4, IPC_NOWAIT), EFAULT);
    CHECK_OK(msgsnd(q, edge, 0, IPC_NOWAIT));         /* no text: fine */
    CHECK_EQ(msgrcv(q, edge, 0, 0, IPC_NOWAIT), 0);
    CHECK_EQ(stat_queue(q).msg_qnum, 0);
    CHECK_OK(munmap(pages, 4096));
    /* A bad text pointer is EFAULT even for a queue that does not exist,
     * as on Linux (the message is copied in before the id is looked up). */
    CHECK_ERR(msgsnd(q + 1000, (void *)16, 4, IPC_NOWAIT), EFAULT);
    send_text(q, 1, "kept");
    CHECK_ERR(msgrcv(q, (void *)16, 64, 0, IPC_NOWAIT), EFAULT);
    CHECK_ERR(msgrcv(q, (void *)0xC0001000, 64, 0, IPC_NOWAIT), EFAULT);
    expect_text(q, 0, 0, 1, "kept");  /* the bad receive cost nothing */
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* A sender without write permission gets EACCES; a receiver without read
 * permission too (after dropping privilege). */
static void
case_access_without_permission_is_eacces(void)
{
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0644);
    CHECK_OK(q);
    send_text(q, 1, "x");
    pid_t pid = fork();
    if (pid == 0) {
        struct tmsg m = { 1, "y" };
        if (setuid(1000) < 0)
            _exit(1);
        if (msgsnd(q, &m, 1, IPC_NOWAIT) != -1 || errno != EACCES)
            _exit(2);
        if (msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT) != 2)
            _exit(3);                   /* others may read (mode 0644) */
        _exit(0);
    }
    CHECK_EQ(ipc_reap(pid), 0);
    struct msqid_ds ds = stat_queue(q);
    ds.msg_perm.mode = 0600;
    CHECK_OK(msgctl(q, IPC_SET, &ds));
    pid = fork();
    if (pid == 0) {
        struct tmsg m;
        if (setuid(1000) < 0)
            _exit(1);
        if (msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT) != -1 || errno != EACCES)
            _exit(2);
        if (msgctl(q, IPC_STAT, &ds) != -1 || errno != EACCES)
            _exit(3);
        _exit(0);
    }
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* Send messages of size bytes until one fails; returns how many went in. */
static int
send_until_refused(int q, size_t size)
{
    struct tmsg m = { 1, "" };
    int n = 0;
    while (msgsnd(q, &m, size, IPC_NOWAIT) == 0)
        n++;
    return n;
}

/* Fill q's byte limit with 128-byte messages (MSGMNB is a multiple of
 * 128, so not one byte more fits); returns how many went in. */
static int
fill_queue(int q)
{
    int n = send_until_refused(q, 128);
    CHECK_EQ(errno, EAGAIN);
    return n;
}

/* msgop(2): when the bytes would pass msg_qbytes, IPC_NOWAIT gives EAGAIN. */
static void
case_msgsnd_to_full_queue_nowait_is_eagain(void)
{
    int q = new_queue();
    int n = fill_queue(q);
    CHECK_EQ(n, MSGMNB / 128);
    CHECK_EQ(stat_queue(q).__msg_cbytes, MSGMNB);
    struct tmsg m = { 1, "" };
    CHECK_ERR(msgsnd(q, &m, 1, IPC_NOWAIT), EAGAIN);
    CHECK_OK(msgsnd(q, &m, 0, IPC_NOWAIT));     /* an empty one still fits */
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* The system's message limit (IPC_INFO's msgtql: the kernel's pool). */
static int
system_message_limit(void)
{
    struct msginfo info;
    CHECK(msgctl(0, IPC_INFO, (struct msqid_ds *)&info) >= 0);
    return info.msgtql;
}

/* msgop(2) as Linux counts: msg_qbytes also limits the number of messages,
 * and nothing else does: 3000 empty messages fit a queue of 3000 bytes (a
 * queue is not capped by count), and the next one gives EAGAIN. */
static void
case_qbytes_limits_the_number_of_messages(void)
{
    int half = system_message_limit() / 2, want = half < 3000 ? half : 3000;
    int q = new_queue();
    struct msqid_ds ds = stat_queue(q);
    ds.msg_qbytes = want;
    CHECK_OK(msgctl(q, IPC_SET, &ds));
    CHECK_EQ(send_until_refused(q, 0), want);
    CHECK_EQ(errno, EAGAIN);
    CHECK_EQ(stat_queue(q).msg_qnum, want);
    CHECK_EQ(stat_queue(q).__msg_cbytes, 0);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* When every message of the system is in use, msgsnd waits for one to be
 * freed, as for room in a full queue (IPC_NOWAIT: EAGAIN), so a program
 * sees no error Linux would not give; removing the queue frees them all. */
static void
case_system_out_of_messages_waits_for_one(void)
{
    int limit = system_message_limit();
    unsigned messages = ipc_kstat_count(KSTAT_messages);
    int q = new_queue();
    struct msqid_ds ds = stat_queue(q);
    ds.msg_qbytes = limit + 1;                  /* root may raise it */
    CHECK_OK(msgctl(q, IPC_SET, &ds));
    int n = send_until_refused(q, 0);
    CHECK_EQ(errno, EAGAIN);
    CHECK_EQ(n, limit - (int)messages);
    pid_t pid = fork();
    if (pid == 0) {
        struct tmsg m = { 2, "" };
        _exit(msgsnd(q, &m, 0, 0) == 0 ? 0 : 1);
    }
    ipc_wait_asleep(pid, "no free message");
    struct tmsg m;
    CHECK_EQ(msgrcv(q, &m, 0, 0, IPC_NOWAIT), 0);
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_EQ(stat_queue(q).msg_qnum, n);
    CHECK_EQ(msgrcv(q, &m, 0, 2, IPC_NOWAIT), 0);  /* the waiter's message */
    CHECK_OK(msgctl(q, IPC_RMID, 0));
    CHECK_EQ(ipc_kstat_count(KSTAT_messages), messages);
}

/* msgop(2): a blocking send to a full queue sleeps until a receive makes
 * room, then succeeds. */
static void
case_msgsnd_blocks_until_a_receive_makes_room(void)
{
    int q = new_queue();
    int n = fill_queue(q);
    pid_t pid = fork();
    if (pid == 0) {
        struct tmsg m = { 2, "late" };
        _exit(msgsnd(q, &m, 5, 0) == 0 ? 0 : 1);
    }
    ipc_wait_asleep(pid, "msgsnd q");
    CHECK_EQ(stat_queue(q).msg_qnum, n);      /* still waiting */
    struct tmsg m;
    CHECK_EQ(msgrcv(q, &m, sizeof m.mtext, 0, 0), 128);
    CHECK_EQ(ipc_reap(pid), 0);
    expect_text(q, 2, 0, 2, "late");
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): a sender asleep on a queue that is removed fails with EIDRM. */
static void
case_blocked_sender_wakes_with_eidrm(void)
{
    int q = new_queue();
    fill_queue(q);
    pid_t pid = fork();
    if (pid == 0) {
        struct tmsg m = { 1, "x" };
        _exit(msgsnd(q, &m, 1, 0) == -1 && errno == EIDRM ? 0 : 1);
    }
    ipc_wait_asleep(pid, "msgsnd q");
    CHECK_OK(msgctl(q, IPC_RMID, 0));
    CHECK_EQ(ipc_reap(pid), 0);
}

/* msgop(2), signal(7): a handler ends a sleeping msgsnd with EINTR, and it
 * is not restarted even with SA_RESTART. */
static void
case_blocked_sender_gets_eintr_even_with_sa_restart(void)
{
    int q = new_queue();
    fill_queue(q);
    check_catch_signal(SIGUSR1, SA_RESTART);
    pid_t helper = ipc_signal_later(getpid(), SIGUSR1, 50);
    struct tmsg m = { 1, "x" };
    CHECK_ERR(msgsnd(q, &m, 1, 0), EINTR);
    CHECK_EQ(check_signals_caught, 1);
    CHECK_EQ(ipc_reap(helper), 0);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* ---- msgrcv ------------------------------------------------------------- */

/* msgop(2): a receive returns the text length and the type, and records
 * the receiver and the time. */
static void
case_msgrcv_returns_length_and_records_the_receiver(void)
{
    int q = new_queue();
    send_text(q, 3, "abc");
    time_t before = time(0);
    expect_text(q, 0, 0, 3, "abc");
    struct msqid_ds ds = stat_queue(q);
    CHECK_EQ(ds.msg_qnum, 0);
    CHECK_EQ(ds.msg_lrpid, getpid());
    CHECK(ds.msg_rtime >= before);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): msgtyp 0 takes the first message in the queue. */
static void
case_msgrcv_type_zero_takes_messages_in_fifo_order(void)
{
    int q = new_queue();
    send_text(q, 5, "one");
    send_text(q, 2, "two");
    send_text(q, 9, "three");
    expect_text(q, 0, 0, 5, "one");
    expect_text(q, 0, 0, 2, "two");
    expect_text(q, 0, 0, 9, "three");
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): msgtyp > 0 takes the first message of that type; the others
 * keep their order. */
static void
case_msgrcv_positive_type_takes_first_of_that_type(void)
{
    int q = new_queue();
    send_text(q, 1, "a1");
    send_text(q, 2, "b1");
    send_text(q, 1, "a2");
    send_text(q, 2, "b2");
    expect_text(q, 2, 0, 2, "b1");
    expect_text(q, 2, 0, 2, "b2");
    expect_text(q, 0, 0, 1, "a1");
    expect_text(q, 0, 0, 1, "a2");
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): msgtyp < 0 takes the first message of the lowest type that is
 * at most |msgtyp|. */
static void
case_msgrcv_negative_type_takes_lowest_type(void)
{
    int q = new_queue();
    send_text(q, 7, "seven");
    send_text(q, 3, "three-a");
    send_text(q, 5, "five");
    send_text(q, 3, "three-b");
    send_text(q, 1000, "big");
    expect_text(q, -6, 0, 3, "three-a");
    expect_text(q, -6, 0, 3, "three-b");
    expect_text(q, -6, 0, 5, "five");
    CHECK_ERR(msgrcv(q, &(struct tmsg){0}, 10, -6, IPC_NOWAIT), ENOMSG);
    expect_text(q, -1000, 0, 7, "seven");
    expect_text(q, -2147483647L - 1, 0, 1000, "big");
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2), Linux: MSG_EXCEPT takes the first message of any other type. */
static void
case_msgrcv_except_takes_first_of_another_type(void)
{
    int q = new_queue();
    send_text(q, 4, "four");
    send_text(q, 4, "four-again");
    send_text(q, 6, "six");
    expect_text(q, 4, MSG_EXCEPT, 6, "six");
    expect_text(q, 4, 0, 4, "four");
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* ps and Ctrl-P name a sleeping msgrcv with its queue and type. */
static void
case_ps_names_the_msgrcv_wait(void)
{
    char want[48];
    int q = new_queue();
    pid_t pid = fork();
    if (pid == 0) {
        struct tmsg m;
        _exit(msgrcv(q, &m, sizeof m.mtext, 5, 0) >= 0 ? 0 : 1);
    }
    snprintf(want, sizeof want, "msgrcv q %d type 5", q);
    ipc_wait_asleep(pid, want);
    send_text(q, 5, "five");
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): nothing that matches and IPC_NOWAIT: ENOMSG, queue untouched. */
static void
case_msgrcv_nothing_matching_nowait_is_enomsg(void)
{
    int q = new_queue();
    struct tmsg m;
    CHECK_ERR(msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT), ENOMSG);
    send_text(q, 2, "two");
    CHECK_ERR(msgrcv(q, &m, sizeof m.mtext, 3, IPC_NOWAIT), ENOMSG);
    CHECK_EQ(stat_queue(q).msg_qnum, 1);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* A child that sleeps in msgrcv(msgtyp, flags) and exits 0 only if what
 * it gets is want, of type want_type. */
static pid_t
fork_receiver(int q, long msgtyp, int flags, long want_type, const char *want)
{
    pid_t pid = fork();
    CHECK_OK(pid);
    if (pid == 0) {
        struct tmsg m;
        ssize_t n = msgrcv(q, &m, sizeof m.mtext, msgtyp, flags);
        _exit(n == (ssize_t)strlen(want) + 1 && m.mtype == want_type &&
              strcmp(m.mtext, want) == 0 ? 0 : 1);
    }
    return pid;
}

/* msgop(2): a receiver waiting for one type keeps sleeping while other
 * types arrive, and wakes for its own. */
static void
case_msgrcv_waiting_for_a_type_sleeps_through_others(void)
{
    int q = new_queue();
    pid_t pid = fork_receiver(q, 5, 0, 5, "mine");
    ipc_wait_asleep(pid, "msgrcv q");
    send_text(q, 1, "not");
    send_text(q, 2, "for");
    send_text(q, 3, "you");
    ipc_wait_asleep(pid, "msgrcv q");         /* still asleep */
    CHECK_EQ(stat_queue(q).msg_qnum, 3);
    send_text(q, 5, "mine");
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_EQ(stat_queue(q).msg_qnum, 3);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* A sleeping receiver is handed only a message its msgtyp selects: with
 * msgtyp < 0 a type up to |msgtyp|, with MSG_EXCEPT any other type. */
static void
case_msgrcv_sleepers_with_negative_type_and_except_take_only_theirs(void)
{
    int q = new_queue();
    pid_t low = fork_receiver(q, -3, 0, 2, "low");
    ipc_wait_asleep(low, "msgrcv q");
    send_text(q, 9, "high");                    /* above 3: not for it */
    ipc_wait_asleep(low, "msgrcv q");
    send_text(q, 2, "low");
    CHECK_EQ(ipc_reap(low), 0);
    pid_t other = fork_receiver(q, 9, MSG_EXCEPT, 4, "other");
    ipc_wait_asleep(other, "msgrcv q");         /* only a 9 is queued */
    send_text(q, 9, "nine");
    ipc_wait_asleep(other, "msgrcv q");
    send_text(q, 4, "other");
    CHECK_EQ(ipc_reap(other), 0);
    expect_text(q, 0, 0, 9, "high");
    expect_text(q, 0, 0, 9, "nine");
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): a message longer than msgsz gives E2BIG and stays queued. */
static void
case_msgrcv_too_long_is_e2big_and_stays_queued(void)
{
    int q = new_queue();
    send_text(q, 1, "a long message");
    struct tmsg m;
    CHECK_ERR(msgrcv(q, &m, 4, 0, IPC_NOWAIT), E2BIG);
    CHECK_EQ(stat_queue(q).msg_qnum, 1);
    expect_text(q, 0, 0, 1, "a long message");
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): with MSG_NOERROR a long message is cut to msgsz and removed,
 * and nothing is written past the buffer. */
static void
case_msgrcv_noerror_truncates_and_removes(void)
{
    int q = new_queue();
    send_text(q, 1, "abcdefghij");
    struct tmsg m;
    memset(&m, '#', sizeof m);
    CHECK_EQ(msgrcv(q, &m, 4, 0, IPC_NOWAIT | MSG_NOERROR), 4);
    CHECK(memcmp(m.mtext, "abcd", 4) == 0);
    for (int i = 4; i < (int)sizeof m.mtext; i++)
        CHECK_EQ(m.mtext[i], '#');
    CHECK_EQ(stat_queue(q).msg_qnum, 0);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* A text longer than the store's inline size goes from the sender
 * straight into a sleeping receiver's buffer when that buffer is mapped
 * writable, else through the store: both must give the same answers. */
#define LONG_TEXT 4000

static void
fill_long_text(char *text)
{
    for (int i = 0; i < LONG_TEXT; i++)
        text[i] = (char)('A' + i % 23);
}

static void
send_long_text(int q)
{
    static struct { long mtype; char mtext[LONG_TEXT]; } m = { .mtype = 1 };
    fill_long_text(m.mtext);
    CHECK_OK(msgsnd(q, &m, LONG_TEXT, 0));
}

static struct { long mtype; char mtext[LONG_TEXT + 100]; } long_buf;

/* Child: receive into long_buf (prefilled with '#') taking size bytes;
 * the first want bytes must be the text and the rest '#' still. */
static int
receive_long_text(int q, size_t size, int flags, int want)
{
    char text[LONG_TEXT];
    fill_long_text(text);
    if (msgrcv(q, &long_buf, size, 0, flags) != want || long_buf.mtype != 1)
        return 1;
    if (memcmp(long_buf.mtext, text, want) != 0)
        return 2;
    for (size_t i = want; i < sizeof long_buf.mtext; i++)
        if (long_buf.mtext[i] != '#')
            return 3;
    return 0;
}

/* The receiver's buffer was written after fork (so it is its own page):
 * the text goes straight there; MSG_NOERROR cuts it at msgsz. */
static void
case_long_text_to_a_sleeping_receiver_arrives_whole_or_cut(void)
{
    int q = new_queue();
    for (int cut = 0; cut <= 1; cut++) {
        pid_t pid = fork();
        if (pid == 0) {
            memset(&long_buf, '#', sizeof long_buf);
            _exit(cut ? receive_long_text(q, 100, MSG_NOERROR, 100)
                      : receive_long_text(q, sizeof long_buf.mtext, 0, LONG_TEXT));
        }
        ipc_wait_asleep(pid, "msgrcv");
        send_long_text(q);
        CHECK_EQ(check_exit_code(pid), 0);
        CHECK_EQ(stat_queue(q).msg_qnum, 0);
    }
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* Written before fork, the receiver's buffer is shared copy-on-write and
 * not writable in its page table: the text goes through the store, and
 * arrives the same. */
static void
case_long_text_to_a_receiver_with_a_copy_on_write_buffer_arrives_whole(void)
{
    int q = new_queue();
    memset(&long_buf, '#', sizeof long_buf);
    pid_t pid = fork();
    if (pid == 0)
        _exit(receive_long_text(q, sizeof long_buf.mtext, 0, LONG_TEXT));
    ipc_wait_asleep(pid, "msgrcv");
    send_long_text(q);
    CHECK_EQ(check_exit_code(pid), 0);
    for (size_t i = 0; i < sizeof long_buf.mtext; i++)     /* ours: untouched */
        CHECK_EQ(long_buf.mtext[i], '#');
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): a negative msgsz is EINVAL. */
static void
case_msgrcv_negative_size_is_einval(void)
{
    int q = new_queue();
    struct tmsg m;
    CHECK_ERR(msgrcv(q, &m, (size_t)-1, 0, IPC_NOWAIT), EINVAL);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgop(2): a receiver asleep on a queue that is removed fails with EIDRM. */
static void
case_blocked_receiver_wakes_with_eidrm(void)
{
    int q = new_queue();
    pid_t pids[2];
    for (int i = 0; i < 2; i++) {
        pids[i] = fork();
        if (pids[i] == 0) {
            struct tmsg m;
            _exit(msgrcv(q, &m, sizeof m.mtext, i, 0) == -1 && errno == EIDRM ? 0 : 1);
        }
        ipc_wait_asleep(pids[i], "msgrcv q");
    }
    CHECK_OK(msgctl(q, IPC_RMID, 0));
    CHECK_EQ(ipc_reap(pids[0]), 0);
    CHECK_EQ(ipc_reap(pids[1]), 0);
}

/* msgop(2), signal(7): a handler ends a sleeping msgrcv with EINTR, never
 * restarted. */
static void
case_blocked_receiver_gets_eintr_even_with_sa_restart(void)
{
    int q = new_queue();
    check_catch_signal(SIGUSR1, SA_RESTART);
    pid_t helper = ipc_signal_later(getpid(), SIGUSR1, 50);
    struct tmsg m;
    CHECK_ERR(msgrcv(q, &m, sizeof m.mtext, 0, 0), EINTR);
    CHECK_EQ(check_signals_caught, 1);
    CHECK_EQ(ipc_reap(helper), 0);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* ---- msgctl ------------------------------------------------------------- */

/* msgctl(2): IPC_SET changes uid, gid, mode and may lower msg_qbytes, and
 * IPC_STAT shows it; the smaller limit holds. */
static void
case_ipc_set_changes_owner_mode_and_qbytes(void)
{
    int q = new_queue();
    struct msqid_ds ds = stat_queue(q);
    ds.msg_perm.uid = 1234;
    ds.msg_perm.gid = 99;
    ds.msg_perm.mode = 0660;
    ds.msg_qbytes = 300;
    CHECK_OK(msgctl(q, IPC_SET, &ds));
    ds = stat_queue(q);
    CHECK_EQ(ds.msg_perm.uid, 1234);
    CHECK_EQ(ds.msg_perm.gid, 99);
    CHECK_EQ(ds.msg_perm.cuid, 0);
    CHECK_EQ(ds.msg_perm.mode & 0777, 0660);
    CHECK_EQ(ds.msg_qbytes, 300);
    CHECK_EQ(fill_queue(q), 2);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgctl(2): raising msg_qbytes past MSGMNB needs privilege (EPERM); root
 * may. */
static void
case_raising_qbytes_unprivileged_is_eperm(void)
{
    int q = new_queue();
    struct msqid_ds ds = stat_queue(q);
    ds.msg_perm.uid = 1000;                     /* the child will own it */
    CHECK_OK(msgctl(q, IPC_SET, &ds));
    pid_t pid = fork();
    if (pid == 0) {
        struct msqid_ds d;
        if (setuid(1000) < 0 || msgctl(q, IPC_STAT, &d) < 0)
            _exit(1);
        d.msg_qbytes = MSGMNB + 1;
        if (msgctl(q, IPC_SET, &d) != -1 || errno != EPERM)
            _exit(2);
        d.msg_qbytes = MSGMNB - 1;
        if (msgctl(q, IPC_SET, &d) < 0)
            _exit(3);
        _exit(0);
    }
    CHECK_EQ(ipc_reap(pid), 0);
    ds = stat_queue(q);
    CHECK_EQ(ds.msg_qbytes, MSGMNB - 1);
    ds.msg_qbytes = 2 * MSGMNB;
    CHECK_OK(msgctl(q, IPC_SET, &ds));          /* root */
    CHECK_EQ(stat_queue(q).msg_qbytes, 2 * MSGMNB);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgctl(2): IPC_SET and IPC_RMID by someone who neither owns nor made the
 * queue are EPERM. */
static void
case_set_and_rmid_by_a_stranger_are_eperm(void)
{
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0666);
    CHECK_OK(q);
    pid_t pid = fork();
    if (pid == 0) {
        struct msqid_ds d;
        if (setuid(1000) < 0 || msgctl(q, IPC_STAT, &d) < 0)
            _exit(1);
        if (msgctl(q, IPC_SET, &d) != -1 || errno != EPERM)
            _exit(2);
        if (msgctl(q, IPC_RMID, 0) != -1 || errno != EPERM)
            _exit(3);
        _exit(0);
    }
    CHECK_EQ(ipc_reap(pid), 0);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgctl(2): after IPC_RMID the id gives EINVAL, and the next queue does
 * not get the same id. */
static void
case_removed_id_is_einval_and_not_reused_at_once(void)
{
    int q = new_queue();
    CHECK_OK(msgctl(q, IPC_RMID, 0));
    struct msqid_ds ds;
    struct tmsg m = { 1, "x" };
    CHECK_ERR(msgctl(q, IPC_STAT, &ds), EINVAL);
    CHECK_ERR(msgsnd(q, &m, 1, IPC_NOWAIT), EINVAL);
    CHECK_ERR(msgrcv(q, &m, 1, 0, IPC_NOWAIT), EINVAL);
    CHECK_ERR(msgctl(q, IPC_RMID, 0), EINVAL);
    int again = new_queue();
    CHECK(again != q);
    CHECK_OK(msgctl(again, IPC_RMID, 0));
}

/* msgctl(2): an unknown command is EINVAL. */
static void
case_msgctl_unknown_command_is_einval(void)
{
    int q = new_queue();
    struct msqid_ds ds;
    CHECK_ERR(msgctl(q, 77, &ds), EINVAL);
    CHECK_ERR(msgctl(q, -1, &ds), EINVAL);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgctl(2): IPC_STAT into a bad buffer is EFAULT. */
static void
case_ipc_stat_into_bad_buffer_is_efault(void)
{
    int q = new_queue();
    CHECK_ERR(msgctl(q, IPC_STAT, (struct msqid_ds *)16), EFAULT);
    CHECK_ERR(msgctl(q, IPC_SET, (struct msqid_ds *)0xC0000000), EFAULT);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* msgctl(2): MSG_INFO counts queues, messages and bytes and returns the
 * highest index in use; MSG_STAT by that index gives the queue's id. */
static void
case_msg_info_and_msg_stat_describe_the_queues(void)
{
    int q = new_queue();
    send_text(q, 1, "12345");
    struct msginfo info;
    int top = msgctl(0, MSG_INFO, (struct msqid_ds *)&info);
    CHECK(top >= 0);
    CHECK(info.msgpool >= 1);
    CHECK(info.msgmap >= 1);
    CHECK(info.msgtql >= 6);
    int found = 0;
    for (int i = 0; i <= top; i++) {
        struct msqid_ds ds;
        if (msgctl(i, MSG_STAT, &ds) == q) {
            found = 1;
            CHECK_EQ(ds.msg_qnum, 1);
        }
    }
    CHECK(found);
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* ftok(3): same path and id, same key; another id, another key; a missing
 * path, -1. */
static void
case_ftok_depends_on_path_and_id(void)
{
    int fd = open("/tmp/ftok-file", O_CREAT | O_WRONLY, 0600);
    CHECK_OK(fd);
    close(fd);
    key_t a = ftok("/tmp/ftok-file", 'A');
    CHECK(a != (key_t)-1);
    CHECK_EQ(ftok("/tmp/ftok-file", 'A'), a);
    CHECK(ftok("/tmp/ftok-file", 'B') != a);
    CHECK(ftok("/", 'A') != a);
    CHECK_EQ(ftok("/tmp/no-such-file", 'A'), (key_t)-1);
    unlink("/tmp/ftok-file");
}

/* ---- ipcs and ipcrm ---------------------------------------------------- */

/* ipcs -q lists a queue by key, id, owner, perms, bytes and messages, as
 * Linux's does; ipcrm -Q removes it by key and -q of a bad id fails. */
static void
case_ipcs_lists_and_ipcrm_removes_a_queue(void)
{
    static char out[4096];
    int q = msgget(0x5105, IPC_CREAT | 0640);
    CHECK_OK(q);
    send_text(q, 1, "1234");
    CHECK_EQ(ipc_run_tool("ipcs", "-q", 0, 0, out, sizeof out), 0);
    CHECK(strstr(out, "------ Message Queues --------") != 0);
    CHECK(strstr(out, "key        msqid      owner      perms      used-bytes   messages") != 0);
    char line[80];
    snprintf(line, sizeof line, "0x00005105 %-10d root       640        5            1", q);
    CHECK(strstr(out, line) != 0);
    CHECK_EQ(ipc_run_tool("ipcrm", "-Q", "0x5105", 0, out, sizeof out), 0);
    CHECK_ERR(msgget(0x5105, 0), ENOENT);
    CHECK_EQ(ipc_run_tool("ipcrm", "-q", "424242", 0, out, sizeof out), 1);
    CHECK(strstr(out, "invalid id") != 0);
}

/* ipcs -a lists every mechanism, the queue among them; ipcrm -q removes a
 * queue by its id, silently, and the id stops working at once (EINVAL) and
 * its key is free (ENOENT). */
static void
case_ipcs_a_lists_and_ipcrm_q_removes_by_id(void)
{
    static char out[4096];
    int q = msgget(0x5106, IPC_CREAT | IPC_EXCL | 0600);
    CHECK_OK(q);
    send_text(q, 1, "12");
    send_text(q, 2, "123");
    CHECK_EQ(ipc_run_tool("ipcs", "-a", 0, 0, out, sizeof out), 0);
    CHECK(strstr(out, "------ Message Queues --------") != 0);
    CHECK(strstr(out, "------ Semaphore Arrays --------") != 0);
    CHECK(strstr(out, "------ Shared Memory Segments --------") != 0);
    char line[80], id[16];
    snprintf(line, sizeof line, "0x00005106 %-10d root       600        7            2", q);
    CHECK(strstr(out, line) != 0);
    snprintf(id, sizeof id, "%d", q);
    CHECK_EQ(ipc_run_tool("ipcrm", "-q", id, 0, out, sizeof out), 0);
    CHECK_STR_EQ(out, "");
    struct msqid_ds ds;
    CHECK_ERR(msgctl(q, IPC_STAT, &ds), EINVAL);
    CHECK_ERR(msgget(0x5106, 0), ENOENT);
    CHECK_EQ(ipc_run_tool("ipcs", "-q", 0, 0, out, sizeof out), 0);
    CHECK(strstr(out, "0x00005106") == 0);
    CHECK_EQ(ipc_run_tool("ipcrm", "-q", id, 0, out, sizeof out), 1);
    CHECK(strstr(out, "invalid id") != 0);
}

/* ---- many messages ------------------------------------------------------ */

/* Messages of many sizes go in and come back unchanged (bodies that need
 * no page, one page, two pages). */
static void
case_bodies_of_every_size_arrive_intact(void)
{
    int q = new_queue();
    static struct { long mtype; unsigned char text[MSGMAX]; } out, in;
    static const int sizes[] = { 1, 63, 64, 65, 4095, 4096, 4097, 5000, MSGMAX };
    for (unsigned s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        out.mtype = s + 1;
        for (int i = 0; i < sizes[s]; i++)
            out.text[i] = (unsigned char)(i * 7 + s);
        CHECK_OK(msgsnd(q, &out, sizes[s], 0));
        CHECK_EQ(msgrcv(q, &in, sizeof in.text, 0, 0), sizes[s]);
        CHECK_EQ(in.mtype, s + 1);
        CHECK(memcmp(in.text, out.text, sizes[s]) == 0);
    }
    CHECK_OK(msgctl(q, IPC_RMID, 0));
}

/* n queues made, given messages of several sizes (no page, two pages),
 * half of them received, and removed. */
static void
queue_cycles(int n)
{
    static struct { long mtype; char text[5000]; } m = { 1, "" };
    for (int i = 0; i < n; i++) {
        int q = new_queue();
        CHECK_OK(msgsnd(q, &m, i % 3 == 0 ? 5000 : i % 100, 0));
        CHECK_OK(msgsnd(q, &m, 10, 0));
        if (i % 2)
            CHECK(msgrcv(q, &m, sizeof m.text, 0, 0) >= 0);
        CHECK_OK(msgctl(q, IPC_RMID, 0));
    }
}

/* Thousands of queues made, filled and removed leave no queue, message,
 * byte or page frame behind. */
static void
case_create_destroy_cycles_leak_nothing(void)
{
    queue_cycles(10);           /* this process's own pages are mapped now */
    unsigned queues = ipc_kstat_count(KSTAT_msg_queues);
    unsigned messages = ipc_kstat_count(KSTAT_messages);
    unsigned bytes = ipc_kstat_count(KSTAT_message_bytes);
    unsigned frames = ipc_free_frames();
    queue_cycles(3000);
    CHECK_EQ(ipc_kstat_count(KSTAT_msg_queues), queues);
    CHECK_EQ(ipc_kstat_count(KSTAT_messages), messages);
    CHECK_EQ(ipc_kstat_count(KSTAT_message_bytes), bytes);
    CHECK_EQ(ipc_free_frames(), frames);
}

/* The stress run's queue and its three operations. */
static int stress_queue;

struct numbered {
    long mtype;
    int  number;
};

static int
stress_send(int producer, int number)
{
    struct numbered m = { 1, number };
    return msgsnd(stress_queue, &m, sizeof m.number, 0);
}

static int
stress_receive(int consumer)
{
    struct numbered m;
    if (msgrcv(stress_queue, &m, sizeof m.number, 0, 0) != sizeof m.number)
        return -2;
    return m.mtype == 2 ? -1 : m.number;
}

static int
stress_stop(int consumer)
{
    struct numbered m = { 2, 0 };
    return msgsnd(stress_queue, &m, sizeof m.number, 0);
}

/* Three producers and three consumers exchange 100 000 numbered messages
 * through one queue; every number arrives exactly once. */
static void
case_stress_every_message_arrives_exactly_once(void)
{
    static const struct ipc_stress s = {
        3, 3, 100000, stress_send, stress_receive, stress_stop, NULL,
    };
    stress_queue = new_queue();
    ipc_stress_run(&s);
    CHECK_EQ(stat_queue(stress_queue).msg_qnum, 0);
    CHECK_OK(msgctl(stress_queue, IPC_RMID, 0));
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(msgget_private_makes_a_new_queue_each_call),
        CHECK_CASE(msgget_excl_on_existing_key_is_eexist),
        CHECK_CASE(msgget_absent_key_without_creat_is_enoent),
        CHECK_CASE(msgget_existing_key_returns_its_id),
        CHECK_CASE(msgget_key_minus_one_is_an_ordinary_key),
        CHECK_CASE(msgget_without_permission_is_eacces),
        CHECK_CASE(msgget_past_the_queue_limit_is_enospc),
        CHECK_CASE(new_queue_has_empty_stat),
        CHECK_CASE(msgsnd_counts_the_message_and_the_sender),
        CHECK_CASE(msgsnd_type_below_one_is_einval),
        CHECK_CASE(msgsnd_past_msgmax_is_einval),
        CHECK_CASE(msgsnd_of_zero_bytes_is_received_as_zero),
        CHECK_CASE(bad_ids_are_einval),
        CHECK_CASE(bad_message_pointers_are_efault),
        CHECK_CASE(access_without_permission_is_eacces),
        CHECK_CASE(msgsnd_to_full_queue_nowait_is_eagain),
        CHECK_CASE(qbytes_limits_the_number_of_messages),
        CHECK_CASE(system_out_of_messages_waits_for_one),
        CHECK_CASE(msgsnd_blocks_until_a_receive_makes_room),
        CHECK_CASE(blocked_sender_wakes_with_eidrm),
        CHECK_CASE(blocked_sender_gets_eintr_even_with_sa_restart),
        CHECK_CASE(msgrcv_returns_length_and_records_the_receiver),
        CHECK_CASE(msgrcv_type_zero_takes_messages_in_fifo_order),
        CHECK_CASE(msgrcv_positive_type_takes_first_of_that_type),
        CHECK_CASE(msgrcv_negative_type_takes_lowest_type),
        CHECK_CASE(msgrcv_except_takes_first_of_another_type),
        CHECK_CASE(msgrcv_nothing_matching_nowait_is_enomsg),
        CHECK_CASE(ps_names_the_msgrcv_wait),
        CHECK_CASE(msgrcv_waiting_for_a_type_sleeps_through_others),
        CHECK_CASE(msgrcv_sleepers_with_negative_type_and_except_take_only_theirs),
        CHECK_CASE(msgrcv_too_long_is_e2big_and_stays_queued),
        CHECK_CASE(msgrcv_noerror_truncates_and_removes),
        CHECK_CASE(long_text_to_a_sleeping_receiver_arrives_whole_or_cut),
        CHECK_CASE(long_text_to_a_receiver_with_a_copy_on_write_buffer_arrives_whole),
        CHECK_CASE(msgrcv_negative_size_is_einval),
        CHECK_CASE(blocked_receiver_wakes_with_eidrm),
        CHECK_CASE(blocked_receiver_gets_eintr_even_with_sa_restart),
        CHECK_CASE(ipc_set_changes_owner_mode_and_qbytes),
        CHECK_CASE(raising_qbytes_unprivileged_is_eperm),
        CHECK_CASE(set_and_rmid_by_a_stranger_are_eperm),
        CHECK_CASE(removed_id_is_einval_and_not_reused_at_once),
        CHECK_CASE(msgctl_unknown_command_is_einval),
        CHECK_CASE(ipc_stat_into_bad_buffer_is_efault),
        CHECK_CASE(msg_info_and_msg_stat_describe_the_queues),
        CHECK_CASE(ftok_depends_on_path_and_id),
        CHECK_CASE(ipcs_lists_and_ipcrm_removes_a_queue),
        CHECK_CASE(ipcs_a_lists_and_ipcrm_q_removes_by_id),
        CHECK_CASE(bodies_of_every_size_arrive_intact),
        CHECK_CASE(create_destroy_cycles_leak_nothing),
        CHECK_CASE(stress_every_message_arrives_exactly_once),
    };
    return check_main("msg", cases, CHECK_NCASES(cases), argc, argv);
}
