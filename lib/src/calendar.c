/*
 * The calendar: time_t (seconds since 1970-01-01 00:00 UTC) to and from
 * struct tm, and formatting (<time.h>).  No system calls, so it is tested on
 * the host against glibc (tests/host/test_calendar.c).
 *
 * The proleptic Gregorian calendar, day numbers counted from the epoch.  To
 * make leap years regular the year is taken to start on March 1st: then the
 * leap day is the last day of the year, and a 400-year era always has
 * 146097 days.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SECS_PER_DAY   86400LL
#define DAYS_PER_ERA   146097           /* 400 years */
#define EPOCH_SHIFT    719468           /* days from 0000-03-01 to 1970-01-01 */

static long long
floor_div(long long a, long long b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* Days since the epoch of year-month-day (month 1..12). */
static long long
days_from_civil(long long y, int m, int d)
{
    y -= m <= 2;                                 /* Jan, Feb: previous March-year */
    long long era = floor_div(y, 400);
    long long year_of_era = y - era * 400;                        /* 0..399 */
    int month_from_march = (m + 9) % 12;                          /* Mar = 0 */
    long long day_of_year = (153 * month_from_march + 2) / 5 + d - 1;
    long long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * DAYS_PER_ERA + day_of_era - EPOCH_SHIFT;
}

/* The inverse: the date of a day number. */
static void
civil_from_days(long long days, long long *y, int *m, int *d)
{
    days += EPOCH_SHIFT;
    long long era = floor_div(days, DAYS_PER_ERA);
    long long day_of_era = days - era * DAYS_PER_ERA;             /* 0..146096 */
    long long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 -
                             day_of_era / 146096) / 365;
    long long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int month_from_march = (int)((5 * day_of_year + 2) / 153);
    *d = (int)(day_of_year - (153 * month_from_march + 2) / 5 + 1);
    *m = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
    *y = year_of_era + era * 400 + (*m <= 2);
}

/* Seconds since the epoch of tm's fields read as UTC; any field may be out
 * of its range (mktime's normalization). */
static long long
seconds_from_fields(const struct tm *tm)
{
    long long year = 1900LL + tm->tm_year + floor_div(tm->tm_mon, 12);
    int mon = (int)(tm->tm_mon - floor_div(tm->tm_mon, 12) * 12);
    long long days = days_from_civil(year, mon + 1, 1) + tm->tm_mday - 1;
    return days * SECS_PER_DAY + tm->tm_hour * 3600LL + tm->tm_min * 60LL + tm->tm_sec;
}

/* Fill tm from seconds since the epoch, shifted by offset seconds east. */
static struct tm *
fields_from_seconds(long long t, long offset, const char *zone, struct tm *tm)
{
    long long days = floor_div(t + offset, SECS_PER_DAY);
    long long secs = t + offset - days * SECS_PER_DAY;
    long long year;
    int mon, mday;

    civil_from_days(days, &year, &mon, &mday);
    if (year - 1900 > 0x7fffffffLL || year - 1900 < -0x7fffffffLL - 1) {
        errno = EOVERFLOW;
        return NULL;
    }
    tm->tm_year = (int)(year - 1900);
    tm->tm_mon = mon - 1;
    tm->tm_mday = mday;
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_sec = (int)(secs % 60);
    tm->tm_wday = (int)(floor_div(days + 4, 7) * -7 + days + 4);  /* 1970-01-01: Thursday */
    tm->tm_yday = (int)(days - days_from_civil(year, 1, 1));
    tm->tm_isdst = 0;
    tm->tm_gmtoff = offset;
    tm->tm_zone = zone;
    return tm;
}

/* time_t is 32 bits on Parley: a result it cannot hold is EOVERFLOW. */
static time_t
to_time_t(long long t)
{
    if ((time_t)t != t) {
        errno = EOVERFLOW;
        return (time_t)-1;
    }
    return (time_t)t;
}

/* ---- the time zone ---------------------------------------------------------- */

static char zone_std[16] = "UTC";
char *tzname[2] = { zone_std, zone_std };
long  timezone;
int   daylight;

/* TZ = name offset, e.g. "EST5" or "CET-1:30": the name is three or more
 * letters, the offset [+-]hh[:mm[:ss]] is west of UTC.  Anything else
 * (unset, or rules we do not parse) counts as UTC, with its name if any. */
