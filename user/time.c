/* time -- run a command and report how long it took: the wall-clock time,
 * and the CPU time it used in user mode and in the kernel (wait4). */
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include "util.h"

static double
seconds(struct timeval tv)
{
    return tv.tv_sec + tv.tv_usec / 1e6;
}

int
main(int argc, char **argv)
{
    struct timespec start, end;
    struct rusage ru;
    int status;

    USAGE(argc, argv, "usage: time COMMAND [ARG...]\n");
    if (argc < 2)
        usage();
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        fprintf(stderr, "time: %s: %s\n", argv[1], strerror(errno));
        _exit(errno == ENOENT ? 127 : 126);
    }
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
        return complain("time", argv[1]);
    clock_gettime(CLOCK_MONOTONIC, &end);
    fprintf(stderr, "\nreal\t%.3fs\nuser\t%.3fs\nsys\t%.3fs\n",
            (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9,
            seconds(ru.ru_utime), seconds(ru.ru_stime));
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
