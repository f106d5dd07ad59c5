// build: lib/src/calendar.c
// cflags: -Dgmtime=parley_gmtime -Dgmtime_r=parley_gmtime_r -Dlocaltime=parley_localtime -Dlocaltime_r=parley_localtime_r -Dmktime=parley_mktime -Dtimegm=parley_timegm -Dasctime=parley_asctime -Dasctime_r=parley_asctime_r -Dctime=parley_ctime -Dctime_r=parley_ctime_r -Dstrftime=parley_strftime -Ddifftime=parley_difftime -Dtzset=parley_tzset -Dtzname=parley_tzname -Dtimezone=parley_timezone -Ddaylight=parley_daylight
/*
 * Host test of the calendar (lib/src/calendar.c) against glibc: the same
 * times converted by both, field by field; mktime normalizing the same
 * out-of-range fields; strftime's every conversion; asctime.
 *
 * calendar.c is compiled with its public names renamed parley_*, so both
 * libraries live in this one program: glibc's under the usual names.
 * Time zones are POSIX TZ strings, with and without daylight-saving
 * rules (glibc reads them the same way when no zoneinfo file has the
 * name).  time_t is 64 bits here: the dates stay within Parley's 32-bit
 * range (1901-12-13 .. 2038-01-19).
 */
#undef gmtime
#undef gmtime_r
#undef localtime
#undef localtime_r
#undef mktime
#undef timegm
#undef asctime
#undef asctime_r
#undef ctime
#undef ctime_r
#undef strftime
#undef difftime
#undef tzset
#undef tzname
#undef timezone
#undef daylight
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

struct tm *parley_gmtime_r(const time_t *t, struct tm *result);
struct tm *parley_localtime_r(const time_t *t, struct tm *result);
time_t     parley_mktime(struct tm *tm);
time_t     parley_timegm(struct tm *tm);
char      *parley_asctime_r(const struct tm *tm, char *buf);
char      *parley_ctime_r(const time_t *t, char *buf);
size_t     parley_strftime(char *s, size_t max, const char *format, const struct tm *tm);
double     parley_difftime(time_t t1, time_t t0);
extern long parley_timezone;
extern int  parley_daylight;
extern char *parley_tzname[2];
void       parley_tzset(void);

static const char *const zones[] = { "UTC0", "EST5", "CET-1", "IST-5:30", "ABC+3:15", "XYZ-14" };

/* Times from 1901 to 2038: edges, leap days, and a spread in between. */
static time_t samples[400];
static int nsamples;

static void
make_samples(void)
{
    static const time_t edges[] = {
        0, -1, 1, 59, 60, 86399, 86400, -86400, 951782400 /* 2000-02-29 */,
        951868800, 4107542400LL - 4102444800LL + 946684800, 2147483647,
        -2147483647 - 1, 68169600 /* 1972-02-29 */, -2208988800LL + 2208988800LL,
        1230768000 /* 2009-01-01 */, 1356998400, 1609459200, 1104537600,
        -631152000 /* 1950 */, -1000000000, 1000000000, 1700000000,
    };
    unsigned long long x = 88172645463325252ULL;

    nsamples = 0;
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++)
        samples[nsamples++] = edges[i];
    while (nsamples < (int)(sizeof samples / sizeof samples[0])) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        samples[nsamples++] = (time_t)(long long)(x % 4294967296ULL) - 2147483648LL;
    }
}

static int
same_tm(const struct tm *a, const struct tm *b)
{
    return a->tm_sec == b->tm_sec && a->tm_min == b->tm_min && a->tm_hour == b->tm_hour &&
           a->tm_mday == b->tm_mday && a->tm_mon == b->tm_mon && a->tm_year == b->tm_year &&
           a->tm_wday == b->tm_wday && a->tm_yday == b->tm_yday &&
           a->tm_gmtoff == b->tm_gmtoff;
}

static void
use_zone(const char *tz)
{
    setenv("TZ", tz, 1);
    tzset();
    parley_tzset();
}

