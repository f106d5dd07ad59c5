#ifndef DEV_DEVICE_H
#define DEV_DEVICE_H

/*
 * Character devices by number: opening an S_IFCHR inode asks this table
 * which driver owns its device number (major << 8 | minor, Linux's
 * numbers), and the boot makes one /dev node per row.
 */
#include "lib/kernel.h"

struct inode;
struct file;

#define DEV_NUMBER(major, minor) (((major) << 8) | (minor))
#define CONSOLE_DEV DEV_NUMBER(5, 1)    /* /dev/console */

int  device_open(struct inode *ip, int flags, struct file **out);
void device_make_nodes(void);           /* /dev/console, /dev/tty, /dev/null... */

#endif
