#ifndef ARCH_TIMER_H
#define ARCH_TIMER_H

#include <stdint.h>

#define TIMER_HZ 100                    /* scheduler ticks per second */
#define NSEC_PER_TICK (1000000000 / TIMER_HZ)

void timer_init(void);
uint64_t time_now_ns(void);             /* monotonic, since boot */
int64_t  time_realtime_ns(void);        /* wall clock: boot_epoch_ns + uptime */
int64_t  time_realtime_s(void);         /* the same in whole seconds, cheaply */
extern int64_t boot_epoch_ns;           /* wall-clock time at boot (0 until an RTC sets it) */
extern volatile uint64_t ticks;

#endif
