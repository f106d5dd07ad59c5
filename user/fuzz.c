/*
 * fuzz -- Parley's own system-call fuzzer: no user program may panic, wedge
 * or leak the kernel, so throw every call at it with random and half-valid
 * arguments and see that it is still well afterwards.
 *
 *   fuzz [-s SEED] [-n CALLS] [-p WORKERS] [-k PER_BATCH] [-v]
 *   fuzz -s SEED -w WORKER -b BATCH [-k PER_BATCH] [-v]   replay one batch
 *
 * How it works:
 *   - WORKERS processes (default 3) each run batches of PER_BATCH calls
 *     (default 64) until CALLS calls (default 20000) are made in all.  A
 *     batch is a throwaway child in a process group of its own, working in
 *     /tmp/fuzz.W: it opens a pool of objects (a pipe, a file, a FIFO, a
 *     directory, buffers), then makes its calls.  Each call number comes
 *     from the system-call table (or is any number at all, for ENOSYS);
 *     each argument is picked from small numbers, the pool's descriptors,
 *     valid and invalid buffers and paths, bad pointers and random words.
 *     A batch that blocks or loops is killed after BATCH_TIMEOUT_MS.
 *   - Every CODE_EVERY-th batch of a worker is instead a child that jumps
 *     into a page of random machine code.
 *   - A watchdog process checks, over and over, that a pipe ping-pong with
 *     a child and a fork+exec of /bin/true still work.
 *   - At the end the System V objects the batches made (which outlive
 *     their creators) are removed, as ipcrm would, and then the kernel's
 *     accounting (kstat) must be back to what it was before: every object
 *     count and the free frames.
 *
 * Everything a batch does follows from (SEED, worker, batch): the printed
 * seed replays the run, and `fuzz -s SEED -w W -b B -v` replays one batch
 * alone, printing each call before it is made.  -v on a whole run prints
 * each batch as it starts, so after a kernel panic the last lines name the
 * batch to replay.  (The interleaving of the workers is not replayed.)
 *
 * A few calls are kept harmless, or the fuzzer would stop its own test:
 * poweroff is never made, trace only switched off, the teaching tools'
 * scheduler and trace controls are skipped, kill reaches only the batch's
 * own process group, setpgid only makes the batch its own group, ioctl
 * never types at the console (TIOCSTI), and paths stay inside the batch's
 * scratch directory.
 *
 * Exit status: 0 if the watchdog never failed and the accounting came back;
 * 1 otherwise, with a message.  See docs/robustness.md.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <parley.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <parley/syscall.h>

#define MAX_WORKERS       8
#define BATCH_TIMEOUT_MS  150
#define CODE_TIMEOUT_MS   50
#define CODE_EVERY        8           /* every 8th batch runs random code */
#define WATCHDOG_ROUND_S  20          /* a round taking longer is a failure */
#define SETTLE_MS         3000        /* for init to reap orphans at the end */
#define PAGE              4096

/* ---- the random stream ------------------------------------------------ */

struct rng {
    uint32_t state;
};

static uint32_t
rng_next(struct rng *r)
{
    uint32_t x = r->state;          /* xorshift32 */
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return r->state = x;
}

static uint32_t
rng_below(struct rng *r, uint32_t n)
{
    return n ? rng_next(r) % n : 0;
}

/* The stream of one batch: a hash of (seed, worker, batch), never 0. */
static struct rng
rng_for_batch(uint32_t seed, int worker, int batch)
{
    uint32_t h = seed ^ 0x9E3779B9u * (uint32_t)(worker + 1) ^ 0x85EBCA6Bu * (uint32_t)(batch + 1);
    h ^= h >> 16;
    h *= 0x7FEB352Du;
    h ^= h >> 15;
    h *= 0x846CA68Bu;
    h ^= h >> 16;
    struct rng r = { h ? h : 1 };
    return r;
}

/* ---- the system-call table, from <parley/syscall.h> -------------------- */

#define ROW(num, name, nargs, params) { num, #name },
static const struct call {
    int         number;
    const char *name;
} calls[] = { PARLEY_SYSCALLS(ROW, ROW) };
#undef ROW
#define NCALLS ((int)(sizeof calls / sizeof calls[0]))

static const char *
call_name(long nr)
{
    for (int i = 0; i < NCALLS; i++)
        if (calls[i].number == nr)
            return calls[i].name;
    return "?";
}

