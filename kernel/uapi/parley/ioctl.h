/* ioctl request numbers (Linux's values).  A descriptor type that does not
 * know a request answers ENOTTY. */
#ifndef PARLEY_IOCTL_H
#define PARLEY_IOCTL_H

#define FIONREAD    0x541B      /* int *: bytes ready to read (pipes, sockets, console) */

/* terminals (struct termios in <parley/termios.h>) */
#define TCGETS      0x5401      /* struct termios *: get the attributes */
#define TCSETS      0x5402      /* set them now */
#define TCSETSW     0x5403      /* set them once output is drained */
#define TCSETSF     0x5404      /* drain output, discard pending input, set */
#define TCSBRK      0x5409      /* int: 1 = drain output (tcdrain), 0 = send a break */
#define TCXONC      0x540A      /* int: TCOOFF, TCOON, TCIOFF, TCION (tcflow) */
#define TCFLSH      0x540B      /* int: TCIFLUSH, TCOFLUSH or TCIOFLUSH */
#define TIOCGPGRP   0x540F      /* pid_t *: the foreground process group */
#define TIOCSPGRP   0x5410      /* const pid_t *: set it */
#define TIOCSTI     0x5412      /* const char *: that byte as if typed */
#define TIOCGWINSZ  0x5413      /* struct winsize *: rows and columns */
#define TIOCSWINSZ  0x5414      /* const struct winsize *: set them */
#define TIOCGSID    0x5429      /* pid_t *: the terminal's session (tcgetsid) */

#endif
