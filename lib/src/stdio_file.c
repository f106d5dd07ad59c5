/*
 * Streams: the three standard ones, opening and closing, buffering modes,
 * flushing and seeking.  Reading and writing characters are in
 * stdio_read.c and stdio_write.c; the layout of FILE is in stdio_impl.h.
 *
 * Buffering, as in glibc:
 *   stdin   fully buffered (a read of the console returns one line anyway)
 *   stdout  line-buffered if it is the console, else fully buffered;
 *           decided at the first output, so a program that never prints
 *           pays no isatty() call
 *   stderr  unbuffered
 *   fopen   fully buffered, BUFSIZ bytes, allocated at first use
 * Nothing is flushed automatically before fork(): call fflush(stdout)
 * first, or the child inherits (and later prints) a copy of the buffer.
 * exit() flushes every stream; _exit() does not.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"
#include "stdio_impl.h"

static unsigned char stdin_buffer[BUFSIZ];
static unsigned char stdout_buffer[BUFSIZ];

static FILE stderr_file = {
    .fd = 2, .flags = STREAM_WRITE | STREAM_STATIC, .bufmode = _IONBF,
    .buf = &stderr_file.onebyte, .size = 1, .ungot = EOF, .next = NULL,
};
static FILE stdout_file = {
    .fd = 1, .flags = STREAM_WRITE | STREAM_STATIC,
    .bufmode = BUFMODE_UNDECIDED, .buf = stdout_buffer, .size = BUFSIZ,
    .ungot = EOF, .next = &stderr_file,
};
static FILE stdin_file = {
    .fd = 0, .flags = STREAM_READ | STREAM_STATIC, .bufmode = _IOFBF,
    .buf = stdin_buffer, .size = BUFSIZ, .ungot = EOF, .next = &stdout_file,
};

FILE *stdin = &stdin_file;
FILE *stdout = &stdout_file;
FILE *stderr = &stderr_file;

/* Every open stream, newest first. */
static FILE *stream_list = &stdin_file;

/* ---- helpers shared with stdio_read.c and stdio_write.c ------------------ */

/* Make sure f has a buffer and a decided buffering mode. */
static void
stream_setup_buffer(FILE *f)
{
    if (f->bufmode == BUFMODE_UNDECIDED) {
        int saved = errno;              /* isatty sets ENOTTY: not an error */
        f->bufmode = isatty(f->fd) ? _IOLBF : _IOFBF;
        errno = saved;
    }
    if (f->bufmode == _IONBF) {
        f->buf = &f->onebyte;
        f->size = 1;
    } else if (f->buf == NULL) {
        if (f->size == 0)
            f->size = BUFSIZ;
        f->buf = malloc(f->size);
        if (f->buf != NULL) {
            f->flags |= STREAM_OWNBUF;
        } else {                        /* no memory: work unbuffered */
            f->bufmode = _IONBF;
            f->buf = &f->onebyte;
            f->size = 1;
        }
    }
}

/* Bytes read from the file but not yet handed to the program. */
static size_t
stream_unread(FILE *f)
{
    return (f->rlen - f->rpos) + (f->ungot != EOF);
}

/* Forget the read-ahead, moving the file offset back over it so the next
 * read or write happens where the program thinks it is.  (On a pipe or the
 * console lseek fails and the bytes are lost; C requires an fseek or fflush
 * between reading and writing anyway.) */
static void
stream_drop_read_buffer(FILE *f)
{
    size_t unread = stream_unread(f);

    if (unread > 0)
        lseek(f->fd, -(off_t)unread, SEEK_CUR);
    f->rpos = f->rlen = 0;
    f->ungot = EOF;
}

/* Write out the pending output.  On failure the unwritten bytes stay in
 * the buffer and the error flag is set. */
int
__stdio_flush(FILE *f)
{
    size_t done = 0;

    while (done < f->wlen) {
        ssize_t n = write(f->fd, f->buf + done, f->wlen - done);
        if (n < 0 && errno == EINTR)
            continue;                   /* a signal handler ran: go on */
        if (n <= 0) {
            memmove(f->buf, f->buf + done, f->wlen - done);
            f->wlen -= done;
            f->flags |= STREAM_ERROR;
            return EOF;
        }
        done += (size_t)n;
    }
    f->wlen = 0;
    return 0;
}

int
__stdio_prepare_write(FILE *f)
{
    if (!(f->flags & STREAM_WRITE)) {
        f->flags |= STREAM_ERROR;
        errno = EBADF;
        return EOF;
    }
    if (stream_unread(f) > 0)
        stream_drop_read_buffer(f);
    stream_setup_buffer(f);
    return 0;
}

int
__stdio_prepare_read(FILE *f)
{
    if (!(f->flags & STREAM_READ)) {
        f->flags |= STREAM_ERROR;
        errno = EBADF;
        return EOF;
    }
    if (f->wlen > 0 && __stdio_flush(f) == EOF)
        return EOF;
    stream_setup_buffer(f);
    return 0;
}

/*
 * Refill the empty read buffer with one read().  Before a read that may
 * block, line-buffered output is flushed, so a prompt printed without a
 * newline is on the screen while the program waits for the answer.
 * Returns the bytes read, 0 at end of file (setting EOF), -1 on error.
 */
int
__stdio_fill(FILE *f)
{
    ssize_t n;

    for (FILE *out = stream_list; out != NULL; out = out->next)
        if (out->bufmode == _IOLBF && out->wlen > 0)
            __stdio_flush(out);
    f->rpos = f->rlen = 0;
    n = read(f->fd, f->buf, f->size);
    if (n > 0)
        f->rlen = (size_t)n;
    else
        f->flags |= n == 0 ? STREAM_EOF : STREAM_ERROR;
    return (int)n;
}