static long
raw_syscall(long nr, long a, long b, long c, long d, long e)
{
    long ret;

    __asm__ volatile("int $0x80"
                     : "=a"(ret)
                     : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                     : "memory");
    return ret;
}

/* ---- the pool a batch draws its arguments from ------------------------ */

struct pool {
    int   fds[8];
    int   nfds;
    char *buf;                  /* 2 pages of our own */
    char *heap_edge;            /* the last bytes before unmapped memory */
    pid_t self, pgrp;
};

static char pool_buffer[2 * PAGE] __attribute__((aligned(PAGE)));

static const char *const paths[] = {
    "f", "d", "d/e", "p", "x", "d/../f", "nonexistent/x", "", ".",
    "a-name-that-is-far-longer-than-name-max-allows",
};

static const uintptr_t bad_pointers[] = {
    0, 1, 0xfff, 0xC0000000u, 0xC0100000u, 0xFFFFFFFFu, 0xBFFFFFFCu, 0x40000000u,
};

static const uint32_t edge_values[] = {
    0x7FFFFFFFu, 0x80000000u, 0x40000000u, 0xFFFFFFFEu, 0x10000u, 4095, 4096, 4097,
};

/* One argument: a small number, a descriptor, a buffer, a path, a bad
 * pointer, an edge value or a random word. */
static long
arg_value(struct rng *r, const struct pool *pool)
{
    switch (rng_below(r, 14)) {
    case 0:  return 0;
    case 1:  return 1;
    case 2:  return -1;
    case 3:  return rng_below(r, 64);
    case 4:
    case 5:  return pool->fds[rng_below(r, pool->nfds)];
    case 6:  return (long)(pool->buf + rng_below(r, PAGE));
    case 7:  return (long)paths[rng_below(r, sizeof paths / sizeof paths[0])];
    case 8:  return (long)bad_pointers[rng_below(r, sizeof bad_pointers / sizeof bad_pointers[0])];
    case 9:  return (long)edge_values[rng_below(r, sizeof edge_values / sizeof edge_values[0])];
    case 10: return (long)(pool->heap_edge + rng_below(r, 64));
    case 11: return rng_below(r, 4 * PAGE);                 /* a size */
    case 12: return (long)(rng_next(r) & 0xFFFF);           /* flags */
    default: return (long)rng_next(r);
    }
}

/* Keep a call from reaching outside its batch; false: skip it. */
static bool
call_sanitize(long nr, long a[5], const struct pool *pool)
{
    switch (nr) {
    case SYS_poweroff:
    case SYS_tracectl:
    case SYS_sched_explore:
        return false;
    case SYS_trace:
        a[0] = 0;
        return true;
    case SYS_kill:
    case SYS_sigqueue:                  /* the same pid rule as kill */
        if (a[0] != 0 && a[0] != pool->self && a[0] != -pool->pgrp)
            a[0] = (a[0] & 1) ? pool->self : 0;
        return true;
    case SYS_setpgid:
        a[0] = a[1] = 0;
        return true;
    case SYS_ioctl:                     /* typing at the console (with -v, fd 2) */
        return a[1] != TIOCSTI;
    case SYS_sbrk:
        if (a[0] > 256 * 1024)
            a[0] %= 256 * 1024;
        return true;
    default:
        return true;
    }
}

/* The scratch directory of worker w, holding everything its batches make. */
static void
scratch_path(char *buf, size_t size, int worker)
{
    snprintf(buf, size, "/tmp/fuzz.%d", worker);
}

/* Open the pool: runs in the batch, in its scratch directory. */
static void
pool_open(struct pool *pool, bool keep_stderr)
{
    int p[2], n = 0;
    uintptr_t brk;

    memset(pool_buffer, 'b', sizeof pool_buffer);
    pool->buf = pool_buffer;
    brk = (uintptr_t)sbrk(0);
    sbrk((PAGE - brk % PAGE) % PAGE + PAGE);
    pool->heap_edge = (char *)sbrk(0) - 32;
    memset(pool->heap_edge, 'h', 32);
    if (pipe(p) == 0) {
        fcntl(p[0], F_SETFL, O_NONBLOCK);
        fcntl(p[1], F_SETFL, O_NONBLOCK);
        dup2(p[0], 0);
        dup2(p[1], 1);
        if (!keep_stderr)
            dup2(p[1], 2);
        pool->fds[n++] = p[0];
        pool->fds[n++] = p[1];
    }
    pool->fds[n++] = open("f", O_CREAT | O_RDWR, 0644);
    mkdir("d", 0755);
    pool->fds[n++] = open(".", O_RDONLY);
    mkfifo("p", 0644);
    pool->fds[n++] = open("p", O_RDONLY | O_NONBLOCK);
    pool->fds[n++] = open("p", O_WRONLY | O_NONBLOCK);
    pool->fds[n++] = 99;            /* never open */
    pool->nfds = n;
    pool->self = getpid();
    pool->pgrp = getpgrp();
}

