/*
 * bench -- what each way of talking costs, in this kernel.
 *
 *   bench [-q] [-s SCALE | SCALE] [GROUP ...]
 *
 *   -q        quick: few iterations, for the smoke test (figures meaningless)
 *   -s SCALE  multiply every iteration count (default 1)
 *   GROUP     run only these groups (default all): trap, proc, pipe, fifo,
 *             signal, msg, mbox, sem, psem, shm, mmap, unix, inet, scale
 *
 * Every figure is one line, `name value unit`, unit ns, us or MiB/s.  A
 * figure whose mechanism the kernel does not have (its call answers ENOSYS)
 * or cannot run here prints `name n/a unit # why` instead: never a made-up
 * number.  tools/bench turns the lines into a table and a chart.
 *
 * The same source builds as a static Linux program (tools/bench --linux runs
 * it on Debian's kernel under the same QEMU, for the chart); there the two
 * null traps, which are Parley's own, print n/a.
 *
 * Each timed loop runs in BATCHES batches and the fastest batch counts:
 * other work on the (shared, emulated) machine only ever slows a batch
 * down, so the minimum is the figure closest to the kernel's own cost.
 *
 * The mechanisms are measured the same two ways, through one interface
 * (struct channel): a round trip of a message of each size between a
 * parent and a child (ping-pong: two transfers, four system calls, two
 * context switches at least), and throughput (the parent streams a total
 * in messages of each size, the child reads it all and acknowledges).
 * Everything here is POSIX, so the groups whose mechanisms are still to
 * come compile now and light up when the kernel answers.
 */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#if __has_include(<semaphore.h>)
#include <semaphore.h>
#define HAVE_SEMAPHORE_H 1
#endif
#if __has_include(<parley/mbox.h>)
/* Parley's mailboxes and direct messages. */
#include <parley/mbox.h>
#define HAVE_MBOX_H 1
#endif
#if __has_include(<sys/socket.h>) && __has_include(<sys/un.h>) && __has_include(<netinet/in.h>)
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#define HAVE_SOCKETS 1
#endif
#if defined(HAVE_SOCKETS) && __has_include(<net/if.h>) && __has_include(<sys/ioctl.h>)
#include <net/if.h>                     /* Linux: bringing the loopback up */
#include <sys/ioctl.h>
#endif

#define BATCHES   5
#ifdef MSGMAX
#define MSG_TEXT_MAX MSGMAX             /* Parley's System V limit */
#else
#define MSG_TEXT_MAX 8192               /* Linux's default msgmax */
#endif
#define MAX_MSG   (64 * 1024)
#define MIB       (1024.0 * 1024.0)

static long scale = 1;
static int quick;
static char sendbuf[MAX_MSG], recvbuf[MAX_MSG];
static const size_t sizes[] = { 64, 1024, 4096, 65536 };
#define NSIZES (sizeof sizes / sizeof sizes[0])

/* ---- output --------------------------------------------------------------- */

static void
report(const char *name, double value, const char *unit)
{
    printf("%s %.3f %s\n", name, value, unit);
    fflush(stdout);
}

/* A figure that cannot be measured here, and why. */
static void
report_na(const char *name, const char *unit, const char *why, int err)
{
    if (err == ENOSYS)
        printf("%s n/a %s # %s: not implemented (ENOSYS)\n", name, unit, why);
    else if (err)
        printf("%s n/a %s # %s: %s\n", name, unit, why, strerror(err));
    else
        printf("%s n/a %s # %s\n", name, unit, why);
    fflush(stdout);
}

/* ---- timing --------------------------------------------------------------- */

static double
now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Builds for slower kernels may divide every count (tools/bench does for
 * Linux, whose calls cost several times Parley's under the emulator). */
#ifndef ITERATION_DIVISOR
#define ITERATION_DIVISOR 1
#endif

static long
iterations(long n)
{
    long k = quick ? n / 100 : n * scale / ITERATION_DIVISOR;
    return k > 0 ? k : 1;
}

/* The fastest of BATCHES runs of fn(arg, n), after one more to warm up, in
 * seconds per iteration: fn runs ALL_BATCHES(n) iterations in all (a child
 * serving the loop must match). */
#define ALL_BATCHES(n) ((BATCHES + 1) * (n))
static double
best_of(void (*fn)(void *arg, long n), void *arg, long n)
{
    double best = 1e30;
    fn(arg, n);                                 /* warm up */
    for (int b = 0; b < BATCHES; b++) {
        double t0 = now_s();
        fn(arg, n);
        double t = (now_s() - t0) / (double)n;
        if (t < best)
            best = t;
    }
    return best;
}

/* ---- the trap itself --------------------------------------------------------- */

static void
loop_int_null(void *arg, long n)
{
    while (n-- > 0)
        __asm__ volatile("int $0x81" ::: "memory");
}

/* sysenter with %ebp = 0: the kernel goes straight back (<parley/sysenter.h>). */
static void
loop_sysenter_null(void *arg, long n)
{
    while (n-- > 0)
        __asm__ volatile("pushl %%ebp\n\t"
                         "xorl %%ebp, %%ebp\n\t"
                         "movl %%esp, %%ecx\n\t"
                         "movl $1f, %%edx\n\t"
                         "sysenter\n"
                         "1:\n\t"
                         "popl %%ebp" ::: "ecx", "edx", "memory", "cc");
}

static void
loop_getpid(void *arg, long n)
{
    pid_t me = *(pid_t *)arg;
    while (n-- > 0)
        if (getpid() != me)
            abort();
}

static void
loop_getpid_int80(void *arg, long n)
{
    pid_t me = *(pid_t *)arg;
    while (n-- > 0) {
        long r;
        __asm__ volatile("int $0x80" : "=a"(r) : "a"((long)SYS_getpid) : "memory");
        if (r != me)
            abort();
    }
}

static bool
on_parley(void)
{
    struct utsname u;
    return uname(&u) == 0 && strcmp(u.sysname, "Parley") == 0;
}

/* Does this door work here?  Try it once in a child: an older kernel
 * without it kills the child (SIGSEGV), not us. */
static bool
door_works(void (*loop)(void *arg, long n))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        loop(0, 1);
        _exit(0);
    }
    int status;
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

