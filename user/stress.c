/*
 * stress -- exact bookkeeping under fire: numbered, checksummed records
 * through an IPC mechanism while some writers are killed with SIGKILL in
 * the middle of the transfer.  Every record a survivor sent must arrive
 * exactly once, in order and intact; a killed writer's records must be a
 * prefix of what it meant to send (a record is whole or absent); and when
 * it is all over the kernel's accounting (kstat) is back where it was.
 *
 *   stress [-s SEED] [-r RECORDS] [-w WRITERS] [-k VICTIMS] [-n ROUNDS] [MECHANISM...]
 *
 * Defaults: 400 records per writer, 6 writers of which 2 are killed, one
 * round of each mechanism.  The mechanisms are in the table `mechanisms`
 * below: pipe, fifo.  A mechanism supplies a channel (how the collector
 * reads and how a writer sends one record); the rest is shared.  Adding
 * one (message queues, mailboxes, sockets...) is one more row.
 *
 * Record: { magic, writer, seq, len, payload[len], checksum }, at most
 * PIPE_BUF bytes, so one write(2) of it is atomic on a pipe or FIFO.
 * Each writer first sends a "hello" record (seq HELLO_SEQ) once its end is
 * open; the collector kills a victim only after its hello and some of its
 * records, at a point drawn from the seed.
 *
 * Exit status 0 and "stress: ok" if every check held.  docs/robustness.md.
 */
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
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_WRITERS   16
#define RECORD_MAX    PIPE_BUF
#define MAGIC         0x5EC0DE11u
#define HELLO_SEQ     0xFFFFFFFFu
#define FIFO_PATH     "/tmp/stress.fifo"

struct record_header {
    uint32_t magic, writer, seq, len;
};
#define RECORD_OVERHEAD (sizeof(struct record_header) + sizeof(uint32_t))

/* ---- records ------------------------------------------------------------ */