static void
call_print(long nr, const long a[5], long ret)
{
    char line[160];
    int len = snprintf(line, sizeof line, "  %s(%ld) %lx %lx %lx %lx %lx = %ld\n",
                       call_name(nr), nr, a[0], a[1], a[2], a[3], a[4], ret);
    write(2, line, len);
}

/* One batch: ncalls calls drawn from r.  Runs in a throwaway child. */
static void
batch_run(struct rng *r, int ncalls, bool verbose)
{
    struct pool pool;
    long a[5];

    pool_open(&pool, verbose);
    for (int i = 0; i < ncalls; i++) {
        long nr = rng_below(r, 8) ? calls[rng_below(r, NCALLS)].number
                                  : (long)rng_below(r, SYS_MAX + 32);
        for (int j = 0; j < 5; j++)
            a[j] = arg_value(r, &pool);
        if (!call_sanitize(nr, a, &pool))
            continue;
        if (verbose)
            call_print(nr, a, 0);
        long ret = raw_syscall(nr, a[0], a[1], a[2], a[3], a[4]);
        if (nr == SYS_fork && ret == 0)
            _exit(0);               /* a fuzzed fork's child stops at once */
        if (verbose)
            call_print(nr, a, ret);
    }
    _exit(0);
}

/* A page of random bytes, entered with every register zero but %esp. */
static void
code_run(struct rng *r)
{
    uintptr_t brk = (uintptr_t)sbrk(0);
    sbrk((PAGE - brk % PAGE) % PAGE);
    uint32_t *page = sbrk(PAGE);

    if (page == (void *)-1)
        _exit(0);
    for (int i = 0; i < PAGE / 4; i++)
        page[i] = rng_next(r);
    close(0);
    close(1);
    close(2);
    __asm__ volatile("xorl %%ebx, %%ebx; xorl %%ecx, %%ecx; xorl %%edx, %%edx;"
                     "xorl %%esi, %%esi; xorl %%edi, %%edi; xorl %%ebp, %%ebp;"
                     "jmp *%%eax" : : "a"(page));
    _exit(0);
}

/* ---- workers ------------------------------------------------------------ */

static void
sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
    nanosleep(&ts, NULL);
}

/* How a worker's batches ended. */
struct tally {
    int finished, killed_by_signal, timed_out;
};

/* Wait up to ms for pid; then kill its whole group and reap it. */
static void
wait_or_kill(pid_t pid, long ms, struct tally *t)
{
    int status;

    for (long waited = 0; waited < ms; waited += 5) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            kill(-pid, SIGKILL);        /* what it forked, if anything lingers */
            if (WIFSIGNALED(status))
                t->killed_by_signal++;
            else
                t->finished++;
            return;
        }
        sleep_ms(5);
    }
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    t->timed_out++;
}

/* Start batch b of worker w in a child of its own group. */
static pid_t
batch_start(uint32_t seed, int worker, int batch, int ncalls, bool verbose)
{
    struct rng r = rng_for_batch(seed, worker, batch);
    pid_t pid = fork();

    if (pid == 0) {
        setpgid(0, 0);
        if (batch % CODE_EVERY == CODE_EVERY - 1)
            code_run(&r);
        batch_run(&r, ncalls, verbose);
    }
    if (pid > 0)
        setpgid(pid, pid);
    return pid;
}

static void
worker_run(uint32_t seed, int worker, int nbatches, int ncalls, bool verbose)
{
    struct tally t = { 0, 0, 0 };
    char dir[32];

    scratch_path(dir, sizeof dir, worker);
    if (chdir(dir) < 0)
        _exit(2);
    for (int b = 0; b < nbatches; b++) {
        if (verbose)
            printf("fuzz: worker %d batch %d\n", worker, b);
        else if (b % 100 == 99)
            printf("fuzz: worker %d: %d batches\n", worker, b + 1);
        fflush(stdout);
        pid_t pid = batch_start(seed, worker, b, ncalls, verbose);
        if (pid < 0) {
            sleep_ms(10);           /* table full: let init reap */
            continue;
        }
        wait_or_kill(pid, b % CODE_EVERY == CODE_EVERY - 1 ? CODE_TIMEOUT_MS : BATCH_TIMEOUT_MS, &t);
    }
    printf("fuzz: worker %d: %d batches: %d finished, %d killed by a signal, %d timed out\n",
           worker, nbatches, t.finished, t.killed_by_signal, t.timed_out);
    _exit(0);
}

