/* <sys/wait.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/resource.h>
#include <sys/wait.h>

static volatile int never;

int
main(void)
{
    int st = 0; struct rusage *ru = 0; int o[] = { WNOHANG, WUNTRACED, WCONTINUED }; (void)o;
    if (never) {
        wait(&st); waitpid(-1, &st, WNOHANG); wait3(&st, 0, ru); wait4(-1, &st, 0, ru); siginfo_t si; waitid(P_ALL, 0, &si, WEXITED | WSTOPPED | WCONTINUED | WNOWAIT | WNOHANG); waitid(P_PID, 1, &si, WEXITED); waitid(P_PGID, 0, &si, WEXITED); (void)WIFEXITED(st); (void)WEXITSTATUS(st); (void)WIFSIGNALED(st); (void)WTERMSIG(st); (void)WIFSTOPPED(st); (void)WSTOPSIG(st); (void)WIFCONTINUED(st);
    }
    return 0;
}
