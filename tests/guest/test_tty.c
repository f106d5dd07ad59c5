/*
 * The terminal (termios over the tty's ioctls) and the devices opened by
 * number.  The cases that read need the console as stdin, which is where
 * the test harness runs them; nobody types, so a raw read can only time
 * out, and that is what they check.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Linux's "stty sane": what a terminal starts with. */
static void
case_console_starts_canonical_with_echo_and_signals(void)
{
    struct termios t;
    CHECK_OK(tcgetattr(0, &t));
    CHECK((t.c_lflag & (ICANON | ECHO | ISIG)) == (ICANON | ECHO | ISIG));
    CHECK(t.c_iflag & ICRNL);
    CHECK_EQ(t.c_cc[VINTR], 3);
    CHECK_EQ(t.c_cc[VEOF], 4);
    CHECK_EQ(t.c_cc[VERASE], 0x7f);
    CHECK_EQ(t.c_cc[VMIN], 1);
}

static void
case_tcsetattr_round_trips_and_restores(void)
{
    struct termios old, raw, back;
    CHECK_OK(tcgetattr(0, &old));
    raw = old;
    cfmakeraw(&raw);
    CHECK_OK(tcsetattr(0, TCSANOW, &raw));
    CHECK_OK(tcgetattr(0, &back));
    CHECK_EQ(back.c_lflag & (ICANON | ECHO | ISIG), 0);
    CHECK_EQ(back.c_iflag & ICRNL, 0);
    CHECK_OK(tcsetattr(0, TCSAFLUSH, &old));
    CHECK_OK(tcgetattr(0, &back));
    CHECK(memcmp(&back, &old, sizeof old) == 0);
}

static void
case_tcgetattr_on_a_pipe_is_enotty(void)
{
    int fds[2];
    struct termios t;
    CHECK_OK(pipe(fds));
    CHECK_ERR(tcgetattr(fds[0], &t), ENOTTY);
    CHECK_ERR(tcsetattr(fds[1], TCSANOW, &t), ENOTTY);
    CHECK_ERR(tcgetattr(99, &t), EBADF);
}

static void
case_bad_arguments_are_efault_and_einval(void)
{
    struct termios t;
    CHECK_ERR(ioctl(0, TCGETS, (void *)4), EFAULT);
    CHECK_ERR(ioctl(0, TCSETS, (void *)4), EFAULT);
    CHECK_OK(tcgetattr(0, &t));
    CHECK_ERR(tcsetattr(0, 7, &t), EINVAL);
    CHECK_ERR(tcflush(0, 9), EINVAL);
    CHECK_ERR(ioctl(0, 0x1234, &t), ENOTTY);
}

/* One read of a byte from the console in non-canonical mode with vmin and
 * vtime; returns what read returned, the seconds it took in *took. */
static ssize_t
raw_read(int vmin, int vtime, double *took)
{
    struct termios old, raw;
    char c;
    if (tcgetattr(0, &old) < 0)
        return -2;
    raw = old;
    raw.c_lflag &= ~(ICANON | ECHO);
    raw.c_cc[VMIN] = vmin;
    raw.c_cc[VTIME] = vtime;
    if (tcsetattr(0, TCSANOW, &raw) < 0)
        return -2;
    double start = now();
    ssize_t n = read(0, &c, 1);
    *took = now() - start;
    tcsetattr(0, TCSANOW, &old);
    return n;
}

/* POSIX: VMIN = 0, VTIME = 0 is a poll: with nothing typed, 0 at once. */
static void
case_raw_read_with_vmin_0_returns_at_once(void)
{
    double took;
    CHECK_EQ(raw_read(0, 0, &took), 0);
}

/* VMIN = 0, VTIME = 3: wait up to 0.3 s for a byte, then 0. */
static void
case_raw_read_times_out_after_vtime(void)
{
    double took;
    CHECK_EQ(raw_read(0, 3, &took), 0);
    CHECK(took >= 0.25);
}

static void
case_window_size_and_nothing_to_read(void)
{
    struct winsize ws;
    int n = -1;
    CHECK_OK(ioctl(0, TIOCGWINSZ, &ws));
    CHECK(ws.ws_row > 0 && ws.ws_col >= 80);
    CHECK_OK(ioctl(0, FIONREAD, &n));
    CHECK_EQ(n, 0);
}

static void
case_foreground_group_through_ioctl_and_tcgetpgrp(void)
{
    pid_t pgid = -1;
    CHECK_OK(ioctl(0, TIOCGPGRP, &pgid));
    CHECK_EQ(pgid, tcgetpgrp(0));
}

static void
case_dev_null_and_dev_zero(void)
{
    char buf[8] = "xxxxxxx";
    int null = open("/dev/null", O_RDWR), zero = open("/dev/zero", O_RDONLY);
    CHECK(null >= 0 && zero >= 0);
    CHECK_EQ(write(null, "abc", 3), 3);
    CHECK_EQ(read(null, buf, sizeof buf), 0);
    CHECK_EQ(read(zero, buf, sizeof buf), 8);
    CHECK(memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0);
    CHECK_EQ(isatty(null), 0);
}

static void
case_dev_tty_is_the_console(void)
{
    struct stat a, b;
    int fd = open("/dev/tty", O_RDWR);
    CHECK(fd >= 0);
    CHECK_EQ(isatty(fd), 1);
    CHECK_OK(stat("/dev/console", &a));
    CHECK_OK(stat("/dev/tty", &b));
    CHECK(S_ISCHR(a.st_mode) && S_ISCHR(b.st_mode));
    CHECK_EQ(a.st_rdev, (5 << 8) | 1);
    CHECK_EQ(b.st_rdev, (5 << 8) | 0);
    CHECK_OK(close(fd));
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(console_starts_canonical_with_echo_and_signals),
        CHECK_CASE(tcsetattr_round_trips_and_restores),
        CHECK_CASE(tcgetattr_on_a_pipe_is_enotty),
        CHECK_CASE(bad_arguments_are_efault_and_einval),
        CHECK_CASE(raw_read_with_vmin_0_returns_at_once),
        CHECK_CASE(raw_read_times_out_after_vtime),
        CHECK_CASE(window_size_and_nothing_to_read),
        CHECK_CASE(foreground_group_through_ioctl_and_tcgetpgrp),
        CHECK_CASE(dev_null_and_dev_zero),
        CHECK_CASE(dev_tty_is_the_console),
    };
    return check_main("tty", cases, CHECK_NCASES(cases), argc, argv);
}