/* ---- the watchdog ------------------------------------------------------- */

static volatile sig_atomic_t watchdog_stop;

static void
watchdog_on_stop(int sig)
{
    (void)sig;
    watchdog_stop = 1;
}

/* fork, retrying while the process table is full (fuzzed forks fill it). */
static pid_t
fork_retrying(void)
{
    pid_t pid;

    for (int tries = 0; (pid = fork()) < 0 && errno == EAGAIN && tries < 200; tries++)
        sleep_ms(10);
    return pid;
}

/* A byte to a child and back through two pipes; 0 if all went well. */
static int
watchdog_ping_pong(void)
{
    int there[2], back[2], status;
    char c = 'x';
    pid_t pid;

    if (pipe(there) < 0 || pipe(back) < 0)
        return 1;
    if ((pid = fork_retrying()) < 0)
        return 2;
    if (pid == 0) {
        if (read(there[0], &c, 1) != 1 || write(back[1], &c, 1) != 1)
            _exit(1);
        _exit(0);
    }
    close(there[0]);
    close(back[1]);
    int bad = write(there[1], "p", 1) != 1 || read(back[0], &c, 1) != 1 || c != 'p';
    close(there[1]);
    close(back[0]);
    if (waitpid(pid, &status, 0) != pid || status != 0)
        bad = 1;
    return bad ? 3 : 0;
}

static int
watchdog_fork_exec(void)
{
    char *argv[] = { "true", NULL }, *envp[] = { NULL };
    int status;
    pid_t pid = fork_retrying();

    if (pid < 0)
        return 4;
    if (pid == 0) {
        execve("/bin/true", argv, envp);
        _exit(127);
    }
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return 5;
    return 0;
}

/* Rounds until told to stop (SIGUSR1); exits with the first failure's
 * number, or 0.  A round that hangs is ended by SIGALRM. */
static void
watchdog_run(void)
{
    int rounds = 0, err = 0;

    signal(SIGUSR1, watchdog_on_stop);
    while (!watchdog_stop && !err) {
        alarm(WATCHDOG_ROUND_S);
        err = watchdog_ping_pong();
        if (!err)
            err = watchdog_fork_exec();
        alarm(0);
        rounds++;
        sleep_ms(50);
    }
    if (err)
        fprintf(stderr, "fuzz: watchdog: round %d failed (%s)\n", rounds,
                err <= 3 ? "pipe ping-pong" : "fork+exec");
    else
        printf("fuzz: watchdog: %d rounds of pipe ping-pong and fork+exec\n", rounds);
    _exit(err ? 10 + err : 0);
}

/* ---- scratch directories and the accounting ---------------------------- */

/* Remove everything under path (which stays); the fuzz made it, so it
 * holds only files, FIFOs and directories. */
static void
remove_tree_contents(const char *path)
{
    char child[PATH_MAX];
    struct dirent *e;
    struct stat st;
    DIR *d;

    for (int pass = 0; pass < 4; pass++) {      /* readdir while removing */
        if (!(d = opendir(path)))
            return;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            if (stat(child, &st) == 0 && S_ISDIR(st.st_mode)) {
                remove_tree_contents(child);
                rmdir(child);
            } else {
                unlink(child);
            }
        }
        closedir(d);
    }
}

static void
scratch_make_all(int nworkers)
{
    char dir[32];

    for (int w = 0; w < nworkers; w++) {
        scratch_path(dir, sizeof dir, w);
        remove_tree_contents(dir);
        rmdir(dir);
        mkdir(dir, 0755);
    }
}

static void
scratch_remove_all(int nworkers)
{
    char dir[32];

    for (int w = 0; w < nworkers; w++) {
        scratch_path(dir, sizeof dir, w);
        remove_tree_contents(dir);
        if (rmdir(dir) < 0)
            fprintf(stderr, "fuzz: rmdir %s: %s\n", dir, strerror(errno));
    }
}

