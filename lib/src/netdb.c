/*
 * getaddrinfo and gethostbyname without a network: the only host names
 * are "localhost" (and an empty or NULL node, meaning loopback or, with
 * AI_PASSIVE, INADDR_ANY) and dotted quads.  A service is a decimal port
 * or one of a few names from /etc/services.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>

int h_errno;

static const struct { const char *name; int port; } services[] = {
    { "echo", 7 }, { "daytime", 13 }, { "ftp", 21 }, { "ssh", 22 },
    { "telnet", 23 }, { "smtp", 25 }, { "http", 80 }, { "https", 443 },
};

/* Host order address of node, or -1. */
static int
resolve_host(const char *node, int flags, uint32_t *ip)
{
    struct in_addr a;
    if (!node || !*node) {
        *ip = flags & AI_PASSIVE ? INADDR_ANY : INADDR_LOOPBACK;
        return 0;
    }
    if (inet_aton(node, &a)) {
        *ip = ntohl(a.s_addr);
        return 0;
    }
    if (!(flags & AI_NUMERICHOST) && strcmp(node, "localhost") == 0) {
        *ip = INADDR_LOOPBACK;
        return 0;
    }
    return -1;
}

static int
resolve_service(const char *service, int flags, int *port)
{
    char *end;
    if (!service) {
        *port = 0;
        return 0;
    }
    long n = strtol(service, &end, 10);
    if (*service && !*end && n >= 0 && n <= 65535) {
        *port = (int)n;
        return 0;
    }
    for (size_t i = 0; !(flags & AI_NUMERICSERV) && i < sizeof services / sizeof services[0]; i++)
        if (strcmp(service, services[i].name) == 0) {
            *port = services[i].port;
            return 0;
        }
    return -1;
}

/* One result (or one per socket type when hints leave it open). */
static struct addrinfo *
make_result(uint32_t ip, int port, int socktype, const char *canon)
{
    struct addrinfo *ai = calloc(1, sizeof *ai + sizeof(struct sockaddr_in));
    if (!ai)
        return NULL;
    struct sockaddr_in *in = (struct sockaddr_in *)(ai + 1);
    in->sin_family = AF_INET;
    in->sin_port = htons(port);
    in->sin_addr.s_addr = htonl(ip);
    ai->ai_family = AF_INET;
    ai->ai_socktype = socktype;
    ai->ai_protocol = socktype == SOCK_STREAM ? IPPROTO_TCP : IPPROTO_UDP;
    ai->ai_addrlen = sizeof *in;
    ai->ai_addr = (struct sockaddr *)in;
    if (canon)
        ai->ai_canonname = strdup(canon);
    return ai;
}

int
getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
            struct addrinfo **res)
{
    struct addrinfo none = { 0 };
    uint32_t ip;
    int port;
    if (!hints)
        hints = &none;
    if (!node && !service)
        return EAI_NONAME;
    if (hints->ai_family != AF_UNSPEC && hints->ai_family != AF_INET)
        return EAI_FAMILY;
    if (hints->ai_socktype != 0 && hints->ai_socktype != SOCK_STREAM && hints->ai_socktype != SOCK_DGRAM)
        return EAI_SOCKTYPE;
    if (resolve_host(node, hints->ai_flags, &ip) < 0)
        return EAI_NONAME;
    if (resolve_service(service, hints->ai_flags, &port) < 0)
        return EAI_SERVICE;
    const char *canon = hints->ai_flags & AI_CANONNAME ? (node ? node : "localhost") : NULL;
    struct addrinfo *first = NULL, **link = &first;
    for (int type = SOCK_STREAM; type <= SOCK_DGRAM; type++) {
        if (hints->ai_socktype && hints->ai_socktype != type)
            continue;
        if (!(*link = make_result(ip, port, type, first ? NULL : canon))) {
            freeaddrinfo(first);
            return EAI_MEMORY;
        }
        link = &(*link)->ai_next;
    }
    *res = first;
    return 0;
}

void
freeaddrinfo(struct addrinfo *res)
{
    while (res) {
        struct addrinfo *next = res->ai_next;
        free(res->ai_canonname);
        free(res);
        res = next;
    }
}

const char *
gai_strerror(int code)
{
    switch (code) {
    case 0:            return "Success";
    case EAI_BADFLAGS: return "Bad value for ai_flags";
    case EAI_NONAME:   return "Name or service not known";
    case EAI_AGAIN:    return "Temporary failure in name resolution";
    case EAI_FAIL:     return "Non-recoverable failure in name resolution";
    case EAI_FAMILY:   return "ai_family not supported";
    case EAI_SOCKTYPE: return "ai_socktype not supported";
    case EAI_SERVICE:  return "Servname not supported for ai_socktype";
    case EAI_MEMORY:   return "Memory allocation failure";
    case EAI_SYSTEM:   return "System error";
    default:           return "Unknown error";
    }
}

struct hostent *
gethostbyname(const char *name)
{
    static struct in_addr addr;
    static char *addr_list[2] = { (char *)&addr, NULL };
    static char *aliases[1] = { NULL };
    static char canon[64];
    static struct hostent h = { canon, aliases, AF_INET, 4, addr_list };
    uint32_t ip;
    if (!name || !*name || resolve_host(name, 0, &ip) < 0) {
        h_errno = HOST_NOT_FOUND;
        return NULL;
    }
    addr.s_addr = htonl(ip);
    strncpy(canon, name, sizeof canon - 1);
    return &h;
}
