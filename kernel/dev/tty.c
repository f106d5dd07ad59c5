/*
 * The tty: the terminal behind /dev/console, between the console's bytes
 * and the processes that read and write them.
 *
 * Canonical mode (ICANON, the default) is the classic line discipline: what
 * is typed is echoed, Backspace (DEL or ^H) and ^U edit the line, and a
 * reader gets a line only when Enter or ^D ends it; ^D on an empty line is
 * end of file.  Without ICANON ("raw" mode, what a line editor such as the
 * shell's uses) every byte is ready at once and VMIN/VTIME decide when a
 * read returns.  With ISIG, ^C, ^\ and ^Z send SIGINT, SIGQUIT and SIGTSTP
 * to the foreground process group.  ^P always prints the process list: it
 * is the kernel's debugging key, not a terminal character.
 *
 * Job control: the console belongs to one session, the one whose leader
 * first gave it a foreground group (tcsetpgrp) once the console's previous
 * session had ended (Parley's stand-in for Linux's controlling terminal:
 * init's shell does that).  In that session the foreground group is the
 * only one that may read, change the terminal (tcsetattr, tcsetpgrp,
 * tcflush, tcdrain) or, with TOSTOP, write: any other group is stopped
 * with SIGTTIN or SIGTTOU until the shell brings it to the foreground
 * (tty_job_check).  Without TOSTOP writes are not checked (Linux's
 * default).
 *
 * Output processing: with OPOST and ONLCR (the default) a newline goes
 * out as CR LF; without them bytes go out as they are.  Echo is output
 * too, and processed the same way.
 *
 * termios travels through ioctl (TCGETS, TCSETS...), as on Linux; the user
 * library's tcgetattr and tcsetattr are those calls.
 */
#include "dev/tty.h"
#include "dev/console.h"
#include "fs/file.h"
#include "mm/vm.h"
#include "proc/proc.h"
#include "arch/timer.h"
#include <parley/ioctl.h>
#include <parley/termios.h>
#include <parley/poll.h>

#define CTRL(c)     ((c) - '@')
#define INPUT_SIZE  1024
#define EOF_MARK    CTRL('D')       /* stored for ^D in canonical mode */

static struct {
    struct termios termios;
    char buf[INPUT_SIZE];
    unsigned read;              /* next byte a reader gets */
    unsigned committed;         /* end of what readers may have */
    unsigned edit;              /* end of the line being typed */
    struct waitq readers;
    pid_t foreground_pgid;
    pid_t sid;                  /* the session the console belongs to, or 0 */
    struct winsize winsize;
} tty;

/* Linux's defaults (stty sane). */
static const struct termios tty_default = {
    .c_iflag = ICRNL,
    .c_oflag = OPOST | ONLCR,
    .c_cflag = B38400 | CS8 | CREAD,
    .c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOCTL | IEXTEN,
    .c_cc = {
        [VINTR] = CTRL('C'), [VQUIT] = CTRL('\\'), [VERASE] = 0x7f,
        [VKILL] = CTRL('U'), [VEOF] = CTRL('D'), [VMIN] = 1, [VTIME] = 0,
        [VSUSP] = CTRL('Z'),
    },
};

static bool lflag(tcflag_t f) { return tty.termios.c_lflag & f; }

/* One byte out, after output processing (c_oflag). */
static void
tty_putc(int c)
{
    tcflag_t o = tty.termios.c_oflag;
    if (c == '\n' && (o & OPOST) && (o & ONLCR))
        console_putc_raw('\r');
    console_putc_raw(c);
}

static void
tty_output(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tty_putc(s[i]);
}

/* POSIX: a group is orphaned when no member has a parent in another group
 * of the same session, the only place a job-control shell could be. */
static bool
tty_group_orphaned(pid_t pgid)
{
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        if (p->state == PROC_UNUSED || p->state == PROC_ZOMBIE || p->pgid != pgid)
            continue;
        if (p->parent && p->parent->pgid != pgid && p->parent->sid == p->sid)
            return false;
    }
    return true;
}

static bool
is_control(int c)
{
    return (c < ' ' && c != '\n' && c != '\t') || c == 0x7f;
}

/* Echo one typed character: a control character as ^X (ECHOCTL). */
static void
echo_char(int c)
{
    if (!lflag(ECHO))
        return;
    if (is_control(c) && lflag(ECHOCTL)) {
        tty_putc('^');
        tty_putc(c == 0x7f ? '?' : c + '@');
    } else
        tty_putc(c);
}