static void
figure_null_trap(const char *name, void (*loop)(void *arg, long n), long n)
{
    if (!on_parley())
        report_na(name, "ns", "Parley's own null trap", 0);
    else if (!door_works(loop))
        report_na(name, "ns", "this kernel has no such null trap", 0);
    else
        report(name, best_of(loop, 0, n) * 1e9, "ns");
}

static void
group_trap(void)
{
    long n = iterations(100000);
    pid_t me = getpid();
    figure_null_trap("trap_null_int_ns", loop_int_null, n);
    figure_null_trap("trap_null_sysenter_ns", loop_sysenter_null, n);
    report("getpid_int80_ns", best_of(loop_getpid_int80, &me, n) * 1e9, "ns");
    report("getpid_ns", best_of(loop_getpid, &me, n) * 1e9, "ns");
}

/* ---- processes ------------------------------------------------------------- */

static void
loop_fork(void *arg, long n)
{
    while (n-- > 0) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("bench: fork");
            exit(1);
        }
        if (pid == 0)
            _exit(0);
        waitpid(pid, 0, 0);
    }
}

/* fork+exit+wait of a process that has touched `mib` MiB of heap. */
static void
fork_of_size(const char *name, long mib)
{
    size_t bytes = (size_t)mib << 20;
    char *heap = malloc(bytes);
    if (!heap) {
        report_na(name, "us", "malloc", errno);
        return;
    }
    for (size_t i = 0; i < bytes; i += 4096)
        heap[i] = 1;
    report(name, best_of(loop_fork, 0, iterations(mib > 4 ? 100 : 300)) * 1e6, "us");
    free(heap);
}

static void
loop_yield(void *arg, long n)
{
    while (n-- > 0)
        sched_yield();
}

/* One context switch: two processes yielding to each other, each yield a
 * system call and a switch (to the other address space). */
static void
figure_switch(void)
{
    long n = iterations(20000);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        loop_yield(0, ALL_BATCHES(n) + n);      /* outlast the parent */
        _exit(0);
    }
    double t = best_of(loop_yield, 0, n);
    kill(pid, SIGKILL);
    waitpid(pid, 0, 0);
    report("switch_yield_us", t * 1e6, "us");
}

static void
group_proc(void)
{
    report("fork_exit_wait_us", best_of(loop_fork, 0, iterations(300)) * 1e6, "us");
    figure_switch();
}

/* ---- channels: one interface for every message-moving mechanism ------------ */

/*
 * A channel moves bytes both ways between a parent and its forked child.
 * dir 0 is parent to child, dir 1 child to parent.  open() runs before the
 * fork and returns 0 or an errno (ENOSYS: the mechanism is not there);
 * side() runs in each process after the fork (child = 1 or 0); send() and
 * recv() move one message of n bytes (recv waits for all n) and return 0
 * or an errno; close() runs in the parent after the child is gone.
 */
struct channel {
    const char *name;
    size_t max_msg;                     /* largest message it takes */
    int  (*open)(struct channel *c);
    void (*side)(struct channel *c, int child);
    int  (*send)(struct channel *c, int dir, const void *buf, size_t n);
    int  (*recv)(struct channel *c, int dir, void *buf, size_t n);
    void (*close)(struct channel *c);
    /* Where the loop makes and reads its messages: NULL for the caller's
     * buffers, or a channel's own, when its call wants the bytes inside a
     * struct (System V's msgbuf, whose mtext a program fills in place). */
    char *(*area)(struct channel *c);
    int fd[2][2];                       /* [dir][0 read end, 1 write end] */
    int id, sem;                        /* System V ids */
    int box[2];                         /* mailbox per direction */
    pid_t peer;                         /* the other process */
    char *shared;                       /* shm/mmap ring */
    char path[2][48];
    bool lossy;                         /* drops when the receiver is full (UDP) */
};

