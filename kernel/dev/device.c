/*
 * The character-device table, and the two devices that need no driver:
 * /dev/null (reads give end of file, writes vanish) and /dev/zero (reads
 * give zero bytes).
 */
#include "dev/device.h"
#include "dev/tty.h"
#include "fs/file.h"

static ssize_t null_read(struct file *f, char *buf, size_t n) { return 0; }
static ssize_t null_write(struct file *f, const char *buf, size_t n) { return n; }

static ssize_t
zero_read(struct file *f, char *buf, size_t n)
{
    memset(buf, 0, n);
    return n;
}

static const struct file_ops null_ops = { .read = null_read, .write = null_write };
static const struct file_ops zero_ops = { .read = zero_read, .write = null_write };

static int
open_with(const struct file_ops *ops, struct inode *ip, int flags, struct file **out)
{
    *out = file_alloc(ops, ip, flags);
    if (!*out) {
        inode_put(ip);
        return -ENFILE;
    }
    return 0;
}

static int null_open(struct inode *ip, int flags, struct file **out)
{ return open_with(&null_ops, ip, flags, out); }
static int zero_open(struct inode *ip, int flags, struct file **out)
{ return open_with(&zero_ops, ip, flags, out); }

static const struct device {
    dev_t       number;
    const char *name;           /* its node in /dev */
    int       (*open)(struct inode *ip, int flags, struct file **out);
} devices[] = {
    { DEV_NUMBER(1, 3), "null",    null_open },
    { DEV_NUMBER(1, 5), "zero",    zero_open },
    { DEV_NUMBER(5, 0), "tty",     tty_open },
    { CONSOLE_DEV,      "console", tty_open },
};

/* Takes over the reference to ip, as fifo_open does. */
int
device_open(struct inode *ip, int flags, struct file **out)
{
    for (size_t i = 0; i < ARRAY_SIZE(devices); i++)
        if (devices[i].number == ip->rdev)
            return devices[i].open(ip, flags, out);
    inode_put(ip);
    return -ENXIO;
}

void
device_make_nodes(void)
{
    struct inode *dev;
    if (path_lookup("/dev", &dev) < 0)
        panic("no /dev");
    for (size_t i = 0; i < ARRAY_SIZE(devices); i++) {
        struct inode *ip = inode_alloc(S_IFCHR | 0666);
        assert(ip);
        ip->rdev = devices[i].number;
        dir_add(dev, devices[i].name, ip);
        inode_put(ip);
    }
    inode_put(dev);
}
