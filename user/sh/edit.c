/*
 * edit.c -- the interactive line editor: cursor keys, history, Tab.
 *
 * While a line is being typed the terminal is in raw mode (termios: no
 * ICANON, ECHO or ISIG), so every key reaches the shell at once and the
 * shell does the echoing.  The screen is kept right by redrawing the line
 * after each change: up to the row the prompt is on (ESC[nA), "\r", the
 * prompt, the text, ESC[J (erase the rest of the screen), then up and
 * across (ESC[nA, ESC[nD or ESC[nC) to where the cursor belongs.  A line
 * longer than the terminal is wide (TIOCGWINSZ, or 80) wraps onto more
 * rows, so the editor keeps count of the row the cursor is on.  Appending
 * at the end, the common case, just echoes the key.  Before the line is handed
 * over, the terminal gets back the settings it had at the prompt (what
 * stty set lasts), repaired if a program left it in raw mode.
 *
 * Keys: Left/Right (^B/^F), Home/End (^A/^E), Backspace, Delete (^D on a
 * non-empty line), ^K cut to the end, ^U cut to the start, ^W cut a word,
 * ^L clear the screen, Up/Down the history, Tab completion, ^C abandon the
 * line, ^D on an empty line end of input.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include "sh.h"

#define CTRL(c)      ((c) - '@')
#define HISTORY_MAX  100

static char *history[HISTORY_MAX];
static int history_n;           /* lines kept; the oldest go first */

struct line {
    char *buf;
    int size, len, pos;         /* capacity, length, cursor */
    const char *prompt;
    int cols;                   /* the terminal's width */
    int row;                    /* the cursor's row, counted from the prompt's */
};

/* ---- history ------------------------------------------------------------- */

void
history_add(const char *line)
{
    if (!*line || (history_n && strcmp(history[history_n - 1], line) == 0))
        return;
    if (history_n == HISTORY_MAX) {
        free(history[0]);
        memmove(history, history + 1, (HISTORY_MAX - 1) * sizeof *history);
        history_n--;
    }
    if ((history[history_n] = strdup(line)))
        history_n++;
}

int
builtin_history(int argc, char **argv)
{
    for (int i = 0; i < history_n; i++)
        printf("%5d  %s\n", i + 1, history[i]);
    return 0;
}

/* ---- the screen ---------------------------------------------------------- */

