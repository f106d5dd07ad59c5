/*
 * AF_INET names on the loopback network only: an address is 127.x.y.z or
 * INADDR_ANY (meaning loopback), and a port.  Streams (TCP) and datagrams
 * (UDP) have separate port spaces.  Port 0 picks an ephemeral port.
 *
 * Port sharing follows Linux: a port held by another socket of the same
 * protocol gives EADDRINUSE, unless both sockets set SO_REUSEPORT, or both
 * set SO_REUSEADDR and the holder is not listening.  A TCP connection
 * whose side closed first keeps its port in TIME_WAIT for a minute (a real
 * TCP does so to absorb late packets; Parley has none, but keeps the rule
 * so programs meet the EADDRINUSE they will meet on Linux).
 */
#include "net/socket.h"
#include "arch/timer.h"

#define EPHEMERAL_FIRST      32768
#define EPHEMERAL_LAST       60999
#define TIME_WAIT_NS         (60ull * 1000000000)
#define NTIME_WAIT           64

static struct {
    uint16_t port;
    uint32_t ip;
    bool     reuseaddr;
    uint64_t until;             /* time_now_ns(); 0: free slot */
} time_wait[NTIME_WAIT];

static uint16_t next_ephemeral = EPHEMERAL_FIRST;

bool
inet_addr_is_local(uint32_t ip)
{
    return ip == 0 || (ip >> 24) == 127;
}

static bool
ips_overlap(uint32_t a, uint32_t b)
{
    return a == 0 || b == 0 || a == b;
}

struct port_query {
    const struct socket *s;     /* the socket that wants the port */
    uint16_t port;
    uint32_t ip;
};

static bool
blocks_port(struct socket *other, const void *arg)
{
    const struct port_query *q = arg;
    if (other == q->s || other->domain != AF_INET || other->type != q->s->type ||
        other->local.family != AF_INET || other->local.port != q->port ||
        !ips_overlap(other->local.ip, q->ip))
        return false;
    if (q->s->reuseport && other->reuseport)
        return false;
    if (q->s->reuseaddr && other->reuseaddr && other->state != SOCK_LISTENING)
        return false;
    return true;
}

static bool
in_time_wait(const struct socket *s, uint16_t port, uint32_t ip)
{
    uint64_t now = time_now_ns();
    if (s->type != SOCK_STREAM)
        return false;
    for (int i = 0; i < NTIME_WAIT; i++) {
        if (time_wait[i].until <= now || time_wait[i].port != port ||
            !ips_overlap(time_wait[i].ip, ip))
            continue;
        if (!(s->reuseaddr && time_wait[i].reuseaddr))
            return true;
    }
    return false;
}

static bool
port_free(struct socket *s, uint16_t port, uint32_t ip)
{
    struct port_query q = { s, port, ip };
    return !sock_find(blocks_port, &q) && !in_time_wait(s, port, ip);
}

static int
pick_ephemeral(struct socket *s, uint32_t ip)
{
    for (int tries = 0; tries <= EPHEMERAL_LAST - EPHEMERAL_FIRST; tries++) {
        uint16_t port = next_ephemeral;
        next_ephemeral = port == EPHEMERAL_LAST ? EPHEMERAL_FIRST : port + 1;
        if (port_free(s, port, ip))
            return port;
    }
    return -EADDRINUSE;
}

int
inet_bind(struct socket *s, const struct sock_addr *a)
{
    if (!inet_addr_is_local(a->ip))
        return -EADDRNOTAVAIL;          /* only loopback lives here */
    int port = a->port;
    if (port == 0 && (port = pick_ephemeral(s, a->ip)) < 0)
        return port;
    if (!port_free(s, port, a->ip))
        return -EADDRINUSE;
    s->local = *a;
    s->local.port = port;
    return 0;
}

/* Bind an unbound socket to ip and an ephemeral port (listen, connect,
 * the first sendto). */
int
inet_autobind(struct socket *s, uint32_t ip)
{
    if (s->local.family == AF_INET)
        return 0;
    struct sock_addr a = { .family = AF_INET, .ip = ip, .port = 0 };
    return inet_bind(s, &a);
}

struct lookup_query {
    const struct sock_addr *a;
    int type;
};

static bool
serves(struct socket *s, const void *arg)
{
    const struct lookup_query *q = arg;
    if (s->domain != AF_INET || s->type != q->type || s->local.family != AF_INET ||
        s->local.port != q->a->port || !ips_overlap(s->local.ip, q->a->ip))
        return false;
    return q->type == SOCK_DGRAM || s->state == SOCK_LISTENING;
}

/* The listener (stream) or bound socket (datagram) at a, held. */
int
inet_lookup(const struct sock_addr *a, int type, struct socket **out)
{
    struct lookup_query q = { a, type };
    if (!inet_addr_is_local(a->ip))
        return -ENETUNREACH;
    struct socket *s = sock_find(serves, &q);
    if (!s)
        return -ECONNREFUSED;
    *out = sock_hold(s);
    return 0;
}

/* A socket is closing.  A connected stream whose peer is still there
 * closed first: its port waits in TIME_WAIT. */
void
inet_closing(struct socket *s)
{
    if (s->type != SOCK_STREAM || s->state != SOCK_CONNECTED || !s->peer)
        return;
    uint64_t now = time_now_ns();
    int slot = 0;
    for (int i = 0; i < NTIME_WAIT; i++) {
        if (time_wait[i].until <= now) {
            slot = i;
            break;
        }
        if (time_wait[i].until < time_wait[slot].until)
            slot = i;                   /* full: forget the oldest */
    }
    time_wait[slot].port = s->local.port;
    time_wait[slot].ip = s->local.ip;
    time_wait[slot].reuseaddr = s->reuseaddr;
    time_wait[slot].until = now + TIME_WAIT_NS;
}
