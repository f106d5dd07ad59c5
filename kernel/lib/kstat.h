/*
 * Kernel accounting (see <parley/kstat.h> for the kinds).  Every allocation
 * of a counted object is paired with kstat_add(kind, +1) and every release
 * with kstat_add(kind, -1); a count that would go negative is a kernel bug
 * and panics at once, where it happens.
 */
#ifndef LIB_KSTAT_H
#define LIB_KSTAT_H

#include <parley/kstat.h>

void     kstat_add(enum kstat_kind kind, int delta);
unsigned kstat_get(enum kstat_kind kind);

#endif
