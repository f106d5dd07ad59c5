/*
 * Garbage collection of descriptors in flight (SCM_RIGHTS).
 *
 * A descriptor in flight is a file reference held by a record in some
 * socket's queue (stream.c's rights list, a datagram's attachment, or a
 * connection a listener has not accepted yet).  When the file is itself a
 * socket, the queues make a graph, and a cycle keeps itself alive after
 * every user descriptor is closed: send one end of a pair through the
 * other, close both, and the first socket holds the only reference to its
 * own file.  Closing never frees it, because the last reference is inside.
 *
 * The collector is Linux's unix_gc idea, for a table of NSOCKET sockets:
 *
 *   1. count, for every socket, how often its file is in flight anywhere;
 *      a socket all of whose file references are in flight is a
 *      candidate (no process can reach it directly);
 *   2. count the references that candidates' own queues hold to each
 *      candidate; one with more references than that is held from a
 *      queue outside the candidates -- reachable -- and so is everything in
 *      a reachable candidate's queue, and so on;
 *   3. the candidates left are unreachable: take every record out of their
 *      queues and free them.  That closes the files in flight, so the
 *      sockets' last references go and they are freed the ordinary way.
 *
 * It runs when a socket's descriptor is closed while records are in
 * flight -- the last close and every other (socket_ops.unref), since a
 * close that releases nothing can still leave a cycle unreachable -- and
 * when the table of records is full (sendmsg would fail).  A record that is
 * not in any queue (a datagram whose sender sleeps on a full inbox) holds
 * references the count does not see, so its files only look more
 * reachable: the collector can miss garbage then, never free a live file.
 */
#include "net/socket.h"
#include "fs/file.h"

static bool gc_running;

/* The records queued to s itself: its stream's, its datagrams'. */
static void
visit_own(struct socket *s, void (*visit)(struct sock_rights *r))
{
    for (struct sock_rights *r = s->rights; r; r = r->next)
        visit(r);
    if (s->type == SOCK_DGRAM)
        dgram_visit_rights(s, visit);
}

/* The records whoever holds s can receive: its own and, for a listener,
 * those of the connections it has not accepted yet. */
static void
visit_queued(struct socket *s, void (*visit)(struct sock_rights *r))
{
    visit_own(s, visit);
    for (struct socket *c = s->queue_head; c; c = c->queue_next)
        visit_own(c, visit);
}

static bool
is_live(const struct socket *s)
{
    return s->refs && s->state != SOCK_FREE;
}

/* ---- the three steps, one record at a time ------------------------------ */

static void
count_in_flight(struct sock_rights *r)
{
    for (int i = 0; i < r->n; i++) {
        struct socket *s = sock_of_file(r->files[i]);
        if (s) {
            s->gc_file = r->files[i];
            s->gc_inflight++;
        }
    }
}

static void
count_internal(struct sock_rights *r)
{
    for (int i = 0; i < r->n; i++) {
        struct socket *s = sock_of_file(r->files[i]);
        if (s && s->gc_candidate)
            s->gc_internal++;
    }
}

static bool marked_more;

static void
mark_reachable(struct sock_rights *r)
{
    for (int i = 0; i < r->n; i++) {
        struct socket *s = sock_of_file(r->files[i]);
        if (s && s->gc_candidate && !s->gc_reachable) {
            s->gc_reachable = true;
            marked_more = true;
        }
    }
}

/* Step 1: candidates. */
static int
find_candidates(void)
{
    int n = 0;
    for (struct socket *s = sock_table; s < sock_table + NSOCKET; s++) {
        s->gc_file = 0;
        s->gc_inflight = s->gc_internal = 0;
        s->gc_candidate = s->gc_reachable = false;
    }
    for (struct socket *s = sock_table; s < sock_table + NSOCKET; s++)
        if (is_live(s))
            visit_own(s, count_in_flight);     /* unaccepted ends are in the table too */
    for (struct socket *s = sock_table; s < sock_table + NSOCKET; s++) {
        if (is_live(s) && s->gc_inflight > 0 && s->gc_file->refs == s->gc_inflight) {
            s->gc_candidate = true;
            n++;
        }
    }
    return n;
}

/* Step 2: reachable candidates, from outside and then through queues. */
static void
mark_reachable_candidates(void)
{
    for (struct socket *s = sock_table; s < sock_table + NSOCKET; s++)
        if (s->gc_candidate)
            visit_queued(s, count_internal);
    for (struct socket *s = sock_table; s < sock_table + NSOCKET; s++)
        if (s->gc_candidate && s->gc_file->refs > s->gc_internal)
            s->gc_reachable = true;
    do {
        marked_more = false;
        for (struct socket *s = sock_table; s < sock_table + NSOCKET; s++)
            if (s->gc_candidate && s->gc_reachable)
                visit_queued(s, mark_reachable);
    } while (marked_more);
}

/* Append list to the chain ending at *tail; return the new end. */
static struct sock_rights **
chain(struct sock_rights **tail, struct sock_rights *list)
{
    *tail = list;
    while (*tail)
        tail = &(*tail)->next;
    return tail;
}

/* Step 3: every record queued to an unreachable candidate, taken out. */
static struct sock_rights *
take_garbage(void)
{
    struct sock_rights *garbage = 0, **tail = &garbage;
    for (struct socket *s = sock_table; s < sock_table + NSOCKET; s++) {
        if (!s->gc_candidate || s->gc_reachable)
            continue;
        tail = chain(tail, s->rights);
        s->rights = 0;
        for (struct socket *c = s->queue_head; c; c = c->queue_next) {
            tail = chain(tail, c->rights);
            c->rights = 0;
        }
        if (s->type == SOCK_DGRAM)
            tail = chain(tail, dgram_take_rights(s));
    }
    return garbage;
}

/* Free the sockets that only descriptors in flight in each other keep. */
void
sock_gc(void)
{
    if (gc_running)
        return;                 /* freeing garbage releases sockets: no re-entry */
    gc_running = true;
    if (find_candidates() > 0) {
        mark_reachable_candidates();
        rights_free(take_garbage());
    }
    gc_running = false;
}
