/*
 * AF_UNIX names.  bind() makes an S_IFSOCK inode at the path (ls -l shows
 * `s`; unlink removes it) and the socket keeps a reference to it;
 * connect() and sendto() look the path up and find the live socket that
 * holds that inode.  The name outlives the socket (a closed socket's file
 * stays until unlink, and connecting to it is refused), and a socket
 * outlives its name (unlink a listener's path: its connections go on, new
 * connects get ENOENT, and the path can be bound again).
 */
#include "net/socket.h"
#include "fs/file.h"

int
unix_bind(struct socket *s, const struct sock_addr *a)
{
    struct inode *ip;
    if (a->path[0] == 0)
        return -EINVAL;                 /* no abstract names on Parley */
    int err = fs_make_node(a->path, S_IFSOCK | 0777, &ip);
    if (err)
        return err == -EEXIST ? -EADDRINUSE : err;
    s->name_inode = ip;
    s->local = *a;
    return 0;
}

static bool
holds_inode(struct socket *s, const void *ip)
{
    return s->name_inode == ip;
}

/* The socket bound at a's path, held; -ENOENT (no such path),
 * -ECONNREFUSED (not a socket, or nobody holds it), -EPROTOTYPE (the
 * other type). */
int
unix_lookup(const struct sock_addr *a, int type, struct socket **out)
{
    struct inode *ip;
    int err = path_lookup(a->path, &ip);
    if (err)
        return err;
    struct socket *s = S_ISSOCK(ip->mode) ? sock_find(holds_inode, ip) : 0;
    inode_put(ip);
    if (!s)
        return -ECONNREFUSED;
    if (s->type != type)
        return -EPROTOTYPE;
    *out = sock_hold(s);
    return 0;
}

/* The socket is closing: its name no longer leads to it. */
void
unix_unbind(struct socket *s)
{
    if (s->name_inode) {
        inode_put(s->name_inode);
        s->name_inode = 0;
    }
}
