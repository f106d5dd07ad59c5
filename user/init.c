/*
 * init -- the first process.
 *
 * 1. Make descriptors 0, 1 and 2 the console, unless they are already open.
 * 2. If /etc/autorun exists (the test harness writes a command line into
 *    it), run that line with `/bin/sh -c`, then power the machine off with
 *    its exit status (128 + the signal number if it was killed), so that
 *    QEMU's exit code is the test's result.
 * 3. Otherwise show /etc/motd and a hint, run an interactive /bin/sh, and
 *    start a new one whenever it exits.
 *
 * Orphans are re-parented to init, so while it waits for the shell init also
 * collects ("reaps") every other child that ends; otherwise they would stay
 * zombies forever.
 *
 * Every shell init starts leads a session (setsid) and so a process group of
 * its own, and is given the console (tcsetpgrp): the keys that send signals
 * (Ctrl-C, Ctrl-\, Ctrl-Z) reach the shell's group, never init's, and no
 * process of the shell's session can join init's group (setpgid works only
 * within a session).  The kernel also refuses init every signal it has no
 * handler for, and panics if init ever exits.
 */
#include <errno.h>
#include <fcntl.h>
#include <parley.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define AUTORUN "/etc/autorun"
#define AUTORUN_MAX 16384

static char *sh_env[] = { "PATH=/bin", "HOME=/", NULL };

/* Opens the console on the lowest free descriptors until 0-2 are all open. */
static void
console_open(void)
{
    int fd;

    while ((fd = open("/dev/console", O_RDWR)) >= 0) {
        if (fd > 2) {
            close(fd);
            break;
        }
    }
}

/*
 * Starts /bin/sh in a new session that owns the console.  The child takes
 * the console before exec, so the shell can read at once.  (init must not
 * setpgid the child: a group leader cannot start a session.)
 */
static pid_t
shell_start(char **argv)
{
    pid_t pid = fork();

    if (pid < 0) {
        fprintf(stderr, "init: fork: %s\n", strerror(errno));
    } else if (pid == 0) {
        setsid();
        tcsetpgrp(0, getpid());
        execve("/bin/sh", argv, sh_env);
        fprintf(stderr, "init: /bin/sh: %s\n", strerror(errno));
        _exit(127);
    }
    return pid;
}

/* Waits until child pid ends, reaping any orphan that ends meanwhile. */
static int
shell_wait(pid_t pid)
{
    int status;
    pid_t done;

    for (;;) {
        done = waitpid(-1, &status, 0);
        if (done == pid)
            return status;
        if (done < 0 && errno != EINTR) {
            fprintf(stderr, "init: waitpid: %s\n", strerror(errno));
            return W_EXITCODE(1, 0);
        }
    }
}

/* Reads /etc/autorun into line without its trailing newlines; 0, -1 if
 * there is none, or -2 if it does not fit (a cut command line must not
 * run: it would do something else, or nothing, and still "succeed"). */
static int
autorun_read(char *line, int size)
{
    int fd, len = 0, n;
    char more;

    if ((fd = open(AUTORUN, O_RDONLY)) < 0)
        return -1;
    while (len < size - 1 && (n = read(fd, line + len, size - 1 - len)) > 0)
        len += n;
    n = read(fd, &more, 1);
    close(fd);
    if (n > 0)
        return -2;
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        len--;
    line[len] = '\0';
    return 0;
}

static void
autorun(char *line)
{
    char *argv[] = { "sh", "-c", line, NULL };
    int status, code = 1;
    pid_t pid;

    if ((pid = shell_start(argv)) > 0) {
        status = shell_wait(pid);
        if (WIFSIGNALED(status)) {
            code = 128 + WTERMSIG(status);
            fprintf(stderr, "init: autorun: %s\n", strsignal(WTERMSIG(status)));
        } else {
            code = WEXITSTATUS(status);
        }
    }
    poweroff(code);
}

/* Copies the welcome message, /etc/motd, to the console if there is one. */
static void
motd_print(void)
{
    char buf[512];
    int fd, n;

    if ((fd = open("/etc/motd", O_RDONLY)) < 0)
        return;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        write(1, buf, n);
    close(fd);
}

static void
interactive(void)
{
    char *argv[] = { "sh", NULL };
    int status;
    pid_t pid;

    motd_print();
    printf("Type 'help' for commands; Ctrl-P lists processes, Ctrl-D restarts the shell.\n");
    fflush(stdout);
    for (;;) {
        if ((pid = shell_start(argv)) < 0) {
            sleep(1);
            continue;
        }
        status = shell_wait(pid);
        if (WIFSIGNALED(status))
            printf("init: sh: %s; starting a new one\n",
                   strsignal(WTERMSIG(status)));
        else if (WEXITSTATUS(status) == 127)
            sleep(1);           /* exec failed: do not spin */
        fflush(stdout);
    }
}

int
main(void)
{
    static char line[AUTORUN_MAX];

    console_open();
    int got = autorun_read(line, sizeof line);
    if (got == 0)
        autorun(line);
    if (got == -2) {
        fprintf(stderr, "init: %s is longer than %d bytes: not run\n", AUTORUN, AUTORUN_MAX - 1);
        poweroff(126);
    }
    interactive();
    return 0;
}
