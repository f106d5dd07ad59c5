/*
 * demo_dgram -- datagrams keep their boundaries; streams do not.
 *
 * Three send() calls on a datagram socket are three messages, each
 * returned whole by one recv(); the same three sends on a stream socket
 * may come out of one read().  The sender's address comes with each
 * datagram (recvfrom), which is how a UDP server knows where to reply.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void
send_three(int fd, const struct sockaddr *to, socklen_t tolen)
{
    sendto(fd, "one", 3, 0, to, tolen);
    sendto(fd, "two", 3, 0, to, tolen);
    sendto(fd, "three", 5, 0, to, tolen);
}

int
main(void)
{
    char buf[64];
    ssize_t n;

    /* UDP on loopback: a server bound to a port, a client that is not. */
    struct sockaddr_in srv = { AF_INET, htons(7008), { htonl(INADDR_LOOPBACK) }, { 0 } }, from;
    int server = socket(AF_INET, SOCK_DGRAM, 0);
    int client = socket(AF_INET, SOCK_DGRAM, 0);
    bind(server, (struct sockaddr *)&srv, sizeof srv);
    send_three(client, (struct sockaddr *)&srv, sizeof srv);
    for (int i = 0; i < 3; i++) {
        socklen_t len = sizeof from;
        n = recvfrom(server, buf, sizeof buf - 1, 0, (struct sockaddr *)&from, &len);
        buf[n] = 0;
        printf("udp:    one recv = one datagram: \"%s\" from %s:%d\n", buf,
               inet_ntoa(from.sin_addr), ntohs(from.sin_port));
    }
    sendto(server, "got them", 8, 0, (struct sockaddr *)&from, sizeof from);
    n = recv(client, buf, sizeof buf - 1, 0);
    buf[n] = 0;
    printf("udp:    the reply reached the client: \"%s\"\n", buf);

    /* The same three sends on a stream: bytes, no boundaries. */
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    send_three(sv[0], NULL, 0);
    n = read(sv[1], buf, sizeof buf - 1);
    buf[n] = 0;
    printf("stream: one read took %d bytes: \"%s\"\n", (int)n, buf);
    return 0;
}
