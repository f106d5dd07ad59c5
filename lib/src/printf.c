/*
 * Formatted output to streams and descriptors: printf, fprintf, vfprintf,
 * vprintf, dprintf, vdprintf.  The formatting is __format() (format.c);
 * this file only supplies sinks.
 *
 * The sink collects output in a small buffer of its own, so one call on an
 * unbuffered stream (stderr) becomes one write() of the whole message, not
 * one per piece: error lines from different processes do not interleave.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "format.h"

struct stream_sink {
    struct format_sink base;
    FILE   *file;               /* the stream, or NULL for a descriptor */
    int     fd;
    size_t  len;                /* bytes waiting in buf */
    char    buf[256];
};

static int
write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static void
stream_sink_drain(struct stream_sink *ss)
{
    int failed;

    if (ss->len == 0)
        return;
    if (ss->file != NULL)
        failed = fwrite(ss->buf, 1, ss->len, ss->file) != ss->len;
    else
        failed = write_all(ss->fd, ss->buf, ss->len) < 0;
    if (failed)
        ss->base.error = 1;
    ss->len = 0;
}

static void
stream_sink_write(struct format_sink *sink, const char *s, size_t n)
{
    struct stream_sink *ss = (struct stream_sink *)sink;

    while (n > 0) {
        size_t chunk = sizeof ss->buf - ss->len;
        if (chunk > n)
            chunk = n;
        memcpy(ss->buf + ss->len, s, chunk);
        ss->len += chunk;
        s += chunk;
        n -= chunk;
        if (ss->len == sizeof ss->buf)
            stream_sink_drain(ss);
    }
}

static int
format_to(FILE *file, int fd, const char *fmt, va_list ap)
{
    struct stream_sink ss;
    int n;

    ss.base.write = stream_sink_write;
    ss.base.count = 0;
    ss.base.error = 0;
    ss.file = file;
    ss.fd = fd;
    ss.len = 0;
    n = __format(&ss.base, fmt, ap);
    stream_sink_drain(&ss);
    return ss.base.error ? -1 : n;
}

int
vfprintf(FILE *f, const char *fmt, va_list ap)
{
    return format_to(f, -1, fmt, ap);
}

int
vprintf(const char *fmt, va_list ap)
{
    return format_to(stdout, -1, fmt, ap);
}

int
vdprintf(int fd, const char *fmt, va_list ap)
{
    return format_to(NULL, fd, fmt, ap);
}

int
fprintf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = format_to(f, -1, fmt, ap);
    va_end(ap);
    return n;
}

int
printf(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = format_to(stdout, -1, fmt, ap);
    va_end(ap);
    return n;
}

int
dprintf(int fd, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = format_to(NULL, fd, fmt, ap);
    va_end(ap);
    return n;
}
