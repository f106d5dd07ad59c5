/* sysconf: only the page size so far (the POSIX work adds the rest). */
#include <errno.h>
#include <unistd.h>
#include <parley/limits.h>

long
sysconf(int name)
{
    switch (name) {
    case _SC_PAGESIZE: return PAGE_SIZE;
    default:           errno = EINVAL; return -1;
    }
}

int
getpagesize(void)
{
    return PAGE_SIZE;
}
