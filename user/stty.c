/* stty -- show or change the terminal's settings (termios, window size).
 *
 *   stty            the settings that differ from "stty sane"
 *   stty -a         all of them
 *   stty FLAG       turn a flag on; -FLAG turns it off (see the table)
 *   stty sane       Linux's defaults; stty raw / -raw (cooked)
 *   stty size       "rows cols"; stty rows N, stty cols N set them
 */
#include <sys/ioctl.h>
#include <termios.h>
#include "util.h"

enum field { IFLAG, OFLAG, LFLAG };

static const struct flag {
    const char *name;
    enum field field;
    tcflag_t bit;
} flags[] = {
    { "icrnl", IFLAG, ICRNL }, { "inlcr", IFLAG, INLCR }, { "igncr", IFLAG, IGNCR },
    { "opost", OFLAG, OPOST }, { "onlcr", OFLAG, ONLCR },
    { "isig", LFLAG, ISIG }, { "icanon", LFLAG, ICANON }, { "iexten", LFLAG, IEXTEN },
    { "echo", LFLAG, ECHO }, { "echoe", LFLAG, ECHOE }, { "echoctl", LFLAG, ECHOCTL },
    { "noflsh", LFLAG, NOFLSH }, { "tostop", LFLAG, TOSTOP },
};
#define NFLAGS (sizeof flags / sizeof flags[0])

static tcflag_t *
field_of(struct termios *t, enum field f)
{
    return f == IFLAG ? &t->c_iflag : f == OFLAG ? &t->c_oflag : &t->c_lflag;
}

/* Linux's "stty sane" for the flags above (the kernel starts with it). */
static void
make_sane(struct termios *t)
{
    t->c_iflag = (t->c_iflag & ~(INLCR | IGNCR)) | ICRNL;
    t->c_oflag |= OPOST | ONLCR;
    t->c_lflag = (t->c_lflag & ~(NOFLSH | TOSTOP)) | ISIG | ICANON | IEXTEN | ECHO | ECHOE | ECHOCTL;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}

static void
show(const struct termios *t, int all)
{
    struct termios sane = *t;
    int shown = 0;
    make_sane(&sane);
    for (unsigned i = 0; i < NFLAGS; i++) {
        tcflag_t on = *field_of((struct termios *)t, flags[i].field) & flags[i].bit;
        tcflag_t usual = *field_of(&sane, flags[i].field) & flags[i].bit;
        if (all || on != usual)
            shown += printf("%s%s%s", shown ? " " : "", on ? "" : "-", flags[i].name) > 0;
    }
    if (all)
        printf("\nmin = %d; time = %d", t->c_cc[VMIN], t->c_cc[VTIME]);
    if (all || shown)
        printf("\n");
}

static int
set_size(const char *what, const char *value)
{
    struct winsize ws;
    char *end;
    long n = strtol(value, &end, 10);
    if (!*value || *end || n <= 0 || n > 65535) {
        fprintf(stderr, "stty: invalid %s '%s'\n", what, value);
        return -1;
    }
    if (ioctl(0, TIOCGWINSZ, &ws) < 0)
        return -complain("stty", "standard input");
    if (what[0] == 'r')
        ws.ws_row = n;
    else
        ws.ws_col = n;
    return ioctl(0, TIOCSWINSZ, &ws) < 0 ? -complain("stty", "standard input") : 0;
}

/* One word of the command line; -1 if it is not a setting. */
static int
apply(struct termios *t, const char *word)
{
    int off = word[0] == '-';
    const char *name = word + off;
    if (strcmp(word, "sane") == 0 || strcmp(word, "-raw") == 0 || strcmp(word, "cooked") == 0) {
        make_sane(t);
        return 0;
    }
    if (strcmp(word, "raw") == 0) {
        cfmakeraw(t);
        return 0;
    }
    for (unsigned i = 0; i < NFLAGS; i++) {
        if (strcmp(name, flags[i].name) == 0) {
            tcflag_t *f = field_of(t, flags[i].field);
            *f = off ? *f & ~flags[i].bit : *f | flags[i].bit;
            return 0;
        }
    }
    return -1;
}

int
main(int argc, char **argv)
{
    struct termios t;
    struct winsize ws;
    USAGE(argc, argv,
          "usage: stty [-a | size | sane | raw | -raw | rows N | cols N | [-]FLAG ...]\n"
          "flags: icrnl inlcr igncr opost onlcr isig icanon iexten echo echoe\n"
          "       echoctl noflsh tostop\n");
    if (tcgetattr(0, &t) < 0)
        return complain("stty", "standard input");
    if (argc == 1 || (argc == 2 && strcmp(argv[1], "-a") == 0)) {
        show(&t, argc == 2);
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "size") == 0) {
        if (ioctl(0, TIOCGWINSZ, &ws) < 0)
            return complain("stty", "standard input");
        printf("%d %d\n", ws.ws_row, ws.ws_col);
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "rows") == 0 || strcmp(argv[i], "cols") == 0) && i + 1 < argc) {
            if (set_size(argv[i], argv[i + 1]) < 0)
                return 1;
            i++;
        } else if (apply(&t, argv[i]) < 0) {
            fprintf(stderr, "stty: invalid argument '%s'\n", argv[i]);
            usage();
        }
    }
    if (tcsetattr(0, TCSADRAIN, &t) < 0)
        return complain("stty", "standard input");
    return 0;
}
