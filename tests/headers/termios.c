/* <termios.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <termios.h>

static volatile int never;

int
main(void)
{
    struct termios t; struct winsize w; (void)w;
    if (never) {
        tcgetattr(0, &t); tcsetattr(0, TCSADRAIN, &t); tcflush(0, TCIOFLUSH); tcdrain(0); cfmakeraw(&t);
        tcflow(0, TCOON); tcsendbreak(0, 0); (void)tcgetsid(0);
        cfsetispeed(&t, B38400); cfsetospeed(&t, B9600); (void)cfgetispeed(&t); (void)cfgetospeed(&t);
        t.c_lflag &= ~(ICANON | ECHO | ISIG | TOSTOP); t.c_oflag |= OPOST | ONLCR; t.c_iflag |= ICRNL;
        t.c_cc[VMIN] = 1; t.c_cc[VTIME] = 0; (void)t.c_cc[VINTR]; (void)TCSANOW; (void)TCSAFLUSH;
    }
    return 0;
}
