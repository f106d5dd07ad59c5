/* Memory, conversions, the environment, and ending the process. */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <sys/types.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX     32767

/* memory */
void  *malloc(size_t size);
void  *calloc(size_t n, size_t size);
void  *realloc(void *ptr, size_t size);
void   free(void *ptr);

/* numbers from strings */
int                atoi(const char *s);
long               atol(const char *s);
long long          atoll(const char *s);
long               strtol(const char *s, char **end, int base);
unsigned long      strtoul(const char *s, char **end, int base);
long long          strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
double             strtod(const char *s, char **end);
float              strtof(const char *s, char **end);
long double        strtold(const char *s, char **end);
double             atof(const char *s);

int       abs(int x);
long      labs(long x);
long long llabs(long long x);

int    rand(void);
void   srand(unsigned int seed);
void   qsort(void *base, size_t n, size_t size,
             int (*compare)(const void *, const void *));

/* the environment */
char  *getenv(const char *name);
int    setenv(const char *name, const char *value, int overwrite);
int    unsetenv(const char *name);

/* running a command through /bin/sh -c */
int    system(const char *command);

/* ending the process */
int    atexit(void (*fn)(void));
void   exit(int status) __attribute__((__noreturn__));
void   _Exit(int status) __attribute__((__noreturn__));
void   abort(void) __attribute__((__noreturn__));

#endif