static int
write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return w < 0 ? errno : EPIPE;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int
read_all(int fd, void *buf, size_t n)
{
    char *p = buf;
    while (n > 0) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return r < 0 ? errno : EPIPE;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

/* Descriptor-based channels share these. */
static int
fd_send(struct channel *c, int dir, const void *buf, size_t n)
{
    return write_all(c->fd[dir][1], buf, n);
}

static int
fd_recv(struct channel *c, int dir, void *buf, size_t n)
{
    return read_all(c->fd[dir][0], buf, n);
}

/* Keep the ends this side uses: it writes dir `child`, reads dir `!child`. */
static void
fd_side(struct channel *c, int child)
{
    close(c->fd[child][0]);
    close(c->fd[!child][1]);
    c->fd[child][0] = c->fd[!child][1] = -1;
}

static void
fd_close(struct channel *c)
{
    for (int d = 0; d < 2; d++)
        for (int e = 0; e < 2; e++)
            if (c->fd[d][e] >= 0)
                close(c->fd[d][e]);
}

static int
pipe_open(struct channel *c)
{
    if (pipe(c->fd[0]) < 0)
        return errno;
    if (pipe(c->fd[1]) < 0) {
        int err = errno;
        close(c->fd[0][0]);
        close(c->fd[0][1]);
        return err;
    }
    return 0;
}

/* FIFOs: opened after the fork, each side in the order that cannot deadlock. */
static int
fifo_open(struct channel *c)
{
    for (int d = 0; d < 2; d++) {
        snprintf(c->path[d], sizeof c->path[d], "/tmp/bench-fifo-%d-%d", (int)getpid(), d);
        if (mkfifo(c->path[d], 0600) < 0)
            return errno;
        c->fd[d][0] = c->fd[d][1] = -1;
    }
    return 0;
}

static void
fifo_side(struct channel *c, int child)
{
    if (child) {
        c->fd[0][0] = open(c->path[0], O_RDONLY);
        c->fd[1][1] = open(c->path[1], O_WRONLY);
    } else {
        c->fd[0][1] = open(c->path[0], O_WRONLY);
        c->fd[1][0] = open(c->path[1], O_RDONLY);
    }
}

static void
fifo_close(struct channel *c)
{
    fd_close(c);
    unlink(c->path[0]);
    unlink(c->path[1]);
}

/* System V message queue: one queue, type 1 + dir says which way. */
struct bench_msg {
    long mtype;
    char mtext[MAX_MSG];
};
static struct bench_msg msgbuf;

static int
msgq_open(struct channel *c)
{
    c->id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    return c->id < 0 ? errno : 0;
}

static void
no_side(struct channel *c, int child)
{
}

/* The loop fills and reads msgbuf.mtext itself, as a System V program
 * does: the copies below happen only for a caller's own buffer. */
static char *
msgq_area(struct channel *c)
{
    return msgbuf.mtext;
}

static int
msgq_send(struct channel *c, int dir, const void *buf, size_t n)
{
    msgbuf.mtype = 1 + dir;
    if (buf != msgbuf.mtext)
        memcpy(msgbuf.mtext, buf, n);
    while (msgsnd(c->id, &msgbuf, n, 0) < 0)
        if (errno != EINTR)
            return errno;
    return 0;
}

static int
msgq_recv(struct channel *c, int dir, void *buf, size_t n)
{
    ssize_t r;
    while ((r = msgrcv(c->id, &msgbuf, n, 1 + dir, 0)) < 0)
        if (errno != EINTR)
            return errno;
    if ((size_t)r != n)
        return E2BIG;
    if (buf != msgbuf.mtext)
        memcpy(buf, msgbuf.mtext, n);
    return 0;
}

static void
msgq_close(struct channel *c)
{
    msgctl(c->id, IPC_RMID, 0);
}

/*
 * Shared memory with a handshake: a region holding one message buffer per
 * direction, and two System V semaphores per direction (empty, full).  A
 * send copies into the buffer and raises `full`; a receive waits on
 * `full`, copies out and raises `empty`.  shm and mmap differ only in how
 * the region is made.
 */
static int
sem_change(int semid, int num, int by)
{
    struct sembuf op = { (unsigned short)num, (short)by, 0 };
    while (semop(semid, &op, 1) < 0)
        if (errno != EINTR)
            return errno;
    return 0;
}

union semun { int val; struct semid_ds *buf; unsigned short *array; };

static int
handshake_sems(struct channel *c)
{
    c->sem = semget(IPC_PRIVATE, 4, IPC_CREAT | 0600);
    if (c->sem < 0)
        return errno;
    for (int d = 0; d < 2; d++) {
        union semun one = { .val = 1 }, zero = { .val = 0 };
        if (semctl(c->sem, 2 * d, SETVAL, one) < 0 || semctl(c->sem, 2 * d + 1, SETVAL, zero) < 0)
            return errno;
    }
    return 0;
}

static int
ring_send(struct channel *c, int dir, const void *buf, size_t n)
{
    int err = sem_change(c->sem, 2 * dir, -1);
    if (err)
        return err;
    memcpy(c->shared + dir * MAX_MSG, buf, n);
    return sem_change(c->sem, 2 * dir + 1, +1);
}

static int
ring_recv(struct channel *c, int dir, void *buf, size_t n)
{
    int err = sem_change(c->sem, 2 * dir + 1, -1);
    if (err)
        return err;
    memcpy(buf, c->shared + dir * MAX_MSG, n);
    return sem_change(c->sem, 2 * dir, +1);
}

static int
shm_open_ring(struct channel *c)
{
    c->id = shmget(IPC_PRIVATE, 2 * MAX_MSG, IPC_CREAT | 0600);
    if (c->id < 0)
        return errno;
    c->shared = shmat(c->id, 0, 0);
    if (c->shared == (char *)-1) {
        int err = errno;
        shmctl(c->id, IPC_RMID, 0);
        return err;
    }
    int err = handshake_sems(c);
    if (err) {
        shmdt(c->shared);
        shmctl(c->id, IPC_RMID, 0);
    }
    return err;
}

static void
shm_close_ring(struct channel *c)
{
    semctl(c->sem, 0, IPC_RMID);
    shmdt(c->shared);
    shmctl(c->id, IPC_RMID, 0);
}

static int
mmap_open_ring(struct channel *c)
{
    c->shared = mmap(0, 2 * MAX_MSG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (c->shared == MAP_FAILED)
        return errno;
    int err = handshake_sems(c);
    if (err)
        munmap(c->shared, 2 * MAX_MSG);
    return err;
}

static void
mmap_close_ring(struct channel *c)
{
    semctl(c->sem, 0, IPC_RMID);
    munmap(c->shared, 2 * MAX_MSG);
}

#ifdef HAVE_MBOX_H
/* Mailboxes: one per direction, made before the fork (both processes may
 * send and receive on a mailbox).  Direct messages: to the peer's pid. */
static int
mbox_open_pair(struct channel *c)
{
    for (int d = 0; d < 2; d++)
        if ((c->box[d] = mbox_create(0, 16, 0)) < 0) {
            int err = errno;
            if (d == 1)
                mbox_destroy(c->box[0]);
            return err;
        }
    return 0;
}

static void
mbox_close_pair(struct channel *c)
{
    mbox_destroy(c->box[0]);
    mbox_destroy(c->box[1]);
}

static int
mbox_send_one(struct channel *c, int dir, const void *buf, size_t n)
{
    struct msg_out m = { .type = 1, .body = buf, .length = (unsigned)n };
    while (mbox_send(c->box[dir], &m, 0) < 0)
        if (errno != EINTR)
            return errno;
    return 0;
}

static int
mbox_recv_one(struct channel *c, int dir, void *buf, size_t n)
{
    struct msg_in in = { .body = buf, .size = (unsigned)n };
    int r;
    while ((r = mbox_receive(c->box[dir], &in, 0)) < 0)
        if (errno != EINTR)
            return errno;
    return (size_t)r == n ? 0 : E2BIG;
}

static int
direct_open(struct channel *c)
{
    return 0;
}

static int
direct_send(struct channel *c, int dir, const void *buf, size_t n)
{
    struct msg_out m = { .type = 1, .body = buf, .length = (unsigned)n };
    while (pid_send(c->peer, &m, 0) < 0)
        if (errno != EINTR)
            return errno;
    return 0;
}

static int
direct_recv(struct channel *c, int dir, void *buf, size_t n)
{
    struct msg_in in = { .body = buf, .size = (unsigned)n };
    int r;
    while ((r = pid_receive(c->peer, &in, 0)) < 0)
        if (errno != EINTR)
            return errno;
    return (size_t)r == n ? 0 : E2BIG;
}
#define MBOX_BODY_MAX MSG_BODY_MAX
#else
static int no_mbox(struct channel *c) { return ENOSYS; }   /* no <parley/mbox.h> */
#define mbox_open_pair  no_mbox
#define direct_open     no_mbox
#define mbox_close_pair 0
#define mbox_send_one   0
#define mbox_recv_one   0
#define direct_send     0
#define direct_recv     0
#define MBOX_BODY_MAX   MAX_MSG
#endif

#ifdef HAVE_SOCKETS
/* Sockets: a connected pair per direction would be wasteful; one
 * socketpair-like connection carries both ways (fd[0][*] = fd[1][*]). */
static int
sock_pair(struct channel *c, int type, int domain)
{
    int sv[2];
    if (domain == AF_UNIX) {
        if (socketpair(AF_UNIX, type, 0, sv) < 0)
            return errno;
    } else {
        struct sockaddr_in a;
        socklen_t len = sizeof a;
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        int l = socket(AF_INET, type, 0);
        if (l < 0)
            return errno;
        if (bind(l, (struct sockaddr *)&a, sizeof a) < 0 ||
            getsockname(l, (struct sockaddr *)&a, &len) < 0) {
            int err = errno;
            close(l);
            return err;
        }
        if (type == SOCK_STREAM) {
            if (listen(l, 1) < 0)
                return errno;
            sv[0] = socket(AF_INET, SOCK_STREAM, 0);
            if (sv[0] < 0 || connect(sv[0], (struct sockaddr *)&a, sizeof a) < 0)
                return errno;
            sv[1] = accept(l, 0, 0);
            close(l);
            if (sv[1] < 0)
                return errno;
        } else {
            struct sockaddr_in b = a;
            sv[1] = l;
            sv[0] = socket(AF_INET, SOCK_DGRAM, 0);
            b.sin_port = 0;
            if (sv[0] < 0 || bind(sv[0], (struct sockaddr *)&b, sizeof b) < 0 ||
                getsockname(sv[0], (struct sockaddr *)&b, &len) < 0 ||
                connect(sv[0], (struct sockaddr *)&a, sizeof a) < 0 ||
                connect(sv[1], (struct sockaddr *)&b, sizeof b) < 0)
                return errno;
        }
    }
    /* the parent uses sv[0], the child sv[1] */
    c->fd[0][1] = c->fd[1][0] = sv[0];
    c->fd[0][0] = c->fd[1][1] = sv[1];
    return 0;
}

static void
sock_side(struct channel *c, int child)
{
    close(child ? c->fd[0][1] : c->fd[0][0]);
}

static void
sock_close(struct channel *c)
{
    close(c->fd[0][1]);
}

/* Datagrams: one message per call, whole or not at all. */
static int
dgram_send(struct channel *c, int dir, const void *buf, size_t n)
{
    while (send(c->fd[dir][1], buf, n, 0) < 0)
        if (errno != EINTR)
            return errno;
    return 0;
}

static int
dgram_recv(struct channel *c, int dir, void *buf, size_t n)
{
    ssize_t r;
    while ((r = recv(c->fd[dir][0], buf, n, 0)) < 0)
        if (errno != EINTR)
            return errno;
    return (size_t)r == n ? 0 : E2BIG;
}

static int unix_stream_open(struct channel *c) { return sock_pair(c, SOCK_STREAM, AF_UNIX); }
static int unix_dgram_open(struct channel *c)  { return sock_pair(c, SOCK_DGRAM, AF_UNIX); }
static int inet_stream_open(struct channel *c) { return sock_pair(c, SOCK_STREAM, AF_INET); }
/* UDP drops what its receiver has no room for: the throughput runs in
 * windows, and a receive gives up after 5 s (a lost datagram is an n/a
 * figure, not a hung benchmark). */
static int
inet_dgram_open(struct channel *c)
{
    struct timeval limit = { 5, 0 };
    int err = sock_pair(c, SOCK_DGRAM, AF_INET);
    c->lossy = true;
    if (!err && (setsockopt(c->fd[0][0], SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit) < 0 ||
                 setsockopt(c->fd[0][1], SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit) < 0))
        err = errno;
    return err;
}
#else
static int no_sockets(struct channel *c) { return ENOSYS; }   /* no <sys/socket.h> yet */
#define unix_stream_open no_sockets
#define unix_dgram_open  no_sockets
#define inet_stream_open no_sockets
#define inet_dgram_open  no_sockets
#define sock_side  no_side
#define sock_close 0
#define dgram_send 0
#define dgram_recv 0
#endif

#define CHANNEL_MAX(n, max, o, sd, snd, rcv, cl) \
    { .name = n, .max_msg = max, .open = o, .side = sd, .send = snd, .recv = rcv, .close = cl }
#define CHANNEL(n, o, sd, snd, rcv, cl) CHANNEL_MAX(n, MAX_MSG, o, sd, snd, rcv, cl)
static void direct_close(struct channel *c) { }
static struct channel channels[] = {
    CHANNEL("pipe", pipe_open, fd_side, fd_send, fd_recv, fd_close),
    CHANNEL("fifo", fifo_open, fifo_side, fd_send, fd_recv, fifo_close),
    { .name = "msg", .max_msg = MSG_TEXT_MAX, .open = msgq_open, .side = no_side,
      .send = msgq_send, .recv = msgq_recv, .close = msgq_close, .area = msgq_area },
    CHANNEL_MAX("mbox", MBOX_BODY_MAX, mbox_open_pair, no_side, mbox_send_one, mbox_recv_one, mbox_close_pair),
    CHANNEL_MAX("direct", MBOX_BODY_MAX, direct_open, no_side, direct_send, direct_recv, direct_close),
    CHANNEL("shm", shm_open_ring, no_side, ring_send, ring_recv, shm_close_ring),
    CHANNEL("mmap", mmap_open_ring, no_side, ring_send, ring_recv, mmap_close_ring),
    CHANNEL("unix_stream", unix_stream_open, sock_side, fd_send, fd_recv, sock_close),
    CHANNEL("unix_dgram", unix_dgram_open, sock_side, dgram_send, dgram_recv, sock_close),
    CHANNEL("inet_stream", inet_stream_open, sock_side, fd_send, fd_recv, sock_close),
    CHANNEL("inet_dgram", inet_dgram_open, sock_side, dgram_send, dgram_recv, sock_close),
};
#define NCHANNELS (sizeof channels / sizeof channels[0])

static struct channel *
channel(const char *name)
{
    for (size_t i = 0; i < NCHANNELS; i++)
        if (strcmp(channels[i].name, name) == 0)
            return &channels[i];
    abort();
}

/* ---- round trips and throughput over a channel ------------------------------- */

enum { RTT, TPUT };

/* A lossy channel's throughput runs in windows: the receiver acknowledges
 * every window_of() messages, so the sender never overruns its buffer
 * (16 KiB, at most 32 datagrams); 0 for the others: one ack at the end. */
static long
window_of(const struct channel *c, size_t size)
{
    long w = 16384 / (long)size;
    return !c->lossy ? 0 : w < 1 ? 1 : w > 32 ? 32 : w;
}

static bool
window_ends(const struct channel *c, int kind, size_t size, long i)
{
    long w = window_of(c, size);
    return kind == TPUT && w && (i + 1) % w == 0;
}

/* The buffer the loop makes its messages in: the channel's own area, or own. */
static char *
message_area(struct channel *c, char *own)
{
    return c->area ? c->area(c) : own;
}

/* What the child does: echo every message (RTT), or swallow `total`
 * bytes and acknowledge with one byte (TPUT), for `rounds` rounds. */
static int
child_serve(struct channel *c, int kind, size_t size, long count, int rounds)
{
    char *buf = message_area(c, recvbuf);
    for (int r = 0; r < rounds; r++) {
        for (long i = 0; i < count; i++) {
            int err = c->recv(c, 0, buf, size);
            if (!err && kind == RTT)
                err = c->send(c, 1, buf, size);
            if (!err && window_ends(c, kind, size, i))
                err = c->send(c, 1, buf, 1);
            if (err)
                return err;
        }
        if (kind == TPUT && c->send(c, 1, buf, 1))
            return EPIPE;
    }
    return 0;
}

/* One round of the parent's side; returns the seconds it took, or < 0
 * with *err the failed call's errno. */
static double
parent_round(struct channel *c, int kind, size_t size, long count, int *err)
{
    char *out = message_area(c, sendbuf), *in = message_area(c, recvbuf);
    double t0 = now_s();
    for (long i = 0; i < count; i++) {
        if ((*err = c->send(c, 0, out, size)) != 0)
            return -1;
        if (kind == RTT && (*err = c->recv(c, 1, in, size)) != 0)
            return -1;
        if (window_ends(c, kind, size, i) && (*err = c->recv(c, 1, in, 1)) != 0)
            return -1;
    }
    if (kind == TPUT && (*err = c->recv(c, 1, in, 1)) != 0)
        return -1;
    return now_s() - t0;
}

/* Run one figure over channel c: the best of BATCHES rounds after a warm-up
 * round.  Returns seconds per message, or < 0 with *err set. */
static double
channel_measure(struct channel *c, int kind, size_t size, long count, int *err)
{
    const int rounds = BATCHES + 1;
    double best = 1e30;

    if (size > c->max_msg) {
        *err = E2BIG;
        return -1;
    }
    *err = c->open(c);
    if (*err)
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        *err = errno;
        c->close(c);
        return -1;
    }
    if (pid == 0) {
        c->peer = getppid();
        c->side(c, 1);
        _exit(child_serve(c, kind, size, count, rounds) ? 1 : 0);
    }
    c->peer = pid;
    c->side(c, 0);
    for (int r = 0; r < rounds && best >= 0; r++) {
        double t = parent_round(c, kind, size, count, err);
        if (t < 0)
            best = -1;
        else if (r > 0 && t < best)
            best = t;
    }
    if (best < 0)
        kill(pid, SIGKILL);
    int status;
    waitpid(pid, &status, 0);
    c->close(c);
    if (best < 0)
        return -1;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        *err = EIO;                     /* the child's side failed */
        return -1;
    }
    return best / (double)count;
}