TEST(gmtime_matches_glibc)
{
    struct tm want, got;

    for (int i = 0; i < nsamples; i++) {
        gmtime_r(&samples[i], &want);
        CHECK(parley_gmtime_r(&samples[i], &got) != NULL);
        if (!same_tm(&want, &got))
            CHECK_FAIL("gmtime(%lld): %d-%d-%d %d:%d:%d wday %d yday %d, want %d-%d-%d %d:%d:%d wday %d yday %d",
                       (long long)samples[i], got.tm_year, got.tm_mon, got.tm_mday, got.tm_hour,
                       got.tm_min, got.tm_sec, got.tm_wday, got.tm_yday, want.tm_year,
                       want.tm_mon, want.tm_mday, want.tm_hour, want.tm_min, want.tm_sec,
                       want.tm_wday, want.tm_yday);
    }
}

TEST(localtime_matches_glibc_in_every_zone)
{
    struct tm want, got;

    for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++) {
        use_zone(zones[z]);
        CHECK_EQ(parley_timezone, timezone);
        for (int i = 0; i < nsamples; i++) {
            localtime_r(&samples[i], &want);
            if (want.tm_year + 1900LL > 2037 || want.tm_year + 1900LL < 1902)
                continue;
            CHECK(parley_localtime_r(&samples[i], &got) != NULL);
            if (!same_tm(&want, &got) || strcmp(want.tm_zone, got.tm_zone) != 0)
                CHECK_FAIL("TZ=%s localtime(%lld): hour %d zone %s, want hour %d zone %s",
                           zones[z], (long long)samples[i], got.tm_hour, got.tm_zone,
                           want.tm_hour, want.tm_zone);
        }
    }
}

/* mktime and timegm on out-of-range fields: both normalize the same way. */
TEST(mktime_normalizes_like_glibc)
{
    static const int fields[][6] = {   /* year-1900, mon, mday, hour, min, sec */
        { 100, 0, 32, 0, 0, 0 }, { 100, 13, 1, 0, 0, 0 }, { 100, -1, 1, 0, 0, 0 },
        { 99, 11, 31, 23, 59, 60 }, { 100, 1, 29, 24, 0, 0 }, { 100, 2, 0, 0, 0, 0 },
        { 70, 0, 1, 0, 0, -1 }, { 120, 5, 15, -30, 200, 7000 }, { 101, 1, 29, 0, 0, 0 },
        { 50, -25, 400, 12, -61, 3 }, { 137, 11, 31, 23, 59, 59 },
    };

    for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++) {
        use_zone(zones[z]);
        for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
            struct tm want, got;
            memset(&want, 0, sizeof want);
            want.tm_year = fields[i][0];
            want.tm_mon = fields[i][1];
            want.tm_mday = fields[i][2];
            want.tm_hour = fields[i][3];
            want.tm_min = fields[i][4];
            want.tm_sec = fields[i][5];
            got = want;
            time_t w = mktime(&want), g = parley_mktime(&got);
            if (w != g || !same_tm(&want, &got))
                CHECK_FAIL("TZ=%s mktime case %zu: %lld (%d-%d-%d), want %lld (%d-%d-%d)",
                           zones[z], i, (long long)g, got.tm_year, got.tm_mon, got.tm_mday,
                           (long long)w, want.tm_year, want.tm_mon, want.tm_mday);
            got = want;
            CHECK_EQ(parley_timegm(&got), timegm(&want));
        }
    }
}

TEST(mktime_undoes_localtime)
{
    use_zone("IST-5:30");
    for (int i = 0; i < nsamples; i++) {
        struct tm tm;
        if (!parley_localtime_r(&samples[i], &tm) || tm.tm_year + 1900 > 2037 || tm.tm_year < 2)
            continue;
        CHECK_EQ(parley_mktime(&tm), samples[i]);
    }
}

