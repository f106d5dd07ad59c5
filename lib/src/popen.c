/*
 * system, popen, pclose: a command line run by "/bin/sh -c"; and tmpfile.
 *
 * system() as POSIX describes it: SIGCHLD blocked and SIGINT, SIGQUIT
 * ignored in the caller while the command runs, the wait status returned
 * (127 as exit status if the shell could not run).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define POPEN_MAX 16

static struct {
    FILE *f;
    pid_t pid;
} popened[POPEN_MAX];

static pid_t
spawn_shell(const char *command, int child_fd, int target_fd, int close_fd)
{
    pid_t pid = fork();
    if (pid == 0) {
        if (close_fd >= 0)
            close(close_fd);
        if (child_fd >= 0 && child_fd != target_fd) {
            dup2(child_fd, target_fd);
            close(child_fd);
        }
        for (int i = 0; i < POPEN_MAX; i++)    /* POSIX: not the other popens */
            if (popened[i].f)
                close(fileno(popened[i].f));
        execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        _exit(127);
    }
    return pid;
}

int
system(const char *command)
{
    struct sigaction ignore, old_int, old_quit;
    sigset_t block, old_mask;
    int status;
    pid_t pid;

    if (!command)
        return access("/bin/sh", X_OK) == 0;
    ignore.sa_handler = SIG_IGN;
    ignore.sa_flags = 0;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    sigprocmask(SIG_BLOCK, &block, &old_mask);
    pid = fork();
    if (pid == 0) {
        sigaction(SIGINT, &old_int, NULL);
        sigaction(SIGQUIT, &old_quit, NULL);
        sigprocmask(SIG_SETMASK, &old_mask, NULL);
        execl("/bin/sh", "sh", "-c", command, (char *)NULL);
        _exit(127);
    }
    if (pid < 0)
        status = -1;
    else
        while (waitpid(pid, &status, 0) < 0)
            if (errno != EINTR) {
                status = -1;
                break;
            }
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    return status;
}

FILE *
popen(const char *command, const char *type)
{
    int fds[2], slot, reading;
    pid_t pid;
    FILE *f;

    if (!type || (type[0] != 'r' && type[0] != 'w') || (type[1] && type[1] != 'e')) {
        errno = EINVAL;
        return NULL;
    }
    reading = type[0] == 'r';
    for (slot = 0; slot < POPEN_MAX && popened[slot].f; slot++)
        ;
    if (slot == POPEN_MAX) {
        errno = EMFILE;
        return NULL;
    }
    if (pipe2(fds, O_CLOEXEC) < 0)
        return NULL;
    fflush(NULL);
    /* the child's end becomes its stdout (r) or stdin (w) */
    pid = spawn_shell(command, fds[reading ? 1 : 0], reading ? 1 : 0, fds[reading ? 0 : 1]);
    close(fds[reading ? 1 : 0]);
    if (pid < 0 || !(f = fdopen(fds[reading ? 0 : 1], reading ? "r" : "w"))) {
        close(fds[reading ? 0 : 1]);
        if (pid > 0)
            waitpid(pid, NULL, 0);
        return NULL;
    }
    popened[slot].f = f;
    popened[slot].pid = pid;
    return f;
}

int
pclose(FILE *f)
{
    int status, slot;
    pid_t pid;

    for (slot = 0; slot < POPEN_MAX && popened[slot].f != f; slot++)
        ;
    if (!f || slot == POPEN_MAX) {
        errno = EINVAL;
        return -1;
    }
    pid = popened[slot].pid;
    popened[slot].f = NULL;
    fclose(f);
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return status;
}

/* A file in /tmp with no name: removed at once, gone when closed. */
FILE *
tmpfile(void)
{
    static unsigned counter;
    char path[64];
    int fd;
    FILE *f;

    for (int tries = 0; tries < 100; tries++) {
        snprintf(path, sizeof path, "/tmp/.tmpfile.%d.%u", getpid(), counter++);
        if ((fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600)) >= 0) {
            unlink(path);
            if (!(f = fdopen(fd, "w+")))
                close(fd);
            return f;
        }
        if (errno != EEXIST)
            return NULL;
    }
    return NULL;
}