static void
report_channel_na(const char *name, const char *unit, struct channel *c, int err)
{
    char why[80];
    if (err == E2BIG) {
        snprintf(why, sizeof why, "%s: a message holds at most %zu bytes", c->name, c->max_msg);
        report_na(name, unit, why, 0);
    } else {
        report_na(name, unit, c->name, err);
    }
}

static void
figure_rtt(const char *name, struct channel *c, size_t size, long count)
{
    int err;
    double t = channel_measure(c, RTT, size, iterations(count), &err);
    if (t < 0)
        report_channel_na(name, "us", c, err);
    else
        report(name, t * 1e6, "us");
}

static void
figure_tput(const char *name, struct channel *c, size_t size)
{
    long total = 4L << 20;
    long count = iterations(total / (long)size);
    int err;
    double t = channel_measure(c, TPUT, size, count, &err);
    if (t < 0)
        report_channel_na(name, "MiB/s", c, err);
    else
        report(name, (double)size / t / MIB, "MiB/s");
}

/* NAME_rtt_SIZE_us and NAME_tput_SIZE_mibs for every message size. */
static void
channel_figures(const char *cname)
{
    struct channel *c = channel(cname);
    char name[64];
    for (size_t i = 0; i < NSIZES; i++) {
        snprintf(name, sizeof name, "%s_rtt_%zu_us", c->name, sizes[i]);
        figure_rtt(name, c, sizes[i], sizes[i] > 4096 ? 300 : 2000);
    }
    for (size_t i = 0; i < NSIZES; i++) {
        snprintf(name, sizeof name, "%s_tput_%zu_mibs", c->name, sizes[i]);
        figure_tput(name, c, sizes[i]);
    }
}

