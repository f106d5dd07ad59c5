/*
 * The trace ring: events of traced processes, read by one tracer.
 *
 * One session at a time: the tracer opens it, its traced descendants write
 * into it, and it ends when the tracer closes it or exits.  The ring holds
 * TRACE_RING events; when it is full an event is dropped and counted, so an
 * IPC operation is never held up by tracing.  The exception is the end of a
 * system call, a safe place to sleep: a traced process leaving a call while
 * the ring is more than three quarters full waits until the tracer has read
 * it down to half, so the syscall trace stays complete.
 */
#include "trace/trace.h"
#include "proc/proc.h"
#include "arch/timer.h"
#include "syscall.h"

#define TRACE_RING 2048

static struct {
    pid_t        owner;         /* tracer, or 0: no session */
    int          live;          /* traced processes not yet exited */
    unsigned     head, count;   /* oldest event, events held */
    unsigned     lost;
    struct waitq readers;       /* the tracer, waiting for events */
    struct waitq writers;       /* traced processes, waiting for room */
    struct trace_event ring[TRACE_RING];
} tr;

static bool
session_open(void)
{
    return tr.owner != 0;
}

static struct trace_event *
event_new(struct proc *p, int kind)
{
    if (!session_open())
        return NULL;
    if (tr.count == TRACE_RING) {
        tr.lost++;
        return NULL;
    }
    struct trace_event *e = &tr.ring[(tr.head + tr.count++) % TRACE_RING];
    memset(e, 0, sizeof *e);
    e->t_ns = time_now_ns();
    e->pid = p->pid;
    e->kind = kind;
    strlcpy(e->comm, p->name, sizeof e->comm);
    waitq_wake_all(&tr.readers);
    return e;
}

/* An event by p, or by the kernel (pid 0) when an interrupt handler acts:
 * then the interrupted process, whoever it is, had no part in it. */
static struct trace_event *
event_by(struct proc *p, bool by_kernel, int kind)
{
    struct trace_event *e = event_new(p, kind);
    if (e && by_kernel) {
        e->pid = 0;
        strlcpy(e->comm, "kernel", sizeof e->comm);
    }
    return e;
}

void
trace_ipc(int kind, int obj_type, int obj_id, pid_t peer, long a, long b,
          const char *text)
{
    struct proc *p = current;
    if (!trace_ipc_on(p))
        return;
    struct trace_event *e = event_new(p, kind);
    if (!e)
        return;
    e->obj_type = obj_type;
    e->obj_id = obj_id;
    e->peer = peer;
    e->a = a;
    e->b = b;
    if (text)
        strlcpy(e->text, text, sizeof e->text);
}

/* current is about to sleep: record the wait as ps names it. */
void
trace_block(const char *what, long a, long b)
{
    char text[TRACE_TEXT_LEN];
    snprintk(text, sizeof text, what ? what : "sleep", a, b);
    trace_ipc(TRACE_EV_BLOCK, TRACE_OBJ_NONE, 0, 0, a, b, text);
}

/* current wakes sleeper: recorded if either is traced.  An interrupt
 * handler's wake-ups (the console, the timer) are the kernel's, pid 0. */
void
trace_wake(struct proc *sleeper, bool from_interrupt)
{
    struct proc *waker = current;
    if (!session_open() || !((waker->trace_flags | sleeper->trace_flags) & TRACE_IPC))
        return;
    if (sleeper->pid == tr.owner)
        return;                 /* the tracer reading the ring: not the program's */
    struct trace_event *e = event_by(waker, from_interrupt, TRACE_EV_WAKE);
    if (e)
        e->peer = sleeper->pid;
}

/* A signal is sent to target: recorded if the sender or the target is
 * traced; an interrupt handler's signals (^C, alarms) are the kernel's. */
void
trace_signal(struct proc *target, int sig, bool from_interrupt)
{
    struct proc *sender = current;
    if (!session_open() || !((sender->trace_flags | target->trace_flags) & TRACE_IPC))
        return;
    struct trace_event *e = event_by(sender, from_interrupt, TRACE_EV_SIGNAL);
    if (!e)
        return;
    e->peer = target->pid;
    e->a = sig;
}

/* Is the parameter text at s ("const char *upath, ...") a path or a
 * name: a NUL-terminated string worth copying? */
static bool
is_string_param(const char *s)
{
    if (strncmp(s, "const char *", 12) != 0)
        return false;
    s += 12;
    for (; *s && *s != ',' && *s != ')'; s++)
        if (strncmp(s, "path", 4) == 0 || strncmp(s, "name", 4) == 0)
            return true;
    return false;
}

/* The index of the first parameter that is a path or a name, or -1: that
 * one string is copied into the event. */
static int
string_param(int nr)
{
    const char *s = syscall_params(nr);
    for (int i = 0; s && *s; s++) {
        if (*s == ',')
            i++;
        else if (is_string_param(s))
            return i;
    }
    return -1;
}

static void
wait_for_room(void)
{
    while (session_open() && tr.count > TRACE_RING * 3 / 4)
        if (waitq_sleep(&tr.writers, "trace ring full", 0, 0))
            return;             /* a signal: go on, the event may be lost */
}

