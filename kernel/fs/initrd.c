/*
 * Unpack the initial image (a multiboot module built by tools/mkinitrd)
 * into the in-memory file system, then make the device nodes in /dev and
 * /dev/shm.
 */
#include "fs/fs.h"
#include "fs/file.h"
#include "fs/dirhash.h"
#include "dev/device.h"
#include <parley/initrd.h>

static int
initrd_add(const struct initrd_entry *e, const char *data)
{
    char name[NAME_MAX + 1];
    struct inode *dir, *ip;
    int err = path_lookup_parent(e->path, name, &dir);
    if (err == -EEXIST)
        return 0;                       /* "/": made by fs_init */
    if (err)
        return err;
    if (dir_lookup(dir, name)) {
        inode_put(dir);
        return 0;                       /* "/" or a repeated directory */
    }
    ip = S_ISDIR(e->mode) ? dir_create(dir, e->mode) : inode_alloc(e->mode);
    if (!ip) {
        inode_put(dir);
        return -ENOSPC;
    }
    if (S_ISREG(e->mode) && inode_write(ip, data, 0, e->size) != (ssize_t)e->size)
        err = -ENOSPC;
    if (!err)
        err = dir_add(dir, name, ip);
    inode_put(ip);
    inode_put(dir);
    return err;
}

/* /dev/shm: where shm_open's POSIX shared memory objects live (plain
 * files: the in-memory file system is already what Linux calls tmpfs). */
static void
make_shm_dir(void)
{
    struct inode *dev, *dp;
    if (path_lookup("/dev", &dev) < 0)
        panic("initrd: no /dev");
    dp = dir_create(dev, S_IFDIR | 01777);
    assert(dp);
    if (dir_add(dev, "shm", dp) == 0)
        dev->nlink++;                   /* its ".." */
    inode_put(dp);
    inode_put(dev);
}

void
initrd_unpack(const char *image, size_t size)
{
    const struct initrd_header *h = (const void *)image;
    if (size < sizeof *h || memcmp(h->magic, INITRD_MAGIC, 8) != 0)
        panic("initrd: bad image (no %s magic)", INITRD_MAGIC);
    const char *p = image + sizeof *h, *end = image + size;
    for (unsigned i = 0; i < h->count; i++) {
        const struct initrd_entry *e = (const void *)p;
        if (p + sizeof *e > end || p + sizeof *e + e->size > end)
            panic("initrd: truncated at entry %u", i);
        int err = initrd_add(e, p + sizeof *e);
        if (err)
            panic("initrd: cannot add %s (error %d)", e->path, err);
        p += sizeof *e + ROUNDUP(e->size, 4);
    }
    device_make_nodes();
    make_shm_dir();
    printk("initrd: %u files and directories\n", h->count);
}

void
fs_init(void)
{
    inode_init();
    dirhash_init();
    file_init();
    struct inode *root = dir_create(0, 0755);
    assert(root);                       /* its "." and ".." are its links */
    fs_set_root(root);
}
