/*
 * demo_pipeline -- what the shell does for `ps -ef | grep init`, by hand.
 *
 *            pipe: fds[1] ===========> fds[0]
 *   ps -ef  (stdout = fds[1])      (stdin = fds[0])  grep init
 *
 * 1. pipe(fds) before forking, so both children inherit the pipe.
 * 2. First child: dup2(fds[1], 1) makes its standard output (descriptor 1)
 *    the pipe's write end; then it execs ps.  ps knows nothing about the
 *    pipe: it just writes to descriptor 1, as always.  Descriptors survive
 *    exec, which is the whole trick.
 * 3. Second child: dup2(fds[0], 0) makes its standard input the read end;
 *    then it execs grep, which reads descriptor 0 until end of file.
 * 4. Every process closes every pipe descriptor it does not need.  grep
 *    sees end of file only when NO write end is open anywhere: if the
 *    parent, or grep itself, kept a copy of fds[1], grep would wait for
 *    ever.
 * 5. The parent waits for both; like a shell, it reports the status of the
 *    last stage (grep: 0 if it found a line, 1 if not).
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* Forks a child that runs argv with descriptor `from` moved onto descriptor
 * `onto` (0 or 1) and both pipe ends closed; returns its pid. */
static pid_t
spawn(char *const argv[], int from, int onto, const int fds[2])
{
    pid_t pid = fork();

    if (pid != 0)
        return pid;             /* the parent, or -1 */
    if (dup2(from, onto) < 0) { /* onto now names the same pipe end */
        perror("demo_pipeline: dup2");
        _exit(126);
    }
    close(fds[0]);              /* the originals are no longer needed: */
    close(fds[1]);              /* only `onto` should keep the end open */
    execv(argv[0], argv);
    perror("demo_pipeline: execv");     /* reached only if exec failed */
    _exit(127);
}

int
main(void)
{
    char *ps[] = { "/bin/ps", "-ef", NULL };
    char *grep[] = { "/bin/grep", "init", NULL };
    int fds[2], status;
    pid_t left, right;

    if (pipe(fds) < 0) {
        perror("demo_pipeline: pipe");
        return 1;
    }
    left = spawn(ps, fds[1], 1, fds);   /* ps -ef writes into the pipe */
    right = spawn(grep, fds[0], 0, fds); /* grep init reads from it */
    if (left < 0 || right < 0) {
        perror("demo_pipeline: fork");
        return 1;
    }

    /* The parent uses neither end.  Try removing these two lines: grep
     * never sees end of file, because we still hold a write end. */
    close(fds[0]);
    close(fds[1]);

    waitpid(left, NULL, 0);
    waitpid(right, &status, 0);
    fprintf(stderr, "demo_pipeline: grep exited with status %d\n",
            WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
