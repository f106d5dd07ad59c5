/* times(): process CPU times in clock ticks (sysconf(_SC_CLK_TCK)). */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <sys/types.h>
#include <parley/resource.h>        /* struct tms */

clock_t times(struct tms *buf);

#endif
