/*
 * Kernel accounting (see <parley/kstat.h> for the kinds).  Every allocation
 * of a counted object is paired with kstat_add(kind, +1) and every release
 * with kstat_add(kind, -1); a count that would go negative is a kernel bug
 * and panics at once, where it happens.
 */
#ifndef LIB_KSTAT_H
#define LIB_KSTAT_H

#include "lib/kernel.h"
#include <parley/kstat.h>

extern unsigned kstat_counts[KSTAT_NKINDS];
void     kstat_underflow(enum kstat_kind kind, int delta) __attribute__((noreturn));
unsigned kstat_get(enum kstat_kind kind);

/* Inline: the message and semaphore paths count on every call, and the
 * kind is nearly always a constant, so this is a compare and an add. */
static inline void
kstat_add(enum kstat_kind kind, int delta)
{
    assert(kind < KSTAT_NKINDS);
    if (delta < 0 && kstat_counts[kind] < (unsigned)-delta)
        kstat_underflow(kind, delta);
    kstat_counts[kind] += delta;
}

#endif