static void
out(const char *s, int n)
{
    while (n > 0) {
        int w = write(2, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        s += w;
        n -= w;
    }
}

static void
outs(const char *s)
{
    out(s, strlen(s));
}

/* ESC[nX: the cursor n rows or columns in direction X (A up, B down, C
 * right, D left); nothing for n = 0. */
static void
cursor_move(int n, char direction)
{
    char move[16];

    if (n > 0) {
        snprintf(move, sizeof move, "\033[%d%c", n, direction);
        outs(move);
    }
}

/* The screen cell, counted from the prompt's first, of text position pos. */
static int
cell_of(struct line *l, int pos)
{
    return (int)strlen(l->prompt) + pos;
}

/*
 * The cursor has just written up to cell end.  At the end of a row a
 * terminal holds it in the last column until the next character comes
 * (the VGA screen moves it on at once); a space and a CR put it at the
 * start of the next row on both, and the editor knows where it is.
 */
static void
settle_after_writing(struct line *l, int end)
{
    if (end > 0 && end % l->cols == 0)
        outs(" \r");
    l->row = end / l->cols;
}

static void
redraw(struct line *l)
{
    int end = cell_of(l, l->len), to = cell_of(l, l->pos);

    cursor_move(l->row, 'A');
    outs("\r");
    outs(l->prompt);
    out(l->buf, l->len);
    settle_after_writing(l, end);
    outs("\033[J");
    cursor_move(l->row - to / l->cols, 'A');
    cursor_move(end % l->cols - to % l->cols, 'D');
    cursor_move(to % l->cols - end % l->cols, 'C');
    l->row = to / l->cols;
}

/* Leaving the line (Enter, ^C, a list of matches): the cursor goes below
 * all of its rows, after `last`; CR LF whatever ONLCR says.  A line that
 * filled its last row exactly has the cursor on a fresh row already. */
static void
leave_line(struct line *l, const char *last)
{
    int end = cell_of(l, l->len);

    cursor_move(end / l->cols - l->row, 'B');
    outs(last);
    if (*last || end == 0 || end % l->cols != 0)
        outs("\r\n");
    l->row = 0;
}

/* ---- editing ------------------------------------------------------------- */

static void
insert(struct line *l, const char *s, int n)
{
    if (l->len + n >= l->size)
        n = l->size - 1 - l->len;
    if (n <= 0)
        return;
    memmove(l->buf + l->pos + n, l->buf + l->pos, l->len - l->pos);
    memcpy(l->buf + l->pos, s, n);
    l->len += n;
    l->pos += n;
    if (l->pos == l->len) {
        out(s, n);                  /* at the end: the echo is enough */
        settle_after_writing(l, cell_of(l, l->len));
    } else
        redraw(l);
}

/* Removes [from, to) and redraws. */
static void
cut(struct line *l, int from, int to)
{
    if (from >= to)
        return;
    memmove(l->buf + from, l->buf + to, l->len - to);
    l->len -= to - from;
    l->pos = from;
    redraw(l);
}

static void
set_text(struct line *l, const char *s)
{
    int n = strlen(s);
    if (n >= l->size)
        n = l->size - 1;
    memcpy(l->buf, s, n);
    l->len = l->pos = n;
    redraw(l);
}

static void
move_to(struct line *l, int pos)
{
    if (pos >= 0 && pos <= l->len && pos != l->pos) {
        l->pos = pos;
        redraw(l);
    }
}

static int
word_start(struct line *l)
{
    int p = l->pos;
    while (p > 0 && l->buf[p - 1] == ' ')
        p--;
    while (p > 0 && l->buf[p - 1] != ' ')
        p--;
    return p;
}

/* ---- Tab completion ------------------------------------------------------ */

struct matches {
    char names[64][64];
    int n;
};

static void
match_add(struct matches *m, const char *name, const char *prefix)
{
    if (strncmp(name, prefix, strlen(prefix)) != 0 || m->n == 64)
        return;
    for (int i = 0; i < m->n; i++)
        if (strcmp(m->names[i], name) == 0)
            return;
    snprintf(m->names[m->n++], sizeof m->names[0], "%s", name);
}

/* Names in dir starting with prefix; a directory gets a '/'. */
static void
match_dir(struct matches *m, const char *dir, const char *prefix, int only_dirs_mark)
{
    DIR *d = opendir(*dir ? dir : ".");
    struct dirent *e;
    char name[64];

    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' && prefix[0] != '.')
            continue;
        snprintf(name, sizeof name, "%s%s", e->d_name,
                 only_dirs_mark && e->d_type == DT_DIR ? "/" : "");
        match_add(m, name, prefix);
    }
    closedir(d);
}

static int
is_command_position(struct line *l, int start)
{
    int p = start;
    while (p > 0 && l->buf[p - 1] == ' ')
        p--;
    return p == 0 || strchr("|;&(", l->buf[p - 1]);
}

static void
show_matches(struct line *l, struct matches *m)
{
    leave_line(l, "");
    for (int i = 0; i < m->n; i++) {
        outs(m->names[i]);
        outs(i % 4 == 3 || i == m->n - 1 ? "\n" : "  ");
    }
    redraw(l);                      /* a fresh prompt below the list */
}

static void
complete(struct line *l)
{
    struct matches m;
    char word[256], dir[256];
    int start = word_start(l), len = l->pos - start, common;
    const char *slash, *prefix;

    if (len >= (int)sizeof word)
        return;
    memcpy(word, l->buf + start, len);
    word[len] = '\0';
    m.n = 0;
    slash = strrchr(word, '/');
    if (!slash && is_command_position(l, start)) {
        for (int i = 0; builtin_name(i); i++)
            match_add(&m, builtin_name(i), word);
        match_dir(&m, "/bin", word, 0);
        prefix = word;
    } else {
        int dlen = slash ? slash - word + 1 : 0;
        memcpy(dir, word, dlen);
        dir[dlen] = '\0';
        prefix = word + dlen;
        match_dir(&m, dir, prefix, 1);
    }
    if (m.n == 0) {
        outs("\a");
        return;
    }
    common = strlen(m.names[0]);
    for (int i = 1; i < m.n; i++)
        for (int k = 0; k < common; k++)
            if (m.names[i][k] != m.names[0][k]) {
                common = k;
                break;
            }
    int plen = strlen(prefix);
    if (common > plen)
        insert(l, m.names[0] + plen, common - plen);
    else if (m.n > 1)
        show_matches(l, &m);
    if (m.n == 1 && m.names[0][common - 1] != '/')
        insert(l, " ", 1);
}

/* ---- keys ---------------------------------------------------------------- */

static int
read_key(void)
{
    unsigned char c;
    int n;
    while ((n = read(0, &c, 1)) < 0 && errno == EINTR)
        ;
    return n == 1 ? c : -1;
}

/* After ESC: "[A" ... or "[3~", "OH", "OF".  Returns a control key with
 * the same action, or 0 to ignore it. */