void
__stdio_flush_all(void)
{
    for (FILE *f = stream_list; f != NULL; f = f->next)
        if (f->wlen > 0)
            __stdio_flush(f);
}

/* ---- opening and closing -------------------------------------------------- */

/* "r", "w", "a", each optionally with "+"; 'x' adds O_EXCL, 'e' O_CLOEXEC,
 * 'b' means nothing.  Returns STREAM_READ/WRITE and sets *oflags, or -1. */
static int
stream_parse_mode(const char *mode, int *oflags)
{
    int sflags;

    switch (mode[0]) {
    case 'r': *oflags = O_RDONLY; sflags = STREAM_READ; break;
    case 'w': *oflags = O_WRONLY | O_CREAT | O_TRUNC; sflags = STREAM_WRITE; break;
    case 'a': *oflags = O_WRONLY | O_CREAT | O_APPEND; sflags = STREAM_WRITE; break;
    default:
        errno = EINVAL;
        return -1;
    }
    for (const char *p = mode + 1; *p; p++) {
        if (*p == '+') {
            *oflags = (*oflags & ~O_ACCMODE) | O_RDWR;
            sflags = STREAM_READ | STREAM_WRITE;
        } else if (*p == 'x') {
            *oflags |= O_EXCL;
        } else if (*p == 'e') {
            *oflags |= O_CLOEXEC;
        }
    }
    return sflags;
}

static FILE *
stream_new(int fd, int sflags)
{
    FILE *f = calloc(1, sizeof *f);

    if (f == NULL)
        return NULL;
    f->fd = fd;
    f->flags = sflags;
    f->bufmode = _IOFBF;
    f->ungot = EOF;
    f->next = stream_list;
    stream_list = f;
    return f;
}

FILE *
fopen(const char *path, const char *mode)
{
    int oflags, sflags = stream_parse_mode(mode, &oflags);
    int fd;
    FILE *f;

    if (sflags < 0)
        return NULL;
    fd = open(path, oflags, 0666);
    if (fd < 0)
        return NULL;
    f = stream_new(fd, sflags);
    if (f == NULL)
        close(fd);
    return f;
}

FILE *
fdopen(int fd, const char *mode)
{
    int oflags, sflags = stream_parse_mode(mode, &oflags);

    if (sflags < 0)
        return NULL;
    return stream_new(fd, sflags);
}

int
fclose(FILE *f)
{
    int result = 0;
    FILE **link;

    if (f->wlen > 0 && __stdio_flush(f) == EOF)
        result = EOF;
    if (close(f->fd) < 0)
        result = EOF;
    for (link = &stream_list; *link != NULL; link = &(*link)->next) {
        if (*link == f) {
            *link = f->next;
            break;
        }
    }
    if (f->flags & STREAM_OWNBUF)
        free(f->buf);
    if (f->flags & STREAM_STATIC) {
        f->flags = STREAM_STATIC;       /* neither readable nor writable now */
        f->wlen = f->rpos = f->rlen = 0;
        f->buf = &f->onebyte;
        f->size = 1;
    } else {
        free(f);
    }
    return result;
}

/* ---- flushing, buffering, state -------------------------------------------- */

int
fflush(FILE *f)
{
    if (f == NULL) {
        int result = 0;
        for (f = stream_list; f != NULL; f = f->next)
            if (f->wlen > 0 && __stdio_flush(f) == EOF)
                result = EOF;
        return result;
    }
    if (f->wlen > 0)
        return __stdio_flush(f);
    /* An input stream: give the read-ahead back to a seekable file. */
    if (stream_unread(f) > 0 && lseek(f->fd, 0, SEEK_CUR) >= 0)
        stream_drop_read_buffer(f);
    return 0;
}

int
setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
        errno = EINVAL;
        return -1;
    }
    if (f->wlen > 0)
        __stdio_flush(f);
    stream_drop_read_buffer(f);
    if (f->flags & STREAM_OWNBUF)
        free(f->buf);
    f->flags &= ~STREAM_OWNBUF;
    f->bufmode = mode;
    if (mode == _IONBF) {
        f->buf = &f->onebyte;
        f->size = 1;
    } else if (buf != NULL && size > 0) {
        f->buf = (unsigned char *)buf;
        f->size = size;
    } else {
        f->buf = NULL;                  /* malloc'ed at first use */
        f->size = size > 0 ? size : BUFSIZ;
    }
    return 0;
}

void
setbuf(FILE *f, char *buf)
{
    setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

int
fileno(FILE *f)
{
    return f->fd;
}

int
feof(FILE *f)
{
    return (f->flags & STREAM_EOF) != 0;
}

int
ferror(FILE *f)
{
    return (f->flags & STREAM_ERROR) != 0;
}

void
clearerr(FILE *f)
{
    f->flags &= ~(STREAM_EOF | STREAM_ERROR);
}

/* ---- positioning ------------------------------------------------------------ */

int
fseek(FILE *f, long offset, int whence)
{
    if (f->wlen > 0 && __stdio_flush(f) == EOF)
        return -1;
    if (whence == SEEK_CUR)
        offset -= (long)stream_unread(f);
    f->rpos = f->rlen = 0;
    f->ungot = EOF;
    if (lseek(f->fd, offset, whence) < 0)
        return -1;
    f->flags &= ~STREAM_EOF;
    return 0;
}

long
ftell(FILE *f)
{
    off_t pos = lseek(f->fd, 0, SEEK_CUR);

    if (pos < 0)
        return -1;
    return pos - (long)stream_unread(f) + (long)f->wlen;
}

void
rewind(FILE *f)
{
    fseek(f, 0, SEEK_SET);
    clearerr(f);
}
