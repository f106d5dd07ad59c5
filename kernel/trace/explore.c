/*
 * Reproducible interleavings: scheduling driven by a seed.
 *
 * Under QEMU the timer fires at wall-clock moments, so two runs of a racy
 * program interleave differently and a bad interleaving cannot be replayed.
 * In explore mode the processes that asked for it (and their children) are
 * preempted only at deterministic points -- the end of a system call --
 * and whether to switch there, and to whom, comes from a pseudo-random
 * stream seeded by the user.  The same seed and the same program give the
 * same sequence of switches, hence the same interleaving and output.
 *
 *   SCHED_EXPLORE_SEEDED  at each call's end, switch with probability 1/2,
 *                         to a runnable process chosen by the stream
 *   SCHED_EXPLORE_EVERY   switch at the end of every call (round robin),
 *                         to shake out races fast
 *
 * The timer still preempts an explored process that computes for a whole
 * second without a system call (a safety valve; such a run is not
 * reproducible, and the explore tool's docs say so).
 */
#include "trace/explore.h"
#include "proc/proc.h"
#include "proc/sched.h"
#include "syscall.h"
#include <parley/sched.h>

#define SAFETY_TICKS 100        /* 1 s of computing without a call */

static uint32_t stream;         /* xorshift32 state: never 0 */

static uint32_t
next_random(void)
{
    stream ^= stream << 13;
    stream ^= stream >> 17;
    stream ^= stream << 5;
    return stream;
}

static bool
is_explored(struct proc *p)
{
    return p->explore != SCHED_EXPLORE_OFF;
}

/* The end of a system call of an explored process: perhaps switch to
 * another explored process.  Only explored processes are counted and
 * chosen, so whatever else happens to be runnable (a shell, a test
 * harness waking on its timer) cannot change the interleaving. */
void
explore_point(struct proc *p)
{
    unsigned others = 0;
    while (sched_runnable_nth(is_explored, others))
        others++;
    if (others == 0)
        return;
    if (p->explore == SCHED_EXPLORE_EVERY) {
        sched_yield_to(sched_runnable_nth(is_explored, 0));
        return;
    }
    if (next_random() & 1)
        return;
    sched_yield_to(sched_runnable_nth(is_explored, next_random() % others));
}

/* May the timer preempt p now?  Explored processes only after SAFETY_TICKS. */
bool
explore_timer_may_preempt(struct proc *p)
{
    return !p->explore || ++p->explore_ticks >= SAFETY_TICKS;
}

long
sys_sched_explore(int mode, unsigned seed)
{
    if (mode != SCHED_EXPLORE_OFF && mode != SCHED_EXPLORE_SEEDED &&
        mode != SCHED_EXPLORE_EVERY)
        return -EINVAL;
    if (mode == SCHED_EXPLORE_SEEDED)
        stream = seed ? seed : 0x9e3779b9;
    current->explore = mode;
    return 0;
}