static void
echo_erase(int c)
{
    if (!lflag(ECHO))
        return;
    for (int i = is_control(c) && lflag(ECHOCTL) ? 2 : 1; i > 0; i--)
        tty_output("\b \b", 3);
}

static void
input_commit(void)
{
    tty.committed = tty.edit;
    waitq_wake_all(&tty.readers);
}

static void
input_flush(void)
{
    tty.read = tty.committed = tty.edit;
}

static void
input_signal(int sig, int c)
{
    echo_char(c);
    if (lflag(ECHO))
        tty_putc('\n');
    if (!lflag(NOFLSH))
        tty.edit = tty.committed;       /* discard the partial line */
    if (tty.foreground_pgid)
        signal_send_group(tty.foreground_pgid, sig, 0);
}

/* ISIG: the characters that send a signal; 0 if c is none of them. */
static int
signal_for(int c)
{
    const cc_t *cc = tty.termios.c_cc;
    if (!lflag(ISIG) || c == 0)
        return 0;
    if (c == cc[VINTR]) return SIGINT;
    if (c == cc[VQUIT]) return SIGQUIT;
    if (c == cc[VSUSP]) return SIGTSTP;
    return 0;
}

/* ICANON: erasing, and the characters that end a line.  Returns true if c
 * was an editing character (and is not stored). */
static bool
canonical_edit(int c)
{
    const cc_t *cc = tty.termios.c_cc;
    if (c == cc[VKILL]) {
        while (tty.edit != tty.committed)
            echo_erase(tty.buf[--tty.edit % INPUT_SIZE]);
        return true;
    }
    if (c == cc[VERASE] || c == '\b') {
        if (tty.edit != tty.committed)
            echo_erase(tty.buf[--tty.edit % INPUT_SIZE]);
        return true;
    }
    return false;
}

static int
map_input(int c)
{
    tcflag_t iflag = tty.termios.c_iflag;
    if (c == '\r' && (iflag & IGNCR))
        return -1;
    if (c == '\r' && (iflag & ICRNL))
        return '\n';
    if (c == '\n' && (iflag & INLCR))
        return '\r';
    return c;
}

static void
tty_input(int c)
{
    int sig;
    if (c == CTRL('P')) {
        proc_list();
        return;
    }
    if ((c = map_input(c)) < 0)
        return;
    if ((sig = signal_for(c))) {
        input_signal(sig, c);
        return;
    }
    bool canon = lflag(ICANON);
    if (canon && canonical_edit(c))
        return;
    if (tty.edit - tty.read >= INPUT_SIZE - 1)
        return;                         /* full: drop the character */
    bool eof = canon && c == tty.termios.c_cc[VEOF];
    tty.buf[tty.edit++ % INPUT_SIZE] = eof ? EOF_MARK : c;
    if (!eof)
        echo_char(c);
    if (!canon || c == '\n' || eof || tty.edit - tty.read == INPUT_SIZE - 1)
        input_commit();
}

/* Job control applies to the processes of the console's session only
 * (a process of another session, init for one, is not one of its jobs). */
static bool
tty_controls(const struct proc *p)
{
    return tty.sid && p->sid == tty.sid;
}

/*
 * POSIX, "Terminal Access Control": a process of the console's session
 * outside its foreground group that reads (sig SIGTTIN), or changes the
 * terminal or writes with TOSTOP (sig SIGTTOU), sends sig to its group and
 * the call restarts once the group is continued.  If sig is ignored or
 * blocked, a read fails with EIO and the others go ahead; if the group is
 * orphaned (nobody could continue it), the call fails with EIO.  With no
 * foreground group set, anything goes.
 */
static int
tty_job_check(int sig)
{
    struct proc *p = current;

    if (!tty_controls(p) || tty.foreground_pgid == 0 || p->pgid == tty.foreground_pgid)
        return 0;
    if (p->sig.action[sig].sa_handler == SIG_IGN || (p->sig.blocked & SIGBIT(sig)))
        return sig == SIGTTIN ? -EIO : 0;
    if (tty_group_orphaned(p->pgid))
        return -EIO;
    signal_send_group(p->pgid, sig, 0);
    return -ERESTARTSYS;
}

static int tty_may_read(void) { return tty_job_check(SIGTTIN); }

static unsigned
input_ready(void)
{
    return tty.committed - tty.read;
}

