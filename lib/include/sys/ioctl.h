/* ioctl: device- and object-specific requests on a descriptor. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <parley/ioctl.h>

int ioctl(int fd, unsigned long request, ...);

#endif
