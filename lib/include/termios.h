/* Terminal attributes: tcgetattr and tcsetattr over the tty's TCGETS and
 * TCSETS ioctls, as glibc does on Linux.  struct termios and the flag
 * values are Linux's (<parley/termios.h>). */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>
#include <parley/termios.h>

int     tcgetattr(int fd, struct termios *t);
int     tcsetattr(int fd, int optional_actions, const struct termios *t);
int     tcflush(int fd, int queue_selector);
int     tcdrain(int fd);
int     tcflow(int fd, int action);
int     tcsendbreak(int fd, int duration);
pid_t   tcgetsid(int fd);
void    cfmakeraw(struct termios *t);
speed_t cfgetispeed(const struct termios *t);
speed_t cfgetospeed(const struct termios *t);
int     cfsetispeed(struct termios *t, speed_t speed);
int     cfsetospeed(struct termios *t, speed_t speed);

#endif
