/*
 * test_calendar -- <time.h> in the guest: the wall clock and the calendar
 * agree (time, gmtime, localtime, mktime, ctime), and TZ moves local time.
 * The conversions themselves are checked against glibc on the host
 * (tests/host/test_calendar.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

/* time() and clock_gettime(CLOCK_REALTIME) read the same clock. */
static void
case_time_agrees_with_clock_realtime(void)
{
    struct timespec ts;
    time_t t, back;

    t = time(&back);
    CHECK_OK(clock_gettime(CLOCK_REALTIME, &ts));
    CHECK_EQ(t, back);
    CHECK(ts.tv_sec - t >= 0 && ts.tv_sec - t <= 1);
}

/* With TZ unset local time is UTC, and mktime undoes localtime. */
static void
case_mktime_undoes_localtime(void)
{
    time_t t = time(NULL);
    struct tm local, utc;

    unsetenv("TZ");
    CHECK(localtime_r(&t, &local) != NULL);
    CHECK(gmtime_r(&t, &utc) != NULL);
    CHECK_EQ(local.tm_hour, utc.tm_hour);
    CHECK_EQ(mktime(&local), t);
}

/* TZ="EST5": local time is five hours behind UTC, the zone is named. */
static void
case_tz_offset_moves_local_time(void)
{
    time_t t = 86400 * 365;             /* 1971-01-01 00:00:00 UTC */
    struct tm *tm;
    char buf[64];

    CHECK_OK(setenv("TZ", "EST5", 1));
    tm = localtime(&t);
    CHECK(tm != NULL);
    CHECK_EQ(tm->tm_year, 70);
    CHECK_EQ(tm->tm_mday, 31);
    CHECK_EQ(tm->tm_hour, 19);
    CHECK_EQ(strftime(buf, sizeof buf, "%Y-%m-%d %H:%M %Z %z", tm), 26);
    CHECK_STR_EQ(buf, "1970-12-31 19:00 EST -0500");
    CHECK_EQ(mktime(tm), t);
}

/* TZ with daylight-saving rules (POSIX): summer is CEST, an hour ahead,
 * winter CET; tzname, daylight and mktime with tm_isdst -1 follow. */
static void
case_tz_rules_give_daylight_saving_time(void)
{
    time_t summer = 1719835200, winter = 1704110400;  /* 2024-07-01, 2024-01-01 12:00 UTC */
    struct tm tm;
    char buf[64];

    CHECK_OK(setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1));
    tzset();
    CHECK_STR_EQ(tzname[0], "CET");
    CHECK_STR_EQ(tzname[1], "CEST");
    CHECK_EQ(timezone, -3600);
    CHECK_EQ(daylight, 1);
    CHECK(localtime_r(&summer, &tm) != NULL);
    CHECK_EQ(tm.tm_hour, 14);
    CHECK_EQ(tm.tm_isdst, 1);
    strftime(buf, sizeof buf, "%H:%M %Z %z", &tm);
    CHECK_STR_EQ(buf, "14:00 CEST +0200");
    CHECK(localtime_r(&winter, &tm) != NULL);
    CHECK_EQ(tm.tm_hour, 13);
    CHECK_EQ(tm.tm_isdst, 0);
    tm = (struct tm){ .tm_year = 124, .tm_mon = 6, .tm_mday = 1, .tm_hour = 14, .tm_isdst = -1 };
    CHECK_EQ(mktime(&tm), summer);
    CHECK_EQ(tm.tm_isdst, 1);
}

/* ctime(t) is asctime(localtime(t)): 26 bytes ending in a newline. */
static void
case_ctime_is_asctime_of_localtime(void)
{
    time_t t = 1000000000;
    char a[26], b[26];

    unsetenv("TZ");
    CHECK(ctime_r(&t, a) != NULL);
    CHECK(asctime_r(localtime(&t), b) != NULL);
    CHECK_STR_EQ(a, b);
    CHECK_STR_EQ(a, "Sun Sep  9 01:46:40 2001\n");
}

/* mktime normalizes out-of-range fields: the 32nd of January is the 1st
 * of February, and tm_wday/tm_yday are filled in. */
static void
case_mktime_normalizes_fields(void)
{
    struct tm tm;

    unsetenv("TZ");
    memset(&tm, 0, sizeof tm);
    tm.tm_year = 100;
    tm.tm_mon = 0;
    tm.tm_mday = 32;
    tm.tm_hour = 25;
    CHECK_EQ(mktime(&tm), 949453200);
    CHECK_EQ(tm.tm_mon, 1);
    CHECK_EQ(tm.tm_mday, 2);
    CHECK_EQ(tm.tm_hour, 1);
    CHECK_EQ(tm.tm_wday, 3);
    CHECK_EQ(tm.tm_yday, 32);
}

/* A time past 2038 does not fit a 32-bit time_t: EOVERFLOW. */
static void
case_mktime_past_2038_is_eoverflow(void)
{
    struct tm tm;

    if (sizeof(time_t) > 4)
        return;                         /* a 64-bit time_t holds it */
    memset(&tm, 0, sizeof tm);
    tm.tm_year = 140;
    tm.tm_mday = 1;
    CHECK_ERR(mktime(&tm), EOVERFLOW);
}

static void
case_difftime_subtracts(void)
{
    CHECK(difftime(100, 40) == 60.0);
    CHECK(difftime(40, 100) == -60.0);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(time_agrees_with_clock_realtime),
        CHECK_CASE(mktime_undoes_localtime),
        CHECK_CASE(tz_offset_moves_local_time),
        CHECK_CASE(tz_rules_give_daylight_saving_time),
        CHECK_CASE(ctime_is_asctime_of_localtime),
        CHECK_CASE(mktime_normalizes_fields),
        CHECK_CASE(mktime_past_2038_is_eoverflow),
        CHECK_CASE(difftime_subtracts),
    };
    return check_main("calendar", cases, CHECK_NCASES(cases), argc, argv);
}
