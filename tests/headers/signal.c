/* <signal.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <signal.h>

static volatile int never;

int
main(void)
{
    sigset_t s; struct sigaction sa; stack_t ss; siginfo_t info; union sigval v; sig_atomic_t a = 0; struct timespec t = { 0, 0 }; int n[] = { SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGKILL, SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU, SIGURG, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGWINCH, SIGPOLL, SIGSYS, SIGRTMIN, SIGRTMAX, NSIG, SA_NOCLDSTOP, SA_NOCLDWAIT, SA_SIGINFO, SA_ONSTACK, SA_RESTART, SA_NODEFER, SA_RESETHAND, SS_ONSTACK, SS_DISABLE, MINSIGSTKSZ, SIGSTKSZ, SIG_BLOCK, SIG_UNBLOCK, SIG_SETMASK, SI_USER, SI_QUEUE, SI_TIMER, SI_MESGQ, SI_ASYNCIO, SI_KERNEL, CLD_EXITED, CLD_KILLED, CLD_STOPPED, CLD_CONTINUED, SEGV_MAPERR, SEGV_ACCERR }; void (*h[])(int) = { SIG_DFL, SIG_IGN, SIG_ERR, SIG_HOLD }; (void)n; (void)h; (void)a;
    if (never) {
        sigemptyset(&s); sigfillset(&s); sigaddset(&s, SIGINT); sigdelset(&s, SIGINT); sigismember(&s, SIGINT); sa.sa_handler = SIG_IGN; sa.sa_sigaction = 0; sa.sa_mask = s; sa.sa_flags = 0; sigaction(SIGINT, &sa, 0); signal(SIGINT, SIG_DFL); kill(1, 0); killpg(1, 0); raise(0); sigprocmask(SIG_BLOCK, &s, 0); sigpending(&s); sigsuspend(&s); sigaltstack(&ss, 0); v.sival_int = 0; v.sival_ptr = 0; sigqueue(1, SIGRTMIN, v); int sig; sigwait(&s, &sig); sigwaitinfo(&s, &info); sigtimedwait(&s, &info, &t); (void)info.si_signo; (void)info.si_code; (void)info.si_pid; (void)info.si_uid; (void)info.si_addr; (void)info.si_status; (void)info.si_value; sighold(SIGINT); sigrelse(SIGINT); sigignore(SIGINT); sigpause(SIGINT); sigset(SIGINT, SIG_HOLD); psignal(SIGINT, "x"); strsignal(SIGINT);
    }
    return 0;
}