void
tzset(void)
{
    const char *tz = getenv("TZ"), *p;
    size_t n = 0;
    long sign = 1, h = 0, m = 0, s = 0;

    timezone = 0;
    daylight = 0;
    strcpy(zone_std, "UTC");
    if (tz == NULL || *tz == '\0')
        return;
    if (*tz == ':')
        tz++;
    for (p = tz; ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) && n < sizeof zone_std - 1; p++)
        n++;
    if (n < 3)
        return;
    memcpy(zone_std, tz, n);
    zone_std[n] = '\0';
    if (*p == '+' || *p == '-')
        sign = *p++ == '-' ? -1 : 1;
    if (*p < '0' || *p > '9')
        return;
    h = strtol(p, (char **)&p, 10);
    if (*p == ':')
        m = strtol(p + 1, (char **)&p, 10);
    if (*p == ':')
        s = strtol(p + 1, (char **)&p, 10);
    timezone = sign * (h * 3600 + m * 60 + s);
}

/* ---- conversions ------------------------------------------------------------ */

struct tm *
gmtime_r(const time_t *t, struct tm *result)
{
    return fields_from_seconds(*t, 0, "GMT", result);
}

struct tm *
gmtime(const time_t *t)
{
    static struct tm result;

    return gmtime_r(t, &result);
}

struct tm *
localtime_r(const time_t *t, struct tm *result)
{
    tzset();
    return fields_from_seconds(*t, -timezone, tzname[0], result);
}

struct tm *
localtime(const time_t *t)
{
    static struct tm result;

    return localtime_r(t, &result);
}

time_t
timegm(struct tm *tm)
{
    long long t = seconds_from_fields(tm);
    time_t r = to_time_t(t);

    if (r != (time_t)-1 || t == -1)
        fields_from_seconds(t, 0, "GMT", tm);
    return r;
}

/* POSIX mktime: tm is local time, its fields may be out of range; they are
 * normalized, and tm_wday and tm_yday set.  tm_isdst is ignored (no DST). */
time_t
mktime(struct tm *tm)
{
    long long t;
    time_t r;

    tzset();
    t = seconds_from_fields(tm) + timezone;
    r = to_time_t(t);
    if (r != (time_t)-1 || t == -1)
        fields_from_seconds(t, -timezone, tzname[0], tm);
    return r;
}

double
difftime(time_t t1, time_t t0)
{
    return (double)t1 - (double)t0;
}

/* ---- text ------------------------------------------------------------------- */

static const char *const day_names[7] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};
static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

static const char *
name_of(const char *const *names, int n, int i)
{
    return i >= 0 && i < n ? names[i] : "?";
}

/* ISO C's fixed format: "Sun Sep 16 01:03:52 1973\n", 26 bytes with the
 * NUL; a year too wide for them is EOVERFLOW (as glibc). */
char *
asctime_r(const struct tm *tm, char *buf)
{
    char text[80];
    int n = snprintf(text, sizeof text, "%.3s %.3s%3d %.2d:%.2d:%.2d %lld\n",
                     name_of(day_names, 7, tm->tm_wday), name_of(month_names, 12, tm->tm_mon),
                     tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900LL + tm->tm_year);
    if (n > 25) {
        errno = EOVERFLOW;
        return NULL;
    }
    memcpy(buf, text, (size_t)n + 1);
    return buf;
}

char *
asctime(const struct tm *tm)
{
    static char buf[26];

    return asctime_r(tm, buf);
}

char *
ctime_r(const time_t *t, char *buf)
{
    struct tm tm;

    return localtime_r(t, &tm) ? asctime_r(&tm, buf) : NULL;
}

char *
ctime(const time_t *t)
{
    static char buf[26];

    return ctime_r(t, buf);
}

/* ISO 8601 weeks start on Monday; week 1 holds the year's first Thursday. */
static int
iso_weeks_in_year(long long y)
{
    int jan1 = (int)(floor_div(days_from_civil(y, 1, 1) + 4, 7) * -7 + days_from_civil(y, 1, 1) + 4);
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return jan1 == 4 || (leap && jan1 == 3) ? 53 : 52;
}

static int
iso_week(const struct tm *tm, long long *iso_year)
{
    long long y = 1900LL + tm->tm_year;
    int monday_based = (tm->tm_wday + 6) % 7;                 /* Monday 0 */
    int week = (tm->tm_yday - monday_based + 10) / 7;
    if (week < 1) {
        y--;
        week = iso_weeks_in_year(y);
    } else if (week > iso_weeks_in_year(y)) {
        y++;
        week = 1;
    }
    *iso_year = y;
    return week;
}

struct out {
    char  *s;
    size_t max, len;
};

static void
put(struct out *o, const char *text)
{
    for (; *text; text++, o->len++)
        if (o->len < o->max)
            o->s[o->len] = *text;
}

static void
put_number(struct out *o, const char *format, long long n)
{
    char buf[24];

    snprintf(buf, sizeof buf, format, n);
    put(o, buf);
}

