/*
 * poll and select: wait until one of several descriptors is ready.
 *
 * Protocol: every descriptor's poll operation answers "what could you do
 * now" (POLLIN, POLLOUT, POLLHUP, POLLERR) and, when given a poll table,
 * puts one wait entry on each queue whose change could change that answer
 * (proc/waitq.c).  sys_poll asks every descriptor; if none is ready it
 * sleeps once, on all those queues together and until the timeout; any
 * wake-up takes every entry off and asks again.  A descriptor without a
 * poll operation (a regular file, a directory) is always ready, as on
 * Linux.  A signal ends the wait with EINTR when a handler runs: poll and
 * select are never restarted after a handler (Linux, SA_RESTART or not).
 */
#include "fs/file.h"
#include "proc/proc.h"
#include "arch/timer.h"
#include "syscall.h"
#include <parley/poll.h>

#define ALWAYS_REPORTED (POLLERR | POLLHUP | POLLNVAL)
#define NS_PER_MS 1000000ull

/* What f can do now; registers its queues in pt (which may be NULL). */
static unsigned
file_poll(struct file *f, struct poll_table *pt)
{
    if (!f->ops->poll)
        return POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;
    return f->ops->poll(f, pt);
}

/* Fill every revents; the number of entries with a non-zero one. */
static int
poll_scan(struct pollfd *fds, unsigned nfds, struct poll_table *pt)
{
    int ready = 0;
    for (unsigned i = 0; i < nfds; i++) {
        struct file *f = fd_get(fds[i].fd);
        if (fds[i].fd < 0)
            fds[i].revents = 0;         /* ignored */
        else if (!f)
            fds[i].revents = POLLNVAL;
        else
            fds[i].revents = file_poll(f, pt) & (fds[i].events | ALWAYS_REPORTED);
        if (fds[i].revents)
            ready++;
    }
    return ready;
}

/*
 * Wait until some entry of fds is ready or the deadline passes (0: no
 * deadline; timeout_zero: do not wait at all).  Returns the ready count or
 * -ERESTARTNOHAND for a signal.
 */
static int
poll_wait_ready(struct pollfd *fds, unsigned nfds, uint64_t deadline, bool timeout_zero)
{
    struct poll_table pt;
    poll_table_begin(&pt);
    for (;;) {
        int ready = poll_scan(fds, nfds, timeout_zero ? 0 : &pt);
        if (ready || timeout_zero || (deadline && time_now_ns() >= deadline)) {
            poll_table_end(&pt);
            return ready;
        }
        /* Queues we could not join: look again soon instead of never. */
        uint64_t until = pt.overflow ? time_now_ns() + 10 * NS_PER_MS : deadline;
        if (deadline && until > deadline)
            until = deadline;
        int err = waitq_sleep_until(0, until, "poll %d fds", nfds, 0);
        poll_table_end(&pt);
        if (err)
            return -ERESTARTNOHAND;
    }
}

long
sys_poll(struct pollfd *ufds, unsigned long nfds, int timeout_ms)
{
    struct pollfd fds[PARLEY_POLL_MAX];
    if (nfds > PARLEY_POLL_MAX)
        return -EINVAL;
    if (copy_from_user(fds, ufds, nfds * sizeof fds[0]) < 0)
        return -EFAULT;
    uint64_t deadline = timeout_ms > 0 ? time_now_ns() + timeout_ms * NS_PER_MS : 0;
    int ready = poll_wait_ready(fds, nfds, deadline, timeout_ms == 0);
    if (ready < 0)
        return ready;
    for (unsigned i = 0; i < nfds; i++)        /* only revents is written */
        if (copy_to_user(&ufds[i].revents, &fds[i].revents, sizeof fds[i].revents) < 0)
            return -EFAULT;
    return ready;
}

/* ---- select: the same wait, with bit sets ------------------------------ */

#define SELECT_WORDS ((OPEN_MAX + 31) / 32)
#define SELECT_IN  (POLLIN | POLLRDNORM | POLLHUP | POLLERR)
#define SELECT_OUT (POLLOUT | POLLWRNORM | POLLERR)
#define SELECT_EX  POLLPRI

static bool bit_is_set(const uint32_t *set, int fd) { return set[fd / 32] >> (fd % 32) & 1; }
static void bit_set(uint32_t *set, int fd)          { set[fd / 32] |= 1u << (fd % 32); }

