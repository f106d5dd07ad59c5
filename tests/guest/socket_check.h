/*
 * socket_check.h -- helpers of the socket suites (test_socket, test_inet):
 * addresses, listeners and connections that fail the case when a call
 * fails, and reaping a child that must exit 0.  Include after check.h.
 */
#ifndef SOCKET_CHECK_H
#define SOCKET_CHECK_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

static CHECK_UNUSED socklen_t
unix_addr(const char *path, struct sockaddr_un *a)
{
    memset(a, 0, sizeof *a);
    a->sun_family = AF_UNIX;
    strcpy(a->sun_path, path);
    return sizeof(sa_family_t) + strlen(path) + 1;
}

static CHECK_UNUSED struct sockaddr_in
inet_addr_port(const char *ip, int port)
{
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = inet_addr(ip);
    return a;
}

static CHECK_UNUSED int
unix_listener(const char *path, int type, int backlog)
{
    struct sockaddr_un a;
    socklen_t len = unix_addr(path, &a);
    unlink(path);
    int fd = socket(AF_UNIX, type, 0);
    CHECK_OK(fd);
    CHECK_OK(bind(fd, (struct sockaddr *)&a, len));
    if (type == SOCK_STREAM)
        CHECK_OK(listen(fd, backlog));
    return fd;
}

static CHECK_UNUSED int
unix_connect(const char *path, int type)
{
    struct sockaddr_un a;
    socklen_t len = unix_addr(path, &a);
    int fd = socket(AF_UNIX, type, 0);
    CHECK_OK(fd);
    CHECK_OK(connect(fd, (struct sockaddr *)&a, len));
    return fd;
}

static CHECK_UNUSED int
inet_listener_backlog(int port, int backlog)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", port);
    int fd = socket(AF_INET, SOCK_STREAM, 0), on = 1;
    CHECK_OK(fd);
    CHECK_OK(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on));
    CHECK_OK(bind(fd, (struct sockaddr *)&a, sizeof a));
    CHECK_OK(listen(fd, backlog));
    return fd;
}

static CHECK_UNUSED int
inet_listener(int port)
{
    return inet_listener_backlog(port, 8);
}

static CHECK_UNUSED int
inet_connect(int port)
{
    struct sockaddr_in a = inet_addr_port("127.0.0.1", port);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    CHECK_OK(fd);
    CHECK_OK(connect(fd, (struct sockaddr *)&a, sizeof a));
    return fd;
}

static CHECK_UNUSED void
reap_ok(pid_t pid)
{
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
}

static CHECK_UNUSED int
get_int_opt(int fd, int level, int name)
{
    int v = -12345;
    socklen_t len = sizeof v;
    CHECK_OK(getsockopt(fd, level, name, &v, &len));
    CHECK_EQ(len, sizeof v);
    return v;
}

#endif
