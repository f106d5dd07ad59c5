/* select(): wait for one of several descriptors to be ready, with bit sets
 * of FD_SETSIZE descriptors (Linux's layout; Parley opens at most
 * OPEN_MAX, and naming one past that in a set gives EBADF). */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <sys/types.h>
#include <sys/time.h>
#include <signal.h>

#define FD_SETSIZE 1024
#define __NFDBITS  (8 * (int)sizeof(unsigned long))

typedef struct {
    unsigned long fds_bits[FD_SETSIZE / __NFDBITS];
} fd_set;

#define FD_ZERO(s)     __builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(fd, s)  ((s)->fds_bits[(fd) / __NFDBITS] |= 1ul << ((fd) % __NFDBITS))
#define FD_CLR(fd, s)  ((s)->fds_bits[(fd) / __NFDBITS] &= ~(1ul << ((fd) % __NFDBITS)))
#define FD_ISSET(fd, s) (((s)->fds_bits[(fd) / __NFDBITS] >> ((fd) % __NFDBITS)) & 1)

int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
           struct timeval *timeout);
int pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
            const struct timespec *timeout, const sigset_t *sigmask);

#endif
