/* waitpid() options and the encoding of the status word (Linux's). */
#ifndef PARLEY_WAIT_H
#define PARLEY_WAIT_H

#define WNOHANG     1
#define WUNTRACED   2
#define WSTOPPED    WUNTRACED   /* waitid's name for it */
#define WEXITED     4           /* waitid: report exits (waitpid always does) */
#define WCONTINUED  8
#define WNOWAIT     0x01000000  /* waitid: report, but leave the child waitable */

/* waitid's idtype: which children id names. */
#define P_ALL   0
#define P_PID   1
#define P_PGID  2

/* status: exit code << 8 | 0; signal number (| 0x80 for core); stop: sig << 8 | 0x7f;
 * continued: 0xffff. */
#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WTERMSIG(s)     ((s) & 0x7f)
#define WSTOPSIG(s)     WEXITSTATUS(s)
#define WIFEXITED(s)    (WTERMSIG(s) == 0)
#define WIFSIGNALED(s)  (((signed char)(((s) & 0x7f) + 1) >> 1) > 0)
#define WIFSTOPPED(s)   (((s) & 0xff) == 0x7f)
#define WIFCONTINUED(s) ((s) == 0xffff)
#define WCOREDUMP(s)    ((s) & 0x80)

#define W_EXITCODE(ret, sig) ((ret) << 8 | (sig))
#define W_STOPCODE(sig)      ((sig) << 8 | 0x7f)
#define W_CONTINUED          0xffff

#endif
