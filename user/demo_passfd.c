/*
 * demo_passfd -- hand an open file to another process (SCM_RIGHTS).
 *
 * The parent opens a file, reads a little of it, and sends the descriptor
 * over an AF_UNIX socket as ancillary data.  The child, which never opened
 * the file, receives a new descriptor for the same open file: it reads on
 * from where the parent stopped, because the offset belongs to the open
 * file, not to the descriptor.  While the message is in flight the kernel
 * holds the file open (kernel/net/stream.c).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void
send_fd(int sock, int fd)
{
    char control[CMSG_SPACE(sizeof(int))] = { 0 };
    struct iovec iov = { "!", 1 };      /* a stream needs at least one byte */
    struct msghdr msg = { 0 };
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
    if (sendmsg(sock, &msg, 0) < 0)
        perror("demo_passfd: sendmsg");
}

static int
receive_fd(int sock)
{
    char control[CMSG_SPACE(sizeof(int))], byte;
    struct iovec iov = { &byte, 1 };
    struct msghdr msg = { 0 };
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof control;
    if (recvmsg(sock, &msg, 0) <= 0)
        return -1;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            int fd;
            memcpy(&fd, CMSG_DATA(c), sizeof fd);
            return fd;
        }
    }
    return -1;
}

int
main(void)
{
    int sv[2];
    char buf[64];
    int fd = open("/tmp/passfd.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "first half | second half\n", 25);
    lseek(fd, 0, SEEK_SET);
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    fflush(stdout);
    if (fork() == 0) {
        close(sv[0]);
        int got = receive_fd(sv[1]);
        ssize_t n = read(got, buf, sizeof buf - 1);
        buf[n > 0 ? n : 0] = 0;
        buf[strcspn(buf, "\n")] = 0;   /* the file's line ends in one */
        printf("child:  received fd %d, read on: \"%s\"\n", got, buf);
        _exit(0);
    }
    close(sv[1]);
    ssize_t n = read(fd, buf, 13);
    buf[n] = 0;
    printf("parent: read \"%s\", now sending fd %d\n", buf, fd);
    fflush(stdout);
    send_fd(sv[0], fd);
    close(fd);                  /* in flight: the file stays open */
    wait(NULL);
    unlink("/tmp/passfd.txt");
    return 0;
}
