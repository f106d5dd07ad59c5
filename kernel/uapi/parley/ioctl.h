/* ioctl request numbers (Linux's values).  A descriptor type that does not
 * know a request answers ENOTTY. */
#ifndef PARLEY_IOCTL_H
#define PARLEY_IOCTL_H

#define FIONREAD    0x541B      /* int *: bytes ready to read (pipes, sockets, console) */

#endif
