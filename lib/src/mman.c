/* Memory mappings: mmap, munmap, mprotect, msync; POSIX shared memory
 * objects (shm_open, shm_unlink) are files under /dev/shm. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <parley/limits.h>
#include "internal.h"

/* Six arguments do not fit in five registers: the kernel reads them from
 * one struct (Linux's old i386 mmap convention). */
void *
mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
    struct parley_mmap_args a = {
        (unsigned long)addr, length, (unsigned long)prot, (unsigned long)flags,
        (unsigned long)fd, (unsigned long)offset,
    };
    if (offset < 0) {
        errno = EINVAL;
        return MAP_FAILED;
    }
    return (void *)SYSCALL1(mmap, &a);
}

int
munmap(void *addr, size_t length)
{
    return SYSCALL2(munmap, addr, length);
}

int
mprotect(void *addr, size_t length, int prot)
{
    return SYSCALL3(mprotect, addr, length, prot);
}

int
msync(void *addr, size_t length, int flags)
{
    return SYSCALL3(msync, addr, length, flags);
}

/* "/name" becomes "/dev/shm/name"; the name is one path component. */
static int
shm_path(char *dst, const char *name)
{
    while (*name == '/')
        name++;
    if (*name == 0 || strchr(name, '/')) {
        errno = EINVAL;
        return -1;
    }
    if (strlen(name) > NAME_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(dst, "/dev/shm/");
    strcat(dst, name);
    return 0;
}

int
shm_open(const char *name, int oflag, mode_t mode)
{
    char path[PATH_MAX];
    if (shm_path(path, name) < 0)
        return -1;
    return open(path, oflag | O_CLOEXEC, mode);
}

int
shm_unlink(const char *name)
{
    char path[PATH_MAX];
    if (shm_path(path, name) < 0)
        return -1;
    return unlink(path);
}
