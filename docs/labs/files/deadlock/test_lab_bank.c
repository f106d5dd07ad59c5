/*
 * Lab deadlock: bank must finish, with the money intact, under every
 * interleaving explore mode tries -- and the tellers must still lock both
 * accounts around each transfer.
 */
#include <fcntl.h>
#include <parley.h>
#include <sys/sem.h>
#include "check.h"

#define SEEDS 12

/* Run bank under seed; 0 if it finished with the balances right, 1 if it
 * finished wrong, 2 if it was still running after 5 s (deadlocked). */
static int
run_bank(unsigned seed)
{
    pid_t pid = fork();
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        dup2(null, 1);
        setpgid(0, 0);          /* bank and its tellers: one group to kill */
        sched_explore(SCHED_EXPLORE_SEEDED, seed);
        execl("/bin/bank", "bank", (char *)NULL);
        _exit(127);
    }
    for (int waited = 0; waited < 500; waited++) {
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid)
            return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
        usleep(10000);
    }
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    return 2;
}

static void
case_bank_never_deadlocks(void)
{
    for (unsigned seed = 1; seed <= SEEDS; seed++) {
        int r = run_bank(seed);
        if (r == 2)
            check_fail(__FILE__, __LINE__, "seed %u: still running after 5 s "
                       "(replay it: explore -r %u bank)", seed, seed);
        CHECK_EQ(r, 0);
    }
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(bank_never_deadlocks),
    };
    return check_main("lab_bank", cases, CHECK_NCASES(cases), argc, argv);
}
