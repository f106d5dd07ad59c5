/*
 * Time.  The 8253/8254 PIT interrupts TIMER_HZ times a second: that drives
 * preemption and wakes timed sleeps.  The CPU's time-stamp counter, whose
 * rate is measured against the PIT at boot, gives time_now_ns() a
 * resolution far below a microsecond for clock_gettime().
 */
#include "lib/kernel.h"
#include "arch/x86.h"
#include "arch/irq.h"
#include "arch/timer.h"
#include "proc/sched.h"

#define PIT_HZ        1193182
#define PIT_CH0       0x40
#define PIT_CH2       0x42
#define PIT_CMD       0x43
#define PIT_GATE_PORT 0x61              /* bit 0: channel 2 gate, bit 5: output */
#define CALIBRATE_MS  10

volatile uint64_t ticks;
static uint64_t tsc_at_boot;
static uint64_t tsc_per_ms;

/* Count TSC cycles while PIT channel 2 counts down CALIBRATE_MS ms. */
static void
tsc_calibrate(void)
{
    uint16_t count = PIT_HZ * CALIBRATE_MS / 1000;
    uint8_t gate = inb(PIT_GATE_PORT);

    outb(PIT_GATE_PORT, (gate & ~0x02) | 0x01);   /* gate on, speaker off */
    outb(PIT_CMD, 0xB0);                         /* ch 2, lo/hi, mode 0 */
    outb(PIT_CH2, count & 0xff);
    outb(PIT_CH2, count >> 8);
    uint64_t start = rdtsc();
    while (!(inb(PIT_GATE_PORT) & 0x20))
        ;
    uint64_t cycles = rdtsc() - start;
    outb(PIT_GATE_PORT, gate);
    tsc_per_ms = cycles / CALIBRATE_MS;
    if (tsc_per_ms == 0)
        tsc_per_ms = 1;
}

/* TSC cycles since boot as nanoseconds: floor(cycles * 10^6 / tsc_per_ms),
 * in two steps so that the product cannot overflow. */
static uint64_t
cycles_to_ns(uint64_t cycles)
{
    uint64_t ms = cycles / tsc_per_ms;
    uint64_t rest = cycles % tsc_per_ms;
    return ms * 1000000 + rest * 1000000 / tsc_per_ms;
}

uint64_t
time_now_ns(void)
{
    return cycles_to_ns(rdtsc() - tsc_at_boot);
}

static void
timer_interrupt(void)
{
    ticks++;
    sched_tick();
}

void
timer_init(void)
{
    tsc_calibrate();
    tsc_at_boot = rdtsc();
    uint16_t divisor = PIT_HZ / TIMER_HZ;
    outb(PIT_CMD, 0x34);                         /* ch 0, lo/hi, rate generator */
    outb(PIT_CH0, divisor & 0xff);
    outb(PIT_CH0, divisor >> 8);
    irq_register(IRQ_TIMER, timer_interrupt);
    printk("timer: %d Hz, TSC %u kHz\n", TIMER_HZ, (unsigned)tsc_per_ms);
}

/* Wall-clock time: the epoch time at boot plus the time since.  Until a
 * real-time clock driver sets boot_epoch_ns this counts from 1970 at boot. */
int64_t boot_epoch_ns;

int64_t
time_realtime_ns(void)
{
    return boot_epoch_ns + (int64_t)time_now_ns();
}

/*
 * Wall-clock seconds, time_realtime_ns() / 10^9 exactly, for the time
 * fields System V IPC keeps (every semop sets sem_otime, every shmat
 * shm_atime).  The 64-bit divisions are done once a second: the TSC value
 * by which the second is surely not over is kept, and until then one
 * rdtsc answers.  Setting the clock (boot_epoch_ns) starts again.
 */
int64_t
time_realtime_s(void)
{
    static uint64_t second_lasts_until;     /* a TSC value */
    static int64_t second, epoch;
    uint64_t now = rdtsc();
    if (now < second_lasts_until && epoch == boot_epoch_ns)
        return second;
    int64_t ns = boot_epoch_ns + (int64_t)cycles_to_ns(now - tsc_at_boot);
    second = ns / 1000000000;
    epoch = boot_epoch_ns;
    /* Cycles to the next second, less two nanoseconds' worth for the
     * rounding in cycles_to_ns; none before 1970 (ns < 0: no caching). */
    int64_t left = 1000000000 - ns % 1000000000;
    second_lasts_until = ns >= 0 && left > 2 ?
                         now + (uint64_t)(left - 2) * tsc_per_ms / 1000000 : 0;
    return second;
}
