/*
 * demo_philosophers -- five philosophers, five forks, one semaphore per
 * fork (value 1: on the table).
 *
 *   demo_philosophers          each philosopher takes BOTH forks in ONE
 *                              semop: the kernel applies the two -1s
 *                              together or not at all, so nobody ever
 *                              holds one fork while waiting for the other.
 *   demo_philosophers -naive   each takes the left fork, then the right,
 *                              in two semops.  When all five hold their
 *                              left fork, each waits for a fork its
 *                              neighbour holds: a cycle, a deadlock.
 *
 * The naive run shows the cycle: the parent notices that every fork is
 * taken and every philosopher is asleep, then prints who holds what
 * (GETPID) and what each waits for (the wait name ps shows, `semop set N
 * [1]-1`), and ends them.  `demo_philosophers -naive -keep &` leaves them
 * deadlocked instead: then `deadlock` finds the cycle in the kernel's
 * wait-for graph, Ctrl-P shows each wait, and `kill` ends them.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <parley.h>

#define N     5
#define MEALS 20
#define SEATED N                /* one more semaphore: the start of dinner */

union semun { int val; struct semid_ds *buf; unsigned short *array; };

static int forks;

static void
pause_ms(long ms)
{
    struct timespec t = { 0, ms * 1000000 };
    nanosleep(&t, 0);
}

static void
think(void)
{
    pause_ms(20);
}

static void
philosopher(int i, int naive)
{
    unsigned short left = i, right = (i + 1) % N;
    struct sembuf both[2] = { { left, -1, 0 }, { right, -1, 0 } };
    struct sembuf put[2] = { { left, 1, 0 }, { right, 1, 0 } };
    struct sembuf sit_down = { SEATED, -1, 0 };
    semop(forks, &sit_down, 1);                 /* dinner starts for all at once */
    for (int meal = 1; meal <= MEALS; meal++) {
        if (naive) {
            semop(forks, &both[0], 1);          /* left... */
            pause_ms(100);                      /* reach for the right one: the window for the deadlock */
            semop(forks, &both[1], 1);          /* ...then right */
        } else {
            semop(forks, both, 2);              /* both at once */
        }
        printf("philosopher %d eats (meal %d)\n", i, meal);
        semop(forks, put, 2);
        think();
    }
}

/* Every fork taken and every philosopher waiting for one: a deadlock. */
static int
deadlocked(void)
{
    for (int f = 0; f < N; f++)
        if (semctl(forks, f, GETVAL) != 0 || semctl(forks, f, GETNCNT) != 1)
            return 0;
    return 1;
}

static const char *
wait_of(pid_t pid)
{
    static struct procinfo info[64];
    int n = procinfo(info, 64);
    for (int i = 0; i < n; i++)
        if (info[i].pid == pid)
            return info[i].wait;
    return "?";
}

static void
show_cycle(const pid_t *pids)
{
    printf("\nDEADLOCK: every fork is taken and every philosopher waits.\n");
    for (int i = 0; i < N; i++) {
        pid_t holder = semctl(forks, i, GETPID);
        int who = -1;
        for (int k = 0; k < N; k++)
            if (pids[k] == holder)
                who = k;
        printf("  fork %d is held by philosopher %d (pid %d)\n", i, who, holder);
    }
    for (int i = 0; i < N; i++)
        printf("  philosopher %d (pid %d) waits: %s  (fork %d, held by philosopher %d)\n",
               i, pids[i], wait_of(pids[i]), (i + 1) % N, (i + 1) % N);
    printf("  the cycle: 0 -> 1 -> 2 -> 3 -> 4 -> 0, each waiting for the next\n");
    printf("the kernel's wait-for graph says the same (the deadlock command):\n");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/deadlock", "deadlock", (char *)NULL);
        _exit(127);
    }
    waitpid(pid, NULL, 0);
}

int
main(int argc, char **argv)
{
    int naive = argc > 1 && strcmp(argv[1], "-naive") == 0;
    int keep = naive && argc > 2 && strcmp(argv[2], "-keep") == 0;
    forks = semget(IPC_PRIVATE, N + 1, 0600);
    if (forks < 0) {
        perror("semget");
        return 1;
    }
    unsigned short start[N + 1] = { 1, 1, 1, 1, 1, 0 };   /* forks on the table; nobody seated */
    union semun arg = { .array = start };
    semctl(forks, 0, SETALL, arg);

    pid_t pids[N];
    for (int i = 0; i < N; i++)
        if ((pids[i] = fork()) == 0) {
            philosopher(i, naive);
            exit(0);            /* exit, not _exit: flush what we printed */
        }
    struct sembuf serve = { SEATED, N, 0 };
    semop(forks, &serve, 1);
    int left = N, stuck = 0;
    while (left > 0) {
        if (waitpid(-1, 0, WNOHANG) > 0) {
            left--;
            continue;
        }
        if (naive && !stuck && deadlocked()) {
            show_cycle(pids);
            stuck = 1;
            if (keep) {
                printf("left deadlocked: try `deadlock`, then `kill %d`\n", getpid());
                continue;
            }
            for (int i = 0; i < N; i++)
                kill(pids[i], SIGKILL);
        }
        think();
    }
    if (!stuck)
        printf("all %d philosophers ate %d meals: no deadlock%s\n", N, MEALS,
               naive ? " this time (the window is narrow; run it again)" : "");
    semctl(forks, 0, IPC_RMID);
    return stuck;
}