/*
 * System V objects outlive the batches that made them.  One row per
 * mechanism: list the ids in use (by table index, as ipcs does) and remove
 * one.  The ids that existed before the run are left alone.
 */
union semun {
    int              val;
    struct semid_ds *buf;
    struct seminfo  *info;
};

static int
sem_id_at(int index, int *max)
{
    struct seminfo info;
    struct semid_ds ds;
    union semun arg = { .info = &info };
    if (index == 0)
        *max = semctl(0, 0, SEM_INFO, arg);
    arg.buf = &ds;
    return index <= *max ? semctl(index, 0, SEM_STAT_ANY, arg) : -1;
}

static void sem_remove(int id) { semctl(id, 0, IPC_RMID); }

static int
shm_id_at(int index, int *max)
{
    struct shm_info info;
    struct shmid_ds ds;
    if (index == 0)
        *max = shmctl(0, SHM_INFO, (struct shmid_ds *)&info);
    return index <= *max ? shmctl(index, SHM_STAT_ANY, &ds) : -1;
}

static void shm_remove(int id) { shmctl(id, IPC_RMID, NULL); }

static int
msg_id_at(int index, int *max)
{
    struct msginfo info;
    struct msqid_ds ds;
    if (index == 0)
        *max = msgctl(0, MSG_INFO, (struct msqid_ds *)&info);
    return index <= *max ? msgctl(index, MSG_STAT_ANY, &ds) : -1;
}

static void msg_remove(int id) { msgctl(id, IPC_RMID, NULL); }

#define IPC_IDS_MAX 256

static const struct ipc_table {
    const char *name;
    int  (*id_at)(int index, int *max);     /* -1: no object at index */
    void (*remove)(int id);
} ipc_tables[] = {
    { "semaphore sets", sem_id_at, sem_remove },
    { "shared-memory segments", shm_id_at, shm_remove },
    { "message queues", msg_id_at, msg_remove },
};
#define NIPC_TABLES ((int)(sizeof ipc_tables / sizeof ipc_tables[0]))

static int ipc_ids_before[NIPC_TABLES][IPC_IDS_MAX], ipc_nids_before[NIPC_TABLES];

static bool
ipc_existed_before(int table, int id)
{
    for (int i = 0; i < ipc_nids_before[table]; i++)
        if (ipc_ids_before[table][i] == id)
            return true;
    return false;
}

/* remember (true) the ids in use now, or remove (false) all the others */
static void
ipc_sweep(bool remember)
{
    for (int t = 0; t < NIPC_TABLES; t++) {
        int max = -1, removed = 0;
        for (int index = 0; index <= max || index == 0; index++) {
            int id = ipc_tables[t].id_at(index, &max);
            if (id < 0)
                continue;
            if (remember && ipc_nids_before[t] < IPC_IDS_MAX)
                ipc_ids_before[t][ipc_nids_before[t]++] = id;
            else if (!remember && !ipc_existed_before(t, id)) {
                ipc_tables[t].remove(id);
                removed++;
            }
        }
        if (!remember && removed)
            printf("fuzz: removed %d %s the batches made\n", removed, ipc_tables[t].name);
    }
}

static bool
kstat_equal(const struct kstat *a, const struct kstat *b)
{
    if (a->frames_free != b->frames_free)
        return false;
    for (int i = 0; i < KSTAT_NKINDS; i++)
        if (a->count[i] != b->count[i])
            return false;
    return true;
}

/* Wait (a while) for the counts to come back to base; report what did not. */
static bool
kstat_back_to(const struct kstat *base)
{
    struct kstat now;

    for (int waited = 0; waited <= SETTLE_MS; waited += 50) {
        kstat(&now);
        if (kstat_equal(&now, base))
            return true;
        sleep_ms(50);
    }
    if (now.frames_free != base->frames_free)
        fprintf(stderr, "fuzz: frames_free %u, was %u\n", now.frames_free, base->frames_free);
    for (int i = 0; i < KSTAT_NKINDS; i++)
        if (now.count[i] != base->count[i])
            fprintf(stderr, "fuzz: kstat count %d is %u, was %u\n", i, now.count[i],
                    base->count[i]);
    return false;
}

/* ---- main --------------------------------------------------------------- */

struct options {
    uint32_t seed;
    long     calls;
    int      workers, per_batch, replay_worker, replay_batch;
    bool     verbose;
};

