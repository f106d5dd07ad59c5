/*
 * The FILE structure, private to the stdio files of the library.
 *
 * A stream is a file descriptor plus one buffer used in one direction at a
 * time.  Writing: the first wlen bytes of buf wait to be written.  Reading:
 * buf[rpos .. rlen) were read from the file and not yet consumed.  A stream
 * switches direction by flushing (write -> read) or by giving back the
 * unread bytes with lseek (read -> write).
 */
#ifndef LIBC_STDIO_IMPL_H
#define LIBC_STDIO_IMPL_H

#include <stdio.h>

#define STREAM_READ     0x01    /* opened for reading */
#define STREAM_WRITE    0x02    /* opened for writing */
#define STREAM_EOF      0x04    /* end of file seen (feof) */
#define STREAM_ERROR    0x08    /* an I/O error happened (ferror) */
#define STREAM_OWNBUF   0x10    /* buf came from malloc: free it at fclose */
#define STREAM_STATIC   0x20    /* stdin/stdout/stderr: not from malloc */

#define BUFMODE_UNDECIDED (-1)  /* stdout: line or full, decided at first use */

struct __stdio_file {
    int            fd;
    int            flags;       /* STREAM_* */
    int            bufmode;     /* _IOFBF, _IOLBF, _IONBF or BUFMODE_UNDECIDED */
    unsigned char *buf;         /* NULL until first use (then malloc'ed) */
    size_t         size;        /* bytes in buf */
    size_t         wlen;        /* writing: bytes waiting in buf */
    size_t         rpos, rlen;  /* reading: next byte, end of the valid bytes */
    int            ungot;       /* a byte pushed back by ungetc, or EOF */
    unsigned char  onebyte;     /* the buffer of an unbuffered stream */
    struct __stdio_file *next;  /* every open stream, for fflush(NULL) */
};

/* stdio_file.c */
int  __stdio_flush(FILE *f);            /* write out buf: 0 or EOF */
int  __stdio_prepare_write(FILE *f);    /* 0, or EOF with errno if not writable */
int  __stdio_prepare_read(FILE *f);     /* 0, or EOF with errno if not readable */
int  __stdio_fill(FILE *f);             /* read into buf: bytes, 0 at EOF, -1 */

#endif
