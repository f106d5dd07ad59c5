#ifndef IPC_PIPE_H
#define IPC_PIPE_H

struct inode;
struct file;

int fifo_open(struct inode *ip, int flags, struct file **out);

#endif
