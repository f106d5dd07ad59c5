/*
 * explore -- run a program under many scheduling seeds and report the
 * distinct outcomes, each with the seeds that produced it.
 *
 *   explore [-n RUNS] [-s FIRST] program [arg...]   seeds FIRST..FIRST+RUNS-1
 *   explore -r SEED program [arg...]                replay one seed, output shown
 *   explore -e program [arg...]                     switch at every call's end
 *
 * In explore mode the program and its children are preempted only at the
 * end of system calls, and a pseudo-random stream seeded by SEED decides
 * where and to whom (kernel/trace/explore.c).  The same seed gives the same
 * interleaving, so an outcome seen once can be replayed -- under gdb too.
 * An outcome is the exit status and a digest of everything the program
 * wrote to its standard output and error.
 *
 * A process that computes for a whole second without a system call is
 * preempted by the timer anyway, and that run is not reproducible.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <parley.h>

#define MAX_OUTCOMES 32
#define OUTPUT_MAX   4096
#define SCRATCH      "/tmp/explore.out"

struct outcome {
    int      status;
    unsigned digest;
    int      runs;
    unsigned seeds[8];          /* the first few that gave it */
    char     sample[80];        /* its first line */
};

static struct outcome outcomes[MAX_OUTCOMES];
static int noutcomes;

static unsigned
fnv1a(const char *s, size_t n)
{
    unsigned h = 2166136261u;
    while (n--)
        h = (h ^ (unsigned char)*s++) * 16777619u;
    return h;
}

/* Run argv once under (mode, seed); its output goes to SCRATCH, or to our
 * own stdout when show is set.  Returns the wait status. */
static int
run_once(char **argv, int mode, unsigned seed, int show)
{
    pid_t pid = fork();
    if (pid < 0) {
        perror("explore: fork");
        exit(2);
    }
    if (pid == 0) {
        if (!show) {
            int fd = open(SCRATCH, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
                _exit(126);
            close(fd);
        }
        if (sched_explore(mode, seed) < 0)
            _exit(126);
        execvp(argv[0], argv);
        fprintf(stderr, "explore: %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return status;
}

static void
record(int status, unsigned seed)
{
    static char out[OUTPUT_MAX];
    int fd = open(SCRATCH, O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, out, sizeof out - 1) : 0;
    if (fd >= 0)
        close(fd);
    if (n < 0)
        n = 0;
    out[n] = 0;
    unsigned digest = fnv1a(out, n);
    struct outcome *o = outcomes;
    for (; o < outcomes + noutcomes; o++)
        if (o->status == status && o->digest == digest)
            break;
    if (o == outcomes + noutcomes) {
        if (noutcomes == MAX_OUTCOMES)
            return;
        noutcomes++;
        o->status = status;
        o->digest = digest;
        snprintf(o->sample, sizeof o->sample, "%.*s", (int)strcspn(out, "\n"), out);
    }
    if (o->runs < 8)
        o->seeds[o->runs] = seed;
    o->runs++;
}

static void
report(int runs)
{
    printf("%d runs, %d distinct outcome%s\n", runs, noutcomes, noutcomes == 1 ? "" : "s");
    for (int i = 0; i < noutcomes; i++) {
        struct outcome *o = &outcomes[i];
        printf("outcome %d: %d run%s, ", i + 1, o->runs, o->runs == 1 ? "" : "s");
        if (WIFEXITED(o->status))
            printf("exit %d", WEXITSTATUS(o->status));
        else
            printf("killed by signal %d", WTERMSIG(o->status));
        printf(", output \"%s\" (digest %08x), seeds", o->sample, o->digest);
        for (int k = 0; k < o->runs && k < 8; k++)
            printf(" %u", o->seeds[k]);
        printf(o->runs > 8 ? " ...\n" : "\n");
    }
}

static void
usage(void)
{
    fprintf(stderr, "usage: explore [-n RUNS] [-s FIRST] | [-r SEED] | [-e]  program [arg...]\n");
    exit(2);
}

int
main(int argc, char **argv)
{
    int runs = 10, replay = 0, every = 0;
    unsigned first = 1, seed = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "-s") == 0 && i + 1 < argc)
            first = strtoul(argv[++i], NULL, 0);
        else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc)
            replay = 1, seed = strtoul(argv[++i], NULL, 0);
        else if (strcmp(argv[i], "-e") == 0)
            every = 1;
        else
            usage();
    }
    if (i == argc || runs <= 0)
        usage();
    if (replay || every) {
        int status = run_once(argv + i, every ? SCHED_EXPLORE_EVERY : SCHED_EXPLORE_SEEDED,
                              seed, 1);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    for (int r = 0; r < runs; r++)
        record(run_once(argv + i, SCHED_EXPLORE_SEEDED, first + r, 0), first + r);
    unlink(SCRATCH);
    report(runs);
    return 0;
}
