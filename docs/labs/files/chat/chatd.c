/*
 * chatd -- a chat server for any number of clients, in one process, with
 * poll (lab chat, docs/labs/chat.md).
 *
 * Clients connect to the UNIX-domain stream socket /tmp/chat.  Every line
 * one client sends goes to every *other* client as "[N] line", N being the
 * sender's number: 1, 2, ... in the order the clients connected.  A client
 * that closes its end leaves; the others go on.  A client that stops
 * reading must not stop the others.
 *
 * Given: main() and listen_on().  To write: serve().
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define CHAT_PATH   "/tmp/chat"
#define MAX_CLIENTS 16

/* A listening socket at path (a stale one from an earlier run removed). */
static int
listen_on(const char *path)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX };
    strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
    unlink(path);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 ||
        listen(fd, MAX_CLIENTS) < 0) {
        perror("chatd: " CHAT_PATH);
        return -1;
    }
    return fd;
}

/*
 * TODO (the lab): loop on poll over the listener and every client.
 *   - the listener readable: accept the new client, give it the next number
 *   - a client readable: read; send each complete line to every other
 *     client as "[N] line\n"; a read of 0 (or an error): it left, close it
 *   - a client that does not read: its socket fills up; do not block on it
 *     (send(..., MSG_DONTWAIT) says EAGAIN: keep the rest for POLLOUT, or
 *     drop the client when too much waits)
 */
static void
serve(int listener)
{
    (void)listener;
    for (;;)
        pause();
}

int
main(void)
{
    signal(SIGPIPE, SIG_IGN);           /* writing to a client that left: EPIPE, not death */
    int listener = listen_on(CHAT_PATH);
    if (listener < 0)
        return 1;
    serve(listener);
    return 0;
}
