/*
 * more -- show text a screenful at a time.  Space: next page, Enter: next
 * line, q: quit.  Keys are read from /dev/tty in raw mode (termios), so
 * the text itself may come from a pipe; when stdout is not a terminal,
 * more is cat.
 */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include "util.h"

/* Waits for a key on the terminal tty; returns it. */
static int
ask(int tty)
{
    struct termios saved, raw;
    char c = 'q';
    fputs("\033[7m--More--\033[0m", stdout);
    fflush(stdout);
    tcgetattr(tty, &saved);
    raw = saved;
    raw.c_lflag &= ~(ICANON | ECHO);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(tty, TCSANOW, &raw);
    if (read(tty, &c, 1) != 1)
        c = 'q';
    tcsetattr(tty, TCSANOW, &saved);
    fputs("\r\033[K", stdout);
    return c;
}

static int
page(FILE *f, int tty, int rows)
{
    int c, line = 0, budget = rows - 1;
    while ((c = getc(f)) != EOF) {
        putchar(c);
        if (c != '\n' || ++line < budget)
            continue;
        int key = ask(tty);
        if (key == 'q' || key == 'Q')
            return -1;
        line = 0;
        budget = key == '\r' || key == '\n' ? 1 : rows - 1;
    }
    return 0;
}

int
main(int argc, char **argv)
{
    struct winsize ws = { 25, 80, 0, 0 };
    int tty = -1, status = 0;

    USAGE(argc, argv, "usage: more [FILE...]   (space: next page, Enter: next line, q: quit)\n");
    if (isatty(1))
        tty = open("/dev/tty", O_RDONLY);
    if (tty >= 0)
        ioctl(tty, TIOCGWINSZ, &ws);
    for (int i = 1; i <= argc; i++) {
        if (i == argc && argc > 1)
            break;
        FILE *f = i < argc ? open_input("more", argv[i]) : stdin;
        if (!f) {
            status = 1;
            continue;
        }
        int r = tty >= 0 ? page(f, tty, ws.ws_row) : copy_fd(fileno(f), 1);
        close_input(f);
        if (r < 0)
            break;
    }
    return status;
}
