/*
 * The program break: the end of the heap, which malloc() grows.  The kernel
 * offers sbrk(increment) returning the old break; brk() is built on it.
 */
#include <errno.h>
#include <unistd.h>
#include "internal.h"

void *
sbrk(long increment)
{
    return (void *)SYSCALL1(sbrk, increment);
}

int
brk(void *addr)
{
    char *now = sbrk(0);

    if (now == (char *)-1)
        return -1;
    return sbrk((char *)addr - now) == (void *)-1 ? -1 : 0;
}