static void
group_pipe(void)
{
    /* the yardstick's names (../shared/bench), for the Linux ratios */
    figure_rtt("pipe_rtt_us", channel("pipe"), 1, 5000);
    figure_tput("pipe_4k_mibs", channel("pipe"), 4096);
    figure_tput("pipe_64k_mibs", channel("pipe"), 65536);
    channel_figures("pipe");
}

static void group_fifo(void)  { channel_figures("fifo"); }
static void group_mbox(void)  { channel_figures("mbox"); channel_figures("direct"); }
static void group_shm(void)   { channel_figures("shm"); }
static void group_mmap(void)  { channel_figures("mmap"); }

static void
group_msg(void)
{
    figure_rtt("msg_rtt_us", channel("msg"), 4, 5000);
    channel_figures("msg");
}

#ifdef HAVE_SOCKETS
/* connect+accept+close: one process plays both ends of a connection to its
 * own listener and sends nothing -- what a short-lived client costs. */
struct connect_cycle {
    int                     listener;
    int                     domain;
    struct sockaddr_storage addr;
    socklen_t               len;
};

#define CYCLE_PATH "/tmp/bench-cycle.sock"

static int
cycle_once(struct connect_cycle *cy)
{
    int c = socket(cy->domain, SOCK_STREAM, 0), s = -1, err = 0;
    if (c < 0)
        return errno;
    if (connect(c, (struct sockaddr *)&cy->addr, cy->len) < 0 ||
        (s = accept(cy->listener, 0, 0)) < 0)
        err = errno;
    if (s >= 0)
        close(s);       /* the server first: the client's port is not held in TIME_WAIT */
    close(c);
    return err;
}

