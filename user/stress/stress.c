/*
 * stress -- exact bookkeeping under fire: numbered, checksummed records
 * through an IPC mechanism while some writers are killed with SIGKILL in
 * the middle of the transfer.  Every record a survivor sent must arrive
 * exactly once, in order and intact; a killed writer's records must be a
 * prefix of what it meant to send (a record is whole or absent: never torn,
 * never twice); and after each round the kernel's accounting (kstat) is
 * back where it was before the first.
 *
 *   stress [-s SEED] [-r RECORDS] [-w WRITERS] [-k VICTIMS] [-n ROUNDS] [MECHANISM...]
 *
 * Defaults: 400 records per writer, 6 writers of which 2 are killed, one
 * round of each mechanism in `channels` below.  A mechanism is a struct
 * channel (stress.h: setup, writer_open, send_record, recv_record,
 * teardown...); the records, the writers and the checks are shared.
 *
 * Record: { magic, writer, seq, len, payload[len], checksum }, at most
 * PIPE_BUF bytes.  Each writer first sends a "hello" record (seq HELLO_SEQ)
 * once its end is open; the collector kills a victim only after its hello
 * and some of its records, at a point drawn from the seed.
 *
 * How the collector knows it has everything: a survivor is done when its
 * last record has arrived, a victim once it has been killed; then the
 * victims are reaped (after that nothing more can come from them) and the
 * channel is drained without waiting.  A stream channel's end of file ends
 * it sooner.  A tick (SIGALRM each second) interrupts a receive that waits
 * for a writer that failed on its own, so a broken mechanism fails the run
 * instead of hanging it.
 *
 * Exit status 0 and "stress: ok" if every check held.  docs/robustness.md.
 */
#include <errno.h>
#include <parley.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "stress.h"

#define MAGIC         0x5EC0DE11u
#define HELLO_SEQ     0xFFFFFFFFu
#define STALL_TICKS   30                /* seconds without a record: a failure */

static const struct channel *const channels[] = {
    &pipe_channel, &fifo_channel,
    &msgq_channel, &mailbox_channel, &port_channel, &direct_channel,
    &shm_ring_channel,
    &unix_stream_channel, &unix_dgram_channel, &inet_stream_channel,
};
#define NCHANNELS ((int)(sizeof channels / sizeof channels[0]))

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

/* ---- writers ------------------------------------------------------------ */

struct options {
    uint32_t seed;
    uint32_t records;
    int      writers, victims, rounds;
};

/* A writer's exit status says where it failed. */
enum { WRITER_OK, WRITER_OPEN_FAILED = 2, WRITER_HELLO_FAILED, WRITER_SEND_FAILED };

static void
writer_run(const struct channel *c, const struct options *o, uint32_t writer, uint32_t rng)
{
    static char buf[RECORD_MAX];

    if (c->writer_open(writer) < 0)
        _exit(WRITER_OPEN_FAILED);
    size_t n = record_make(buf, writer, HELLO_SEQ, &rng);
    if (c->send_record(buf, n) < 0)
        _exit(WRITER_HELLO_FAILED);
    for (uint32_t seq = 0; seq < o->records; seq++) {
        n = record_make(buf, writer, seq, &rng);
        if (c->send_record(buf, n) < 0)
            _exit(WRITER_SEND_FAILED);
    }
    _exit(WRITER_OK);
}

static const char *
writer_failure(int status)
{
    if (WIFSIGNALED(status))
        return "a survivor was killed";     /* after a failure the collector kills all */
    switch (WEXITSTATUS(status)) {
    case WRITER_OPEN_FAILED:  return "a writer could not open its end (a table full?)";
    case WRITER_HELLO_FAILED: return "a writer's first send failed";
    case WRITER_SEND_FAILED:  return "a writer's send failed";
    default:                  return "a writer did not finish";
    }
}

/* ---- the collector ------------------------------------------------------ */

struct writer_state {
    pid_t    pid;
    bool     victim, hello, killed, reaped;
    int      status;                    /* once reaped */
    uint32_t next_seq;                  /* the seq expected next */
    uint32_t kill_after;                /* victims: records before SIGKILL */
};

/* Where a source's bytes wait to be parsed (a stream may cut records). */
struct source {
    char    bytes[2 * RECORD_MAX];
    size_t  have;
    int     writer;                     /* per-writer sources: whose; -1 none yet */
};