/* Every conversion strftime knows, in two zones and many times. */
TEST(strftime_matches_glibc)
{
    static const char *const formats[] = {
        "%a %A %b %B %h", "%c", "%C %y %Y", "%d %e %j", "%D %F %T %R %r",
        "%g %G %V", "%H %I %M %S %p", "%m %n %t %%", "%u %w %U %W",
        "%x %X", "%z %Z", "%s", "%Ey %EY %Od %OH", "plain text", "",
    };
    char want[256], got[256];

    for (size_t z = 0; z < 2; z++) {
        use_zone(z ? "CET-1" : "EST5");
        for (int i = 0; i < nsamples; i++) {
            struct tm tm;
            localtime_r(&samples[i], &tm);
            if (tm.tm_year + 1900 > 2037 || tm.tm_year < 2)
                continue;
            for (size_t f = 0; f < sizeof formats / sizeof formats[0]; f++) {
                size_t wn = strftime(want, sizeof want, formats[f], &tm);
                size_t gn = parley_strftime(got, sizeof got, formats[f], &tm);
                if (wn != gn || strcmp(want, got) != 0) {
                    CHECK_FAIL("strftime(\"%s\") at %lld: \"%s\", want \"%s\"",
                               formats[f], (long long)samples[i], got, want);
                    return;
                }
            }
        }
    }
}

/* ISO C: 0 when the result and its NUL do not fit; the buffer is then
 * unspecified, so only the count is compared. */
TEST(strftime_too_small_is_zero)
{
    struct tm tm;
    char buf[16];
    time_t t = 1000000000;

    gmtime_r(&t, &tm);
    CHECK_EQ(parley_strftime(buf, 8, "%Y-%m-%d", &tm), 0);
    CHECK_EQ(parley_strftime(buf, 10, "%Y-%m-%d", &tm), 0);     /* no room for the NUL */
    CHECK_EQ(parley_strftime(buf, 11, "%Y-%m-%d", &tm), 10);
    CHECK_STR_EQ(buf, "2001-09-09");
}

TEST(asctime_and_ctime_match_glibc)
{
    char want[64], got[64];

    use_zone("CET-1");
    for (int i = 0; i < nsamples; i++) {
        struct tm tm;
        gmtime_r(&samples[i], &tm);
        CHECK(parley_asctime_r(&tm, got) != NULL);
        CHECK_STR_EQ(got, asctime_r(&tm, want));
        localtime_r(&samples[i], &tm);
        if (tm.tm_year + 1900 > 2037 || tm.tm_year < 2)
            continue;
        CHECK(parley_ctime_r(&samples[i], got) != NULL);
        CHECK_STR_EQ(got, ctime_r(&samples[i], want));
    }
}

/* Zones with daylight-saving rules: the US's and the EU's (the time of the
 * change given), one south of the equator (daylight time across the new
 * year), Jn and zero-based days, a change at hour 26 or
 * at a negative hour, <quoted> names, a daylight offset other than +1h. */
static const char *const dst_zones[] = {
    "EST5EDT,M3.2.0,M11.1.0", "CET-1CEST,M3.5.0,M10.5.0/3",
    "NZST-12NZDT,M9.5.0,M4.1.0/3", "PST8PDT7,M3.2.0/2:00:00,M11.1.0/2:00:00",
    "IST-2IDT,M3.4.4/26,M10.5.0", "<+0330>-3:30<+0430>,J79/24,J263/24",
    "AAA3BBB,100/3,300", "XXX-1YYY-3,M4.1.0/-1,M9.5.6/49", "LHST-10:30LHDT-11,M10.1.0,M4.1.0",
};

static int
same_local(const struct tm *a, const struct tm *b)
{
    return same_tm(a, b) && a->tm_isdst == b->tm_isdst && strcmp(a->tm_zone, b->tm_zone) == 0;
}

/* tzset: tzname, timezone, daylight as glibc sets them. */
TEST(tzset_sets_tzname_timezone_daylight_like_glibc)
{
    static const char *const more[] = { "UTC0", "EST5", "<+0545>-5:45", "CET-1CEST" };
    for (size_t z = 0; z < sizeof dst_zones / sizeof dst_zones[0] + 4; z++) {
        const char *tz = z < sizeof dst_zones / sizeof dst_zones[0] ? dst_zones[z] : more[z - sizeof dst_zones / sizeof dst_zones[0]];
        use_zone(tz);
        CHECK_EQ(parley_timezone, timezone);
        CHECK_EQ(parley_daylight, daylight);
        if (strcmp(parley_tzname[0], tzname[0]) || strcmp(parley_tzname[1], tzname[1]))
            CHECK_FAIL("TZ=%s: tzname %s/%s, want %s/%s", tz, parley_tzname[0],
                       parley_tzname[1], tzname[0], tzname[1]);
    }
}

