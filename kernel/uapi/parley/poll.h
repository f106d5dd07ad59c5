/* poll(2): the events, and struct pollfd (Linux's values and layout). */
#ifndef PARLEY_POLL_H
#define PARLEY_POLL_H

#define POLLIN      0x0001      /* data to read (or end of file, a connection to accept) */
#define POLLPRI     0x0002      /* urgent data: never on Parley */
#define POLLOUT     0x0004      /* a write would not block */
#define POLLERR     0x0008      /* an error is pending (always reported) */
#define POLLHUP     0x0010      /* the other end has gone (always reported) */
#define POLLNVAL    0x0020      /* fd is not open (always reported) */
#define POLLRDNORM  0x0040      /* as POLLIN */
#define POLLRDBAND  0x0080
#define POLLWRNORM  0x0100      /* as POLLOUT */
#define POLLWRBAND  0x0200
#define POLLRDHUP   0x2000      /* stream peer shut down writing */

struct pollfd {
    int   fd;
    short events;
    short revents;
};

typedef unsigned long nfds_t;

#define PARLEY_POLL_MAX 128     /* poll: nfds above this is EINVAL */

#endif
