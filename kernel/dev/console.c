/*
 * The console: output to the VGA screen and the serial port; input from the
 * keyboard and the serial port through a line discipline.
 *
 * The line discipline echoes what is typed, lets Backspace and Ctrl-U edit
 * the line, and hands a line to readers only when Enter (or Ctrl-D) ends
 * it.  Ctrl-D on an empty line is end of file.  Ctrl-C, Ctrl-\ and Ctrl-Z
 * send SIGINT, SIGQUIT and SIGTSTP to the foreground process group.  Ctrl-P
 * prints the process list with what each sleeper waits for.
 *
 * Job control: the foreground group (tcsetpgrp) is also the only one that
 * may read; a reader from another group is stopped with SIGTTIN until the
 * shell brings it to the foreground (console_may_read).  Writes are not
 * checked (Linux's default, without TOSTOP).
 */
#include "dev/console.h"
#include "fs/file.h"
#include "proc/proc.h"
#include <parley/poll.h>

#define CTRL(c)     ((c) - '@')
#define INPUT_SIZE  1024

static struct {
    char buf[INPUT_SIZE];
    unsigned read;              /* next byte a reader gets */
    unsigned committed;         /* end of the finished lines */
    unsigned edit;              /* end of the line being typed */
    struct waitq readers;
} input;

static pid_t foreground_pgid;

/* POSIX: a group is orphaned when no member has a parent in another group
 * of the same session, the only place a job-control shell could be. */
static bool
console_group_orphaned(pid_t pgid)
{
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        if (p->state == PROC_UNUSED || p->state == PROC_ZOMBIE || p->pgid != pgid)
            continue;
        if (p->parent && p->parent->pgid != pgid && p->parent->sid == p->sid)
            return false;
    }
    return true;
}

static void
console_putc(int c)
{
    if (c == '\n')
        uart_putc('\r');
    uart_putc(c);
    vga_putc(c);
}

void
console_write_kernel(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        console_putc(s[i]);
}

static void
echo_erase(void)
{
    console_putc('\b');
    console_putc(' ');
    console_putc('\b');
}

static void
input_commit(void)
{
    input.committed = input.edit;
    waitq_wake_all(&input.readers);
}

static void
input_signal(int sig, const char *echo)
{
    console_write_kernel(echo, strlen(echo));
    input.edit = input.committed;       /* discard the partial line */
    if (foreground_pgid)
        signal_send_group(foreground_pgid, sig, 0);
}

void
console_input(int c)
{
    switch (c) {
    case CTRL('P'):
        proc_list();
        return;
    case CTRL('C'):
        input_signal(SIGINT, "^C\n");
        return;
    case CTRL('\\'):
        input_signal(SIGQUIT, "^\\\n");
        return;
    case CTRL('Z'):
        input_signal(SIGTSTP, "^Z\n");
        return;
    case CTRL('U'):
        while (input.edit != input.committed) {
            input.edit--;
            echo_erase();
        }
        return;
    case '\b':
        if (input.edit != input.committed) {
            input.edit--;
            echo_erase();
        }
        return;
    }
    if (input.edit - input.read >= INPUT_SIZE - 1)
        return;                         /* full: drop the character */
    input.buf[input.edit++ % INPUT_SIZE] = c;
    if (c != CTRL('D'))
        console_putc(c);
    if (c == '\n' || c == CTRL('D') || input.edit - input.read == INPUT_SIZE - 1)
        input_commit();
}

/*
 * POSIX, "Terminal Access Control": a read by a process outside the
 * foreground group sends SIGTTIN to its group and the read restarts once
 * the group is continued; if SIGTTIN is ignored or blocked, or the group is
 * orphaned (nobody could continue it), the read fails with EIO instead.
 * With no foreground group set, anyone may read.
 */
static int
console_may_read(void)
{
    struct proc *p = current;

    if (foreground_pgid == 0 || p->pgid == foreground_pgid)
        return 0;
    if (p->sig.action[SIGTTIN].sa_handler == SIG_IGN ||
        (p->sig.blocked & SIGBIT(SIGTTIN)) || console_group_orphaned(p->pgid))
        return -EIO;
    signal_send_group(p->pgid, SIGTTIN, 0);
    return -ERESTARTSYS;
}

/* Read at most one line.  A Ctrl-D ends the read without being returned;
 * at the start of a read it means end of file. */
static ssize_t
console_read(struct file *f, char *buf, size_t n)
{
    size_t got = 0;
    int err = console_may_read();
    while (!err && input.read == input.committed) {
        if (f->flags & O_NONBLOCK)
            return -EAGAIN;
        err = waitq_sleep(&input.readers, "console input", 0, 0);
        if (!err)
            err = console_may_read();   /* sent to the background meanwhile? */
    }
    if (err)
        return err;
    while (got < n && input.read != input.committed) {
        char c = input.buf[input.read % INPUT_SIZE];
        if (c == CTRL('D')) {
            if (got == 0)
                input.read++;           /* consume the EOF mark */
            break;
        }
        input.read++;
        buf[got++] = c;
        if (c == '\n')
            break;
    }
    return got;
}

static ssize_t
console_write(struct file *f, const char *buf, size_t n)
{
    console_write_kernel(buf, n);
    return n;
}

/* poll: readable once a whole line (or Ctrl-D) is committed; output
 * never blocks. */
static unsigned
console_poll(struct file *f, struct poll_table *pt)
{
    poll_wait(pt, &input.readers);
    unsigned events = POLLOUT | POLLWRNORM;
    if (input.read != input.committed)
        events |= POLLIN | POLLRDNORM;
    return events;
}

static const struct file_ops console_ops = {
    .read = console_read,
    .write = console_write,
    .poll = console_poll,
};

int
console_open(struct inode *ip, int flags, struct file **out)
{
    *out = file_alloc(&console_ops, ip, flags);
    if (!*out) {
        inode_put(ip);
        return -ENFILE;
    }
    return 0;
}

bool
file_is_console(struct file *f)
{
    return f->ops == &console_ops;
}

pid_t console_foreground(void)          { return foreground_pgid; }
void  console_set_foreground(pid_t pgid) { foreground_pgid = pgid; }

void
console_init(void)
{
    vga_init();
    uart_init();
}

void
console_init_input(void)
{
    uart_enable_input();
    kbd_init();
}