/* localtime every half hour (and the second before) over 2023-2025, so
 * every change and the seconds around it are seen, then the samples. */
TEST(localtime_applies_dst_rules_like_glibc)
{
    struct tm want, got;

    for (size_t z = 0; z < sizeof dst_zones / sizeof dst_zones[0]; z++) {
        use_zone(dst_zones[z]);
        for (time_t t = 1672531200 - 86400; t < 1767225600; t += 1800) {
            for (time_t u = t - 1; u <= t; u++) {
                localtime_r(&u, &want);
                CHECK(parley_localtime_r(&u, &got) != NULL);
                if (!same_local(&want, &got))
                    CHECK_FAIL("TZ=%s localtime(%lld): %d-%d %d:%d:%d dst %d %s, want %d-%d %d:%d:%d dst %d %s",
                               dst_zones[z], (long long)u, got.tm_mon + 1, got.tm_mday, got.tm_hour,
                               got.tm_min, got.tm_sec, got.tm_isdst, got.tm_zone, want.tm_mon + 1,
                               want.tm_mday, want.tm_hour, want.tm_min, want.tm_sec, want.tm_isdst,
                               want.tm_zone);
            }
        }
        for (int i = 0; i < nsamples; i++) {
            localtime_r(&samples[i], &want);
            if (want.tm_year + 1900LL > 2037 || want.tm_year + 1900LL < 1971)
                continue;               /* glibc puts the changes of years up to 1970 in 1970 */
            CHECK(parley_localtime_r(&samples[i], &got) != NULL);
            if (!same_local(&want, &got))
                CHECK_FAIL("TZ=%s localtime(%lld): hour %d dst %d, want hour %d dst %d", dst_zones[z],
                           (long long)samples[i], got.tm_hour, got.tm_isdst, want.tm_hour, want.tm_isdst);
        }
    }
}

/* Local fields with tm_isdst 1 and 0: both libraries read them alike. */
static struct tm
local_fields_at(time_t t, int isdst)
{
    struct tm tm;
    gmtime_r(&t, &tm);                  /* any fields: these are local ones */
    tm.tm_isdst = isdst;
    return tm;
}

/*
 * mktime with tm_isdst 0, 1 and -1 for local times every 20 minutes over
 * two years.  An hour that happens twice (when the clocks go back) is
 * ambiguous and glibc's choice depends on its previous calls, so there
 * Parley's answer must only be one of the two right ones (it takes the
 * first); the hour the clocks skip is read as standard time by both.
 */
TEST(mktime_applies_dst_rules_like_glibc)
{
    for (size_t z = 0; z < sizeof dst_zones / sizeof dst_zones[0]; z++) {
        use_zone(dst_zones[z]);
        for (time_t t = 1704067200; t < 1767225600; t += 1200) {
            time_t as[2];
            struct tm exact[2];
            for (int isdst = 0; isdst <= 1; isdst++) {
                struct tm want = local_fields_at(t, isdst), got = want;
                as[isdst] = mktime(&want);
                exact[isdst] = want;
                time_t g = parley_mktime(&got);
                if (g != as[isdst] || !same_local(&want, &got))
                    CHECK_FAIL("TZ=%s mktime(%lld as local, isdst %d): %lld, want %lld",
                               dst_zones[z], (long long)t, isdst, (long long)g, (long long)as[isdst]);
            }
            struct tm in = local_fields_at(t, 0);
            int fits_std = exact[0].tm_isdst == 0 && exact[0].tm_hour == in.tm_hour && exact[0].tm_min == in.tm_min;
            int fits_dst = exact[1].tm_isdst == 1 && exact[1].tm_hour == in.tm_hour && exact[1].tm_min == in.tm_min;
            struct tm want = local_fields_at(t, -1), got = want;
            time_t w = mktime(&want), g = parley_mktime(&got);
            if (fits_std && fits_dst ? g != as[1] : g != w || !same_local(&want, &got))
                CHECK_FAIL("TZ=%s mktime(%lld as local, isdst -1): %lld (dst %d), want %lld (dst %d)%s",
                           dst_zones[z], (long long)t, (long long)g, got.tm_isdst, (long long)w,
                           want.tm_isdst, fits_std && fits_dst ? ", ambiguous" : "");
        }
    }
}

