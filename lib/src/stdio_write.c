/*
 * Output to streams: fwrite, fputc, fputs, puts and their relatives.
 * stream_write() is the one place that decides, by the stream's buffering
 * mode, whether bytes wait in the buffer or go to write() now.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

/* write() all n bytes, past partial writes and signal interruptions. */
static int
stream_write_direct(FILE *f, const unsigned char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(f->fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            f->flags |= STREAM_ERROR;
            return EOF;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/*
 * Hand n bytes to a stream ready for writing.  Unbuffered: written now.
 * Otherwise they are copied to the buffer, which is written out when full;
 * a line-buffered stream is also written out when the bytes hold a newline.
 * A write at least as large as the buffer skips it.  Returns 0 or EOF.
 */
static int
stream_write(FILE *f, const unsigned char *p, size_t n)
{
    if (f->bufmode == _IONBF)
        return stream_write_direct(f, p, n);
    if (n >= f->size) {
        if (__stdio_flush(f) == EOF)
            return EOF;
        return stream_write_direct(f, p, n);
    }
    for (size_t done = 0; done < n; ) {
        size_t chunk = f->size - f->wlen;
        if (chunk > n - done)
            chunk = n - done;
        memcpy(f->buf + f->wlen, p + done, chunk);
        f->wlen += chunk;
        done += chunk;
        if (f->wlen == f->size && __stdio_flush(f) == EOF)
            return EOF;
    }
    if (f->bufmode == _IOLBF && memchr(p, '\n', n) != NULL)
        return __stdio_flush(f);
    return 0;
}

size_t
fwrite(const void *ptr, size_t size, size_t n, FILE *f)
{
    size_t total = size * n;

    if (total == 0)
        return 0;
    if (total / n != size) {            /* size * n overflowed */
        errno = EINVAL;
        return 0;
    }
    if (__stdio_prepare_write(f) == EOF || stream_write(f, ptr, total) == EOF)
        return 0;
    return n;
}

int
fputc(int c, FILE *f)
{
    unsigned char byte = (unsigned char)c;

    if (__stdio_prepare_write(f) == EOF || stream_write(f, &byte, 1) == EOF)
        return EOF;
    return byte;
}

int
putc(int c, FILE *f)
{
    return fputc(c, f);
}

int
putchar(int c)
{
    return fputc(c, stdout);
}

int
fputs(const char *s, FILE *f)
{
    size_t n = strlen(s);

    if (n == 0)
        return 0;
    return fwrite(s, 1, n, f) == n ? 0 : EOF;
}

/* s and a newline; on a line-buffered stdout that is one write(). */
int
puts(const char *s)
{
    if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
        return EOF;
    return 0;
}
