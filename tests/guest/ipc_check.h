/*
 * ipc_check.h -- helpers the IPC suites share (message queues, mailboxes;
 * semaphores and shared memory may use them too).  Parley-specific: they
 * use procinfo() and kstat() from <parley.h>.
 *
 *   ipc_wait_asleep(pid, prefix)   returns once process pid sleeps in a wait
 *                                  whose name starts with prefix (as ps shows
 *                                  it); fails the case after 10 s.
 *   ipc_signal_later(pid, sig, ms) forks a helper that sends sig to pid after
 *                                  ms milliseconds; returns its pid.
 *   ipc_reap(pid)                  waitpid and return the exit code, failing
 *                                  the case if pid did not exit normally.
 */
#ifndef IPC_CHECK_H
#define IPC_CHECK_H

#include "check.h"
#include <parley.h>

static CHECK_UNUSED int
ipc_sleeps_in(pid_t pid, const char *prefix)
{
    static struct procinfo list[64];
    int n = procinfo(list, 64);

    for (int i = 0; i < n; i++)
        if (list[i].pid == pid)
            return list[i].state == 'S' &&
                   strncmp(list[i].wait, prefix, strlen(prefix)) == 0;
    return 0;
}

#define ipc_wait_asleep(pid, prefix) do {                                   \
    int ipc_tries_ = 0;                                                     \
    while (!ipc_sleeps_in((pid), (prefix))) {                               \
        if (++ipc_tries_ > 1000)                                            \
            check_fail(__FILE__, __LINE__, "pid %d never slept in \"%s\"",  \
                       (int)(pid), (prefix));                               \
        check_sleep_ms(10);                                                 \
    }                                                                       \
} while (0)

static CHECK_UNUSED pid_t
ipc_signal_later(pid_t pid, int sig, long ms)
{
    pid_t helper = fork();

    if (helper == 0) {
        check_sleep_ms(ms);
        kill(pid, sig);
        _exit(0);
    }
    return helper;
}

#define ipc_reap(pid) ({                                                    \
    int ipc_status_ = 0;                                                    \
    if (waitpid((pid), &ipc_status_, 0) != (pid) || !WIFEXITED(ipc_status_))\
        check_fail(__FILE__, __LINE__, "child %d did not exit (status 0x%x)",\
                   (int)(pid), ipc_status_);                                \
    WEXITSTATUS(ipc_status_);                                               \
})

/* The kernel's count of one kind of object (KSTAT_*). */
static CHECK_UNUSED unsigned
ipc_kstat_count(int kind)
{
    struct kstat k;

    if (kstat(&k) < 0)
        check_fail(__FILE__, __LINE__, "kstat failed");
    return k.count[kind];
}

static CHECK_UNUSED unsigned
ipc_free_frames(void)
{
    struct kstat k;

    if (kstat(&k) < 0)
        check_fail(__FILE__, __LINE__, "kstat failed");
    return k.frames_free;
}

#endif
