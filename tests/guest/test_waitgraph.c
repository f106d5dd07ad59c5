/*
 * The wait-for graph and the deadlock command: edges name who could end
 * each wait, cycles of stuck processes are found (two and three processes;
 * pipes, semaphores, sockets), a wait that a running process can end is no
 * deadlock, and each kind of blocking object has its edges (FIFOs, direct
 * messages, ports, sockets) or, where anyone could end the wait (a System V
 * queue, a mailbox), none.
 */
#include <fcntl.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <parley.h>
#include <parley/mbox.h>
#include "ipc_check.h"

#define MAX 64

/* Start n children in a ring: child i reads pipe i (written by child
 * i-1) before writing pipe i+1, so every one waits for its predecessor. */
static void
start_ring(int n, pid_t *pids)
{
    int fds[8][2];
    for (int i = 0; i < n; i++)
        CHECK_OK(pipe(fds[i]));
    for (int i = 0; i < n; i++) {
        pids[i] = fork();
        if (pids[i] == 0) {
            char c;
            for (int k = 0; k < n; k++) {
                if (k != i)
                    close(fds[k][0]);
                if (k != (i + 1) % n)
                    close(fds[k][1]);
            }
            read(fds[i][0], &c, 1);
            write(fds[(i + 1) % n][1], "x", 1);
            _exit(0);
        }
    }
    for (int i = 0; i < n; i++) {
        close(fds[i][0]);
        close(fds[i][1]);
    }
}

/* Has the graph the edge from -> to, with a wait named like prefix? */
static int
has_edge(pid_t from, pid_t to, const char *prefix)
{
    struct waitedge e[MAX];
    int n = waitgraph(e, MAX);
    for (int i = 0; i < n && i < MAX; i++)
        if (e[i].from == from && e[i].to == to && strncmp(e[i].what, prefix, strlen(prefix)) == 0)
            return 1;
    return 0;
}

static void
wait_until_edge(pid_t from, pid_t to, const char *prefix)
{
    for (int tries = 0; tries < 200 && !has_edge(from, to, prefix); tries++)
        usleep(10000);
    CHECK(has_edge(from, to, prefix));
}

/* Exit status of `deadlock -q`. */
static int
deadlock_status(void)
{
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0)
            dup2(null, 1);
        execl("/bin/deadlock", "deadlock", "-q", (char *)NULL);
        _exit(127);
    }
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    return WEXITSTATUS(status);
}

static void
kill_all(pid_t *pids, int n)
{
    for (int i = 0; i < n; i++) {
        kill(pids[i], SIGKILL);
        waitpid(pids[i], NULL, 0);
    }
}

/* Two processes each reading the pipe the other writes: each waits for
 * the other, and deadlock says so. */
static void
case_two_process_cycle_is_a_deadlock(void)
{
    pid_t pids[2];
    start_ring(2, pids);
    wait_until_edge(pids[0], pids[1], "pipe ");
    wait_until_edge(pids[1], pids[0], "pipe ");
    CHECK_EQ(deadlock_status(), 1);
    static char out[8192];              /* ps -ef marks both, and only them */
    CHECK_EQ(ipc_run_tool("ps", "-ef", NULL, NULL, out, sizeof out), 0);
    int marked = 0;
    for (char *line = out; (line = strstr(line, "(deadlocked)")); line++)
        marked++;
    CHECK_EQ(marked, 2);
    for (int i = 0; i < 2; i++) {
        char want[32];
        snprintf(want, sizeof want, " %d (deadlocked)\n", pids[1 - i]);
        CHECK(strstr(out, want) != NULL);   /* the WAITS FOR column, then the mark */
    }
    kill_all(pids, 2);
    CHECK_EQ(deadlock_status(), 0);
}

static void
case_three_process_cycle_is_a_deadlock(void)
{
    pid_t pids[3];
    start_ring(3, pids);
    wait_until_edge(pids[0], pids[2], "pipe ");
    wait_until_edge(pids[1], pids[0], "pipe ");
    wait_until_edge(pids[2], pids[1], "pipe ");
    CHECK_EQ(deadlock_status(), 1);
    kill_all(pids, 3);
}

/* A reader of an empty pipe waits for the writer; while the writer can
 * still run, that is no deadlock. */
static void
case_wait_on_a_running_writer_is_no_deadlock(void)
{
    int fds[2];
    CHECK_OK(pipe(fds));
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        close(fds[1]);
        read(fds[0], &c, 1);
        _exit(0);
    }
    close(fds[0]);
    wait_until_edge(pid, getpid(), "pipe ");
    CHECK_EQ(deadlock_status(), 0);
    CHECK_EQ(write(fds[1], "x", 1), 1);
    CHECK_EQ(waitpid(pid, NULL, 0), pid);
}

