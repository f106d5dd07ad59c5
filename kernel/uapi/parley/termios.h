/*
 * Terminal attributes: Linux's struct termios for TCGETS/TCSETS (the
 * kernel's layout, NCCS 19) and Linux's flag and index values.  Parley's
 * tty implements the flags marked *; the others are accepted and kept.
 */
#ifndef PARLEY_TERMIOS_H
#define PARLEY_TERMIOS_H

typedef unsigned char cc_t;
typedef unsigned int  speed_t;
typedef unsigned int  tcflag_t;

#define NCCS 19
struct termios {
    tcflag_t c_iflag;           /* input modes */
    tcflag_t c_oflag;           /* output modes */
    tcflag_t c_cflag;           /* control modes */
    tcflag_t c_lflag;           /* local modes */
    cc_t     c_line;            /* line discipline (0) */
    cc_t     c_cc[NCCS];        /* special characters */
};

/* c_cc indices */
#define VINTR     0             /* * ^C: SIGINT */
#define VQUIT     1             /* * ^\: SIGQUIT */
#define VERASE    2             /* * DEL (and ^H): erase a character */
#define VKILL     3             /* * ^U: erase the line */
#define VEOF      4             /* * ^D: end of file */
#define VTIME     5             /* * non-canonical timeout, tenths of a second */
#define VMIN      6             /* * non-canonical minimum byte count */
#define VSWTC     7
#define VSTART    8
#define VSTOP     9
#define VSUSP     10            /* * ^Z: SIGTSTP */
#define VEOL      11
#define VREPRINT  12
#define VDISCARD  13
#define VWERASE   14
#define VLNEXT    15
#define VEOL2     16

/* c_iflag */
#define IGNBRK  0000001
#define BRKINT  0000002
#define IGNPAR  0000004
#define PARMRK  0000010
#define INPCK   0000020
#define ISTRIP  0000040
#define INLCR   0000100         /* * NL to CR */
#define IGNCR   0000200         /* * ignore CR */
#define ICRNL   0000400         /* * CR to NL */
#define IUCLC   0001000
#define IXON    0002000
#define IXANY   0004000
#define IXOFF   0010000
#define IMAXBEL 0020000
#define IUTF8   0040000

/* c_oflag */
#define OPOST   0000001         /* * post-process output */
#define OLCUC   0000002
#define ONLCR   0000004         /* * NL to CR NL (with OPOST) */
#define OCRNL   0000010
#define ONOCR   0000020
#define ONLRET  0000040

/* c_cflag */
#define CBAUD   0010017
#define B0      0000000
#define B9600   0000015
#define B19200  0000016
#define B38400  0000017
#define B57600  0010001
#define B115200 0010002
#define CSIZE   0000060
#define CS5     0000000
#define CS6     0000020
#define CS7     0000040
#define CS8     0000060
#define CSTOPB  0000100
#define CREAD   0000200
#define PARENB  0000400
#define PARODD  0001000
#define HUPCL   0002000
#define CLOCAL  0004000

/* c_lflag */
#define ISIG    0000001         /* * INTR, QUIT, SUSP send signals */
#define ICANON  0000002         /* * line at a time, with editing */
#define ECHO    0000010         /* * echo input */
#define ECHOE   0000020         /* * erase echoes as BS SP BS */
#define ECHOK   0000040
#define ECHONL  0000100
#define NOFLSH  0000200         /* * no flush of the line on INTR, QUIT, SUSP */
#define TOSTOP  0000400         /* * background writes get SIGTTOU */
#define ECHOCTL 0001000         /* * control characters echo as ^X */
#define ECHOPRT 0002000
#define ECHOKE  0004000
#define IEXTEN  0100000

/* tcsetattr's optional_actions, tcflush's queue_selector */
#define TCSANOW   0
#define TCSADRAIN 1
#define TCSAFLUSH 2
#define TCIFLUSH  0
#define TCOFLUSH  1
#define TCIOFLUSH 2

/* tcflow's actions */
#define TCOOFF    0
#define TCOON     1
#define TCIOFF    2
#define TCION     3

struct winsize {
    unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

#endif
