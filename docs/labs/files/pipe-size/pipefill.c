/*
 * pipefill -- how much does a pipe hold?  (lab pipe-size, docs/labs/pipe-size.md)
 *
 * Print two lines:
 *
 *   capacity N          the bytes a pipe accepts before a writer would block
 *                       (find it with O_NONBLOCK writes: EAGAIN says "full")
 *   writer blocked: yes a child writing N + 1 bytes in one write() stays
 *                       blocked until the parent reads some of them
 *
 * Build and run it with the normal kernel and with `make SMALL=1`; explain
 * the two numbers from kernel/ipc/pipe.c and kernel/ipc/byteq.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int
main(void)
{
    long capacity = 0;
    /* TODO: measure the capacity, then show that a bigger write blocks. */
    printf("capacity %ld\n", capacity);
    printf("writer blocked: %s\n", "no");
    return 0;
}
