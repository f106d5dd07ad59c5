/*
 * System-call dispatch, and one prototype for every handler.
 *
 * The prototypes are generated from the table in <parley/syscall.h>: each X
 * row becomes `long sys_NAME(parameters);`.  Every file that defines a
 * handler includes this header, so a definition that disagrees with its row
 * is a compile error, and a row with no definition is a link error.
 */
#ifndef SYSCALL_H
#define SYSCALL_H

#include <stdint.h>
#include <parley/types.h>
#include <parley/signal.h>
#include <parley/syscall.h>

struct trapframe;

/* Types the handlers' parameter lists name. */
struct stat;
struct timespec;
struct procinfo;
struct sysinfo;
struct utsname;
struct parley_sigaction;
struct msqid_ds;
struct msg_out;
struct msg_in;
struct mbox_status;
struct sembuf;
struct shmid_ds;
struct parley_mmap_args;
struct parley_vmpage;
struct kstat;
struct trace_event;
struct waitedge;
struct sockaddr;
struct msghdr;
struct pollfd;
struct sockinfo;
struct rlimit;
struct rusage;
struct tms;

#define SYSCALL_PROTOTYPE(num, name, nargs, params) long sys_##name params;
#define SYSCALL_NO_PROTOTYPE(num, name, nargs, params)
PARLEY_SYSCALLS(SYSCALL_PROTOTYPE, SYSCALL_NO_PROTOTYPE)
#undef SYSCALL_PROTOTYPE
#undef SYSCALL_NO_PROTOTYPE

void syscall_dispatch(struct trapframe *tf);
void return_to_user(struct trapframe *tf);

#endif
