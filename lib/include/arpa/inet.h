/* Dotted-quad text and AF_INET addresses. */
#ifndef _ARPA_INET_H
#define _ARPA_INET_H

#include <netinet/in.h>

in_addr_t   inet_addr(const char *text);
int         inet_aton(const char *text, struct in_addr *out);
char       *inet_ntoa(struct in_addr in);
int         inet_pton(int family, const char *text, void *out);
const char *inet_ntop(int family, const void *src, char *dst, socklen_t size);

#endif