static void
loop_connect_cycle(void *arg, long n)
{
    while (n-- > 0)
        cycle_once(arg);
}

/* A listener on CYCLE_PATH (AF_UNIX) or 127.0.0.1, an ephemeral port. */
static int
cycle_listen(struct connect_cycle *cy, int domain)
{
    memset(cy, 0, sizeof *cy);
    cy->domain = domain;
    if (domain == AF_UNIX) {
        struct sockaddr_un *un = (struct sockaddr_un *)&cy->addr;
        un->sun_family = AF_UNIX;
        strcpy(un->sun_path, CYCLE_PATH);
        cy->len = sizeof *un;
        mkdir("/tmp", 01777);           /* Linux's benchmark initramfs has none */
        unlink(CYCLE_PATH);
    } else {
        struct sockaddr_in *in = (struct sockaddr_in *)&cy->addr;
        in->sin_family = AF_INET;
        in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        cy->len = sizeof *in;
    }
    cy->listener = socket(domain, SOCK_STREAM, 0);
    if (cy->listener < 0)
        return errno;
    if (bind(cy->listener, (struct sockaddr *)&cy->addr, cy->len) < 0 ||
        getsockname(cy->listener, (struct sockaddr *)&cy->addr, &cy->len) < 0 ||
        listen(cy->listener, 8) < 0)
        return errno;
    return 0;
}

static void
figure_connect_cycle(const char *name, int domain)
{
    struct connect_cycle cy;
    int err = cycle_listen(&cy, domain);
    if (!err)
        err = cycle_once(&cy);
    if (err)
        report_na(name, "us", "connect+accept+close", err);
    else
        report(name, best_of(loop_connect_cycle, &cy, iterations(400)) * 1e6, "us");
    if (cy.listener >= 0)
        close(cy.listener);
    if (domain == AF_UNIX)
        unlink(CYCLE_PATH);
}
#else
static void
figure_connect_cycle(const char *name, int domain)
{
    report_na(name, "us", "no <sys/socket.h>", 0);
}
#endif

static void
group_unix(void)
{
    channel_figures("unix_stream");
    channel_figures("unix_dgram");
    figure_connect_cycle("unix_connect_cycle_us", AF_UNIX);
}

/* Linux's benchmark boot (a bare initramfs) leaves the loopback interface
 * down, so 127.0.0.1 is unreachable: bring it up (the kernel then gives it
 * 127.0.0.1/8).  Parley's loopback is always there. */
static void
loopback_up(void)
{
#ifdef SIOCSIFFLAGS
    struct ifreq ifr;
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    if (s < 0)
        return;
    memset(&ifr, 0, sizeof ifr);
    strcpy(ifr.ifr_name, "lo");
    if (ioctl(s, SIOCGIFFLAGS, &ifr) == 0 && !(ifr.ifr_flags & IFF_UP)) {
        ifr.ifr_flags |= IFF_UP;
        ioctl(s, SIOCSIFFLAGS, &ifr);
    }
    close(s);
#endif
}

static void
group_inet(void)
{
    loopback_up();
    channel_figures("inet_stream");
    channel_figures("inet_dgram");
    figure_connect_cycle("inet_connect_cycle_us", AF_INET);
}

/* ---- signals ------------------------------------------------------------------ */

static volatile sig_atomic_t got_signal;
static void on_signal(int sig) { got_signal = 1; }

/* Wait for the one signal the mask lets through. */
static void
await_signal(const sigset_t *waitmask)
{
    while (!got_signal)
        sigsuspend(waitmask);
    got_signal = 0;
}

struct signal_pingpong { pid_t child; sigset_t waitmask; };

static void
loop_signal_parent(void *arg, long n)
{
    struct signal_pingpong *pp = arg;
    while (n-- > 0) {
        kill(pp->child, SIGUSR1);
        await_signal(&pp->waitmask);
    }
}