/*
 * Non-canonical reads (POSIX, "Non-Canonical Mode Input Processing"):
 * with VMIN > 0 the read waits for VMIN bytes (or n, if fewer are asked);
 * VTIME > 0 then bounds the wait between bytes once one has come.  With
 * VMIN = 0, VTIME > 0 bounds the wait for the first byte; with both 0 the
 * read returns at once with what there is.
 */
static int
wait_raw(struct file *f, size_t n)
{
    unsigned want = MIN((unsigned)tty.termios.c_cc[VMIN], n);
    uint64_t timeout = tty.termios.c_cc[VTIME] * 100000000ull;
    unsigned seen = input_ready();
    uint64_t deadline = timeout && (want == 0 || seen) ? time_now_ns() + timeout : 0;
    int err = 0;
    while (!err && input_ready() < MAX(want, 1u)) {
        if (want == 0 && !timeout)
            break;
        if (deadline && time_now_ns() >= deadline)
            break;
        if (f->flags & O_NONBLOCK)
            return input_ready() ? 0 : -EAGAIN;
        if (timeout && want && input_ready() > seen) {
            seen = input_ready();       /* a byte came: restart the timer */
            deadline = time_now_ns() + timeout;
        }
        err = waitq_sleep_until(&tty.readers, deadline, "console input", 0, 0);
        if (!err)
            err = tty_may_read();
    }
    return err;
}

static int
wait_line(struct file *f)
{
    int err = 0;
    while (!err && input_ready() == 0) {
        if (f->flags & O_NONBLOCK)
            return -EAGAIN;
        err = waitq_sleep(&tty.readers, "console input", 0, 0);
        if (!err)
            err = tty_may_read();       /* sent to the background meanwhile? */
    }
    return err;
}

/* Canonical: at most one line.  A ^D ends the read without being
 * returned; at the start of a read it means end of file. */
static ssize_t
tty_read(struct file *f, char *buf, size_t n)
{
    bool canon = lflag(ICANON);
    int err = tty_may_read();
    if (!err)
        err = canon ? wait_line(f) : wait_raw(f, n);
    if (err)
        return err;
    size_t got = 0;
    while (got < n && tty.read != tty.committed) {
        char c = tty.buf[tty.read % INPUT_SIZE];
        if (canon && c == EOF_MARK) {
            if (got == 0)
                tty.read++;             /* consume the EOF mark */
            break;
        }
        if (user_copy(buf + got, &c, 1))    /* its page went while we waited */
            return got ? (ssize_t)got : -EFAULT;
        tty.read++;
        got++;
        if (canon && c == '\n')
            break;
    }
    return got;
}

static ssize_t
tty_write(struct file *f, const char *buf, size_t n)
{
    int err = lflag(TOSTOP) ? tty_job_check(SIGTTOU) : 0;
    if (err)
        return err;
    tty_output(buf, n);
    return n;
}

static int
tty_set_termios(unsigned long request, const void *arg)
{
    struct termios t;
    if (copy_from_user(&t, arg, sizeof t))
        return -EFAULT;
    if (request == TCSETSF)
        input_flush();
    tty.termios = t;
    if (!lflag(ICANON))
        input_commit();                 /* a partial line becomes readable */
    return 0;
}

static int
tty_flush(long queue)
{
    if (queue < TCIFLUSH || queue > TCIOFLUSH)
        return -EINVAL;
    if (queue != TCOFLUSH)
        input_flush();                  /* output is never queued */
    return 0;
}

/* TIOCSWINSZ: the size programs ask for (stty rows/cols); the foreground
 * group hears of a change by SIGWINCH, as on Linux. */
static int
tty_set_winsize(const void *arg)
{
    struct winsize ws;
    if (copy_from_user(&ws, arg, sizeof ws))
        return -EFAULT;
    bool changed = memcmp(&ws, &tty.winsize, sizeof ws) != 0;
    tty.winsize = ws;
    if (changed && tty.foreground_pgid)
        signal_send_group(tty.foreground_pgid, SIGWINCH, 0);
    return 0;
}

/* TIOCSTI: one byte into the input as if it were typed -- echoed, edited,
 * a signal if it is ^C -- as Linux allows it: on the caller's own terminal
 * (its session's) opened for reading, or by root.  It is how a program,
 * a test among them, can type at the console. */
