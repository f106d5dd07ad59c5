#ifndef DEV_TTY_H
#define DEV_TTY_H

/*
 * The terminal on the console: line discipline, termios, the foreground
 * process group and the job-control signals.  It sits above the process
 * layer; the console below it (dev/console.h) only moves bytes.
 */
#include "lib/kernel.h"

struct inode;
struct file;

void  tty_init(void);               /* take the console's input */
int   tty_open(struct inode *ip, int flags, struct file **out);
bool  file_is_tty(struct file *f);
pid_t tty_foreground(void);
int   tty_set_foreground(pid_t pgid);   /* tcsetpgrp: 0 or -errno */

#endif