struct round {
    const struct channel *c;
    const struct options *o;
    struct writer_state   w[MAX_WRITERS];
    struct source         src[MAX_WRITERS];
    int                   hellos, eofs;
    bool                  ended;        /* end of file: nothing more can come */
    unsigned long         records, bytes;
};

static int
fail(const struct round *r, const char *what, uint32_t writer, uint32_t seq)
{
    fprintf(stderr, "stress: %s: %s (writer %u, seq %u)\n", r->c->name, what, writer, seq);
    return -1;
}

static int
fail_writer(const struct round *r, int writer, int status)
{
    fprintf(stderr, "stress: %s: %s (writer %d, wait status 0x%x)\n", r->c->name,
            writer_failure(status), writer, status);
    return -1;
}

static void
victim_kill_if_due(struct writer_state *w)
{
    if (w->victim && !w->killed && w->next_seq >= w->kill_after) {
        kill(w->pid, SIGKILL);          /* mid-transfer: it may be blocked in a send */
        w->killed = true;
    }
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
        if (++r->hellos == r->o->writers && r->c->after_hellos)
            r->c->after_hellos();
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
    victim_kill_if_due(w);
    return 0;
}

/* The header at p, if it can start a record; its record's size, else 0. */
static size_t
record_size(const struct round *r, const char *p, struct record_header *h)
{
    memcpy(h, p, sizeof *h);
    if (h->magic != MAGIC || h->writer >= (uint32_t)r->o->writers ||
        h->len > RECORD_MAX - RECORD_OVERHEAD)
        return 0;
    return sizeof *h + h->len + sizeof(uint32_t);
}

/* Parse every whole record at the front of a source's bytes. */
static int
source_parse(struct round *r, struct source *s)
{
    struct record_header h;
    size_t used = 0, size;
    while (s->have - used >= sizeof h) {
        if (!(size = record_size(r, s->bytes + used, &h)))
            return fail(r, "torn or interleaved record", h.writer, h.seq);
        if (s->have - used < size)
            break;
        if (r->c->per_writer && s->writer >= 0 && (uint32_t)s->writer != h.writer)
            return fail(r, "two writers' records on one connection", h.writer, h.seq);
        s->writer = (int)h.writer;
        if (record_accept(r, &h, s->bytes + used) < 0)
            return -1;
        used += size;
    }
    memmove(s->bytes, s->bytes + used, s->have - used);
    s->have -= used;
    return 0;
}

/* A message channel: the n bytes must be exactly one whole record, and
 * the kernel's sender stamp (if the channel has one) its writer's pid. */
static int
message_accept(struct round *r, const char *msg, size_t n, pid_t sender)
{
    struct record_header h;
    size_t size = n >= sizeof h ? record_size(r, msg, &h) : 0;
    if (!size || size > n)
        return fail(r, "torn message", n >= sizeof h ? h.writer : 0, n >= sizeof h ? h.seq : 0);
    if (size < n)
        return fail(r, "one message held more than one record", h.writer, h.seq);
    if (sender != 0 && sender != r->w[h.writer].pid)
        return fail(r, "the kernel named another sender", h.writer, h.seq);
    return record_accept(r, &h, msg);
}

/* What recv_record gave: n > 0 bytes, 0 end of file, from where. */
static int
chunk_accept(struct round *r, const struct arrival *from, const char *chunk, ssize_t n)
{
    if (from->source < 0 || from->source >= MAX_WRITERS)
        return fail(r, "source out of range", 0, (uint32_t)from->source);
    struct source *s = &r->src[from->source];
    if (n == 0) {
        if (s->have != 0)
            return fail(r, "end of file inside a record", (uint32_t)s->writer, 0);
        if (!r->c->per_writer || ++r->eofs == r->o->writers)
            r->ended = true;
        return 0;
    }
    if (r->c->messages)
        return message_accept(r, chunk, (size_t)n, from->sender);
    memcpy(s->bytes + s->have, chunk, (size_t)n);   /* have < RECORD_MAX after a parse */
    s->have += (size_t)n;
    return source_parse(r, s);
}

static void
writer_reaped(struct writer_state *w, int status)
{
    w->reaped = true;
    w->status = status;
}

/* The tick: reap any writer that has ended by itself (a failure, or a
 * victim that finished before it was killed). */
