/*
 * The terminal (termios over the tty's ioctls) and the devices opened by
 * number.  The cases that read need the console as stdin, which is where
 * the test harness runs them; nobody types, so a raw read can only time
 * out, and that is what they check.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <sys/wait.h>
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

/* ---- job control on output and terminal changes (SIGTTOU) ---------------- */

/* The console's local modes with `flag` turned on (or off); returns the old
 * ones, for tty_restore. */
static struct termios
tty_set_lflag(tcflag_t flag, int on)
{
    struct termios old, t;
    tcgetattr(0, &old);
    t = old;
    t.c_lflag = on ? t.c_lflag | flag : t.c_lflag & ~flag;
    tcsetattr(0, TCSANOW, &t);
    return old;
}

static void tty_restore(const struct termios *old) { tcsetattr(0, TCSANOW, old); }

static int op_write(void)
{
    return write(1, "(background write)\n", 19) == 19 ? 0 : errno;
}

static int op_tcsetattr(void)
{
    struct termios t;
    return tcgetattr(0, &t) == 0 && tcsetattr(0, TCSANOW, &t) == 0 ? 0 : errno;
}

static int op_tcsetpgrp(void) { return tcsetpgrp(0, getpgrp()) == 0 ? 0 : errno; }
static int op_tcflush(void)   { return tcflush(0, TCIFLUSH) == 0 ? 0 : errno; }
static int op_tcdrain(void)   { return tcdrain(0) == 0 ? 0 : errno; }
static int op_tcflow(void)    { return tcflow(0, TCOON) == 0 ? 0 : errno; }

enum { SIGTTOU_DEFAULT, SIGTTOU_IGNORED, SIGTTOU_BLOCKED };

/* Runs op in a child in a process group of its own -- in the background,
 * as the case's group owns the console -- with SIGTTOU as `disposition`.
 * Returns the child's wait status: stopped (then killed) or op's errno as
 * its exit code. */
static int
in_background(int (*op)(void), int disposition)
{
    int status = -1;
    pid_t pid = fork();
    if (pid == 0) {
        sigset_t ttou;
        setpgid(0, 0);
        if (disposition == SIGTTOU_IGNORED)
            signal(SIGTTOU, SIG_IGN);
        sigemptyset(&ttou);
        sigaddset(&ttou, SIGTTOU);
        if (disposition == SIGTTOU_BLOCKED)
            sigprocmask(SIG_BLOCK, &ttou, NULL);
        _exit(op());
    }
    setpgid(pid, pid);
    if (pid < 0 || waitpid(pid, &status, WUNTRACED) != pid)
        return -1;
    if (WIFSTOPPED(status)) {
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
    }
    return status;
}

static int
stopped_by_sigttou(int status)
{
    return status != -1 && WIFSTOPPED(status) && WSTOPSIG(status) == SIGTTOU;
}

static int
exited_with(int status, int code)
{
    return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == code;
}

/* Linux's default (no TOSTOP): a background job's output goes through. */
static void
case_background_write_without_tostop_goes_through(void)
{
    struct termios old = tty_set_lflag(TOSTOP, 0);
    int status = in_background(op_write, SIGTTOU_DEFAULT);
    tty_restore(&old);
    CHECK(exited_with(status, 0));
}

static void
case_background_write_with_tostop_stops_with_sigttou(void)
{
    struct termios old = tty_set_lflag(TOSTOP, 1);
    int status = in_background(op_write, SIGTTOU_DEFAULT);
    int fg_write = write(1, "(foreground write)\n", 19);
    tty_restore(&old);
    CHECK(stopped_by_sigttou(status));
    CHECK_EQ(fg_write, 19);            /* the foreground group still writes */
}

/* POSIX: with SIGTTOU ignored or blocked, the write goes ahead. */
static void
case_background_write_with_tostop_and_sigttou_ignored_goes_through(void)
{
    struct termios old = tty_set_lflag(TOSTOP, 1);
    int ignored = in_background(op_write, SIGTTOU_IGNORED);
    int blocked = in_background(op_write, SIGTTOU_BLOCKED);
    tty_restore(&old);
    CHECK(exited_with(ignored, 0));
    CHECK(exited_with(blocked, 0));
}

/* tcsetattr, tcsetpgrp, tcflush, tcdrain from the background: SIGTTOU,
 * with or without TOSTOP. */
