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

static int
is_leap(long long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
weekday(long long days)                 /* 0 = Sunday; 1970-01-01 was a Thursday */
{
    return (int)(days + 4 - floor_div(days + 4, 7) * 7);
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
    tm->tm_wday = weekday(days);
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

/*
 * TZ in POSIX's form: std offset [dst [offset] [,start[/time],end[/time]]],
 * e.g. "EST5EDT,M3.2.0,M11.1.0" or "CET-1CEST,M3.5.0,M10.5.0/3".  A name is
 * three or more letters, or anything in <...> ("<+0545>-5:45"); an offset
 * is [+-]hh[:mm[:ss]] west of UTC, and daylight time defaults to an hour
 * ahead of standard time.  A rule is Jn (day 1..365, February 29th never
 * counted), n (day 0..365, counted) or Mm.w.d (day d, 0 = Sunday, of week
 * w, 5 = the last, of month m), at time (default 02:00, local time then in
 * force).  Without rules, the United States' (glibc's default).  Unset,
 * or a form we do not know (":Area/City" files), is UTC.
 */
#define ZONE_NAME_MAX 32

struct dst_rule {
    char kind;                  /* 'J', 'D' (zero-based day) or 'M' */
    int  day, week, month;      /* J and D: day; M: month.week.day */
    long time;                  /* seconds after local midnight */
};

static struct {
    char std_name[ZONE_NAME_MAX], dst_name[ZONE_NAME_MAX];
    long std_east, dst_east;    /* seconds east of UTC */
    int  has_dst;
    struct dst_rule start, end;
} zone;

char *tzname[2] = { zone.std_name, zone.std_name };
long  timezone;
int   daylight;

static int is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
static int is_digit(char c)  { return c >= '0' && c <= '9'; }

/* A zone name; 0 if there is none. */
static int
parse_name(const char **p, char *name)
{
    const char *s = *p, *from = s;
    size_t n;

    if (*s == '<') {
        from = ++s;
        while (*s && *s != '>')
            s++;
        n = (size_t)(s - from);
        if (*s++ != '>')
            return 0;
    } else {
        while (is_letter(*s))
            s++;
        n = (size_t)(s - from);
    }
    if (n < 3 || n >= ZONE_NAME_MAX)
        return 0;
    memcpy(name, from, n);
    name[n] = '\0';
    *p = s;
    return 1;
}

/* [+-]hh[:mm[:ss]] in seconds, hh at most max_hours; 0 if malformed. */
static int
parse_hms(const char **p, long max_hours, long *secs)
{
    const char *s = *p;
    long sign = 1, part[3] = { 0, 0, 0 };

    if (*s == '+' || *s == '-')
        sign = *s++ == '-' ? -1 : 1;
    for (int i = 0; i < 3; i++) {
        if (i > 0 && *s != ':')
            break;
        if (i > 0)
            s++;
        if (!is_digit(*s))
            return 0;
        part[i] = strtol(s, (char **)&s, 10);
    }
    if (part[0] > max_hours || part[1] > 59 || part[2] > 59)
        return 0;
    *secs = sign * (part[0] * 3600 + part[1] * 60 + part[2]);
    *p = s;
    return 1;
}

static int
parse_number(const char **p, int lo, int hi, int *n)
{
    if (!is_digit(**p))
        return 0;
    long v = strtol(*p, (char **)p, 10);
    *n = (int)v;
    return v >= lo && v <= hi;
}

/* ",Jn[/time]", ",n[/time]" or ",Mm.w.d[/time]" */
static int
parse_rule(const char **p, struct dst_rule *r)
{
    if (*(*p)++ != ',')
        return 0;
    r->time = 2 * 3600;
    if (**p == 'J') {
        (*p)++;
        r->kind = 'J';
        if (!parse_number(p, 1, 365, &r->day))
            return 0;
    } else if (**p == 'M') {
        (*p)++;
        r->kind = 'M';
        if (!parse_number(p, 1, 12, &r->month) || *(*p)++ != '.' ||
            !parse_number(p, 1, 5, &r->week) || *(*p)++ != '.' ||
            !parse_number(p, 0, 6, &r->day))
            return 0;
    } else {
        r->kind = 'D';
        if (!parse_number(p, 0, 365, &r->day))
            return 0;
    }
    if (**p == '/') {
        (*p)++;
        return parse_hms(p, 167, &r->time);     /* POSIX.1-2008 allows -167..167 */
    }
    return 1;
}

static void
zone_utc(void)
{
    strcpy(zone.std_name, "UTC");
    zone.std_east = zone.dst_east = 0;
    zone.has_dst = 0;
}

/* The dst part after the standard zone: name, offset, rules. */
static int
parse_dst(const char *s)
{
    static const char us_rules[] = ",M3.2.0,M11.1.0";
    long west;

    if (*s == '\0')
        return 1;
    if (!parse_name(&s, zone.dst_name))
        return 0;
    zone.has_dst = 1;
    zone.dst_east = zone.std_east + 3600;
    if ((*s == '+' || *s == '-' || is_digit(*s))) {
        if (!parse_hms(&s, 24, &west))
            return 0;
        zone.dst_east = -west;
    }
    if (*s == '\0')
        s = us_rules;
    return parse_rule(&s, &zone.start) && parse_rule(&s, &zone.end) && *s == '\0';
}

void
tzset(void)
{
    const char *tz = getenv("TZ");
    long west;

    zone_utc();
    if (tz && *tz && *tz != ':' && parse_name(&tz, zone.std_name) &&
        parse_hms(&tz, 24, &west)) {
        zone.std_east = -west;
        if (!parse_dst(tz))
            zone_utc();
    } else
        zone_utc();                     /* parse_name may have written a name */
    timezone = -zone.std_east;
    daylight = zone.has_dst;
    tzname[0] = zone.std_name;
    tzname[1] = zone.has_dst ? zone.dst_name : zone.std_name;
}

/* When rule r takes effect in year y, in UTC, when the clocks then read
 * `east` seconds east of it. */
static long long
transition(const struct dst_rule *r, long long y, long east)
{
    long long day;

    if (r->kind == 'J')
        day = days_from_civil(y, 1, 1) + r->day - 1 + (is_leap(y) && r->day >= 60);
    else if (r->kind == 'D')
        day = days_from_civil(y, 1, 1) + r->day;
    else {
        long long first = days_from_civil(y, r->month, 1);
        int mdays = (int)(days_from_civil(y + (r->month == 12), r->month % 12 + 1, 1) - first);
        int mday = (r->day - weekday(first) + 7) % 7 + (r->week - 1) * 7;
        while (mday >= mdays)
            mday -= 7;                  /* week 5: the last one */
        day = first + mday;
    }
    return day * SECS_PER_DAY + r->time - east;
}

/* Is t (UTC) daylight time?  The rules of t's year, as glibc takes them;
 * south of the equator daylight time spans the new year. */
static int
is_dst(long long t)
{
    long long y;
    int m, d;

    if (!zone.has_dst)
        return 0;
    civil_from_days(floor_div(t, SECS_PER_DAY), &y, &m, &d);
    long long start = transition(&zone.start, y, zone.std_east);
    long long end = transition(&zone.end, y, zone.dst_east);
    return start < end ? t >= start && t < end : !(t >= end && t < start);
}

static struct tm *
local_fields(long long t, struct tm *tm)
{
    int dst = is_dst(t);

    if (!fields_from_seconds(t, dst ? zone.dst_east : zone.std_east, tzname[dst], tm))
        return NULL;
    tm->tm_isdst = dst;
    return tm;
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
    return local_fields(*t, result);
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

/*
 * The UTC time of local fields: tm_isdst > 0 says they are daylight time
 * (an hour ahead of standard time if the zone has none, as glibc), 0
 * standard time, < 0 "find out".  A time that does not exist (the hour the
 * clocks skip) is read as standard time, as glibc does; one that exists
 * twice (the hour repeated) is the first, daylight time.
 */
static long long
utc_of_local(long long local, int isdst)
{
    long long as_std = local - zone.std_east;
    long long as_dst = local - (zone.has_dst ? zone.dst_east : zone.std_east + 3600);

    if (isdst > 0)
        return as_dst;
    if (isdst == 0 || !zone.has_dst)
        return as_std;
    if (is_dst(as_dst))
        return as_dst;
    return as_std;
}

/* POSIX mktime: tm is local time, its fields may be out of range; they are
 * normalized, and tm_wday, tm_yday and tm_isdst set. */
time_t
mktime(struct tm *tm)
{
    long long t;
    time_t r;

    tzset();
    t = utc_of_local(seconds_from_fields(tm), tm->tm_isdst);
    r = to_time_t(t);
    if (r != (time_t)-1 || t == -1)
        local_fields(t, tm);
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
    int jan1 = weekday(days_from_civil(y, 1, 1));
    return jan1 == 4 || (is_leap(y) && jan1 == 3) ? 53 : 52;
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
