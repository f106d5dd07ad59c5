/* <termios.h>: the attribute calls are ioctls on the terminal. */
#include <termios.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <errno.h>

int
tcgetattr(int fd, struct termios *t)
{
    return ioctl(fd, TCGETS, t);
}

int
tcsetattr(int fd, int optional_actions, const struct termios *t)
{
    static const unsigned long request[] = {
        [TCSANOW] = TCSETS, [TCSADRAIN] = TCSETSW, [TCSAFLUSH] = TCSETSF,
    };
    if (optional_actions < TCSANOW || optional_actions > TCSAFLUSH) {
        errno = EINVAL;
        return -1;
    }
    return ioctl(fd, request[optional_actions], t);
}

int
tcflush(int fd, int queue_selector)
{
    return ioctl(fd, TCFLSH, (void *)(long)queue_selector);
}

/* As glibc: TCSBRK with 1.  Output is never queued, so it returns at
 * once, but a background process gets SIGTTOU as for tcsetattr. */
int
tcdrain(int fd)
{
    return ioctl(fd, TCSBRK, (void *)1L);
}

/* There is no flow control and no line to break: both only check their
 * arguments (and, from the background, get SIGTTOU). */
int
tcflow(int fd, int action)
{
    return ioctl(fd, TCXONC, (void *)(long)action);
}

int
tcsendbreak(int fd, int duration)
{
    return ioctl(fd, TCSBRK, (void *)0L);
}

/* The session the terminal belongs to; ENOTTY if it is not the caller's. */
pid_t
tcgetsid(int fd)
{
    pid_t sid;
    return ioctl(fd, TIOCGSID, &sid) < 0 ? -1 : sid;
}

/* What glibc's cfmakeraw clears and sets. */
void
cfmakeraw(struct termios *t)
{
    t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t->c_oflag &= ~OPOST;
    t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t->c_cflag &= ~(CSIZE | PARENB);
    t->c_cflag |= CS8;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}

speed_t cfgetispeed(const struct termios *t) { return t->c_cflag & CBAUD; }
speed_t cfgetospeed(const struct termios *t) { return t->c_cflag & CBAUD; }

int
cfsetospeed(struct termios *t, speed_t speed)
{
    if (speed & ~CBAUD) {
        errno = EINVAL;
        return -1;
    }
    t->c_cflag = (t->c_cflag & ~CBAUD) | speed;
    return 0;
}

int cfsetispeed(struct termios *t, speed_t speed) { return cfsetospeed(t, speed); }
