/*
 * kstat_check.h -- the leak checks of the guest tests that use Parley's
 * accounting (kstat, <parley/kstat.h>); include after check.h.
 *
 *     struct kstat before = kstat_now();
 *     ... create and destroy things ...
 *     check_same_counts(&before);     every count and the free frames as before
 */
#ifndef KSTAT_CHECK_H
#define KSTAT_CHECK_H

#include <parley.h>

static CHECK_UNUSED struct kstat
kstat_now(void)
{
    struct kstat k;

    if (kstat(&k) < 0)
        check_fail(__FILE__, __LINE__, "kstat failed with %s", check_errno_name(errno));
    return k;
}

/* Fails the case unless every count and the free frames are as in before. */
static CHECK_UNUSED void
check_same_counts(const struct kstat *before)
{
    struct kstat after = kstat_now();

    for (int i = 0; i < KSTAT_NKINDS; i++)
        if (after.count[i] != before->count[i])
            check_fail(__FILE__, __LINE__, "count %d went from %u to %u", i,
                       before->count[i], after.count[i]);
    CHECK_EQ(after.frames_free, before->frames_free);
}

#endif
