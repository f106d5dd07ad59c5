/* Timeouts of the IPC calls (semtimedop, futex): see deadline.h. */
#include "ipc/deadline.h"
#include "mm/vm.h"
#include "arch/timer.h"
#include <parley/time.h>

int
deadline_from_user(const struct timespec *utimeout, uint64_t *deadline)
{
    struct timespec t;
    if (copy_from_user(&t, utimeout, sizeof t) < 0)
        return -EFAULT;
    if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= 1000000000)
        return -EINVAL;
    *deadline = time_now_ns() + (uint64_t)t.tv_sec * 1000000000 + (uint64_t)t.tv_nsec;
    return 0;
}
