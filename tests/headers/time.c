/* <time.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <time.h>

static volatile int never;

int
main(void)
{
    time_t t = 0; struct tm tm; struct timespec ts; clock_t c; char buf[64]; clockid_t id[] = { CLOCK_REALTIME, CLOCK_MONOTONIC }; long l = CLOCKS_PER_SEC; (void)id; (void)l;
    if (never) {
        time(&t); clock_gettime(CLOCK_MONOTONIC, &ts); clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); clock_getres(CLOCK_REALTIME, &ts); nanosleep(&ts, &ts); c = clock(); (void)c; difftime(t, t); gmtime(&t); gmtime_r(&t, &tm); localtime(&t); localtime_r(&t, &tm); mktime(&tm); timegm(&tm); asctime(&tm); asctime_r(&tm, buf); ctime(&t); ctime_r(&t, buf); strftime(buf, sizeof buf, "%c", &tm); tzset(); (void)tzname[0]; (void)timezone; (void)daylight; (void)tm.tm_sec; (void)tm.tm_min; (void)tm.tm_hour; (void)tm.tm_mday; (void)tm.tm_mon; (void)tm.tm_year; (void)tm.tm_wday; (void)tm.tm_yday; (void)tm.tm_isdst;
    }
    return 0;
}