static int
escape_key(void)
{
    int c = read_key(), d;
    if (c != '[' && c != 'O')
        return 0;
    switch (d = read_key()) {
    case 'A': return 'U' | 0x100;                  /* up: history */
    case 'B': return 'D' | 0x100;                  /* down */
    case 'C': return CTRL('F');
    case 'D': return CTRL('B');
    case 'H': return CTRL('A');
    case 'F': return CTRL('E');
    }
    if (d >= '0' && d <= '9') {
        int n = d - '0';
        while ((d = read_key()) >= '0' && d <= '9')
            n = n * 10 + d - '0';
        if (d == '~')
            return n == 3 ? 0x7f | 0x100 : n == 1 || n == 7 ? CTRL('A') :
                   n == 4 || n == 8 ? CTRL('E') : 0;
    }
    return 0;
}

static void
history_move(struct line *l, int *index, int step, char *saved)
{
    int next = *index + step;
    if (next < 0 || next > history_n)
        return;
    if (*index == history_n) {
        memcpy(saved, l->buf, l->len);
        saved[l->len] = '\0';
    }
    *index = next;
    set_text(l, next == history_n ? saved : history[next]);
}

/* One key; returns 1 when the line is done, -1 at end of input, -3 ^C. */
static int
edit_key(struct line *l, int c, int *hist, char *saved)
{
    char ch;

    if (c == 033)
        c = escape_key();
    switch (c) {
    case -1:
        return -1;
    case '\r': case '\n':
        leave_line(l, "");
        return 1;
    case CTRL('C'):
        leave_line(l, "^C");
        return -3;
    case CTRL('D'):
        if (l->len == 0)
            return -1;
        cut(l, l->pos, l->pos + (l->pos < l->len));
        break;
    case 0x7f | 0x100:                          /* Delete */
        cut(l, l->pos, l->pos + (l->pos < l->len));
        break;
    case 0x7f: case CTRL('H'):
        cut(l, l->pos - (l->pos > 0), l->pos);
        break;
    case CTRL('A'): move_to(l, 0); break;
    case CTRL('E'): move_to(l, l->len); break;
    case CTRL('B'): move_to(l, l->pos - 1); break;
    case CTRL('F'): move_to(l, l->pos + 1); break;
    case CTRL('K'): cut(l, l->pos, l->len); break;
    case CTRL('U'): cut(l, 0, l->pos); break;
    case CTRL('W'): cut(l, word_start(l), l->pos); break;
    case CTRL('L'):
        outs("\033[H\033[2J");
        l->row = 0;
        redraw(l);
        break;
    case 'U' | 0x100: history_move(l, hist, -1, saved); break;
    case 'D' | 0x100: history_move(l, hist, +1, saved); break;
    case '\t':
        complete(l);
        break;
    default:
        if (c >= ' ' && c < 0x7f) {
            ch = c;
            insert(l, &ch, 1);
        }
    }
    return 0;
}

/*
 * The settings to give the terminal back with: its own, so that what stty
 * changed lasts, unless a program left it without ICANON (raw mode, and
 * perhaps without OPOST or ECHO): then the modes come from the last
 * settings that had it.
 */
static int
terminal_settings(struct termios *t)
{
    static struct termios good;
    static int have_good;

    if (tcgetattr(0, t) < 0)
        return -1;
    if ((t->c_lflag & ICANON) || !have_good) {
        good = *t;
        have_good = 1;
        return 0;
    }
    t->c_iflag = good.c_iflag;
    t->c_oflag = good.c_oflag;
    t->c_lflag = good.c_lflag;
    memcpy(t->c_cc, good.c_cc, sizeof t->c_cc);
    return 0;
}

int
edit_line(const char *prompt, char *buf, int size)
{
    struct termios sane, raw;
    struct winsize ws;
    struct line l = { buf, size, 0, 0, prompt, 80, 0 };
    char saved[LINE_MAX_LEN];
    int hist = history_n, done = 0;

    if (terminal_settings(&sane) < 0)
        return -1;
    if (ioctl(0, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        l.cols = ws.ws_col;
    raw = sane;
    raw.c_lflag &= ~(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_iflag &= ~(ICRNL | INLCR | IGNCR);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    tcsetattr(0, TCSADRAIN, &raw);
    outs(prompt);
    if (size > LINE_MAX_LEN)
        l.size = LINE_MAX_LEN;
    while (!done)
        done = edit_key(&l, read_key(), &hist, saved);
    tcsetattr(0, TCSADRAIN, &sane);
    buf[l.len] = '\0';
    if (done == 1)
        history_add(buf);
    return done == 1 ? l.len : done;
}
