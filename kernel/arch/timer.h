#ifndef ARCH_TIMER_H
#define ARCH_TIMER_H

#include <stdint.h>

#define TIMER_HZ 100                    /* scheduler ticks per second */
#define NSEC_PER_TICK (1000000000 / TIMER_HZ)

void timer_init(void);
uint64_t time_now_ns(void);             /* monotonic, since boot */
extern volatile uint64_t ticks;

#endif