static void
writers_poll(struct round *r)
{
    int status;
    for (int i = 0; i < r->o->writers; i++)
        if (!r->w[i].reaped && waitpid(r->w[i].pid, &status, WNOHANG) == r->w[i].pid)
            writer_reaped(&r->w[i], status);
}

/* The receive loop need not wait for w any more: it has ended, or been
 * killed (victims_reap then waits for it to die), or all its records
 * have arrived. */
static bool
writer_done(const struct round *r, const struct writer_state *w)
{
    return w->reaped || w->killed || w->next_seq == r->o->records;
}

static bool
writers_all_done(const struct round *r)
{
    for (int i = 0; i < r->o->writers; i++)
        if (!writer_done(r, &r->w[i]))
            return false;
    return true;
}

/* Wait for one writer to end (the tick may interrupt the wait). */
static int
writer_wait(struct writer_state *w)
{
    int status;
    while (waitpid(w->pid, &status, 0) != w->pid)
        if (errno != EINTR)
            return -1;
    writer_reaped(w, status);
    return 0;
}

/* Killed victims: once reaped, everything they sent is in the channel. */
static void
victims_reap(struct round *r)
{
    for (int i = 0; i < r->o->writers; i++)
        if (r->w[i].killed && !r->w[i].reaped)
            writer_wait(&r->w[i]);
}

static void
tick(int sig)
{
    alarm(1);
}

static int
collect(struct round *r)
{
    static char chunk[RECORD_MAX];
    unsigned long last_records = 0;
    int idle_ticks = 0;
    ssize_t n;

    while (!r->ended && !writers_all_done(r)) {
        struct arrival from = { 0, 0 };
        if ((n = r->c->recv_record(chunk, sizeof chunk, &from, true)) < 0 && errno == EINTR) {
            writers_poll(r);
            idle_ticks = r->records == last_records ? idle_ticks + 1 : 0;
            last_records = r->records;
            if (idle_ticks == STALL_TICKS)
                return fail(r, "stalled: no record for 30 s", 0, 0);
            continue;
        }
        if (n < 0)
            return fail(r, strerror(errno), 0, 0);
        if (chunk_accept(r, &from, chunk, n) < 0)
            return -1;
    }
    victims_reap(r);
    while (!r->ended) {                 /* drain: whatever is left, without waiting */
        struct arrival from = { 0, 0 };
        n = r->c->recv_record(chunk, sizeof chunk, &from, false);
        if (n < 0 && errno == EAGAIN)
            break;
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail(r, strerror(errno), 0, 0);
        if (chunk_accept(r, &from, chunk, n) < 0)
            return -1;
    }
    for (int i = 0; i < MAX_WRITERS; i++)
        if (r->src[i].have != 0)
            return fail(r, "a record cut short", (uint32_t)r->src[i].writer, 0);
    return 0;
}

/* Reap the writers: survivors exit 0 having sent everything; victims die
 * of SIGKILL (or finished first) having sent a prefix. */
static int
writers_check(struct round *r)
{
    int err = 0;
    for (int i = 0; i < r->o->writers; i++) {
        struct writer_state *w = &r->w[i];
        if (w->pid <= 0)
            continue;                   /* never started: writers_start said so */
        if (!w->reaped && writer_wait(w) < 0)
            err = fail(r, "waitpid", i, 0);
        else if (!w->victim && !(WIFEXITED(w->status) && WEXITSTATUS(w->status) == WRITER_OK))
            err = fail_writer(r, i, w->status);
        else if (w->victim && !WIFSIGNALED(w->status) && w->status != 0)
            err = fail_writer(r, i, w->status);
        else if (!w->victim && w->next_seq != r->o->records)
            err = fail(r, "a survivor's records did not all arrive", i, w->next_seq);
    }
    return err;
}

static int
writers_start(struct round *r, uint32_t *rng)
{
    for (int i = 0; i < r->o->writers; i++) {
        struct writer_state *w = &r->w[i];
        w->victim = i < r->o->victims;
        w->kill_after = 1 + rng_next(rng) % r->o->records;
        uint32_t writer_rng = rng_next(rng) | 1;
        if ((w->pid = fork()) == 0)
            writer_run(r->c, r->o, (uint32_t)i, writer_rng);
        if (w->pid < 0)
            return fail(r, "fork", i, 0);
    }
    if (r->c->writers_forked)
        r->c->writers_forked();
    return 0;
}

