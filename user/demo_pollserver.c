/*
 * demo_pollserver -- one process serves several clients with poll().
 *
 * poll() watches the listener (readable: a connection waits) and every
 * connection (readable: data, or end of file) at once, and sleeps until
 * one of them is ready: the kernel puts one wait entry on each of their
 * queues (kernel/proc/waitq.c, kernel/fs/poll.c).  No process per client,
 * no blocking on the wrong one.
 */
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define PATH    "/tmp/pollserver.sock"
#define CLIENTS 4

static struct sockaddr_un addr = { AF_UNIX, PATH };

static void
client(int i)
{
    char msg[32], buf[64];
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    connect(fd, (struct sockaddr *)&addr, sizeof addr);
    usleep(100000 * (CLIENTS - i));     /* talk in reverse order of arrival */
    int len = snprintf(msg, sizeof msg, "client %d", i);
    write(fd, msg, len);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("%s got \"%s\"\n", msg, buf);
    _exit(0);
}

static void
serve(int listener)
{
    struct pollfd fds[CLIENTS + 1] = { { listener, POLLIN, 0 } };
    int nfds = 1, done = 0;
    while (done < CLIENTS) {
        poll(fds, nfds, -1);
        if (fds[0].revents & POLLIN) {
            fds[nfds].fd = accept(listener, NULL, NULL);   /* will not block */
            fds[nfds++].events = POLLIN;
            printf("server: accepted connection %d\n", nfds - 1);
        }
        for (int i = 1; i < nfds; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP)))
                continue;
            char buf[64];
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                printf("server: connection %d is ready\n", i);
                write(fds[i].fd, "served", 6);
            } else {
                close(fds[i].fd);
                fds[i].fd = -1;         /* poll ignores negative fds */
                done++;
            }
        }
        fflush(stdout);
    }
}

int
main(void)
{
    unlink(PATH);
    int listener = socket(AF_UNIX, SOCK_STREAM, 0);
    if (bind(listener, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(listener, CLIENTS) < 0) {
        perror("demo_pollserver: bind/listen");
        return 1;
    }
    fflush(stdout);
    for (int i = 0; i < CLIENTS; i++)
        if (fork() == 0)
            client(i);
    serve(listener);
    while (wait(NULL) > 0)
        ;
    unlink(PATH);
    return 0;
}
