/* Memory mappings: anonymous, of files, and POSIX shared memory objects. */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <parley/mman.h>

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
int   munmap(void *addr, size_t length);
int   mprotect(void *addr, size_t length, int prot);
int   msync(void *addr, size_t length, int flags);

/* POSIX shared memory objects: files under /dev/shm (size them with
 * ftruncate, map them with mmap MAP_SHARED). */
int   shm_open(const char *name, int oflag, mode_t mode);
int   shm_unlink(const char *name);

#endif
