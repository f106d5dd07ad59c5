/*
 * The printf engine, shared by the string functions (format.c) and the
 * stream functions (printf.c).
 *
 * __format() turns a format and its arguments into characters and hands
 * them, a run at a time, to a sink.  A sink is a struct whose first member
 * is a struct format_sink; its write function gets the sink back and casts
 * it to the larger struct to find its own state.
 */
#ifndef LIBC_FORMAT_H
#define LIBC_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

struct format_sink {
    void   (*write)(struct format_sink *sink, const char *s, size_t n);
    size_t count;       /* characters produced so far: printf's result */
    int    error;       /* set by write when the output failed */
};

/* Returns the number of characters produced, or -1 if the sink failed. */
int __format(struct format_sink *sink, const char *fmt, va_list ap);

#endif