static int
tty_insert_input(struct file *f, const char *uc)
{
    char c;
    if (!cred_is_root(&current->cred) && (!tty_controls(current) || !file_readable(f)))
        return -EPERM;
    if (copy_from_user(&c, uc, 1))
        return -EFAULT;
    tty_input((unsigned char)c);
    return 0;
}

/* Requests that change the terminal: only from the foreground (SIGTTOU).
 * (TIOCSPGRP too, in tty_set_foreground.) */
static bool
changes_terminal(unsigned long request)
{
    switch (request) {
    case TCSETS: case TCSETSW: case TCSETSF: case TCFLSH: case TCSBRK: case TCXONC:
        return true;
    default:
        return false;
    }
}

static int
tty_ioctl(struct file *f, unsigned long request, void *arg)
{
    int n, err;
    pid_t pgid;
    if (changes_terminal(request) && (err = tty_job_check(SIGTTOU)))
        return err;
    switch (request) {
    case TCGETS:
        return copy_to_user(arg, &tty.termios, sizeof tty.termios) ? -EFAULT : 0;
    case TCSETS: case TCSETSW: case TCSETSF:    /* output is never queued */
        return tty_set_termios(request, arg);
    case TCFLSH:
        return tty_flush((long)arg);
    case TCSBRK:                        /* tcdrain (arg 1), tcsendbreak (0) */
        return 0;
    case TCXONC:                        /* tcflow: no flow control to stop */
        return (unsigned long)arg <= TCION ? 0 : -EINVAL;
    case TIOCGSID:
        if (!tty_controls(current))
            return -ENOTTY;
        return copy_to_user(arg, &tty.sid, sizeof(pid_t)) ? -EFAULT : 0;
    case FIONREAD:
        n = input_ready();
        return copy_to_user(arg, &n, sizeof n) ? -EFAULT : 0;
    case TIOCGPGRP:
        return copy_to_user(arg, &tty.foreground_pgid, sizeof(pid_t)) ? -EFAULT : 0;
    case TIOCSPGRP:
        if (copy_from_user(&pgid, arg, sizeof pgid))
            return -EFAULT;
        return tty_set_foreground(pgid);
    case TIOCSTI:
        return tty_insert_input(f, arg);
    case TIOCGWINSZ:
        return copy_to_user(arg, &tty.winsize, sizeof tty.winsize) ? -EFAULT : 0;
    case TIOCSWINSZ:
        return tty_set_winsize(arg);
    default:
        return -ENOTTY;
    }
}

/* poll: readable once a read would not block (a whole line, or in raw
 * mode any byte); output never blocks. */
static unsigned
tty_poll(struct file *f, struct poll_table *pt)
{
    poll_wait(pt, &tty.readers);
    unsigned events = POLLOUT | POLLWRNORM;
    if (input_ready())
        events |= POLLIN | POLLRDNORM;
    return events;
}

static const struct file_ops tty_ops = {
    .read = tty_read,
    .write = tty_write,
    .ioctl = tty_ioctl,
    .poll = tty_poll,
};

int
tty_open(struct inode *ip, int flags, struct file **out)
{
    *out = file_alloc(&tty_ops, ip, flags);
    if (!*out) {
        inode_put(ip);
        return -ENFILE;
    }
    return 0;
}

bool
file_is_tty(struct file *f)
{
    return f->ops == &tty_ops;
}

pid_t tty_foreground(void)          { return tty.foreground_pgid; }

/*
 * tcsetpgrp: the foreground group becomes pgid, a group of the caller's
 * session (EPERM otherwise), if the console belongs to that session
 * (ENOTTY otherwise) and the caller is in the foreground (SIGTTOU).  A
 * session leader takes a console whose session has ended, or that never
 * had one.
 */
int
tty_set_foreground(pid_t pgid)
{
    struct proc *p = current;
    int err;

    if (pgid <= 0)
        return -EINVAL;
    if (!tty_controls(p)) {
        if (p->pid != p->sid || (tty.sid && proc_session_alive(tty.sid)))
            return -ENOTTY;
        tty.sid = p->sid;
        tty.foreground_pgid = 0;        /* the old session's group is gone */
    }
    if ((err = tty_job_check(SIGTTOU)))
        return err;
    if (!proc_group_in_session(pgid, p->sid))
        return -EPERM;
    tty.foreground_pgid = pgid;
    return 0;
}

void
tty_init(void)
{
    tty.termios = tty_default;
    tty.winsize = (struct winsize){ 25, 80, 0, 0 };
    console_set_input_handler(tty_input);
}
