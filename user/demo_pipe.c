/*
 * demo_pipe -- a parent sends lines to its child through a pipe.
 *
 *   pipe(fds)   makes a pipe: bytes written to fds[1] come out of fds[0],
 *               in order, like water through a pipe.  Each is a descriptor.
 *   fork()      the child gets copies of both descriptors, so after the
 *               fork two processes hold each end.
 *   close()     each process closes the end it does not use.  This is not
 *               tidiness: the child's read() returns 0 (end of file) only
 *               when no write end is open anywhere -- including the
 *               child's own copy.
 *
 * Run it, then try deleting the child's close(fds[1]) and run it again:
 * the child never sees end of file and waits for ever (Ctrl-C ends it).
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void
child_reads(int rfd)
{
    char buf[64];
    ssize_t n;

    /* read() sleeps while the pipe is empty, then returns what is there
     * -- maybe less than we asked for, maybe two of the parent's writes
     * at once: a pipe keeps bytes, not messages. */
    while ((n = read(rfd, buf, sizeof buf - 1)) > 0) {
        buf[n] = '\0';
        printf("child:  read %2d bytes: \"%s\"\n", (int)n, buf);
        fflush(stdout);
    }
    if (n < 0)
        perror("demo_pipe: child: read");
    else
        printf("child:  read returned 0: end of file, every writer closed\n");
}

static void
parent_writes(int wfd)
{
    const char *lines[] = { "hello", "from your parent", "bye" };
    unsigned i;

    for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        printf("parent: write \"%s\"\n", lines[i]);
        fflush(stdout);
        if (write(wfd, lines[i], strlen(lines[i])) < 0)
            perror("demo_pipe: parent: write");
        usleep(100000);         /* without this pause the child may get two
                                 * writes in one read: try it */
    }
}

int
main(void)
{
    int fds[2], status;
    pid_t pid;

    if (pipe(fds) < 0) {
        perror("demo_pipe: pipe");
        return 1;
    }
    printf("pipe: read end is descriptor %d, write end is %d\n", fds[0], fds[1]);
    fflush(stdout);             /* or the child inherits our unprinted text */

    pid = fork();
    if (pid < 0) {
        perror("demo_pipe: fork");
        return 1;
    }
    if (pid == 0) {
        close(fds[1]);          /* the child only reads */
        child_reads(fds[0]);
        _exit(0);
    }

    close(fds[0]);              /* the parent only writes */
    parent_writes(fds[1]);
    printf("parent: close the write end\n");
    fflush(stdout);
    close(fds[1]);              /* the last writer: the child sees EOF */
    waitpid(pid, &status, 0);
    printf("parent: child %d finished with status %d\n", pid, WEXITSTATUS(status));
    return 0;
}
