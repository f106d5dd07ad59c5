/* Anonymous memory mappings: mmap and munmap. */
#include <errno.h>
#include <sys/mman.h>
#include "internal.h"

/* The kernel's mmap has five arguments: Parley maps no files, so the
 * offset must be 0 and is not passed. */
void *
mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    if (offset != 0) {
        errno = EINVAL;
        return MAP_FAILED;
    }
    return (void *)SYSCALL5(mmap, addr, length, prot, flags, fd);
}

int
munmap(void *addr, size_t length)
{
    return SYSCALL2(munmap, addr, length);
}
