/* TCP options: TCP_NODELAY (accepted; there is no Nagle delay on Parley). */
#ifndef _NETINET_TCP_H
#define _NETINET_TCP_H

#include <parley/socket.h>

#endif
