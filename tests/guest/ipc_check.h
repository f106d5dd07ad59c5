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
 *   ipc_run_tool(prog, a1, a2, a3, buf, size)
 *                                  runs /bin/prog (ipcs, ipcrm...) with its
 *                                  output in buf; returns its exit status.
 *   ipc_stress_run(&s)             several producers and consumers exchange
 *                                  s.messages numbered messages through the
 *                                  caller's send/receive functions; fails
 *                                  unless every number arrives exactly once.
 *                                  A consumer may first make what it
 *                                  receives from (a port) and publish its
 *                                  id to the producers (s.setup).
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

/* Runs /bin/prog with up to three arguments, its output into buf; returns
 * its exit status. */
static CHECK_UNUSED int
ipc_run_tool(const char *prog, const char *a1, const char *a2, const char *a3,
         char *buf, size_t size)
{
    int fds[2];
    CHECK_OK(pipe(fds));
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        char path[32];
        snprintf(path, sizeof path, "/bin/%s", prog);
        execl(path, prog, a1, a2, a3, (char *)0);
        _exit(127);
    }
    close(fds[1]);
    size_t len = 0;
    ssize_t n;
    while (len + 1 < size && (n = read(fds[0], buf + len, size - 1 - len)) > 0)
        len += n;
    buf[len] = 0;
    close(fds[0]);
    return ipc_reap(pid);
}

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

/*
 * The stress harness.  Consumers are forked first (their pids are in
 * ipc_stress_consumers[] before any producer starts), then producers;
 * producer p sends the numbers i with i % producers == p.  Each consumer
 * reports every number it receives through a pipe; once all have been
 * seen, stop(c) is called for every consumer, whose receive must then
 * return -1.  send returns 0 on success; receive a number >= 0, -1 to
 * stop, or < -1 on an error.  setup (or NULL) runs first in consumer c and
 * returns a value >= 0 (say, the id of a port it made), which the harness
 * waits for and leaves in ipc_stress_ready[c] for the producers and stop.
 */
struct ipc_stress {
    int producers, consumers, messages;
    int (*send)(int producer, int number);
    int (*receive)(int consumer);
    int (*stop)(int consumer);
    int (*setup)(int consumer);
};

#define IPC_STRESS_MAX 8
static pid_t ipc_stress_consumers[IPC_STRESS_MAX];
static int ipc_stress_ready[IPC_STRESS_MAX];

static CHECK_UNUSED void
ipc_stress_consume(const struct ipc_stress *s, int c, int out)
{
    if (s->setup) {
        int ready = ipc_stress_ready[c] = s->setup(c);
        if (ready < 0 || write(out, &ready, sizeof ready) != sizeof ready)
            _exit(3);
    }
    for (;;) {
        int number = s->receive(c);
        if (number == -1)
            _exit(0);
        if (number < 0)
            _exit(1);
        if (write(out, &number, sizeof number) != sizeof number)
            _exit(2);
    }
}

static CHECK_UNUSED void
ipc_stress_produce(const struct ipc_stress *s, int p)
{
    for (int i = p; i < s->messages; i += s->producers)
        if (s->send(p, i) != 0)
            _exit(1);
    _exit(0);
}

static CHECK_UNUSED void
ipc_stress_run(const struct ipc_stress *s)
{
    static unsigned char seen[200000];
    pid_t producers[IPC_STRESS_MAX];
    int fds[2], number, got = 0;

    if (s->messages > (int)sizeof seen || s->producers > IPC_STRESS_MAX ||
        s->consumers > IPC_STRESS_MAX || pipe(fds) < 0)
        check_fail(__FILE__, __LINE__, "bad stress set-up");
    memset(seen, 0, sizeof seen);
    /* A consumer's set-up value is the only thing in the pipe until the
     * producers start, so they can be read one consumer at a time. */
    for (int c = 0; c < s->consumers; c++) {
        if ((ipc_stress_consumers[c] = fork()) == 0) {
            close(fds[0]);
            ipc_stress_consume(s, c, fds[1]);
        }
        if (s->setup)
            CHECK_EQ(read(fds[0], &ipc_stress_ready[c], sizeof(int)), (ssize_t)sizeof(int));
    }
    close(fds[1]);
    for (int p = 0; p < s->producers; p++)
        if ((producers[p] = fork()) == 0) {
            close(fds[0]);
            ipc_stress_produce(s, p);
        }
    while (got < s->messages && read(fds[0], &number, sizeof number) == sizeof number) {
        CHECK(number >= 0 && number < s->messages);
        CHECK_EQ(seen[number], 0);
        seen[number] = 1;
        got++;
    }
    CHECK_EQ(got, s->messages);
    for (int p = 0; p < s->producers; p++)
        CHECK_EQ(ipc_reap(producers[p]), 0);
    for (int c = 0; c < s->consumers; c++)
        CHECK_OK(s->stop(c));
    for (int c = 0; c < s->consumers; c++)
        CHECK_EQ(ipc_reap(ipc_stress_consumers[c]), 0);
    CHECK_EQ(read(fds[0], &number, sizeof number), 0);   /* nothing extra */
    close(fds[0]);
}

#endif