/* Copy a user set of nfds bits in (a NULL set is empty).  Bits at or past
 * OPEN_MAX name descriptors that cannot be open. */
static int
select_copy_in(uint32_t *set, const uint32_t *uset, int nfds)
{
    uint32_t words[(1024 + 31) / 32];
    memset(set, 0, SELECT_WORDS * sizeof *set);
    if (!uset)
        return 0;
    int nwords = (nfds + 31) / 32;
    if (copy_from_user(words, uset, nwords * sizeof *words) < 0)
        return -EFAULT;
    if (nfds % 32)
        words[nwords - 1] &= (1u << (nfds % 32)) - 1;
    for (int w = 0; w < nwords; w++)
        if (words[w] && w >= SELECT_WORDS)
            return -EBADF;
    memcpy(set, words, MIN(nwords, SELECT_WORDS) * sizeof *set);
    return 0;
}

static int
select_copy_out(uint32_t *uset, const uint32_t *set, int nfds)
{
    uint32_t words[(1024 + 31) / 32] = { 0 };
    if (!uset)
        return 0;
    int nwords = (nfds + 31) / 32;
    memcpy(words, set, MIN(nwords, SELECT_WORDS) * sizeof *set);
    return copy_to_user(uset, words, nwords * sizeof *words);
}

/* One pollfd per descriptor named in any set; -EBADF if one is not open. */
static int
select_to_pollfds(uint32_t sets[3][SELECT_WORDS], int nfds, struct pollfd *fds)
{
    unsigned n = 0;
    for (int fd = 0; fd < MIN(nfds, OPEN_MAX); fd++) {
        short events = (bit_is_set(sets[0], fd) ? SELECT_IN : 0) |
                       (bit_is_set(sets[1], fd) ? SELECT_OUT : 0) |
                       (bit_is_set(sets[2], fd) ? SELECT_EX : 0);
        if (!events)
            continue;
        if (!fd_get(fd))
            return -EBADF;
        fds[n].fd = fd;
        fds[n].events = events;
        n++;
    }
    return n;
}

/* Only the ready descriptors stay in the sets; the count of bits left. */
static int
select_from_pollfds(uint32_t sets[3][SELECT_WORDS], const struct pollfd *fds, int n)
{
    static const short kinds[3] = { SELECT_IN, SELECT_OUT, SELECT_EX };
    int bits = 0;
    memset(sets, 0, 3 * SELECT_WORDS * sizeof(uint32_t));
    for (int i = 0; i < n; i++)
        for (int k = 0; k < 3; k++)
            if (fds[i].events & fds[i].revents & kinds[k]) {
                bit_set(sets[k], fds[i].fd);
                bits++;
            }
    return bits;
}

static uint64_t
timespec_ns(const struct timespec *ts)
{
    return (uint64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

long
sys_select(int nfds, uint32_t *uread, uint32_t *uwrite, uint32_t *uexcept,
           struct timespec *utimeout)
{
    uint32_t sets[3][SELECT_WORDS];
    uint32_t *usets[3] = { uread, uwrite, uexcept };
    struct pollfd fds[OPEN_MAX];
    struct timespec ts;
    if (nfds < 0 || nfds > 1024)
        return -EINVAL;
    for (int k = 0; k < 3; k++) {
        int err = select_copy_in(sets[k], usets[k], nfds);
        if (err)
            return err;
    }
    if (utimeout && copy_from_user(&ts, utimeout, sizeof ts) < 0)
        return -EFAULT;
    if (utimeout && (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000))
        return -EINVAL;
    int n = select_to_pollfds(sets, nfds, fds);
    if (n < 0)
        return n;
    uint64_t start = time_now_ns();
    uint64_t wait_ns = utimeout ? timespec_ns(&ts) : 0;
    int ready = poll_wait_ready(fds, n, wait_ns ? start + wait_ns : 0, utimeout && wait_ns == 0);
    if (utimeout) {                     /* Linux: the time not slept */
        uint64_t slept = time_now_ns() - start;
        uint64_t left = slept < wait_ns ? wait_ns - slept : 0;
        ts.tv_sec = left / 1000000000;
        ts.tv_nsec = left % 1000000000;
        copy_to_user(utimeout, &ts, sizeof ts);
    }
    if (ready < 0)
        return ready;
    int bits = select_from_pollfds(sets, fds, n);
    for (int k = 0; k < 3; k++)
        if (select_copy_out(usets[k], sets[k], nfds) < 0)
            return -EFAULT;
    return bits;
}
