/*
 * Kernel accounting: one counter per kind of object, and the kstat call
 * that reports them with the frame counts.
 */
#include "lib/kernel.h"
#include "lib/kstat.h"
#include "mm/frame.h"
#include "mm/vm.h"
#include "syscall.h"

unsigned kstat_counts[KSTAT_NKINDS];

#define PARLEY_KSTAT_NAME(field, text) #field,
static const char *const kind_names[KSTAT_NKINDS] = { PARLEY_KSTAT_KINDS(PARLEY_KSTAT_NAME) };

/* kstat_add found a count about to go negative: a kernel bug. */
void
kstat_underflow(enum kstat_kind kind, int delta)
{
    panic("kstat: %s count %u would drop by %d", kind_names[kind], kstat_counts[kind], -delta);
}

unsigned
kstat_get(enum kstat_kind kind)
{
    assert(kind < KSTAT_NKINDS);
    return kstat_counts[kind];
}

long
sys_kstat(struct kstat *ubuf)
{
    struct kstat k = {
        .frames_total = frame_total_count(),
        .frames_free = frame_free_count(),
        .nkinds = KSTAT_NKINDS,
    };
    memcpy(k.count, kstat_counts, sizeof kstat_counts);
    return copy_to_user(ubuf, &k, sizeof k);
}