static void
case_background_terminal_changes_stop_with_sigttou(void)
{
    CHECK(stopped_by_sigttou(in_background(op_tcsetattr, SIGTTOU_DEFAULT)));
    CHECK(stopped_by_sigttou(in_background(op_tcsetpgrp, SIGTTOU_DEFAULT)));
    CHECK(stopped_by_sigttou(in_background(op_tcflush, SIGTTOU_DEFAULT)));
    CHECK(stopped_by_sigttou(in_background(op_tcdrain, SIGTTOU_DEFAULT)));
    CHECK(stopped_by_sigttou(in_background(op_tcflow, SIGTTOU_DEFAULT)));
    CHECK_EQ(tcgetpgrp(0), getpgrp());  /* nobody took the console */
}

static void
case_background_terminal_changes_with_sigttou_ignored_proceed(void)
{
    CHECK(exited_with(in_background(op_tcsetattr, SIGTTOU_IGNORED), 0));
    CHECK(exited_with(in_background(op_tcdrain, SIGTTOU_BLOCKED), 0));
    CHECK(exited_with(in_background(op_tcflush, SIGTTOU_BLOCKED), 0));
}

/* A child of an orphaned group (its parent gone, init in another session
 * adopts it): nobody could continue it, so EIO instead of a stop. */
static void
case_orphaned_group_gets_eio_instead_of_sigttou(void)
{
    int fds[2], got[2] = { -1, -1 };
    struct termios old = tty_set_lflag(TOSTOP, 1);
    CHECK_OK(pipe(fds));
    pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        if (fork() == 0) {
            while (getppid() != 1)      /* until the parent is gone */
                check_sleep_ms(5);
            int answer[2] = { op_tcsetattr(), op_write() };
            write(fds[1], answer, sizeof answer);
            _exit(0);
        }
        _exit(0);
    }
    CHECK(pid > 0);
    waitpid(pid, NULL, 0);
    close(fds[1]);
    ssize_t n = read(fds[0], got, sizeof got);
    tty_restore(&old);
    CHECK_EQ(n, (ssize_t)sizeof got);
    CHECK_EQ(got[0], EIO);
    CHECK_EQ(got[1], EIO);
}

/* tcsetpgrp: a group of another session is EPERM; a process of another
 * session, whose terminal this is not, gets ENOTTY. */
static void
case_tcsetpgrp_outside_the_session_is_eperm_or_enotty(void)
{
    CHECK_ERR(tcsetpgrp(0, 1), EPERM);          /* init's group */
    CHECK_ERR(tcsetpgrp(0, 0), EINVAL);
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        _exit(tcsetpgrp(0, getpid()) < 0 && errno == ENOTTY ? 0 : 1);
    }
    int status = -1;
    waitpid(pid, &status, 0);
    CHECK(exited_with(status, 0));
    CHECK_EQ(tcgetpgrp(0), getpgrp());
}

/* tcgetsid: the console's session is ours (the test runs in it); from
 * another session it is not that process's terminal.  tcflow and
 * tcsendbreak check their arguments. */
static void
case_tcgetsid_tcflow_and_tcsendbreak(void)
{
    CHECK_EQ(tcgetsid(0), getsid(0));
    CHECK_OK(tcflow(0, TCOON));
    CHECK_ERR(tcflow(0, 9), EINVAL);
    CHECK_OK(tcsendbreak(0, 0));
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        _exit(tcgetsid(0) < 0 && errno == ENOTTY ? 0 : 1);
    }
    int status = -1;
    waitpid(pid, &status, 0);
    CHECK(exited_with(status, 0));
}

static void
case_window_size_can_be_set(void)
{
    struct winsize old, ws, back;
    CHECK_OK(ioctl(0, TIOCGWINSZ, &old));
    ws = old;
    ws.ws_col = 100;
    signal(SIGWINCH, SIG_IGN);
    CHECK_OK(ioctl(0, TIOCSWINSZ, &ws));
    CHECK_OK(ioctl(0, TIOCGWINSZ, &back));
    CHECK_OK(ioctl(0, TIOCSWINSZ, &old));
    CHECK_EQ(back.ws_col, 100);
    CHECK_EQ(back.ws_row, old.ws_row);
    CHECK_ERR(ioctl(0, TIOCSWINSZ, (void *)4), EFAULT);
}

/* ---- typed input (TIOCSTI) ---------------------------------------------- */

