/*
 * demo_shm_writer / demo_shm_reader -- POSIX shared memory objects.
 *   demo_shm_writer "some text" ; demo_shm_reader
 *
 *   shm_open("/demo_shm", O_CREAT | O_RDWR, 0600)   a named object: on
 *        Parley (and Linux) a file in /dev/shm -- `ls /dev/shm` shows it
 *   ftruncate(fd, size)      a new object is empty; give it a size
 *   mmap(MAP_SHARED)         the object's frames in our address space
 *
 * The object outlives the writer: the reader, started later, finds the
 * text, then shm_unlink removes the name.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define NAME "/demo_shm"
#define SIZE 4096

int
main(int argc, char **argv)
{
    const char *text = argc > 1 ? argv[1] : "hello through /dev/shm";
    int fd = shm_open(NAME, O_CREAT | O_RDWR, 0600);
    char *p;

    if (fd < 0 || ftruncate(fd, SIZE) < 0) {
        perror("demo_shm_writer: " NAME);
        return 1;
    }
    p = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
        perror("demo_shm_writer: mmap");
        return 1;
    }
    close(fd);                          /* the mapping keeps the object */
    strncpy(p, text, SIZE - 1);
    printf("wrote \"%s\" to %s; now run demo_shm_reader\n", p, NAME);
    return 0;
}
