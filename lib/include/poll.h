/* poll(): wait for one of several descriptors to be ready. */
#ifndef _POLL_H
#define _POLL_H

#include <parley/poll.h>

int poll(struct pollfd *fds, nfds_t nfds, int timeout_ms);

#endif