static void
group_signal(void)
{
    long n = iterations(5000);
    struct sigaction sa;
    sigset_t block, waitmask;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGUSR1, &sa, 0);
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &waitmask);
    sigdelset(&waitmask, SIGUSR1);
    pid_t parent = getpid();
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        for (long i = 0; i < ALL_BATCHES(n); i++) {
            await_signal(&waitmask);
            kill(parent, SIGUSR1);
        }
        _exit(0);
    }
    struct signal_pingpong pp = { pid, waitmask };
    double best = best_of(loop_signal_parent, &pp, n);
    waitpid(pid, 0, 0);
    sigprocmask(SIG_UNBLOCK, &block, 0);
    report("sig_rtt_us", best * 1e6, "us");
}

/* ---- semaphores ----------------------------------------------------------------- */

/* SysV semaphore ping-pong: semaphore 0 wakes the child, 1 the parent. */
static void
loop_sem_parent(void *arg, long n)
{
    int s = *(int *)arg;
    while (n-- > 0)
        sem_change(s, 0, +1), sem_change(s, 1, -1);
}

static void
group_sem(void)
{
    long n = iterations(5000);
    int s = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    if (s < 0) {
        report_na("sem_rtt_us", "us", "semget", errno);
        return;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        for (long i = 0; i < ALL_BATCHES(n); i++)
            if (sem_change(s, 0, -1) || sem_change(s, 1, +1))
                _exit(1);
        _exit(0);
    }
    double best = best_of(loop_sem_parent, &s, n);
    waitpid(pid, 0, 0);
    semctl(s, 0, IPC_RMID);
    report("sem_rtt_us", best * 1e6, "us");
}

/* POSIX semaphores in shared memory: the same ping-pong with sem_t. */
#ifdef HAVE_SEMAPHORE_H
static void
loop_psem_parent(void *arg, long n)
{
    sem_t *sems = arg;
    while (n-- > 0)
        sem_post(&sems[0]), sem_wait(&sems[1]);
}
#endif

static void
group_psem(void)
{
#ifdef HAVE_SEMAPHORE_H
    long n = iterations(5000);
    sem_t *sems = mmap(0, 2 * sizeof(sem_t), PROT_READ | PROT_WRITE,
                       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sems == MAP_FAILED) {
        report_na("psem_rtt_us", "us", "mmap(MAP_SHARED)", errno);
        return;
    }
    if (sem_init(&sems[0], 1, 0) < 0 || sem_init(&sems[1], 1, 0) < 0) {
        report_na("psem_rtt_us", "us", "sem_init", errno);
        munmap(sems, 2 * sizeof(sem_t));
        return;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        for (long i = 0; i < ALL_BATCHES(n); i++)
            if (sem_wait(&sems[0]) < 0 || sem_post(&sems[1]) < 0)
                _exit(1);
        _exit(0);
    }
    double best = best_of(loop_psem_parent, sems, n);
    waitpid(pid, 0, 0);
    munmap(sems, 2 * sizeof(sem_t));
    report("psem_rtt_us", best * 1e6, "us");
#else
    report_na("psem_rtt_us", "us", "no <semaphore.h> in this library", 0);
#endif
}

/* ---- scale: how costs grow with the work around them ------------------------------ */

/* Start n children that stay runnable (they yield forever). */
static void
spawn_runnable(pid_t *pids, int n)
{
    for (int i = 0; i < n; i++) {
        pids[i] = fork();
        if (pids[i] == 0)
            for (;;)
                sched_yield();
    }
}

static void
kill_all(pid_t *pids, int n)
{
    for (int i = 0; i < n; i++)
        if (pids[i] > 0)
            kill(pids[i], SIGKILL);
    for (int i = 0; i < n; i++)
        if (pids[i] > 0)
            waitpid(pids[i], 0, 0);
}

static void
pipe_rtt_with_runnable(int others)
{
    pid_t pids[64];
    char name[48];
    snprintf(name, sizeof name, "pipe_rtt_runnable%d_us", others);
    fflush(stdout);
    spawn_runnable(pids, others);
    for (int i = 0; i < others; i++)
        if (pids[i] < 0) {
            report_na(name, "us", "fork", errno);
            kill_all(pids, i);
            return;
        }
    figure_rtt(name, channel("pipe"), 1, 300);
    kill_all(pids, others);
}

static void
loop_open_close(void *arg, long n)
{
    while (n-- > 0)
        close(open(arg, O_RDONLY));
}

/* open+close of one file in a directory of `files` files. */
static void
open_close_in_dir(int files)
{
    char dir[48], path[80], name[48];
    snprintf(name, sizeof name, "open_close_dir%d_us", files);
    snprintf(dir, sizeof dir, "/tmp/bench-dir-%d", files);
    if (mkdir(dir, 0700) < 0) {
        report_na(name, "us", "mkdir", errno);
        return;
    }
    int made = 0, err = 0;
    for (; made < files; made++) {
        snprintf(path, sizeof path, "%s/f%d", dir, made);
        int fd = open(path, O_CREAT | O_WRONLY, 0600);
        if (fd < 0) {
            err = errno;
            break;
        }
        close(fd);
    }
    if (made == files)
        report(name, best_of(loop_open_close, path, iterations(2000)) * 1e6, "us");
    else
        report_na(name, "us", "creating the files", err);
    for (int i = 0; i < made; i++) {
        snprintf(path, sizeof path, "%s/f%d", dir, i);
        unlink(path);
    }
    rmdir(dir);
}

static void
loop_msg_by_type(void *arg, long n)
{
    int q = *(int *)arg;
    while (n-- > 0) {
        msgbuf.mtype = 1;
        msgsnd(q, &msgbuf, 8, 0);
        msgrcv(q, &msgbuf, 8, 1, 0);
    }
}

