/*
 * Input from streams: fgetc, fgets, fread, ungetc and their relatives.
 * Bytes come from the stream's buffer, refilled by __stdio_fill() with one
 * read() at a time; ungetc() keeps one pushed-back byte aside.
 */
#include <string.h>
#include <unistd.h>
#include "stdio_impl.h"

int
fgetc(FILE *f)
{
    int c;

    if (f->ungot != EOF) {
        c = f->ungot;
        f->ungot = EOF;
        return c;
    }
    if (f->rpos < f->rlen)
        return f->buf[f->rpos++];
    if (f->flags & STREAM_EOF)          /* C11: end of file is sticky */
        return EOF;
    if (__stdio_prepare_read(f) == EOF || __stdio_fill(f) <= 0)
        return EOF;
    return f->buf[f->rpos++];
}

int
getc(FILE *f)
{
    return fgetc(f);
}

int
getchar(void)
{
    return fgetc(stdin);
}

/* One byte of push-back is guaranteed, and that is all there is. */
int
ungetc(int c, FILE *f)
{
    if (c == EOF || f->ungot != EOF || !(f->flags & STREAM_READ))
        return EOF;
    f->ungot = (unsigned char)c;
    f->flags &= ~STREAM_EOF;
    return (unsigned char)c;
}

/* Up to size-1 bytes, stopping after a newline.  NULL if nothing was read. */
char *
fgets(char *s, int size, FILE *f)
{
    int i = 0, c = 0;

    if (size <= 0)
        return NULL;
    while (i < size - 1 && c != '\n') {
        c = fgetc(f);
        if (c == EOF)
            break;
        s[i++] = (char)c;
    }
    if (i == 0 && size > 1)
        return NULL;
    s[i] = '\0';
    return s;
}

/*
 * Reads until n items have arrived or the file ends: a pipe may deliver
 * them a few bytes at a time.  Large requests bypass the buffer.
 */
size_t
fread(void *ptr, size_t size, size_t n, FILE *f)
{
    unsigned char *out = ptr;
    size_t total = size * n, got = 0;

    if (total == 0 || total / n != size)
        return 0;
    if (f->ungot != EOF) {
        out[got++] = (unsigned char)f->ungot;
        f->ungot = EOF;
    }
    while (got < total) {
        if (f->rpos < f->rlen) {
            size_t chunk = f->rlen - f->rpos;
            if (chunk > total - got)
                chunk = total - got;
            memcpy(out + got, f->buf + f->rpos, chunk);
            f->rpos += chunk;
            got += chunk;
            continue;
        }
        if ((f->flags & STREAM_EOF) || __stdio_prepare_read(f) == EOF)
            break;
        if (total - got >= f->size) {
            ssize_t r = read(f->fd, out + got, total - got);
            if (r <= 0) {
                f->flags |= r == 0 ? STREAM_EOF : STREAM_ERROR;
                break;
            }
            got += (size_t)r;
        } else if (__stdio_fill(f) <= 0) {
            break;
        }
    }
    return got / size;
}