static uint32_t
rng_next(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

static uint32_t
checksum(const void *p, size_t n)
{
    const uint8_t *b = p;
    uint32_t h = 2166136261u;           /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 16777619u;
    return h;
}

/* The payload byte i of record (writer, seq): checkable by the reader. */
static uint8_t
payload_byte(uint32_t writer, uint32_t seq, uint32_t i)
{
    return (uint8_t)(writer * 31 + seq * 7 + i);
}

/* Build record seq of writer into buf; returns its size. */
static size_t
record_make(char *buf, uint32_t writer, uint32_t seq, uint32_t *rng)
{
    struct record_header h = { MAGIC, writer, seq, 0 };
    h.len = seq == HELLO_SEQ ? 0 : rng_next(rng) % (RECORD_MAX - RECORD_OVERHEAD + 1);
    memcpy(buf, &h, sizeof h);
    for (uint32_t i = 0; i < h.len; i++)
        buf[sizeof h + i] = (char)payload_byte(writer, seq, i);
    uint32_t sum = checksum(buf, sizeof h + h.len);
    memcpy(buf + sizeof h + h.len, &sum, sizeof sum);
    return sizeof h + h.len + sizeof sum;
}

/* ---- mechanisms --------------------------------------------------------- */

/*
 * One IPC mechanism.  setup() runs in the collector before the writers are
 * forked and returns the collector's descriptor; writer_open() runs in each
 * writer and returns its end; after_hellos() runs once every writer has
 * said hello (a FIFO drops the collector's own write end then, so that end
 * of file comes when the last writer is gone); teardown() cleans up.
 */
struct mechanism {
    const char *name;
    int  (*setup)(void);
    int  (*writer_open)(void);
    void (*after_hellos)(void);
    void (*teardown)(void);
};

static int pipe_fds[2] = { -1, -1 };

static int
pipe_setup(void)
{
    if (pipe(pipe_fds) < 0)
        return -1;
    return pipe_fds[0];
}

static int
pipe_writer_open(void)
{
    close(pipe_fds[0]);
    return pipe_fds[1];
}

static void
pipe_after_hellos(void)
{
    close(pipe_fds[1]);                 /* the writers hold theirs */
}

static void
pipe_teardown(void)
{
    close(pipe_fds[0]);
}

static int fifo_read_fd = -1, fifo_keep_fd = -1;

static int
fifo_setup(void)
{
    unlink(FIFO_PATH);
    if (mkfifo(FIFO_PATH, 0600) < 0)
        return -1;
    fifo_read_fd = open(FIFO_PATH, O_RDONLY | O_NONBLOCK);
    fifo_keep_fd = open(FIFO_PATH, O_WRONLY);   /* no EOF before all open */
    if (fifo_read_fd < 0 || fifo_keep_fd < 0)
        return -1;
    fcntl(fifo_read_fd, F_SETFL, 0);            /* blocking reads from now */
    return fifo_read_fd;
}

static int
fifo_writer_open(void)
{
    close(fifo_read_fd);
    close(fifo_keep_fd);
    return open(FIFO_PATH, O_WRONLY);
}

static void
fifo_after_hellos(void)
{
    close(fifo_keep_fd);
}

static void
fifo_teardown(void)
{
    close(fifo_read_fd);
    unlink(FIFO_PATH);
}

static const struct mechanism mechanisms[] = {
    { "pipe", pipe_setup, pipe_writer_open, pipe_after_hellos, pipe_teardown },
    { "fifo", fifo_setup, fifo_writer_open, fifo_after_hellos, fifo_teardown },
};
#define NMECHANISMS ((int)(sizeof mechanisms / sizeof mechanisms[0]))

/* ---- writers ------------------------------------------------------------ */

struct options {
    uint32_t seed;
    uint32_t records;
    int      writers, victims, rounds;
};

static void
writer_run(const struct mechanism *m, const struct options *o, uint32_t writer, uint32_t rng)
{
    static char buf[RECORD_MAX];
    int fd = m->writer_open();

    if (fd < 0)
        _exit(2);
    size_t n = record_make(buf, writer, HELLO_SEQ, &rng);
    if (write(fd, buf, n) != (ssize_t)n)
        _exit(3);
    for (uint32_t seq = 0; seq < o->records; seq++) {
        n = record_make(buf, writer, seq, &rng);
        if (write(fd, buf, n) != (ssize_t)n)
            _exit(4);
    }
    _exit(0);
}

/* ---- the collector ------------------------------------------------------ */

struct writer_state {
    pid_t    pid;
    bool     victim, hello, killed;
    uint32_t next_seq;                  /* the seq expected next */
    uint32_t kill_after;                /* victims: records before SIGKILL */
};

struct round {
    const struct mechanism *m;
    const struct options   *o;
    struct writer_state     w[MAX_WRITERS];
    int                     hellos;
    unsigned long           records, bytes;
    char                    stream[2 * RECORD_MAX];
    size_t                  have;       /* bytes of stream not yet parsed */
};

static int
fail(const struct round *r, const char *what, uint32_t writer, uint32_t seq)
{
    fprintf(stderr, "stress: %s: %s (writer %u, seq %u)\n", r->m->name, what, writer, seq);
    return -1;
}

/* Check one whole record and account for it; -1 on a bookkeeping error. */
static int
record_accept(struct round *r, const struct record_header *h, const char *rec)
{
    uint32_t sum;
    memcpy(&sum, rec + sizeof *h + h->len, sizeof sum);
    if (sum != checksum(rec, sizeof *h + h->len))
        return fail(r, "bad checksum", h->writer, h->seq);
    struct writer_state *w = &r->w[h->writer];
    if (h->seq == HELLO_SEQ) {
        if (w->hello)
            return fail(r, "second hello", h->writer, h->seq);
        w->hello = true;
        if (++r->hellos == r->o->writers)
            r->m->after_hellos();
        return 0;
    }
    if (!w->hello || h->seq != w->next_seq)
        return fail(r, h->seq < w->next_seq ? "duplicate record" : "record missing before this one",
                    h->writer, h->seq);
    for (uint32_t i = 0; i < h->len; i++)
        if ((uint8_t)rec[sizeof *h + i] != payload_byte(h->writer, h->seq, i))
            return fail(r, "payload corrupted", h->writer, h->seq);
    w->next_seq++;
    r->records++;
    r->bytes += sizeof *h + h->len + sizeof sum;
    if (w->victim && !w->killed && w->next_seq >= w->kill_after) {
        kill(w->pid, SIGKILL);          /* mid-transfer: it may be blocked in write */
        w->killed = true;
    }
    return 0;
}

/* Parse every whole record at the front of the stream buffer. */
static int
stream_parse(struct round *r)
{
    struct record_header h;
    size_t used = 0;
    while (r->have - used >= sizeof h) {
        memcpy(&h, r->stream + used, sizeof h);
        if (h.magic != MAGIC || h.writer >= (uint32_t)r->o->writers ||
            h.len > RECORD_MAX - RECORD_OVERHEAD)
            return fail(r, "torn or interleaved record", h.writer, h.seq);
        size_t size = sizeof h + h.len + sizeof(uint32_t);
        if (r->have - used < size)
            break;
        if (record_accept(r, &h, r->stream + used) < 0)
            return -1;
        used += size;
    }
    memmove(r->stream, r->stream + used, r->have - used);
    r->have -= used;
    return 0;
}

static int
collect(struct round *r, int fd)
{
    ssize_t n;
    while ((n = read(fd, r->stream + r->have, sizeof r->stream - r->have)) != 0) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(r, strerror(errno), 0, 0);
        }
        r->have += n;
        if (stream_parse(r) < 0)
            return -1;
    }
    if (r->have != 0)
        return fail(r, "end of file inside a record", 0, 0);
    return 0;
}

/* Reap the writers: survivors exit 0 having sent everything; victims die
 * of SIGKILL (or finished first) having sent a prefix. */
