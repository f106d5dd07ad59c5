#ifndef DEV_RTC_H
#define DEV_RTC_H

#include <stdint.h>

void    rtc_init(void);             /* sets boot_epoch_ns from the CMOS clock */
int64_t rtc_read_epoch(void);       /* seconds since 1970, UTC */
int64_t days_from_civil(int year, int month, int day);

#endif
