/*
 * The CMOS real-time clock (MC146818): read once at boot to set the wall
 * clock, boot_epoch_ns, so that time(), CLOCK_REALTIME, date and file
 * times count from 1970 rather than from boot.  The clock keeps UTC under
 * QEMU (its default -rtc base=utc).
 *
 * Registers are read through port 0x70 (index) and 0x71 (data).  While
 * register A's "update in progress" bit is set the values may be changing,
 * so the time is read until two readings agree.  Register B says whether
 * the values are BCD (the usual) or binary, and 12- or 24-hour.
 */
#include "lib/kernel.h"
#include "arch/x86.h"
#include "arch/timer.h"
#include "dev/rtc.h"

#define CMOS_INDEX  0x70
#define CMOS_DATA   0x71
#define REG_A_UPDATING 0x80
#define REG_B_24H      0x02
#define REG_B_BINARY   0x04
#define HOUR_PM        0x80

struct rtc_time { int sec, min, hour, day, month, year; };

static int
cmos_read(int reg)
{
    outb(CMOS_INDEX, reg);
    return inb(CMOS_DATA);
}

static void
rtc_read_raw(struct rtc_time *t)
{
    while (cmos_read(0x0A) & REG_A_UPDATING)
        ;
    t->sec = cmos_read(0x00);
    t->min = cmos_read(0x02);
    t->hour = cmos_read(0x04);
    t->day = cmos_read(0x07);
    t->month = cmos_read(0x08);
    t->year = cmos_read(0x09);
}

static int bcd(int v) { return (v & 0x0f) + (v >> 4) * 10; }

static void
rtc_decode(struct rtc_time *t, int reg_b)
{
    int pm = t->hour & HOUR_PM;
    t->hour &= ~HOUR_PM;
    if (!(reg_b & REG_B_BINARY)) {
        t->sec = bcd(t->sec);
        t->min = bcd(t->min);
        t->hour = bcd(t->hour);
        t->day = bcd(t->day);
        t->month = bcd(t->month);
        t->year = bcd(t->year);
    }
    if (!(reg_b & REG_B_24H) && pm)
        t->hour = (t->hour % 12) + 12;
    else if (!(reg_b & REG_B_24H) && t->hour == 12)
        t->hour = 0;
    t->year += t->year < 70 ? 2000 : 1900;      /* two digits: 1970-2069 */
}

/* Days from 1970-01-01 to year-month-day (the proleptic Gregorian
 * calendar; the "days from civil" method, March-based years). */
int64_t
days_from_civil(int year, int month, int day)
{
    year -= month <= 2;
    int64_t era = (year >= 0 ? year : year - 399) / 400;
    int yoe = year - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int64_t
rtc_read_epoch(void)
{
    struct rtc_time a, b;
    rtc_read_raw(&b);
    do {
        a = b;
        rtc_read_raw(&b);
    } while (a.sec != b.sec || a.min != b.min || a.hour != b.hour ||
             a.day != b.day || a.month != b.month || a.year != b.year);
    rtc_decode(&b, cmos_read(0x0B));
    return days_from_civil(b.year, b.month, b.day) * 86400 +
           b.hour * 3600 + b.min * 60 + b.sec;
}

void
rtc_init(void)
{
    boot_epoch_ns = rtc_read_epoch() * 1000000000ll - (int64_t)time_now_ns();
}
