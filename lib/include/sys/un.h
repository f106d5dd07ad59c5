/* AF_UNIX addresses: struct sockaddr_un (from <parley/socket.h>). */
#ifndef _SYS_UN_H
#define _SYS_UN_H

#include <sys/socket.h>

#define SUN_LEN(su) (sizeof(sa_family_t) + __builtin_strlen((su)->sun_path))

#endif
