/*
 * Named POSIX semaphores: "/name" is a sem_t alone in the shared-memory
 * object "sem.name" (the file /dev/shm/sem.name, as glibc does), mapped
 * MAP_SHARED by every process that opens it.
 *
 * The creator makes the object with O_EXCL and writes the initialised
 * sem_t into it before it gives the object its full size (one page);
 * another process that opens the name meanwhile waits for that size, so it
 * never maps past the end of the file nor sees an uninitialised sem_t.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <semaphore.h>
#include <stdarg.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <parley/limits.h>

#define SEM_PREFIX   "sem."
#define SEM_OPEN_MAX 16         /* named semaphores one process has open */

/*
 * POSIX: opening the same semaphore again returns the same address, and
 * each sem_open needs its sem_close.  So the process keeps a small table
 * of what it has mapped, by the file's identity (an unlinked and recreated
 * name is another semaphore).  fork copies it with the mappings.
 */
static struct {
    sem_t *sem;                 /* NULL: free */
    ino_t  ino;
    int    opens;
} opened[SEM_OPEN_MAX];

static int
opened_find_ino(ino_t ino)
{
    for (int i = 0; i < SEM_OPEN_MAX; i++)
        if (opened[i].sem && opened[i].ino == ino)
            return i;
    return -1;
}

static int
opened_find_sem(const sem_t *sem)
{
    for (int i = 0; i < SEM_OPEN_MAX; i++)
        if (opened[i].sem == sem)
            return i;
    return -1;
}

/* The address of the semaphore open on fd: the one already mapped, or a
 * new mapping entered in the table. */
static sem_t *
sem_map(int fd)
{
    struct stat st;
    if (fstat(fd, &st) < 0)
        return SEM_FAILED;
    int i = opened_find_ino(st.st_ino);
    if (i >= 0) {
        opened[i].opens++;
        return opened[i].sem;
    }
    for (i = 0; i < SEM_OPEN_MAX && opened[i].sem; i++)
        ;                       /* a free slot */
    if (i == SEM_OPEN_MAX) {
        errno = EMFILE;         /* too many semaphores open in this process */
        return SEM_FAILED;
    }
    void *p = mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED)
        return SEM_FAILED;
    opened[i].sem = p;
    opened[i].ino = st.st_ino;
    opened[i].opens = 1;
    return p;
}

/* "/name" -> "sem.name"; EINVAL for no name or a second '/'. */
static int
sem_object_name(char *dst, size_t size, const char *name)
{
    while (*name == '/')
        name++;
    if (*name == 0 || strchr(name, '/')) {
        errno = EINVAL;
        return -1;
    }
    if (strlen(SEM_PREFIX) + strlen(name) >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(dst, SEM_PREFIX);
    strcat(dst, name);
    return 0;
}

/* The creator's half: the value first, then the size that lets others in. */
static int
sem_object_create(int fd, unsigned int value)
{
    sem_t init;
    if (value > SEM_VALUE_MAX) {
        errno = EINVAL;
        return -1;
    }
    sem_init(&init, 1, value);
    if (write(fd, &init, sizeof init) != (ssize_t)sizeof init)
        return -1;
    return ftruncate(fd, PAGE_SIZE);
}

/* An opener's half: wait (a little) for the creator to finish. */
static int
sem_object_ready(int fd)
{
    struct stat st;
    for (int tries = 0; tries < 1000; tries++) {
        if (fstat(fd, &st) < 0)
            return -1;
        if (st.st_size >= PAGE_SIZE)
            return 0;
        sched_yield();
    }
    errno = EACCES;             /* a creator that died half way */
    return -1;
}

sem_t *
sem_open(const char *name, int oflag, ...)
{
    char object[NAME_MAX + 1];
    mode_t mode = 0;
    unsigned int value = 0;
    if (oflag & O_CREAT) {
        va_list ap;
        va_start(ap, oflag);
        mode = va_arg(ap, mode_t);
        value = va_arg(ap, unsigned int);
        va_end(ap);
    }
    if (sem_object_name(object, sizeof object, name) < 0)
        return SEM_FAILED;
    int fd = -1, created = 0;
    if (oflag & O_CREAT) {
        fd = shm_open(object, O_RDWR | O_CREAT | O_EXCL, mode);
        created = fd >= 0;
        if (fd < 0 && (errno != EEXIST || (oflag & O_EXCL)))
            return SEM_FAILED;
    }
    if (fd < 0 && (fd = shm_open(object, O_RDWR, 0)) < 0)
        return SEM_FAILED;
    int err = created ? sem_object_create(fd, value) : sem_object_ready(fd);
    sem_t *sem = err < 0 ? SEM_FAILED : sem_map(fd);
    int saved = errno;
    if (sem == SEM_FAILED && created)
        shm_unlink(object);
    close(fd);
    errno = saved;
    return sem;
}

int
sem_close(sem_t *sem)
{
    int i = opened_find_sem(sem);
    if (i < 0) {
        errno = EINVAL;         /* not a semaphore sem_open gave us */
        return -1;
    }
    if (--opened[i].opens > 0)
        return 0;
    opened[i].sem = NULL;
    return munmap(sem, PAGE_SIZE);
}

int
sem_unlink(const char *name)
{
    char object[NAME_MAX + 1];
    if (sem_object_name(object, sizeof object, name) < 0)
        return -1;
    return shm_unlink(object);
}