/* The hour the clocks skip and the hour they repeat, spelled out. */
TEST(mktime_across_the_changes)
{
    struct tm tm;

    use_zone("EST5EDT,M3.2.0,M11.1.0");
    tm = (struct tm){ .tm_year = 124, .tm_mon = 2, .tm_mday = 10, .tm_hour = 2, .tm_min = 30, .tm_isdst = -1 };
    CHECK_EQ(parley_mktime(&tm), 1710055800);           /* 02:30 EST = 03:30 EDT */
    CHECK_EQ(tm.tm_hour, 3);
    CHECK_EQ(tm.tm_isdst, 1);
    tm = (struct tm){ .tm_year = 124, .tm_mon = 10, .tm_mday = 3, .tm_hour = 1, .tm_min = 30, .tm_isdst = -1 };
    CHECK_EQ(parley_mktime(&tm), 1730611800);           /* the first 01:30, EDT */
    CHECK_STR_EQ(tm.tm_zone, "EDT");
    tm = (struct tm){ .tm_year = 124, .tm_mon = 10, .tm_mday = 3, .tm_hour = 1, .tm_min = 30, .tm_isdst = 0 };
    CHECK_EQ(parley_mktime(&tm), 1730615400);           /* the second, EST */
    CHECK_STR_EQ(tm.tm_zone, "EST");
}

/* Daylight time without rules: POSIX leaves them to the implementation
 * (glibc takes them from a zoneinfo file, posixrules, if the system has
 * one); Parley's are the United States', M3.2.0,M11.1.0. */
TEST(dst_without_rules_follows_the_us_rules)
{
    struct tm a, b;

    for (time_t t = 1704067200; t < 1735689600; t += 1800) {
        setenv("TZ", "AST4ADT", 1);
        CHECK(parley_localtime_r(&t, &a) != NULL);
        setenv("TZ", "AST4ADT,M3.2.0,M11.1.0", 1);
        CHECK(parley_localtime_r(&t, &b) != NULL);
        if (!same_local(&a, &b))
            CHECK_FAIL("localtime(%lld): %d:%d dst %d, with the rules %d:%d dst %d", (long long)t,
                       a.tm_hour, a.tm_min, a.tm_isdst, b.tm_hour, b.tm_min, b.tm_isdst);
    }
}

TEST(malformed_tz_is_utc)
{
    static const char *const bad[] = { "E5", "EST", "EST5EDT,M3.2.0", "EST5EDT,M13.1.0,M11.1.0",
                                       "EST5EDT,M3.6.0,M11.1.0", "EST25", "<EST5", ":America/New_York" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        setenv("TZ", bad[i], 1);
        parley_tzset();
        if (parley_timezone != 0 || parley_daylight != 0 || strcmp(parley_tzname[0], "UTC"))
            CHECK_FAIL("TZ=%s: timezone %ld daylight %d name %s, want UTC", bad[i],
                       parley_timezone, parley_daylight, parley_tzname[0]);
    }
}

TEST(difftime_matches_glibc)
{
    CHECK(parley_difftime(5, 3) == difftime(5, 3));
    CHECK(parley_difftime(-7, 2147483647) == difftime(-7, 2147483647));
}

int
main(void)
{
    make_samples();
    check_begin("calendar");
    RUN(gmtime_matches_glibc);
    RUN(localtime_matches_glibc_in_every_zone);
    RUN(mktime_normalizes_like_glibc);
    RUN(mktime_undoes_localtime);
    RUN(strftime_matches_glibc);
    RUN(strftime_too_small_is_zero);
    RUN(asctime_and_ctime_match_glibc);
    RUN(tzset_sets_tzname_timezone_daylight_like_glibc);
    RUN(localtime_applies_dst_rules_like_glibc);
    RUN(mktime_applies_dst_rules_like_glibc);
    RUN(mktime_across_the_changes);
    RUN(dst_without_rules_follows_the_us_rules);
    RUN(malformed_tz_is_utc);
    RUN(difftime_matches_glibc);
    return check_end();
}
