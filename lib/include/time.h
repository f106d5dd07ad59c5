/*
 * Clocks, sleeping and the calendar.  struct timespec and CLOCK_* are in
 * <parley/time.h>.  Local time follows the TZ environment variable in
 * POSIX's form: a name and an offset west of UTC ("EST5", "UTC0"), and
 * perhaps a daylight-saving zone and its rules ("EST5EDT,M3.2.0,M11.1.0",
 * "CET-1CEST,M3.5.0,M10.5.0/3"; without rules, the United States').
 * There are no zoneinfo files (":Europe/Paris").  Unset, it is UTC.
 */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <parley/time.h>

#define CLOCKS_PER_SEC 1000000L

struct tm {
    int         tm_sec;         /* 0..60 (60: a leap second) */
    int         tm_min;         /* 0..59 */
    int         tm_hour;        /* 0..23 */
    int         tm_mday;        /* 1..31 */
    int         tm_mon;         /* 0..11 */
    int         tm_year;        /* years since 1900 */
    int         tm_wday;        /* 0..6, Sunday is 0 */
    int         tm_yday;        /* 0..365 */
    int         tm_isdst;       /* > 0 daylight saving time, 0 not, < 0 unknown */
    long        tm_gmtoff;      /* seconds east of UTC (BSD, glibc) */
    const char *tm_zone;        /* zone name (BSD, glibc) */
};

int    nanosleep(const struct timespec *req, struct timespec *rem);
int    clock_gettime(clockid_t clock, struct timespec *ts);
int    clock_getres(clockid_t clock, struct timespec *res);
time_t time(time_t *t);
clock_t clock(void);            /* CPU time used, CLOCKS_PER_SEC a second */
double difftime(time_t t1, time_t t0);

struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *t, struct tm *result);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *t, struct tm *result);
time_t     mktime(struct tm *tm);       /* local time -> time_t; normalizes tm */
time_t     timegm(struct tm *tm);       /* UTC -> time_t (BSD, glibc) */
char      *asctime(const struct tm *tm);
char      *asctime_r(const struct tm *tm, char *buf);
char      *ctime(const time_t *t);
char      *ctime_r(const time_t *t, char *buf);
size_t     strftime(char *s, size_t max, const char *format, const struct tm *tm);

extern char *tzname[2];
extern long  timezone;          /* seconds west of UTC */
extern int   daylight;
void   tzset(void);

#endif
