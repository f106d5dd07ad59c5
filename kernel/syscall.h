#ifndef SYSCALL_H
#define SYSCALL_H

struct trapframe;

void syscall_dispatch(struct trapframe *tf);
void return_to_user(struct trapframe *tf);

#endif