/* msgrcv of one type while `others` messages of another type wait. */
static void
msgrcv_with_queued(int others)
{
    char name[48];
    snprintf(name, sizeof name, "msgrcv_type_queued%d_us", others);
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    if (q < 0) {
        report_na(name, "us", "msgget", errno);
        return;
    }
    struct msqid_ds ds;                 /* room for them all (root may) */
    if (msgctl(q, IPC_STAT, &ds) == 0) {
        ds.msg_qbytes = 64 * 1024;
        msgctl(q, IPC_SET, &ds);
    }
    msgbuf.mtype = 2;
    for (int i = 0; i < others; i++)
        if (msgsnd(q, &msgbuf, 8, IPC_NOWAIT) < 0) {
            report_na(name, "us", "filling the queue", errno);
            msgctl(q, IPC_RMID, 0);
            return;
        }
    double best = best_of(loop_msg_by_type, &q, iterations(2000));
    msgctl(q, IPC_RMID, 0);
    report(name, best * 1e6, "us");
}

static void
loop_semop_up_down(void *arg, long n)
{
    int s = *(int *)arg;
    while (n-- > 0)
        sem_change(s, 0, +1), sem_change(s, 0, -1);
}

/* semop on one semaphore while `sleepers` processes wait on another one. */
static void
semop_with_sleepers(int sleepers)
{
    char name[48];
    pid_t pids[64];
    snprintf(name, sizeof name, "semop_sleepers%d_us", sleepers);
    int s = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    if (s < 0) {
        report_na(name, "us", "semget", errno);
        return;
    }
    fflush(stdout);
    for (int i = 0; i < sleepers; i++) {
        pids[i] = fork();
        if (pids[i] == 0) {
            sem_change(s, 1, -1);
            _exit(0);
        }
    }
    sleep(1);                           /* let them all go to sleep */
    double best = best_of(loop_semop_up_down, &s, iterations(5000)) / 2;
    semctl(s, 0, IPC_RMID);             /* wakes the sleepers with EIDRM */
    kill_all(pids, sleepers);
    report(name, best * 1e6, "us");
}

#ifdef HAVE_MBOX_H
static void
loop_mbox_self(void *arg, long n)
{
    struct msg_out m = { .type = 1, .body = sendbuf, .length = 8 };
    struct msg_in in = { .body = recvbuf, .size = 8 };
    int box = *(int *)arg;
    while (n-- > 0)
        mbox_send(box, &m, 0), mbox_receive(box, &in, 0);
}

/* mbox_send (and the receive that empties the box again) with `boxes`
 * mailboxes in the system, ours the last made. */
static void
mbox_send_with_boxes(int boxes)
{
    char name[48];
    int ids[MBOX_MAX], made = 0;
    snprintf(name, sizeof name, "mbox_send_mboxes%d_us", boxes);
    while (made < boxes && made < MBOX_MAX && (ids[made] = mbox_create(0, 4, 0)) >= 0)
        made++;
    if (made < boxes) {
        report_na(name, "us", "mbox_create", errno);
    } else {
        int box = ids[made - 1];
        report(name, best_of(loop_mbox_self, &box, iterations(5000)) * 1e6, "us");
    }
    while (made > 0)
        mbox_destroy(ids[--made]);
}
#else
static void
mbox_send_with_boxes(int boxes)
{
    char name[48];
    snprintf(name, sizeof name, "mbox_send_mboxes%d_us", boxes);
    report_na(name, "us", "no <parley/mbox.h>", 0);
}
#endif

static void
group_scale(void)
{
    pipe_rtt_with_runnable(2);
    pipe_rtt_with_runnable(quick ? 4 : 60);
    fork_of_size("fork_exit_wait_1mib_us", 1);
    fork_of_size("fork_exit_wait_16mib_us", quick ? 2 : 16);
    open_close_in_dir(10);
    open_close_in_dir(quick ? 20 : 1000);    /* INODE_MAX 2048: room for these and /bin */
    msgrcv_with_queued(1);
    msgrcv_with_queued(quick ? 20 : 1000);
    semop_with_sleepers(1);
    semop_with_sleepers(quick ? 2 : 10);        /* issue 8 asks for 1, 10 and 60 */
    semop_with_sleepers(quick ? 4 : 60);
    mbox_send_with_boxes(1);
    mbox_send_with_boxes(quick ? 4 : 1000);
}

/* ---- driver --------------------------------------------------------------------- */

static const struct {
    const char *name;
    void (*run)(void);
} groups[] = {
    { "trap", group_trap },     { "proc", group_proc },     { "pipe", group_pipe },
    { "fifo", group_fifo },     { "signal", group_signal }, { "msg", group_msg },
    { "mbox", group_mbox },     { "sem", group_sem },       { "psem", group_psem },     { "shm", group_shm },
    { "mmap", group_mmap },     { "unix", group_unix },     { "inet", group_inet },
    { "scale", group_scale },
};
#define NGROUPS (sizeof groups / sizeof groups[0])

static void
usage(void)
{
    fprintf(stderr, "usage: bench [-q] [-s scale] [group ...]; groups:");
    for (size_t g = 0; g < NGROUPS; g++)
        fprintf(stderr, " %s", groups[g].name);
    fprintf(stderr, "\n");
    exit(2);
}

static bool
wanted(const char *group, int argc, char **argv, int first)
{
    if (first >= argc)
        return true;
    for (int i = first; i < argc; i++)
        if (strcmp(argv[i], group) == 0)
            return true;
    return false;
}

int
main(int argc, char **argv)
{
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-q") == 0)
            quick = 1;
        else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc && atol(argv[i + 1]) > 0)
            scale = atol(argv[++i]);
        else
            usage();
    }
    if (i < argc && atol(argv[i]) > 0)          /* ipcbench's [scale] */
        scale = atol(argv[i++]);
    for (int j = i; j < argc; j++) {
        size_t g = 0;
        while (g < NGROUPS && strcmp(groups[g].name, argv[j]) != 0)
            g++;
        if (g == NGROUPS)
            usage();
    }
    signal(SIGPIPE, SIG_IGN);
    memset(sendbuf, 'b', sizeof sendbuf);
    for (size_t g = 0; g < NGROUPS; g++)
        if (wanted(groups[g].name, argc, argv, i))
            groups[g].run();
    return 0;
}
