#ifndef IPC_DEADLINE_H
#define IPC_DEADLINE_H

#include "lib/kernel.h"

struct timespec;

/* A relative timeout from user space as a deadline on the monotonic clock
 * (time_now_ns), for waitq_sleep_until.  -EFAULT, or -EINVAL for a negative
 * time or tv_nsec out of 0..999999999. */
int deadline_from_user(const struct timespec *utimeout, uint64_t *deadline);

#endif