static int
writers_check(struct round *r)
{
    int err = 0, status;
    for (int i = 0; i < r->o->writers; i++) {
        struct writer_state *w = &r->w[i];
        if (waitpid(w->pid, &status, 0) != w->pid)
            err = fail(r, "waitpid", i, 0);
        else if (!w->victim && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
            err = fail(r, "a survivor did not finish", i, status);
        else if (w->victim && !WIFSIGNALED(status) && status != 0)
            err = fail(r, "a victim failed before it was killed", i, status);
        else if (!w->victim && w->next_seq != r->o->records)
            err = fail(r, "a survivor's records did not all arrive", i, w->next_seq);
    }
    return err;
}

static int
round_run(const struct mechanism *m, const struct options *o, int round_no)
{
    static struct round r;
    uint32_t rng = o->seed * 2654435761u + (uint32_t)round_no * 40503u + 1;

    memset(&r, 0, sizeof r);
    r.m = m;
    r.o = o;
    int fd = m->setup();
    if (fd < 0)
        return fail(&r, "setup failed", 0, 0);
    for (int i = 0; i < o->writers; i++) {
        struct writer_state *w = &r.w[i];
        w->victim = i < o->victims;
        w->kill_after = 1 + rng_next(&rng) % (o->records ? o->records : 1);
        uint32_t writer_rng = rng_next(&rng) | 1;
        if ((w->pid = fork()) == 0)
            writer_run(m, o, (uint32_t)i, writer_rng);
        if (w->pid < 0)
            return fail(&r, "fork", i, 0);
    }
    int err = collect(&r, fd);
    if (err < 0)
        for (int i = 0; i < o->writers; i++)
            kill(r.w[i].pid, SIGKILL);
    err |= writers_check(&r);
    m->teardown();
    unsigned killed = 0;
    for (int i = 0; i < o->writers; i++)
        killed += r.w[i].killed;
    printf("stress: %s round %d: %lu records (%lu bytes) from %d writers, %u killed mid-transfer\n",
           m->name, round_no, r.records, r.bytes, o->writers, killed);
    return err;
}

/* ---- accounting and main ------------------------------------------------ */

static bool
kstat_back_to(const struct kstat *base)
{
    struct kstat now;
    for (int tries = 0; tries < 100; tries++) {
        kstat(&now);
        if (now.frames_free == base->frames_free &&
            memcmp(now.count, base->count, sizeof now.count) == 0)
            return true;
        usleep(20000);
    }
    for (int i = 0; i < KSTAT_NKINDS; i++)
        if (now.count[i] != base->count[i])
            fprintf(stderr, "stress: kstat count %d is %u, was %u\n", i, now.count[i], base->count[i]);
    if (now.frames_free != base->frames_free)
        fprintf(stderr, "stress: frames_free %u, was %u\n", now.frames_free, base->frames_free);
    return false;
}

static void
usage(void)
{
    fprintf(stderr, "usage: stress [-s SEED] [-r RECORDS] [-w WRITERS] [-k VICTIMS] [-n ROUNDS] [pipe|fifo...]\n");
    exit(2);
}

static int
options_parse(struct options *o, int argc, char **argv)
{
    int i;
    o->seed = 1;
    o->records = 400;
    o->writers = 6;
    o->victims = 2;
    o->rounds = 1;
    for (i = 1; i + 1 < argc && argv[i][0] == '-'; i += 2) {
        unsigned long v = strtoul(argv[i + 1], NULL, 0);
        switch (argv[i][1]) {
        case 's': o->seed = (uint32_t)v; break;
        case 'r': o->records = (uint32_t)v; break;
        case 'w': o->writers = (int)v; break;
        case 'k': o->victims = (int)v; break;
        case 'n': o->rounds = (int)v; break;
        default:  usage();
        }
    }
    if (o->writers < 1 || o->writers > MAX_WRITERS || o->victims > o->writers)
        usage();
    return i;
}

static const struct mechanism *
mechanism_find(const char *name)
{
    for (int i = 0; i < NMECHANISMS; i++)
        if (strcmp(mechanisms[i].name, name) == 0)
            return &mechanisms[i];
    return NULL;
}

int
main(int argc, char **argv)
{
    const struct mechanism *chosen[NMECHANISMS];
    struct options o;
    struct kstat base;
    int first = options_parse(&o, argc, argv), nchosen = 0, err = 0;

    for (int i = first; i < argc; i++)
        if (nchosen == NMECHANISMS || !(chosen[nchosen++] = mechanism_find(argv[i])))
            usage();
    for (int i = 0; first == argc && i < NMECHANISMS; i++)
        chosen[nchosen++] = &mechanisms[i];     /* none named: all of them */
    printf("stress: seed %u, %u records x %d writers (%d killed) per round\n",
           o.seed, o.records, o.writers, o.victims);
    fflush(stdout);
    mkfifo(FIFO_PATH, 0600);            /* warm up /tmp's entries, then the baseline */
    unlink(FIFO_PATH);
    kstat(&base);
    for (int round = 0; round < o.rounds; round++)
        for (int i = 0; i < nchosen; i++) {
            err |= round_run(chosen[i], &o, round) < 0;
            fflush(stdout);
        }
    if (!kstat_back_to(&base)) {
        fprintf(stderr, "stress: the kernel's accounting did not come back to its baseline\n");
        err = 1;
    }
    printf(err ? "stress: FAILED\n" : "stress: ok\n");
    return err;
}