/* Type s at the console, a byte at a time, as a keyboard would. */
static void
type(const char *s)
{
    for (; *s; s++)
        CHECK_OK(ioctl(0, TIOCSTI, s));
}

/* The console's modes for a typing case: `lflag` bits cleared (always
 * ECHO: what a case types would otherwise show in the log) and VMIN,
 * VTIME set.  Returns the old modes for done_typing. */
static struct termios
typing_modes(tcflag_t lflag_off, int vmin, int vtime)
{
    struct termios old, t;
    CHECK_OK(tcgetattr(0, &old));
    t = old;
    t.c_lflag &= ~(lflag_off | ECHO);
    t.c_cc[VMIN] = vmin;
    t.c_cc[VTIME] = vtime;
    CHECK_OK(tcsetattr(0, TCSANOW, &t));
    return old;
}

/* Nothing a case typed is left for the next reader. */
static void
done_typing(const struct termios *old)
{
    CHECK_OK(tcsetattr(0, TCSAFLUSH, old));
}

/* read(0) must give exactly want. */
#define CHECK_READS(want) do {                                          \
        char got_[64];                                                  \
        ssize_t n_ = read(0, got_, sizeof got_);                        \
        CHECK_EQ(n_, (ssize_t)strlen(want));                            \
        CHECK(memcmp(got_, want, strlen(want)) == 0);                   \
    } while (0)

static int
input_ready(void)
{
    int n = -1;
    CHECK_OK(ioctl(0, FIONREAD, &n));
    return n;
}

/* Canonical mode: a read gets at most one line, however much is typed. */
static void
case_canonical_read_returns_one_typed_line_at_a_time(void)
{
    struct termios old = typing_modes(0, 1, 0);
    type("one\ntwo\n");
    CHECK_EQ(input_ready(), 8);
    CHECK_READS("one\n");
    CHECK_READS("two\n");
    CHECK_EQ(input_ready(), 0);
    done_typing(&old);
}

/* A line being typed is nobody's until Enter: FIONREAD and poll see
 * nothing, then the whole line. */
static void
case_typed_line_is_ready_only_after_enter(void)
{
    struct termios old = typing_modes(0, 1, 0);
    struct pollfd p = { .fd = 0, .events = POLLIN };
    type("abc");
    CHECK_EQ(input_ready(), 0);
    CHECK_EQ(poll(&p, 1, 0), 0);
    type("\n");
    CHECK_EQ(input_ready(), 4);
    CHECK_EQ(poll(&p, 1, 0), 1);
    CHECK(p.revents & POLLIN);
    CHECK_READS("abc\n");
    done_typing(&old);
}

/* ERASE (DEL, or ^H) takes back a character, KILL (^U) the whole line. */
static void
case_erase_and_kill_edit_the_typed_line(void)
{
    struct termios old = typing_modes(0, 1, 0);
    type("abx\x7f" "c\n");
    CHECK_READS("abc\n");
    type("de\bf\n");
    CHECK_READS("df\n");
    type("junk\x15" "ok\n");
    CHECK_READS("ok\n");
    type("\x7f\x7f" "z\n");                      /* nothing to erase */
    CHECK_READS("z\n");
    done_typing(&old);
}

/* EOF (^D) at the start of a line is end of file; after some characters
 * it ends the read without a newline, and is not returned. */
static void
case_eof_character_ends_a_read_and_alone_is_end_of_file(void)
{
    struct termios old = typing_modes(0, 1, 0);
    char c;
    type("\x04");
    CHECK_EQ(read(0, &c, 1), 0);
    type("ab\x04");
    CHECK_READS("ab");
    done_typing(&old);
}

/* ICRNL (the default) turns a typed CR into NL; without it CR stays. */
static void
case_carriage_return_becomes_newline_unless_icrnl_is_off(void)
{
    struct termios old = typing_modes(0, 1, 0), t;
    type("x\r");
    CHECK_READS("x\n");
    CHECK_OK(tcgetattr(0, &t));
    t.c_iflag &= ~ICRNL;
    CHECK_OK(tcsetattr(0, TCSANOW, &t));
    type("y\r\n");
    CHECK_READS("y\r\n");
    done_typing(&old);
}

/* Without ICANON every typed byte is ready at once, and no character is
 * an editing one. */
static void
case_raw_read_takes_typed_bytes_at_once(void)
{
    struct termios old = typing_modes(ICANON, 1, 0);
    type("q");
    CHECK_EQ(input_ready(), 1);
    CHECK_READS("q");
    type("a\x7f");
    CHECK_READS("a\x7f");
    done_typing(&old);
}

