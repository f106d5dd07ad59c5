/*
 * demo_mmap_copy -- copy a file by mapping both files and calling memcpy.
 *   demo_mmap_copy SOURCE DEST
 *
 *   mmap(src, MAP_SHARED, PROT_READ)   the source's pages, in our memory
 *   ftruncate(dst, size)               the destination must be that long
 *                                      first: a mapping never grows a file
 *   mmap(dst, MAP_SHARED, PROT_WRITE)  stores into it are stores into the
 *                                      file's own page frames
 *   memcpy                             the whole copy: no read, no write
 *
 * Try MAP_PRIVATE for the destination: memcpy works, and DEST stays zeros.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
    struct stat st;
    int in, out;
    char *src, *dst;

    if (argc != 3) {
        fprintf(stderr, "usage: demo_mmap_copy SOURCE DEST\n");
        return 2;
    }
    if ((in = open(argv[1], O_RDONLY)) < 0 || fstat(in, &st) < 0) {
        perror(argv[1]);
        return 1;
    }
    if ((out = open(argv[2], O_RDWR | O_CREAT | O_TRUNC, 0644)) < 0 ||
        ftruncate(out, st.st_size) < 0) {
        perror(argv[2]);
        return 1;
    }
    if (st.st_size == 0)
        return 0;                       /* mmap of length 0 is EINVAL */
    src = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, in, 0);
    dst = mmap(NULL, st.st_size, PROT_READ | PROT_WRITE, MAP_SHARED, out, 0);
    if (src == MAP_FAILED || dst == MAP_FAILED) {
        perror("demo_mmap_copy: mmap");
        return 1;
    }
    memcpy(dst, src, st.st_size);
    msync(dst, st.st_size, MS_SYNC);    /* a no-op here, required elsewhere */
    printf("copied %ld bytes\n", (long)st.st_size);
    return 0;
}
