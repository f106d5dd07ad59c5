/* The scanf engine (scan.c), reading through a source of characters so
 * that sscanf and fscanf share it.  No system calls: tested on the host. */
#ifndef LIBC_SCAN_H
#define LIBC_SCAN_H

#include <stdarg.h>

struct scan_source {
    int  (*get)(void *src);             /* next character or -1 */
    void (*unget)(int c, void *src);    /* give one back */
    void *src;
};

int __scan(struct scan_source *in, const char *fmt, va_list ap);

#endif
