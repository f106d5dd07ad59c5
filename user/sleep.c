/* sleep -- wait for the given number of seconds (fractions allowed, e.g.
 * 0.25; several arguments add up). */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Parses "12", "0.5" or ".5" into *ts; returns 0, or -1 if it is not one. */
static int
parse_seconds(const char *s, struct timespec *ts)
{
    long sec = 0, nsec = 0, digit_value = 100000000;

    if (*s == '\0')
        return -1;
    for (; isdigit((unsigned char)*s); s++) {
        if (sec > 10000000)
            return -1;
        sec = sec * 10 + (*s - '0');
    }
    if (*s == '.') {
        for (s++; isdigit((unsigned char)*s); s++) {
            nsec += (*s - '0') * digit_value;
            digit_value /= 10;
        }
    }
    if (*s != '\0')
        return -1;
    ts->tv_sec = sec;
    ts->tv_nsec = nsec;
    return 0;
}

int
main(int argc, char **argv)
{
    struct timespec total = { 0, 0 }, one, left;
    int i;

    if (argc < 2) {
        fprintf(stderr, "usage: sleep seconds...\n");
        return 2;
    }
    for (i = 1; i < argc; i++) {
        if (parse_seconds(argv[i], &one) < 0) {
            fprintf(stderr, "sleep: %s: invalid time interval\n", argv[i]);
            return 2;
        }
        total.tv_sec += one.tv_sec;
        total.tv_nsec += one.tv_nsec;
        if (total.tv_nsec >= 1000000000) {
            total.tv_sec++;
            total.tv_nsec -= 1000000000;
        }
    }
    /* A handled signal cuts the sleep short: sleep for what is left. */
    while (nanosleep(&total, &left) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "sleep: nanosleep: %s\n", strerror(errno));
            return 1;
        }
        total = left;
    }
    return 0;
}
