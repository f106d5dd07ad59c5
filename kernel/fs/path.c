/*
 * Path names: walk from the root (for "/...") or the current directory,
 * one component at a time.  Components longer than NAME_MAX give
 * ENAMETOOLONG; a non-directory in the middle gives ENOTDIR.
 */
#include "fs/dir.h"
#include "proc/proc.h"

static struct inode *root;

struct inode *fs_root(void)                { return inode_get(root); }
void          fs_set_root(struct inode *r) { root = r; }

/* Copy the next component of *path into name and advance; 0 at the end. */
static int
next_component(const char **path, char *name)
{
    const char *p = *path;
    while (*p == '/')
        p++;
    if (*p == 0)
        return 0;
    const char *start = p;
    while (*p && *p != '/')
        p++;
    if (p - start > NAME_MAX)
        return -ENAMETOOLONG;
    memcpy(name, start, p - start);
    name[p - start] = 0;
    *path = p;
    return 1;
}

static bool
only_slashes(const char *p)
{
    while (*p == '/')
        p++;
    return *p == 0;
}

/*
 * Walk path.  With parent_only, stop before the last component, copy it to
 * name and return its directory.  The inode comes back with a reference.
 */
static int
path_walk(const char *path, bool parent_only, char *name, struct inode **out)
{
    char component[NAME_MAX + 1];
    if (*path == 0)
        return -ENOENT;
    struct inode *ip = inode_get(*path == '/' ? root : current->cwd);
    int r;
    while ((r = next_component(&path, component)) > 0) {
        if (!S_ISDIR(ip->mode)) {
            inode_put(ip);
            return -ENOTDIR;
        }
        if (parent_only && only_slashes(path)) {
            strlcpy(name, component, NAME_MAX + 1);
            *out = ip;
            return 0;
        }
        struct inode *next = dir_lookup(ip, component);
        inode_put(ip);
        if (!next)
            return -ENOENT;
        ip = inode_get(next);
    }
    if (r < 0 || parent_only) {     /* parent_only here: the path was "/" */
        inode_put(ip);
        return r < 0 ? r : -EEXIST;
    }
    *out = ip;
    return 0;
}

int
path_lookup(const char *path, struct inode **out)
{
    return path_walk(path, false, 0, out);
}

int
path_lookup_parent(const char *path, char *name, struct inode **dir_out)
{
    return path_walk(path, true, name, dir_out);
}