/* msgsnd's message type, the first word of its buffer, as text: what a
 * student wants to see of a send ("msgsnd(q, {mtype=2}, ...)"). */
static void
note_message_type(struct proc *p, const long *args)
{
    long mtype;
    if (copy_from_user(&mtype, (const void *)args[1], sizeof mtype) == 0)
        snprintk(p->trace_text, sizeof p->trace_text, "%ld", mtype);
}

/* Before the call runs (exec replaces the memory a path lives in). */
void
trace_syscall_begin(struct proc *p, int nr, const long *args)
{
    p->trace_text[0] = 0;
    if (nr == SYS_msgsnd) {
        note_message_type(p, args);
        return;
    }
    int s = nr > 0 && nr < SYS_MAX ? string_param(nr) : -1;
    if (s >= 0 && copy_string_from_user(p->trace_text, (const char *)args[s],
                                        sizeof p->trace_text) < 0)
        p->trace_text[0] = 0;
}

void
trace_syscall(struct proc *p, int nr, const long *args, long result)
{
    if (!(p->trace_flags & TRACE_SYSCALLS) || nr == SYS_tracectl)
        return;
    wait_for_room();
    struct trace_event *e = event_new(p, TRACE_EV_SYSCALL);
    if (!e)
        return;
    e->nr = nr;
    memcpy(e->args, args, sizeof e->args);
    e->result = result;
    memcpy(e->text, p->trace_text, sizeof e->text);
}

void
trace_fork(struct proc *child, struct proc *parent)
{
    child->trace_flags = session_open() ? parent->trace_flags : 0;
    if (!child->trace_flags)
        return;
    tr.live++;
    struct trace_event *e = event_new(parent, TRACE_EV_FORK);
    if (e)
        e->peer = child->pid;
}

void
trace_exec(struct proc *p)
{
    if (!p->trace_flags)
        return;
    struct trace_event *e = event_new(p, TRACE_EV_EXEC);
    if (e)
        strlcpy(e->text, p->name, sizeof e->text);
}

static void
session_close(void)
{
    tr.owner = 0;
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++)
        p->trace_flags = 0;
    tr.live = 0;
    waitq_wake_all(&tr.writers);
    waitq_wake_all(&tr.readers);
}

void
trace_exit(struct proc *p, int status)
{
    if (p->pid == tr.owner)
        session_close();
    waitq_wake_all(&tr.readers);        /* perhaps the tracer's last child */
    if (!p->trace_flags)
        return;
    struct trace_event *e = event_new(p, TRACE_EV_EXIT);
    if (e)
        e->a = status;
    p->trace_flags = 0;
    tr.live--;
    waitq_wake_all(&tr.readers);
}

static long
trace_open(void)
{
    struct proc *owner = tr.owner ? proc_find(tr.owner) : NULL;
    if (owner && owner->state != PROC_ZOMBIE)
        return -EBUSY;
    session_close();
    tr.owner = current->pid;
    tr.head = tr.count = tr.lost = 0;
    return 0;
}

static long
trace_me(long flags)
{
    if (!session_open())
        return -ESRCH;
    if (flags & ~(TRACE_SYSCALLS | TRACE_IPC) || !flags)
        return -EINVAL;
    if (!current->trace_flags)
        tr.live++;
    current->trace_flags = flags;
    return 0;
}

/* Has the tracer a child still running (one that may yet ask to be
 * traced)? */
static bool
tracer_has_live_child(struct proc *tracer)
{
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++)
        if (p->parent == tracer && p->state != PROC_UNUSED && p->state != PROC_ZOMBIE)
            return true;
    return false;
}

/* Copy up to max events out; sleep while there are none but a traced
 * process lives (or a child of the tracer that may still join).  0 means
 * the end of the trace. */
static long
trace_read(struct trace_event *ubuf, size_t max)
{
    if (current->pid != tr.owner)
        return -EPERM;
    if (max == 0 || max > TRACE_RING)
        return -EINVAL;
    while (tr.count == 0 && (tr.live > 0 || tracer_has_live_child(current))) {
        int err = waitq_sleep(&tr.readers, "trace events", 0, 0);
        if (err)
            return err;
    }
    size_t n = 0;
    for (; n < max && tr.count; n++) {
        if (copy_to_user(ubuf + n, &tr.ring[tr.head], sizeof *ubuf) < 0)
            return n ? (long)n : -EFAULT;
        tr.head = (tr.head + 1) % TRACE_RING;
        tr.count--;
    }
    if (tr.count <= TRACE_RING / 2)
        waitq_wake_all(&tr.writers);
    return n;
}

long
sys_tracectl(int op, long arg, struct trace_event *ubuf, size_t max)
{
    switch (op) {
    case TRACE_OPEN:  return trace_open();
    case TRACE_ME:    return trace_me(arg);
    case TRACE_READ:  return trace_read(ubuf, max);
    case TRACE_LOST:  return current->pid == tr.owner ? (long)tr.lost : -EPERM;
    case TRACE_CLOSE:
        if (current->pid != tr.owner)
            return -EPERM;
        session_close();
        return 0;
    }
    return -EINVAL;
}
