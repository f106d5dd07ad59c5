/* Mailboxes, ports and direct messages: thin wrappers; the rules are in
 * <parley/mbox.h> and the kernel (kernel/ipc/mbox.c, mbox_direct.c). */
#include <parley/mbox.h>
#include "internal.h"

int
mbox_create(const char *name, unsigned capacity, int flags)
{
    return SYSCALL3(mbox_create, name, capacity, flags);
}

int
mbox_open(const char *name)
{
    return SYSCALL1(mbox_open, name);
}

int
port_create(unsigned capacity, int flags)
{
    return SYSCALL2(port_create, capacity, flags);
}

int
mbox_destroy(int id)
{
    return SYSCALL1(mbox_destroy, id);
}

int
port_destroy(int id)
{
    return SYSCALL1(mbox_destroy, id);
}

int
mbox_status(int id, struct mbox_status *st)
{
    return SYSCALL2(mbox_status, id, st);
}

int
mbox_list(struct mbox_status *st, int max)
{
    return SYSCALL2(mbox_list, st, max);
}

int
mbox_send(int id, const struct msg_out *m, int flags)
{
    return SYSCALL4(mbox_send, id, m, flags, 0);
}

int
mbox_send_timed(int id, const struct msg_out *m, int flags, const struct timespec *timeout)
{
    return SYSCALL4(mbox_send, id, m, flags, timeout);
}

int
mbox_receive(int id, struct msg_in *in, int flags)
{
    return SYSCALL4(mbox_receive, id, in, flags, 0);
}

int
mbox_receive_timed(int id, struct msg_in *in, int flags, const struct timespec *timeout)
{
    return SYSCALL4(mbox_receive, id, in, flags, timeout);
}

int
pid_send(pid_t pid, const struct msg_out *m, int flags)
{
    return SYSCALL4(pid_send, pid, m, flags, 0);
}

int
pid_send_timed(pid_t pid, const struct msg_out *m, int flags, const struct timespec *timeout)
{
    return SYSCALL4(pid_send, pid, m, flags, timeout);
}

int
pid_receive(pid_t from, struct msg_in *in, int flags)
{
    return SYSCALL4(pid_receive, from, in, flags, 0);
}

int
pid_receive_timed(pid_t from, struct msg_in *in, int flags, const struct timespec *timeout)
{
    return SYSCALL4(pid_receive, from, in, flags, timeout);
}

int
inbox_set_capacity(unsigned capacity)
{
    return SYSCALL1(inbox_set_capacity, capacity);
}

int
inbox_status(pid_t pid, struct mbox_status *st)
{
    return SYSCALL2(inbox_status, pid, st);
}

int
mbox_request(int id, const struct msg_out *req, struct msg_in *reply, int flags)
{
    return SYSCALL4(mbox_request, id, req, reply, flags);
}

int
pid_request(pid_t pid, const struct msg_out *req, struct msg_in *reply, int flags)
{
    return SYSCALL4(pid_request, pid, req, reply, flags);
}

int
msg_reply(unsigned reply_id, const struct msg_out *reply)
{
    return SYSCALL2(msg_reply, reply_id, reply);
}