/* VMIN = 3: the read waits until three bytes have been typed. */
static void
case_raw_read_waits_for_vmin_typed_bytes(void)
{
    struct termios old = typing_modes(ICANON, 3, 0);
    pid_t pid = fork();
    if (pid == 0) {
        struct timespec pause = { 0, 20 * 1000 * 1000 };
        for (const char *s = "xyz"; *s; s++) {
            nanosleep(&pause, NULL);
            if (ioctl(0, TIOCSTI, s) < 0)
                _exit(1);
        }
        _exit(0);
    }
    CHECK_READS("xyz");
    CHECK_EQ(check_exit_code(pid), 0);
    done_typing(&old);
}

static volatile sig_atomic_t got_sigint;
static void on_sigint(int sig) { got_sigint = sig; }

/* Child: in a group of its own made the foreground (SIGTTOU ignored, so
 * a background group may), types INTR and so gets SIGINT; it hands the
 * console back to `parent_group` before it exits. */
static int
typed_intr_child(pid_t parent_group)
{
    signal(SIGTTOU, SIG_IGN);
    signal(SIGINT, on_sigint);
    setpgid(0, 0);
    if (tcsetpgrp(0, getpgrp()) < 0)
        return 1;
    char intr = 3;
    int err = ioctl(0, TIOCSTI, &intr);
    int ok = err == 0 && got_sigint == SIGINT && input_ready() == 0;
    tcsetpgrp(0, parent_group);
    return ok ? 0 : 2;
}

/* ISIG: typing INTR (^C) sends SIGINT to the foreground group, and the
 * character is not input. */
static void
case_typed_intr_sends_sigint_to_the_foreground_group(void)
{
    struct termios old = typing_modes(0, 1, 0);
    pid_t pid = fork();
    if (pid == 0)
        _exit(typed_intr_child(getpgrp()));
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_EQ(tcgetpgrp(0), getpgrp());
    done_typing(&old);
}

/* TIOCSTI as on Linux: root may type anywhere; anyone else only at the
 * terminal of its own session.  A bad pointer is EFAULT; a pipe is not a
 * terminal. */
static void
case_tiocsti_is_eperm_outside_the_session_and_checks_its_pointer(void)
{
    int fds[2];
    CHECK_ERR(ioctl(0, TIOCSTI, (char *)4), EFAULT);
    CHECK_OK(pipe(fds));
    CHECK_ERR(ioctl(fds[0], TIOCSTI, "x"), ENOTTY);
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        if (setuid(1000) < 0)
            _exit(1);
        _exit(ioctl(0, TIOCSTI, "x") < 0 && errno == EPERM ? 0 : 2);
    }
    CHECK_EQ(check_exit_code(pid), 0);
    CHECK_EQ(input_ready(), 0);
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
        CHECK_CASE(background_write_without_tostop_goes_through),
        CHECK_CASE(background_write_with_tostop_stops_with_sigttou),
        CHECK_CASE(background_write_with_tostop_and_sigttou_ignored_goes_through),
        CHECK_CASE(background_terminal_changes_stop_with_sigttou),
        CHECK_CASE(background_terminal_changes_with_sigttou_ignored_proceed),
        CHECK_CASE(orphaned_group_gets_eio_instead_of_sigttou),
        CHECK_CASE(tcsetpgrp_outside_the_session_is_eperm_or_enotty),
        CHECK_CASE(tcgetsid_tcflow_and_tcsendbreak),
        CHECK_CASE(window_size_can_be_set),
        CHECK_CASE(canonical_read_returns_one_typed_line_at_a_time),
        CHECK_CASE(typed_line_is_ready_only_after_enter),
        CHECK_CASE(erase_and_kill_edit_the_typed_line),
        CHECK_CASE(eof_character_ends_a_read_and_alone_is_end_of_file),
        CHECK_CASE(carriage_return_becomes_newline_unless_icrnl_is_off),
        CHECK_CASE(raw_read_takes_typed_bytes_at_once),
        CHECK_CASE(raw_read_waits_for_vmin_typed_bytes),
        CHECK_CASE(typed_intr_sends_sigint_to_the_foreground_group),
        CHECK_CASE(tiocsti_is_eperm_outside_the_session_and_checks_its_pointer),
    };
    return check_main("tty", cases, CHECK_NCASES(cases), argc, argv);
}
