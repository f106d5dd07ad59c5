/*
 * demo_shm_reader -- the other half of demo_shm_writer: map the named
 * object read-only, print what the writer left, and remove the name.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#define NAME "/demo_shm"
#define SIZE 4096

int
main(void)
{
    int fd = shm_open(NAME, O_RDONLY, 0);
    char *p;

    if (fd < 0) {
        perror("demo_shm_reader: " NAME " (run demo_shm_writer first)");
        return 1;
    }
    p = mmap(NULL, SIZE, PROT_READ, MAP_SHARED, fd, 0);
    if (p == MAP_FAILED) {
        perror("demo_shm_reader: mmap");
        return 1;
    }
    printf("read \"%.*s\" from %s\n", SIZE, p, NAME);
    shm_unlink(NAME);                   /* the name goes; our mapping stays */
    return 0;
}