static void
format(struct out *o, const char *fmt, const struct tm *tm);

/* One conversion, %c.  Returns 0 for one we do not know. */
static int
convert(struct out *o, char c, const struct tm *tm)
{
    long long iso_year, year = 1900LL + tm->tm_year;
    int hour12 = tm->tm_hour % 12 ? tm->tm_hour % 12 : 12;

    switch (c) {
    case 'a': { char b[4]; snprintf(b, 4, "%s", name_of(day_names, 7, tm->tm_wday)); put(o, b); break; }
    case 'A': put(o, name_of(day_names, 7, tm->tm_wday)); break;
    case 'b': case 'h': { char b[4]; snprintf(b, 4, "%s", name_of(month_names, 12, tm->tm_mon)); put(o, b); break; }
    case 'B': put(o, name_of(month_names, 12, tm->tm_mon)); break;
    case 'c': format(o, "%a %b %e %H:%M:%S %Y", tm); break;
    case 'C': put_number(o, "%02lld", floor_div(year, 100)); break;
    case 'd': put_number(o, "%02lld", tm->tm_mday); break;
    case 'D': format(o, "%m/%d/%y", tm); break;
    case 'e': put_number(o, "%2lld", tm->tm_mday); break;
    case 'F': format(o, "%Y-%m-%d", tm); break;
    case 'g': iso_week(tm, &iso_year); put_number(o, "%02lld", (iso_year % 100 + 100) % 100); break;
    case 'G': iso_week(tm, &iso_year); put_number(o, "%lld", iso_year); break;
    case 'H': put_number(o, "%02lld", tm->tm_hour); break;
    case 'I': put_number(o, "%02lld", hour12); break;
    case 'j': put_number(o, "%03lld", tm->tm_yday + 1); break;
    case 'm': put_number(o, "%02lld", tm->tm_mon + 1); break;
    case 'M': put_number(o, "%02lld", tm->tm_min); break;
    case 'n': put(o, "\n"); break;
    case 'p': put(o, tm->tm_hour < 12 ? "AM" : "PM"); break;
    case 'r': format(o, "%I:%M:%S %p", tm); break;
    case 'R': format(o, "%H:%M", tm); break;
    case 's': { struct tm copy = *tm; put_number(o, "%lld", (long long)mktime(&copy)); break; }
    case 'S': put_number(o, "%02lld", tm->tm_sec); break;
    case 't': put(o, "\t"); break;
    case 'T': format(o, "%H:%M:%S", tm); break;
    case 'u': put_number(o, "%lld", tm->tm_wday ? tm->tm_wday : 7); break;
    case 'U': put_number(o, "%02lld", (tm->tm_yday + 7 - tm->tm_wday) / 7); break;
    case 'V': put_number(o, "%02lld", iso_week(tm, &iso_year)); break;
    case 'w': put_number(o, "%lld", tm->tm_wday); break;
    case 'W': put_number(o, "%02lld", (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7); break;
    case 'x': format(o, "%m/%d/%y", tm); break;
    case 'X': format(o, "%H:%M:%S", tm); break;
    case 'y': put_number(o, "%02lld", (year % 100 + 100) % 100); break;
    case 'Y': put_number(o, "%lld", year); break;
    case 'z': {
        long off = tm->tm_gmtoff, a = off < 0 ? -off : off;
        char b[32];
        snprintf(b, sizeof b, "%c%02ld%02ld", off < 0 ? '-' : '+', a / 3600, a / 60 % 60);
        put(o, b);
        break;
    }
    case 'Z': put(o, tm->tm_zone ? tm->tm_zone : ""); break;
    case '%': put(o, "%"); break;
    default:
        return 0;
    }
    return 1;
}

static void
format(struct out *o, const char *fmt, const struct tm *tm)
{
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            char one[2] = { *p, 0 };
            put(o, one);
            continue;
        }
        const char *start = p++;
        if (*p == 'E' || *p == 'O')             /* locale modifiers: C locale */
            p++;
        if (*p == '\0' || !convert(o, *p, tm)) {
            char text[4] = { 0 };
            memcpy(text, start, (size_t)(p - start) + (*p != '\0'));
            put(o, text);                       /* unknown: copied as it is */
            if (*p == '\0')
                break;
        }
    }
}

/* ISO C: the number of bytes written without the NUL, or 0 if they (with
 * the NUL) do not fit in max. */
size_t
strftime(char *s, size_t max, const char *fmt, const struct tm *tm)
{
    struct out o = { s, max, 0 };

    format(&o, fmt, tm);
    if (o.len >= max)
        return 0;
    s[o.len] = '\0';
    return o.len;
}
