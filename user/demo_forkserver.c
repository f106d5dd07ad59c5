/*
 * demo_forkserver -- one server, several clients: a child per connection.
 *
 * The parent loops on accept(); for each connection it forks a child that
 * serves that client alone and closes its copy of the listener, while the
 * parent closes its copy of the connection (else the client never sees end
 * of file).  Five clients connect at once, from five processes.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define PORT    7009
#define CLIENTS 5

static struct sockaddr_in server_addr = { AF_INET, 0, { 0 }, { 0 } };

static void
serve(int conn)
{
    char buf[64];
    ssize_t n = read(conn, buf, sizeof buf - 1);
    if (n > 0) {
        buf[n] = 0;
        char reply[96];
        int len = snprintf(reply, sizeof reply, "server %d read \"%s\"", getpid(), buf);
        write(conn, reply, len);
    }
    close(conn);
}

static void
client(int i)
{
    char msg[32], buf[128];
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&server_addr, sizeof server_addr) < 0) {
        perror("demo_forkserver: connect");
        _exit(1);
    }
    int len = snprintf(msg, sizeof msg, "hello from client %d", i);
    write(fd, msg, len);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("client %d: %s\n", i, buf);
    _exit(0);
}

int
main(void)
{
    int on = 1;
    server_addr.sin_port = htons(PORT);
    server_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    if (bind(listener, (struct sockaddr *)&server_addr, sizeof server_addr) < 0 ||
        listen(listener, CLIENTS) < 0) {
        perror("demo_forkserver: bind/listen");
        return 1;
    }
    fflush(stdout);
    for (int i = 0; i < CLIENTS; i++)
        if (fork() == 0)
            client(i);
    for (int served = 0; served < CLIENTS; served++) {
        int conn = accept(listener, NULL, NULL);
        if (fork() == 0) {
            close(listener);
            serve(conn);
            _exit(0);
        }
        close(conn);            /* the child has it now */
    }
    while (wait(NULL) > 0)
        ;
    return 0;
}
