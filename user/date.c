/*
 * date -- print the date and time: "Wed Dec  2 07:15:00 UTC 2026" by
 * default, or +FORMAT (strftime's conversions); -u for UTC whatever TZ
 * says; -s SECONDS... is not offered (the clock comes from the CMOS RTC).
 */
#include <time.h>
#include "util.h"

int
main(int argc, char **argv)
{
    const char *format = "%a %b %e %H:%M:%S %Z %Y";
    char out[256];
    int utc = 0;
    struct tm tm;

    USAGE(argc, argv, "usage: date [-u] [+FORMAT]   (FORMAT: strftime's, e.g. +%Y-%m-%d)\n");
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-u") == 0)
            utc = 1;
        else if (argv[i][0] == '+')
            format = argv[i] + 1;
        else
            usage();
    }
    time_t now = time(NULL);
    if (!(utc ? gmtime_r(&now, &tm) : localtime_r(&now, &tm)))
        return complain("date", "time");
    if (utc && strcmp(format, "%a %b %e %H:%M:%S %Z %Y") == 0)
        format = "%a %b %e %H:%M:%S UTC %Y";
    strftime(out, sizeof out, format, &tm);
    puts(out);
    return 0;
}