static int
round_run(const struct channel *c, const struct options *o, int round_no)
{
    static struct round r;
    uint32_t rng = o->seed * 2654435761u + (uint32_t)round_no * 40503u + 1;

    memset(&r, 0, sizeof r);
    r.c = c;
    r.o = o;
    for (int i = 0; i < MAX_WRITERS; i++)
        r.src[i].writer = -1;
    if (c->setup(o->writers) < 0)
        return fail(&r, "setup failed", 0, 0);
    int err = writers_start(&r, &rng);
    alarm(1);                           /* the tick; the writers have none */
    if (err == 0)
        err = collect(&r);
    if (err < 0)
        for (int i = 0; i < o->writers; i++)
            if (r.w[i].pid > 0)
                kill(r.w[i].pid, SIGKILL);
    err |= writers_check(&r);
    alarm(0);
    c->teardown();
    unsigned killed = 0;
    for (int i = 0; i < o->writers; i++)
        killed += r.w[i].killed;
    if (round_no >= 0)                  /* not the warm-up */
        printf("stress: %s round %d: %lu records (%lu bytes) from %d writers, %u killed mid-transfer\n",
               c->name, round_no, r.records, r.bytes, o->writers, killed);
    return err;
}

/* ---- accounting and main ------------------------------------------------ */

#define KIND_NAME(field, text) #field,
static const char *const kstat_kind_names[] = { PARLEY_KSTAT_KINDS(KIND_NAME) };

static bool
kstat_back_to(const struct kstat *base, const char *after)
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
            fprintf(stderr, "stress: after %s: kstat %s is %u, was %u\n", after,
                    kstat_kind_names[i], now.count[i], base->count[i]);
    if (now.frames_free != base->frames_free)
        fprintf(stderr, "stress: after %s: frames_free %u, was %u\n", after,
                now.frames_free, base->frames_free);
    fprintf(stderr, "stress: after %s: the kernel's accounting did not come back to its baseline\n",
            after);
    return false;
}

static void
usage(void)
{
    fprintf(stderr, "usage: stress [-s SEED] [-r RECORDS] [-w WRITERS] [-k VICTIMS] [-n ROUNDS] [MECHANISM...]\n"
                    "mechanisms:");
    for (int i = 0; i < NCHANNELS; i++)
        fprintf(stderr, " %s", channels[i]->name);
    fprintf(stderr, "\n");
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
    if (i < argc && argv[i][0] == '-')
        usage();
    if (o->records < 1 || o->writers < 1 || o->writers > MAX_WRITERS || o->victims < 0 ||
        o->victims > o->writers)
        usage();
    return i;
}

static const struct channel *
channel_find(const char *name)
{
    for (int i = 0; i < NCHANNELS; i++)
        if (strcmp(channels[i]->name, name) == 0)
            return channels[i];
    return NULL;
}

/* One small quiet round of each mechanism first, so that what the kernel
 * builds once and keeps (a directory's entries in /tmp, a process's
 * inbox...) is in the baseline. */
static int
warm_up(void)
{
    static const struct options once = { .seed = 1, .records = 1, .writers = 1, .rounds = 1 };
    int err = 0;
    for (int i = 0; i < NCHANNELS; i++)
        err |= round_run(channels[i], &once, -1) < 0;
    return err;
}

int
main(int argc, char **argv)
{
    const struct channel *chosen[NCHANNELS];
    struct sigaction sa = { .sa_handler = tick };   /* no SA_RESTART: EINTR */
    struct options o;
    struct kstat base;
    int first = options_parse(&o, argc, argv), nchosen = 0, err = 0;

    for (int i = first; i < argc; i++)
        if (nchosen == NCHANNELS || !(chosen[nchosen++] = channel_find(argv[i])))
            usage();
    for (int i = 0; first == argc && i < NCHANNELS; i++)
        chosen[nchosen++] = channels[i];        /* none named: all of them */
    sigaction(SIGALRM, &sa, NULL);
    printf("stress: seed %u, %u records x %d writers (%d killed) per round\n",
           o.seed, o.records, o.writers, o.victims);
    fflush(stdout);
    err = warm_up();
    kstat(&base);
    for (int round = 0; round < o.rounds; round++)
        for (int i = 0; i < nchosen; i++) {
            err |= round_run(chosen[i], &o, round) < 0;
            err |= !kstat_back_to(&base, chosen[i]->name);
            fflush(stdout);
        }
    printf(err ? "stress: FAILED\n" : "stress: ok\n");
    return err;
}
