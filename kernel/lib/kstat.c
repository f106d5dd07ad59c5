/*
 * Kernel accounting: one counter per kind of object, and the kstat call
 * that reports them with the frame counts.
 */
#include "lib/kernel.h"
#include "lib/kstat.h"
#include "mm/frame.h"
#include "mm/vm.h"
#include "syscall.h"

static unsigned counts[KSTAT_NKINDS];

#define PARLEY_KSTAT_NAME(field, text) #field,
static const char *const kind_names[KSTAT_NKINDS] = { PARLEY_KSTAT_KINDS(PARLEY_KSTAT_NAME) };

void
kstat_add(enum kstat_kind kind, int delta)
{
    assert(kind < KSTAT_NKINDS);
    if (delta < 0 && counts[kind] < (unsigned)-delta)
        panic("kstat: %s count %u would drop by %d", kind_names[kind], counts[kind], -delta);
    counts[kind] += delta;
}

unsigned
kstat_get(enum kstat_kind kind)
{
    assert(kind < KSTAT_NKINDS);
    return counts[kind];
}

long
sys_kstat(struct kstat *ubuf)
{
    struct kstat k = {
        .frames_total = frame_total_count(),
        .frames_free = frame_free_count(),
        .nkinds = KSTAT_NKINDS,
    };
    memcpy(k.count, counts, sizeof counts);
    return copy_to_user(ubuf, &k, sizeof k);
}
