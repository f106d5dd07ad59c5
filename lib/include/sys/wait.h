/* wait() and waitpid(); the status macros are in <parley/wait.h>. */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <parley/wait.h>

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);

struct rusage;
pid_t wait3(int *status, int options, struct rusage *usage);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *usage);

/* POSIX waitid: a siginfo instead of a status word (<signal.h>). */
#include <parley/signal.h>
typedef int idtype_t;               /* P_ALL, P_PID, P_PGID */
int   waitid(idtype_t idtype, id_t id, siginfo_t *info, int options);

#endif
