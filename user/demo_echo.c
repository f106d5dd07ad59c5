/*
 * demo_echo -- the textbook echo server and client, over AF_UNIX or over
 * 127.0.0.1.
 *
 *   demo_echo            AF_UNIX, at /tmp/echo.sock
 *   demo_echo inet       TCP on 127.0.0.1 port 7007
 *
 * The server:  socket() -> bind() a name -> listen() -> accept() a
 *              connection -> read and write it back until end of file.
 * The client:  socket() -> connect() to the name -> write, read.
 *
 * connect() returns as soon as the connection is in the server's listen
 * queue, even before accept(): the kernel made the server's end already
 * (kernel/net/stream.c).  Try `netstat` in another shell while it runs, or
 * run the server alone with `nc -U /tmp/echo.sock` as the client.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define SOCK_PATH "/tmp/echo.sock"
#define PORT      7007

static int use_inet;

/* Fill the address the server binds and the client connects to. */
static socklen_t
server_address(struct sockaddr_storage *ss)
{
    memset(ss, 0, sizeof *ss);
    if (use_inet) {
        struct sockaddr_in *in = (struct sockaddr_in *)ss;
        in->sin_family = AF_INET;
        in->sin_port = htons(PORT);                 /* network byte order! */
        in->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return sizeof *in;
    }
    struct sockaddr_un *un = (struct sockaddr_un *)ss;
    un->sun_family = AF_UNIX;
    strcpy(un->sun_path, SOCK_PATH);
    return sizeof *un;
}

static int
make_server(void)
{
    struct sockaddr_storage ss;
    socklen_t len = server_address(&ss);
    int fd = socket(use_inet ? AF_INET : AF_UNIX, SOCK_STREAM, 0), on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    unlink(SOCK_PATH);              /* a socket file outlives its socket */
    if (bind(fd, (struct sockaddr *)&ss, len) < 0 || listen(fd, 5) < 0) {
        perror("demo_echo: bind/listen");
        return -1;
    }
    return fd;
}

static void
serve_one(int listener)
{
    int conn = accept(listener, NULL, NULL);     /* sleeps: "accept ..." in ps */
    char buf[128];
    ssize_t n;
    while ((n = read(conn, buf, sizeof buf)) > 0)
        write(conn, buf, n);                     /* echo it back */
    printf("server: client closed, read returned 0\n");
    close(conn);
}

static void
client(void)
{
    const char *lines[] = { "hello", "echo me", "bye" };
    struct sockaddr_storage ss;
    socklen_t len = server_address(&ss);
    int fd = socket(use_inet ? AF_INET : AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&ss, len) < 0) {
        perror("demo_echo: connect");
        return;
    }
    for (unsigned i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        char buf[128];
        write(fd, lines[i], strlen(lines[i]));
        ssize_t n = read(fd, buf, sizeof buf - 1);
        buf[n > 0 ? n : 0] = 0;
        printf("client: sent \"%s\", got back \"%s\"\n", lines[i], buf);
        fflush(stdout);
    }
    close(fd);                  /* the server's read() returns 0 */
}

int
main(int argc, char **argv)
{
    use_inet = argc > 1 && strcmp(argv[1], "inet") == 0;
    printf("echo over %s\n", use_inet ? "TCP 127.0.0.1:7007" : "AF_UNIX " SOCK_PATH);
    int listener = make_server();
    if (listener < 0)
        return 1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        serve_one(listener);
        _exit(0);
    }
    close(listener);            /* the child serves; we are the client */
    client();
    waitpid(pid, NULL, 0);
    unlink(SOCK_PATH);
    return 0;
}
