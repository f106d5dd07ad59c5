/*
 * Running a program: execve and the family built on it.
 *
 *   execv(path, argv)          the current environment
 *   execvp(file, argv)         file without a '/' is looked for in $PATH,
 *                              or in /bin if PATH is not set
 *   execl, execlp, execle      the arguments as a NULL-terminated list
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "internal.h"

#define DEFAULT_PATH "/bin"

int
execve(const char *path, char *const argv[], char *const envp[])
{
    return SYSCALL3(execve, path, argv, envp);
}

int
execv(const char *path, char *const argv[])
{
    return execve(path, argv, environ);
}

/* Try dir/file; returns only if that failed. */
static void
exec_in_dir(const char *dir, size_t dirlen, const char *file, char *const argv[])
{
    char path[PATH_MAX];
    size_t filelen = strlen(file);

    if (dirlen == 0) {                  /* an empty PATH entry is "." */
        dir = ".";
        dirlen = 1;
    }
    if (dirlen + 1 + filelen + 1 > sizeof path) {
        errno = ENAMETOOLONG;
        return;
    }
    memcpy(path, dir, dirlen);
    path[dirlen] = '/';
    memcpy(path + dirlen + 1, file, filelen + 1);
    execve(path, argv, environ);
}

/*
 * Each directory of the search path in turn.  A directory where the file is
 * missing does not end the search; any other failure does.  If some
 * candidate was found but not executable, the result is EACCES.
 */
int
execvp(const char *file, char *const argv[])
{
    const char *dirs = getenv("PATH");
    int denied = 0;

    if (*file == '\0') {
        errno = ENOENT;
        return -1;
    }
    if (strchr(file, '/') != NULL)
        return execve(file, argv, environ);
    if (dirs == NULL)
        dirs = DEFAULT_PATH;
    for (;;) {
        const char *end = strchr(dirs, ':');
        size_t len = end ? (size_t)(end - dirs) : strlen(dirs);

        exec_in_dir(dirs, len, file, argv);
        if (errno == EACCES)
            denied = 1;
        else if (errno != ENOENT && errno != ENOTDIR && errno != ENAMETOOLONG)
            return -1;
        if (end == NULL)
            break;
        dirs = end + 1;
    }
    errno = denied ? EACCES : ENOENT;
    return -1;
}

/* How many arguments from `arg` up to the terminating NULL (excluded). */
static int
count_args(const char *arg, va_list ap)
{
    va_list copy;
    int n = 0;

    va_copy(copy, ap);
    for (; arg != NULL; arg = va_arg(copy, const char *))
        n++;
    va_end(copy);
    return n;
}

/* argv[0..n-1] = arg and the n-1 arguments after it, argv[n] = NULL; the
 * terminating NULL is consumed from *ap. */
static void
collect_args(char **argv, int n, const char *arg, va_list *ap)
{
    argv[0] = (char *)arg;
    for (int i = 1; i <= n; i++)
        argv[i] = va_arg(*ap, char *);  /* argv[n] gets the NULL */
}

int
execl(const char *path, const char *arg, ...)
{
    va_list ap;

    va_start(ap, arg);
    int n = count_args(arg, ap);
    char *argv[n + 1];
    collect_args(argv, n, arg, &ap);
    va_end(ap);
    return execve(path, argv, environ);
}

int
execlp(const char *file, const char *arg, ...)
{
    va_list ap;

    va_start(ap, arg);
    int n = count_args(arg, ap);
    char *argv[n + 1];
    collect_args(argv, n, arg, &ap);
    va_end(ap);
    return execvp(file, argv);
}

/* execle(path, arg0, ..., NULL, envp) */
int
execle(const char *path, const char *arg, ...)
{
    va_list ap;
    char *const *envp;

    va_start(ap, arg);
    int n = count_args(arg, ap);
    char *argv[n + 1];
    collect_args(argv, n, arg, &ap);
    envp = va_arg(ap, char *const *);
    va_end(ap);
    return execve(path, argv, envp);
}
