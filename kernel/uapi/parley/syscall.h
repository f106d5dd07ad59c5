/*
 * The system-call table: the one list of every call, by number and name.
 *
 * Entry:  int $0x80 with %eax = number, arguments in %ebx, %ecx, %edx,
 *         %esi, %edi (the Linux i386 convention).
 * Return: %eax >= 0 on success, or -errno (-4095..-1) on failure.  Only the
 *         user library turns a negative value into -1 and errno.
 *
 * The kernel expands PARLEY_SYSCALLS into its dispatch table and its table of
 * names (for tracing); the user library uses the SYS_ numbers.  A number with
 * no kernel handler returns -ENOSYS.
 *
 *   X(number, name, argument count)
 */
#ifndef PARLEY_SYSCALL_H
#define PARLEY_SYSCALL_H

#define PARLEY_SYSCALLS(X)          \
    X(1,  exit,          1)         \
    X(2,  fork,          0)         \
    X(3,  read,          3)         \
    X(4,  write,         3)         \
    X(5,  open,          3)         \
    X(6,  close,         1)         \
    X(7,  waitpid,       3)         \
    X(8,  execve,        3)         \
    X(9,  getpid,        0)         \
    X(10, getppid,       0)         \
    X(11, sbrk,          1)         \
    X(12, lseek,         3)         \
    X(13, dup,           1)         \
    X(14, dup2,          2)         \
    X(15, fstat,         2)         \
    X(16, stat,          2)         \
    X(17, mkdir,         2)         \
    X(18, unlink,        1)         \
    X(19, rmdir,         1)         \
    X(20, chdir,         1)         \
    X(21, getcwd,        2)         \
    X(22, getdents,      3)         \
    X(23, nanosleep,     2)         \
    X(24, clock_gettime, 2)         \
    X(25, kill,          2)         \
    X(26, procinfo,      2)         \
    X(27, poweroff,      1)         \
    X(28, fcntl,         3)         \
    X(29, pipe2,         2)         \
    X(30, mknod,         3)         \
    X(31, sigaction,     3)         \
    X(32, sigprocmask,   3)         \
    X(33, sigreturn,     0)         \
    X(34, sigsuspend,    1)         \
    X(35, sigpending,    1)         \
    X(36, alarm,         1)         \
    X(37, pause,         0)         \
    X(38, setpgid,       2)         \
    X(39, getpgid,       1)         \
    X(40, setsid,        0)         \
    X(41, tcsetpgrp,     2)         \
    X(42, tcgetpgrp,     1)         \
    X(43, sched_yield,   0)         \
    X(44, sysinfo,       1)         \
    X(45, umask,         1)         \
    X(46, trace,         1)         \
    X(47, isatty,        1)         \
    X(48, msgget,        2)         \
    X(49, msgsnd,        4)         \
    X(50, msgrcv,        5)         \
    X(51, msgctl,        3)         \
    X(52, semget,        3)         \
    X(53, semop,         3)         \
    X(54, semctl,        4)         \
    X(55, shmget,        3)         \
    X(56, shmat,         3)         \
    X(57, shmdt,         1)         \
    X(58, shmctl,        3)         \
    X(59, mmap,          5)         \
    X(60, munmap,        2)         \
    X(61, uname,         1)

#define PARLEY_SYSCALL_NUMBER(num, name, nargs) SYS_##name = num,
enum { PARLEY_SYSCALLS(PARLEY_SYSCALL_NUMBER) SYS_MAX };
#undef PARLEY_SYSCALL_NUMBER

/*
 * Calls with no kernel implementation yet return -ENOSYS.
 *
 * sbrk(increment): returns the old break, or -ENOMEM.
 * procinfo(struct procinfo *buf, int max): fills up to max entries, returns count.
 * sysinfo(struct sysinfo *): memory, inode and process counts.
 * trace(mask): non-zero prints every system call of the caller (and its
 *   children) on the console, by name; returns the old setting.
 * isatty(fd): 1 if fd is the console, 0 otherwise (-ENOTTY is not used).
 * mmap(addr, len, prot, flags, fd): offset 0 only.
 * uname(struct utsname *).
 *
 * poweroff(status): stop the machine; under QEMU with isa-debug-exit the
 * emulator exits with code (status << 1) | 1. */

#endif
