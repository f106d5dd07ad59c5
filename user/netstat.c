/*
 * netstat -- list every socket: protocol, state, local and peer address,
 * bytes (or datagrams) queued each way, and who waits on it.
 *
 *   netstat        every socket
 *   netstat -l     listening sockets only
 *
 * The kernel fills one struct sockinfo per socket (sockinfo() in
 * <parley.h>, kernel/net/socket.c).
 */
#include <parley.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define MAX_SOCKETS 256

static const char *
proto_name(const struct sockinfo *s)
{
    if (s->domain == AF_UNIX)
        return s->type == SOCK_STREAM ? "unix" : "unix/dg";
    return s->type == SOCK_STREAM ? "tcp" : "udp";
}

static const char *
state_name(int state)
{
    switch (state) {
    case SOCKINFO_LISTENING: return "LISTEN";
    case SOCKINFO_CONNECTED: return "ESTABLISHED";
    case SOCKINFO_CLOSED:    return "CLOSED";
    case SOCKINFO_CONNECTING: return "SYN_SENT";
    default:                 return "-";
    }
}

int
main(int argc, char **argv)
{
    static struct sockinfo info[MAX_SOCKETS];
    int only_listening = argc > 1 && strcmp(argv[1], "-l") == 0;
    int n = sockinfo(info, MAX_SOCKETS);
    if (n < 0) {
        perror("netstat: sockinfo");
        return 1;
    }
    printf("%-4s %-8s %-12s %-22s %-22s %6s %6s  %s\n",
           "ID", "PROTO", "STATE", "LOCAL", "PEER", "RECV-Q", "SEND-Q", "WAITING");
    for (int i = 0; i < n; i++) {
        struct sockinfo *s = &info[i];
        if (only_listening && s->state != SOCKINFO_LISTENING)
            continue;
        char waiting[48] = "";
        if (s->waiter)
            snprintf(waiting, sizeof waiting, "%d %s", s->waiter, s->wait);
        unsigned rq = s->state == SOCKINFO_LISTENING ? (unsigned)s->backlog : s->rx_queued;
        printf("%-4d %-8s %-12s %-22s %-22s %6u %6u  %s\n", s->id, proto_name(s),
               state_name(s->state), s->local[0] ? s->local : "*",
               s->peer[0] ? s->peer : "*", rq, s->tx_queued, waiting);
    }
    return 0;
}
