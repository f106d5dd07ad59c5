/*
 * The environment: environ is an array of "NAME=value" strings ending in
 * NULL (exec passes it to the new program).  setenv and unsetenv change
 * the array; the first change copies it to the heap so it can grow.
 * Replaced strings are not freed: the program may still hold pointers
 * to them (getenv results), as in glibc.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **heap_environ;     /* environ, once we have copied it */

/* The index of NAME in environ, or -1.  len = strlen(name). */
static int
env_find(const char *name, size_t len)
{
    if (environ == NULL)
        return -1;
    for (int i = 0; environ[i] != NULL; i++)
        if (strncmp(environ[i], name, len) == 0 && environ[i][len] == '=')
            return i;
    return -1;
}

static int
env_count(void)
{
    int n = 0;

    while (environ != NULL && environ[n] != NULL)
        n++;
    return n;
}

static int
env_name_is_valid(const char *name)
{
    if (name == NULL || *name == '\0' || strchr(name, '=') != NULL) {
        errno = EINVAL;
        return 0;
    }
    return 1;
}

char *
getenv(const char *name)
{
    size_t len = strlen(name);
    int i = env_find(name, len);

    return i < 0 ? NULL : environ[i] + len + 1;
}

/* Make room for one more entry; returns 0 or -1 (ENOMEM). */
static int
env_grow(int count)
{
    char **bigger;

    if (environ == heap_environ && heap_environ != NULL) {
        bigger = realloc(heap_environ, (size_t)(count + 2) * sizeof *bigger);
    } else {
        bigger = malloc((size_t)(count + 2) * sizeof *bigger);
        if (bigger != NULL && count > 0)
            memcpy(bigger, environ, (size_t)count * sizeof *bigger);
    }
    if (bigger == NULL)
        return -1;
    bigger[count] = bigger[count + 1] = NULL;
    environ = heap_environ = bigger;
    return 0;
}

int
setenv(const char *name, const char *value, int overwrite)
{
    size_t nlen, vlen;
    char *entry;
    int i, count;

    if (!env_name_is_valid(name))
        return -1;
    nlen = strlen(name);
    vlen = strlen(value);
    i = env_find(name, nlen);
    if (i >= 0 && !overwrite)
        return 0;
    entry = malloc(nlen + 1 + vlen + 1);
    if (entry == NULL)
        return -1;
    memcpy(entry, name, nlen);
    entry[nlen] = '=';
    memcpy(entry + nlen + 1, value, vlen + 1);
    if (i < 0) {
        count = env_count();
        if (env_grow(count) < 0) {
            free(entry);
            return -1;
        }
        i = count;
    }
    environ[i] = entry;
    return 0;
}

int
unsetenv(const char *name)
{
    size_t len;
    int i;

    if (!env_name_is_valid(name))
        return -1;
    len = strlen(name);
    while ((i = env_find(name, len)) >= 0)
        for (; environ[i] != NULL; i++)       /* close the gap */
            environ[i] = environ[i + 1];
    return 0;
}
