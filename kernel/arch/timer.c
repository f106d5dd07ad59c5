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
#define CALIBRATE_MS     10         /* of the 55 ms channel 2 can count */
#define CALIBRATE_TRIES  20
#define SAMPLE_TRIES     4

volatile uint64_t ticks;
static uint64_t tsc_at_boot;
static uint32_t tsc_per_ms;         /* under 4.3 THz: fits */

/* Count TSC cycles while PIT channel 2 counts down CALIBRATE_MS ms: the
 * way of last resort, since a pause of the host while it polls is counted
 * in (see below). */
static uint64_t
tsc_polled_countdown(void)
{
    uint16_t count = PIT_HZ * CALIBRATE_MS / 1000;

    outb(PIT_CMD, 0xB0);                         /* ch 2, lo/hi, mode 0 */
    outb(PIT_CH2, count & 0xff);
    outb(PIT_CH2, count >> 8);
    uint64_t start = rdtsc();
    while (!(inb(PIT_GATE_PORT) & 0x20))
        ;
    return (rdtsc() - start) / CALIBRATE_MS;
}

/*
 * The TSC's rate is measured against PIT channel 2, from two readings of
 * both clocks CALIBRATE_MS apart.  Only how far each clock got between the
 * readings matters, not how long the kernel took to notice: an emulator's
 * host may stop running it at any moment (a browser tab running v86
 * yields to the page every few milliseconds; a loaded machine runs other
 * work), while both clocks, which follow the host's, go on.  Timing a
 * countdown by polling, as Parley once did, counted those pauses in: the
 * rate came out up to 2.5 times too high and every clock in the guest ran
 * that much slow.
 */
struct clock_reading {
    uint16_t pit;                       /* channel 2's count (counts down) */
    uint64_t tsc;
};

static uint16_t
pit_ch2_count(void)
{
    outb(PIT_CMD, 0x80);                /* latch channel 2's count */
    uint8_t lo = inb(PIT_CH2);
    return lo | inb(PIT_CH2) << 8;
}

/* Both clocks at one moment: the TSC just before and just after the PIT,
 * and of a few tries the narrowest such bracket (a wide one was paused). */
static struct clock_reading
read_clocks(void)
{
    struct clock_reading best = { 0, 0 };
    uint64_t width = UINT64_MAX;
    for (int i = 0; i < SAMPLE_TRIES; i++) {
        uint64_t before = rdtsc();
        uint16_t pit = pit_ch2_count();
        uint64_t after = rdtsc();
        if (after - before < width) {
            width = after - before;
            best.pit = pit;
            best.tsc = before + width / 2;
        }
    }
    return best;
}

static bool
pit_ch2_ran_out(void)
{
    return inb(PIT_GATE_PORT) & 0x20;   /* mode 0: OUT rises at count 0 */
}

/* TSC cycles per ms; 0 if channel 2 ran out (a pause of over 45 ms: which
 * count it then shows is ambiguous). */
static uint64_t
tsc_measure(void)
{
    uint16_t span = PIT_HZ * CALIBRATE_MS / 1000;
    bool ran_out;

    outb(PIT_CMD, 0xB0);                         /* ch 2, lo/hi, mode 0 */
    outb(PIT_CH2, 0xff);
    outb(PIT_CH2, 0xff);
    struct clock_reading start = read_clocks(), end;
    do {
        end = read_clocks();
        ran_out = pit_ch2_ran_out();
    } while ((uint16_t)(start.pit - end.pit) < span && !ran_out);
    if (ran_out)
        return 0;
    uint64_t pit_counts = (uint16_t)(start.pit - end.pit);
    return (end.tsc - start.tsc) * PIT_HZ / (pit_counts * 1000);
}

static void
tsc_calibrate(void)
{
    uint8_t gate = inb(PIT_GATE_PORT);

    outb(PIT_GATE_PORT, (gate & ~0x02) | 0x01);   /* gate on, speaker off */
    tsc_per_ms = 0;
    for (int i = 0; i < CALIBRATE_TRIES && tsc_per_ms == 0; i++)
        tsc_per_ms = tsc_measure();
    if (tsc_per_ms == 0)            /* paused every time: a rate too high */
        tsc_per_ms = tsc_polled_countdown();    /* beats none at all */
    outb(PIT_GATE_PORT, gate);
    if (tsc_per_ms == 0)
        tsc_per_ms = 1;
}

/* n / d and n % d for a 32-bit d, by two `divl`s (each divides a 64-bit
 * value whose quotient fits 32 bits): gcc would call libgcc's general
 * 64-by-64 division, a dozen branches on every clock reading. */
static uint64_t
div_u64_u32(uint64_t n, uint32_t d, uint32_t *rem)
{
    uint32_t hi = (uint32_t)(n >> 32), lo = (uint32_t)n, q_hi = hi / d, q_lo;
    hi %= d;
    __asm__("divl %4" : "=a"(q_lo), "=d"(*rem) : "a"(lo), "d"(hi), "rm"(d));
    return (uint64_t)q_hi << 32 | q_lo;
}

/* TSC cycles since boot as nanoseconds: floor(cycles * 10^6 / tsc_per_ms),
 * in two steps so that the product cannot overflow (the rest is below
 * tsc_per_ms, so rest * 10^6 fits 64 bits). */
static uint64_t
cycles_to_ns(uint64_t cycles)
{
    uint32_t rest, unused;
    uint64_t ms = div_u64_u32(cycles, tsc_per_ms, &rest);
    return ms * 1000000 + div_u64_u32((uint64_t)rest * 1000000, tsc_per_ms, &unused);
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
