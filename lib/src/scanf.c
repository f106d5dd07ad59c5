/* scanf and fscanf: the scan.c engine reading a stream. */
#include <stdarg.h>
#include <stdio.h>
#include "scan.h"

static int stream_get(void *f) { return fgetc(f); }
static void stream_unget(int c, void *f) { ungetc(c, f); }

int
vfscanf(FILE *f, const char *fmt, va_list ap)
{
    struct scan_source in = { stream_get, stream_unget, f };
    return __scan(&in, fmt, ap);
}

int
fscanf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfscanf(f, fmt, ap);
    va_end(ap);
    return n;
}

int
vscanf(const char *fmt, va_list ap)
{
    return vfscanf(stdin, fmt, ap);
}

int
scanf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vfscanf(stdin, fmt, ap);
    va_end(ap);
    return n;
}