/* wait() waits for the children it could collect. */
static void
case_wait_for_child_points_at_the_children(void)
{
    int fds[2];
    CHECK_OK(pipe(fds));
    pid_t child = fork();
    if (child == 0) {
        pid_t grandchild = fork();
        if (grandchild == 0) {
            char c;
            read(fds[0], &c, 1);
            _exit(0);
        }
        waitpid(grandchild, NULL, 0);
        _exit(0);
    }
    /* the child waits for the grandchild, which waits for us (the writer) */
    for (int tries = 0; tries < 200; tries++) {
        struct waitedge e[MAX];
        int n = waitgraph(e, MAX), found = 0;
        for (int i = 0; i < n && i < MAX; i++)
            found |= e[i].from == child && strncmp(e[i].what, "wait for child", 14) == 0;
        if (found)
            break;
        usleep(10000);
    }
    struct waitedge e[MAX];
    int n = waitgraph(e, MAX), found = 0;
    for (int i = 0; i < n && i < MAX; i++)
        found |= e[i].from == child && e[i].to > child &&
                 strncmp(e[i].what, "wait for child", 14) == 0;
    CHECK(found);
    CHECK_EQ(deadlock_status(), 0);
    write(fds[1], "x", 1);
    CHECK_EQ(waitpid(child, NULL, 0), child);
}

/* Two processes, two semaphores taken in opposite orders: each waits for
 * the one that last took the semaphore it needs. */
static void
case_semaphore_cycle_is_a_deadlock(void)
{
    int set = semget(IPC_PRIVATE, 2, 0600);
    CHECK(set >= 0);
    unsigned short ones[2] = { 1, 1 };
    CHECK_OK(semctl(set, 0, SETALL, ones));
    int go[2];
    CHECK_OK(pipe(go));
    pid_t pids[2];
    for (int i = 0; i < 2; i++) {
        pids[i] = fork();
        if (pids[i] == 0) {
            struct sembuf take_mine = { (unsigned short)i, -1, 0 };
            struct sembuf take_other = { (unsigned short)(1 - i), -1, 0 };
            char c;
            semop(set, &take_mine, 1);
            read(go[0], &c, 1);         /* both hold one before either asks */
            semop(set, &take_other, 1);
            _exit(0);
        }
    }
    for (int tries = 0; tries < 200 && (semctl(set, 0, GETVAL) || semctl(set, 1, GETVAL)); tries++)
        usleep(10000);
    CHECK_EQ(write(go[1], "gg", 2), 2);
    wait_until_edge(pids[0], pids[1], "semop set ");
    wait_until_edge(pids[1], pids[0], "semop set ");
    CHECK_EQ(deadlock_status(), 1);
    kill_all(pids, 2);
    CHECK_OK(semctl(set, 0, IPC_RMID));
}

/* Two processes each reading its end of one socket pair: each waits for
 * whoever holds the other end. */
static void
case_socket_cycle_is_a_deadlock(void)
{
    int sv[2];
    CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    pid_t pids[2];
    for (int i = 0; i < 2; i++) {
        pids[i] = fork();
        if (pids[i] == 0) {
            char c;
            close(sv[1 - i]);
            read(sv[i], &c, 1);
            _exit(0);
        }
    }
    close(sv[0]);
    close(sv[1]);
    wait_until_edge(pids[0], pids[1], "recv unix socket ");
    wait_until_edge(pids[1], pids[0], "recv unix socket ");
    CHECK_EQ(deadlock_status(), 1);
    kill_all(pids, 2);
}

/* A reader of an opened FIFO waits for the process holding its write end. */
static void
case_fifo_reader_waits_for_the_writer(void)
{
    unlink("/tmp/waitgraph.fifo");
    CHECK_OK(mkfifo("/tmp/waitgraph.fifo", 0600));
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        int fd = open("/tmp/waitgraph.fifo", O_RDONLY);
        read(fd, &c, 1);
        _exit(0);
    }
    int w = open("/tmp/waitgraph.fifo", O_WRONLY);
    CHECK(w >= 0);
    wait_until_edge(pid, getpid(), "pipe ");
    CHECK_EQ(deadlock_status(), 0);
    CHECK_EQ(write(w, "x", 1), 1);
    CHECK_EQ(waitpid(pid, NULL, 0), pid);
    close(w);
    unlink("/tmp/waitgraph.fifo");
}

/* Direct messages: a receive from one process waits for it; a send to a
 * process's rendezvous inbox waits for that process. */
