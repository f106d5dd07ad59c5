/* Buffered input and output. */
#ifndef _STDIO_H
#define _STDIO_H

#include <sys/types.h>
#include <parley/fcntl.h>           /* SEEK_* */

typedef struct __stdio_file FILE;   /* opaque: see lib/src/stdio_impl.h */

#define EOF         (-1)
#define BUFSIZ      4096
#define FILENAME_MAX 256
#define FOPEN_MAX   32

/* setvbuf modes */
#define _IOFBF      0               /* fully buffered */
#define _IOLBF      1               /* line buffered */
#define _IONBF      2               /* unbuffered */

extern FILE *stdin;
extern FILE *stdout;                /* line-buffered on the console, else full */
extern FILE *stderr;                /* unbuffered */

#define __printf_like(fmt, args) __attribute__((__format__(__printf__, fmt, args)))

/* streams */
FILE  *fopen(const char *path, const char *mode);
FILE  *fdopen(int fd, const char *mode);
int    fclose(FILE *f);
int    fflush(FILE *f);             /* NULL: every output stream */
int    fileno(FILE *f);
int    feof(FILE *f);
int    ferror(FILE *f);
void   clearerr(FILE *f);
int    setvbuf(FILE *f, char *buf, int mode, size_t size);
void   setbuf(FILE *f, char *buf);
int    fseek(FILE *f, long offset, int whence);
long   ftell(FILE *f);
void   rewind(FILE *f);
int    remove(const char *path);
int    rename(const char *oldpath, const char *newpath);
FILE  *tmpfile(void);
FILE  *popen(const char *command, const char *type);
int    pclose(FILE *f);
ssize_t getline(char **line, size_t *size, FILE *f);
int    scanf(const char *fmt, ...) __attribute__((__format__(__scanf__, 1, 2)));
int    fscanf(FILE *f, const char *fmt, ...) __attribute__((__format__(__scanf__, 2, 3)));
int    sscanf(const char *s, const char *fmt, ...) __attribute__((__format__(__scanf__, 2, 3)));
int    vscanf(const char *fmt, __builtin_va_list ap) __attribute__((__format__(__scanf__, 1, 0)));
int    vfscanf(FILE *f, const char *fmt, __builtin_va_list ap) __attribute__((__format__(__scanf__, 2, 0)));
int    vsscanf(const char *s, const char *fmt, __builtin_va_list ap) __attribute__((__format__(__scanf__, 2, 0)));
ssize_t getdelim(char **line, size_t *size, int delim, FILE *f);

/* characters and lines */
int    fgetc(FILE *f);
int    getc(FILE *f);
int    getchar(void);
int    ungetc(int c, FILE *f);
char  *fgets(char *s, int size, FILE *f);
int    fputc(int c, FILE *f);
int    putc(int c, FILE *f);
int    putchar(int c);
int    fputs(const char *s, FILE *f);
int    puts(const char *s);
size_t fread(void *ptr, size_t size, size_t n, FILE *f);
size_t fwrite(const void *ptr, size_t size, size_t n, FILE *f);

/* formatted output */
int    printf(const char *fmt, ...) __printf_like(1, 2);
int    fprintf(FILE *f, const char *fmt, ...) __printf_like(2, 3);
int    dprintf(int fd, const char *fmt, ...) __printf_like(2, 3);
int    sprintf(char *s, const char *fmt, ...) __printf_like(2, 3);
int    snprintf(char *s, size_t size, const char *fmt, ...) __printf_like(3, 4);
int    vprintf(const char *fmt, __builtin_va_list ap) __printf_like(1, 0);
int    vfprintf(FILE *f, const char *fmt, __builtin_va_list ap) __printf_like(2, 0);
int    vdprintf(int fd, const char *fmt, __builtin_va_list ap) __printf_like(2, 0);
int    vsprintf(char *s, const char *fmt, __builtin_va_list ap) __printf_like(2, 0);
int    vsnprintf(char *s, size_t size, const char *fmt, __builtin_va_list ap) __printf_like(3, 0);

void   perror(const char *msg);

#endif