static void
usage(void)
{
    fprintf(stderr, "usage: fuzz [-s SEED] [-n CALLS] [-p WORKERS] [-k PER_BATCH] [-v]\n"
                    "       fuzz -s SEED -w WORKER -b BATCH [-k PER_BATCH] [-v]\n");
    exit(2);
}

static void
options_parse(struct options *o, int argc, char **argv)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    o->seed = (uint32_t)now.tv_nsec ^ (uint32_t)getpid() << 16;
    o->calls = 20000;
    o->workers = 3;
    o->per_batch = 64;
    o->replay_worker = o->replay_batch = -1;
    o->verbose = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0) {
            o->verbose = true;
            continue;
        }
        if (i + 1 >= argc || argv[i][0] != '-' || strlen(argv[i]) != 2)
            usage();
        unsigned long v = strtoul(argv[++i], NULL, 0);
        switch (argv[i - 1][1]) {
        case 's': o->seed = (uint32_t)v; break;
        case 'n': o->calls = (long)v; break;
        case 'p': o->workers = (int)v; break;
        case 'k': o->per_batch = (int)v; break;
        case 'w': o->replay_worker = (int)v; break;
        case 'b': o->replay_batch = (int)v; break;
        default:  usage();
        }
    }
    if (o->workers < 1 || o->workers > MAX_WORKERS || o->per_batch < 1)
        usage();
}

/* fuzz -s SEED -w W -b B: that batch alone, in the foreground. */
static int
replay_one(const struct options *o)
{
    char dir[32];

    scratch_make_all(o->replay_worker + 1);
    scratch_path(dir, sizeof dir, o->replay_worker);
    if (chdir(dir) < 0)
        return 1;
    printf("fuzz: replaying seed 0x%x worker %d batch %d\n", o->seed, o->replay_worker,
           o->replay_batch);
    fflush(stdout);
    pid_t pid = batch_start(o->seed, o->replay_worker, o->replay_batch, o->per_batch, o->verbose);
    if (pid < 0)
        return 1;
    struct tally t = { 0, 0, 0 };
    wait_or_kill(pid, 5000, &t);
    chdir("/");
    scratch_remove_all(o->replay_worker + 1);
    printf("fuzz: batch %s\n", t.finished ? "finished" : t.timed_out ? "timed out" :
           "killed by a signal");
    return 0;
}

int
main(int argc, char **argv)
{
    struct options o;
    struct kstat base;
    pid_t workers[MAX_WORKERS], watchdog;
    int status, failed = 0;

    options_parse(&o, argc, argv);
    if (o.replay_worker >= 0 && o.replay_batch >= 0)
        return replay_one(&o);
    int nbatches = (int)((o.calls + (long)o.workers * o.per_batch - 1) / ((long)o.workers * o.per_batch));
    printf("fuzz: seed 0x%x, %d workers x %d batches x %d calls (replay: fuzz -s 0x%x -n %ld -p %d -k %d)\n",
           o.seed, o.workers, nbatches, o.per_batch, o.seed, o.calls, o.workers, o.per_batch);
    fflush(stdout);

    scratch_make_all(o.workers);        /* warm up: /tmp's entries exist */
    scratch_remove_all(o.workers);
    sleep_ms(100);
    ipc_sweep(true);
    kstat(&base);
    scratch_make_all(o.workers);

    if ((watchdog = fork()) == 0)
        watchdog_run();
    for (int w = 0; w < o.workers; w++)
        if ((workers[w] = fork()) == 0)
            worker_run(o.seed, w, nbatches, o.per_batch, o.verbose);
    for (int w = 0; w < o.workers; w++)
        if (workers[w] < 0 || waitpid(workers[w], &status, 0) != workers[w] || status != 0) {
            fprintf(stderr, "fuzz: worker %d ended with status 0x%x\n", w, status);
            failed = 1;
        }
    kill(watchdog, SIGUSR1);
    if (waitpid(watchdog, &status, 0) != watchdog || status != 0) {
        fprintf(stderr, "fuzz: the watchdog failed (status 0x%x)\n", status);
        failed = 1;
    }
    scratch_remove_all(o.workers);
    ipc_sweep(false);
    if (!kstat_back_to(&base)) {
        fprintf(stderr, "fuzz: the kernel's accounting did not come back to its baseline\n");
        failed = 1;
    }
    printf(failed ? "fuzz: FAILED (seed 0x%x)\n" : "fuzz: ok (seed 0x%x)\n", o.seed);
    return failed;
}