static void
case_direct_messages_wait_for_their_peer(void)
{
    pid_t me = getpid();
    pid_t receiver = fork();
    if (receiver == 0) {
        char buf[8];
        struct msg_in in = { .body = buf, .size = sizeof buf };
        pid_receive(me, &in, 0);
        _exit(0);
    }
    pid_t sender = fork();
    if (sender == 0) {
        struct msg_out out = { .type = 1, .body = "x", .length = 1 };
        pid_send(me, &out, 0);
        _exit(0);
    }
    char want[32];
    snprintf(want, sizeof want, "receive from pid %d", me);
    wait_until_edge(receiver, me, want);
    snprintf(want, sizeof want, "send to pid %d", me);
    wait_until_edge(sender, me, want);
    CHECK_EQ(deadlock_status(), 0);
    pid_t both[2] = { receiver, sender };
    kill_all(both, 2);
}

/* A send to a full port waits for the port's owner. */
static void
case_a_send_to_a_full_port_waits_for_its_owner(void)
{
    int port = port_create(1, 0);
    CHECK(port >= 0);
    pid_t pid = fork();
    if (pid == 0) {
        struct msg_out out = { .type = 1, .body = "x", .length = 1 };
        mbox_send(port, &out, 0);       /* fills it */
        mbox_send(port, &out, 0);       /* waits for room */
        _exit(0);
    }
    char want[32];
    snprintf(want, sizeof want, "port %d full", port);
    wait_until_edge(pid, getpid(), want);
    CHECK_EQ(deadlock_status(), 0);
    kill_all(&pid, 1);
    CHECK_OK(port_destroy(port));
}

/* Is pid asleep with no edge at all (anyone could end its wait)? */
static int
sleeps_without_edges(pid_t pid, const char *prefix)
{
    struct procinfo list[MAX];
    struct waitedge e[MAX];
    int n = procinfo(list, MAX), asleep = 0;
    for (int i = 0; i < n && i < MAX; i++)
        asleep |= list[i].pid == pid && list[i].state == 'S' &&
                  strncmp(list[i].wait, prefix, strlen(prefix)) == 0;
    n = waitgraph(e, MAX);
    for (int i = 0; i < n && i < MAX; i++)
        if (e[i].from == pid && e[i].to != 0)
            return 0;
    return asleep;
}

/* A receive on an empty System V queue or mailbox: any process may send,
 * so the wait names no process (and is never a deadlock). */
static void
case_queue_and_mailbox_receivers_wait_for_anyone(void)
{
    int q = msgget(IPC_PRIVATE, 0600), box = mbox_create("waitgraph", 1, 0);
    CHECK(q >= 0);
    CHECK(box >= 0);
    pid_t pids[2];
    pids[0] = fork();
    if (pids[0] == 0) {
        struct { long type; char c; } m;
        msgrcv(q, &m, 1, 0, 0);
        _exit(0);
    }
    pids[1] = fork();
    if (pids[1] == 0) {
        char buf[8];
        struct msg_in in = { .body = buf, .size = sizeof buf };
        mbox_receive(box, &in, 0);
        _exit(0);
    }
    for (int tries = 0; !(sleeps_without_edges(pids[0], "msgrcv q ") &&
                          sleeps_without_edges(pids[1], "mbox ")); tries++) {
        CHECK(tries < 200);
        usleep(10000);
    }
    CHECK_EQ(deadlock_status(), 0);
    kill_all(pids, 2);
    CHECK_OK(msgctl(q, IPC_RMID, NULL));
    CHECK_OK(mbox_destroy(box));
}

static void
case_bad_buffers_are_errors(void)
{
    CHECK_ERR(waitgraph(NULL, 5), EFAULT);
    CHECK_ERR(waitgraph((struct waitedge *)0xc0000000, 1), EFAULT);
    CHECK_ERR(waitgraph(NULL, -1), EINVAL);
    CHECK(waitgraph(NULL, 0) >= 1);     /* our parent, the harness, waits for us */
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(two_process_cycle_is_a_deadlock),
        CHECK_CASE(three_process_cycle_is_a_deadlock),
        CHECK_CASE(wait_on_a_running_writer_is_no_deadlock),
        CHECK_CASE(wait_for_child_points_at_the_children),
        CHECK_CASE(semaphore_cycle_is_a_deadlock),
        CHECK_CASE(socket_cycle_is_a_deadlock),
        CHECK_CASE(fifo_reader_waits_for_the_writer),
        CHECK_CASE(direct_messages_wait_for_their_peer),
        CHECK_CASE(a_send_to_a_full_port_waits_for_its_owner),
        CHECK_CASE(queue_and_mailbox_receivers_wait_for_anyone),
        CHECK_CASE(bad_buffers_are_errors),
    };
    return check_main("waitgraph", cases, CHECK_NCASES(cases), argc, argv);
}
