/*
 * The system-call table: the one list of every call, by number and name.
 *
 * Entry:  int $0x80 with %eax = number, arguments in %ebx, %ecx, %edx,
 *         %esi, %edi (the Linux i386 convention).
 * Return: %eax >= 0 on success, or -errno (-4095..-1) on failure.  Only the
 *         user library turns a negative value into -1 and errno.
 *
 * Each row is one call:
 *
 *   X(number, name, argument count, (the kernel handler's parameters))
 *   N(number, name, argument count, (parameters))   -- not implemented
 *
 * The kernel expands X rows into its dispatch table, its table of names
 * (for tracing) and one prototype per handler, `long sys_NAME(parameters)`,
 * so a handler whose definition disagrees with its row does not compile and
 * a row whose handler is missing does not link.  N rows keep their number
 * and answer -ENOSYS.  The user library uses only the SYS_ numbers; the
 * parameter lists are expanded in the kernel alone.
 *
 * The rows come in blocks, one per subsystem, each with room to grow, so a
 * new call goes at the end of its own block.
 */
#ifndef PARLEY_SYSCALL_H
#define PARLEY_SYSCALL_H

#define PARLEY_SYSCALLS(X, N)                                                 \
    X(1,   exit,          1, (int status))                                    \
    X(2,   fork,          0, (void))                                          \
    X(3,   read,          3, (int fd, char *buf, size_t n))                   \
    X(4,   write,         3, (int fd, const char *buf, size_t n))             \
    X(5,   open,          3, (const char *upath, int flags, mode_t mode))     \
    X(6,   close,         1, (int fd))                                        \
    X(7,   waitpid,       3, (pid_t pid, int *ustatus, int options))          \
    X(8,   execve,        3, (const char *upath, char *const *argv, char *const *envp))\
    X(9,   getpid,        0, (void))                                          \
    X(10,  getppid,       0, (void))                                          \
    X(11,  sbrk,          1, (long increment))                                \
    X(12,  lseek,         3, (int fd, off_t off, int whence))                 \
    X(13,  dup,           1, (int fd))                                        \
    X(14,  dup2,          2, (int oldfd, int newfd))                          \
    X(15,  fstat,         2, (int fd, struct stat *ust))                      \
    X(16,  stat,          2, (const char *upath, struct stat *ust))           \
    X(17,  mkdir,         2, (const char *upath, mode_t mode))                \
    X(18,  unlink,        1, (const char *upath))                             \
    X(19,  rmdir,         1, (const char *upath))                             \
    X(20,  chdir,         1, (const char *upath))                             \
    X(21,  getcwd,        2, (char *ubuf, size_t size))                       \
    X(22,  getdents,      3, (int fd, char *ubuf, size_t n))                  \
    X(23,  nanosleep,     2, (const struct timespec *ureq, struct timespec *urem))\
    X(24,  clock_gettime, 2, (clockid_t clock, struct timespec *uts))         \
    X(25,  kill,          2, (pid_t pid, int sig))                            \
    X(26,  procinfo,      2, (struct procinfo *ubuf, int max))                \
    X(27,  poweroff,      1, (int status))                                    \
    X(28,  fcntl,         3, (int fd, int cmd, long arg))                     \
    X(29,  pipe2,         2, (int *ufds, int flags))                          \
    X(30,  mknod,         3, (const char *upath, mode_t mode, dev_t dev))     \
    X(31,  sigaction,     3, (int sig, const struct parley_sigaction *uact, struct parley_sigaction *uold))\
    X(32,  sigprocmask,   3, (int how, const sigset_t *uset, sigset_t *uold)) \
    X(33,  sigreturn,     0, (void))                                          \
    X(34,  sigsuspend,    1, (const sigset_t *umask))                         \
    X(35,  sigpending,    1, (sigset_t *uset))                                \
    X(36,  alarm,         1, (unsigned seconds))                              \
    X(37,  pause,         0, (void))                                          \
    X(38,  setpgid,       2, (pid_t pid, pid_t pgid))                         \
    X(39,  getpgid,       1, (pid_t pid))                                     \
    X(40,  setsid,        0, (void))                                          \
    X(41,  tcsetpgrp,     2, (int fd, pid_t pgid))                            \
    X(42,  tcgetpgrp,     1, (int fd))                                        \
    X(43,  sched_yield,   0, (void))                                          \
    X(44,  sysinfo,       1, (struct sysinfo *uinfo))                         \
    X(45,  umask,         1, (mode_t mask))                                   \
    X(46,  trace,         1, (int on))                                        \
    X(47,  isatty,        1, (int fd))                                        \
    X(48,  msgget,        2, (key_t key, int flags))                          \
    X(49,  msgsnd,        4, (int msqid, const void *umsg, size_t size, int flags))\
    X(50,  msgrcv,        5, (int msqid, void *umsg, size_t size, long msgtyp, int flags))\
    X(51,  msgctl,        3, (int msqid, int cmd, struct msqid_ds *ubuf))     \
    X(52,  semget,        3, (key_t key, int nsems, int flags))               \
    X(53,  semop,         3, (int semid, struct sembuf *usops, size_t nsops)) \
    X(54,  semctl,        4, (int semid, int semnum, int cmd, long arg))      \
    X(55,  shmget,        3, (key_t key, size_t size, int flags))             \
    X(56,  shmat,         3, (int shmid, const void *uaddr, int flags))       \
    X(57,  shmdt,         1, (const void *uaddr))                             \
    X(58,  shmctl,        3, (int shmid, int cmd, struct shmid_ds *ubuf))     \
    X(59,  mmap,          1, (const struct parley_mmap_args *uargs))          \
    X(60,  munmap,        2, (void *uaddr, size_t len))                       \
    X(61,  uname,         1, (struct utsname *ubuf))                          \
                                                                              \
    /* ---- credentials: 62-69 ---- */                \
    X(62,  getuid,        0, (void))                                          \
    X(63,  geteuid,       0, (void))                                          \
    X(64,  getgid,        0, (void))                                          \
    X(65,  getegid,       0, (void))                                          \
    X(66,  setuid,        1, (uid_t uid))                                     \
    X(67,  setgid,        1, (gid_t gid))                                     \
    X(68,  seteuid,       1, (uid_t uid))                                     \
    X(69,  setegid,       1, (gid_t gid))                                     \
                                                                              \
    /* ---- mailboxes, ports, direct messages: 70-89 ---- */                  \
    X(70,  mbox_create,   3, (const char *uname, unsigned capacity, int flags))\
    X(71,  mbox_open,     1, (const char *uname))                             \
    X(72,  port_create,   2, (unsigned capacity, int flags))                  \
    X(73,  mbox_destroy,  1, (int id))                                        \
    X(74,  mbox_send,     4, (int id, const struct msg_out *umsg, int flags, const struct timespec *utimeout))\
    X(75,  mbox_receive,  4, (int id, struct msg_in *uin, int flags, const struct timespec *utimeout))\
    X(76,  mbox_status,   2, (int id, struct mbox_status *ust))               \
    X(77,  mbox_list,     2, (struct mbox_status *ubuf, int max))             \
    X(78,  pid_send,      4, (pid_t pid, const struct msg_out *umsg, int flags, const struct timespec *utimeout))\
    X(79,  pid_receive,   4, (pid_t from, struct msg_in *uin, int flags, const struct timespec *utimeout))\
    X(80,  inbox_set_capacity, 1, (unsigned capacity))                        \
    X(81,  inbox_status,  2, (pid_t pid, struct mbox_status *ust))            \
    X(82,  mbox_request,  4, (int id, const struct msg_out *ureq, struct msg_in *ureply, int flags))\
    X(83,  pid_request,   4, (pid_t pid, const struct msg_out *ureq, struct msg_in *ureply, int flags))\
    X(84,  msg_reply,     2, (unsigned reply_id, const struct msg_out *ureply))\
                                                                              \
    /* ---- semaphores: semtimedop, the futex-like wait for sem_t: 90-99 ---- */\
    X(90,  semtimedop,    4, (int semid, struct sembuf *usops, size_t nsops, const struct timespec *utimeout))\
    X(91,  futex,         4, (int *uaddr, int op, int val, const struct timespec *utimeout))\
                                                                              \
    /* ---- shared memory and mappings: mprotect, msync, ftruncate: 100-109 ---- */\
    X(100, mprotect,      3, (void *uaddr, size_t len, int prot))             \
    X(101, msync,         3, (void *uaddr, size_t len, int flags))            \
    X(102, ftruncate,     2, (int fd, off_t length))                          \
    X(103, vmpages,       3, (pid_t pid, struct parley_vmpage *ubuf, int max))\
                                                                              \
    /* ---- sockets, poll and select: 110-139 ---- */                         \
    X(110, socket,        3, (int domain, int type, int protocol))            \
    X(111, socketpair,    4, (int domain, int type, int protocol, int *usv))  \
    X(112, bind,          3, (int fd, const struct sockaddr *uaddr, socklen_t len))\
    X(113, listen,        2, (int fd, int backlog))                           \
    X(114, accept4,       4, (int fd, struct sockaddr *uaddr, socklen_t *ulen, int flags))\
    X(115, connect,       3, (int fd, const struct sockaddr *uaddr, socklen_t len))\
    X(116, getsockname,   3, (int fd, struct sockaddr *uaddr, socklen_t *ulen))\
    X(117, getpeername,   3, (int fd, struct sockaddr *uaddr, socklen_t *ulen))\
    X(118, sendmsg,       3, (int fd, const struct msghdr *umsg, int flags))  \
    X(119, recvmsg,       3, (int fd, struct msghdr *umsg, int flags))        \
    X(120, shutdown,      2, (int fd, int how))                               \
    X(121, setsockopt,    5, (int fd, int level, int name, const void *uval, socklen_t len))\
    X(122, getsockopt,    5, (int fd, int level, int name, void *uval, socklen_t *ulen))\
    X(123, poll,          3, (struct pollfd *ufds, unsigned long nfds, int timeout_ms))\
    X(124, select,        5, (int nfds, uint32_t *uread, uint32_t *uwrite, uint32_t *uexcept, struct timespec *utimeout))\
    X(125, sockinfo,      2, (struct sockinfo *ubuf, int max))                \
                                                                              \
    /* ---- robustness and teaching tools: accounting, IPC trace, seeded scheduling: 140-159 ---- */\
    X(140, kstat,         1, (struct kstat *ubuf))                            \
    X(141, tracectl,      4, (int op, long arg, struct trace_event *ubuf, size_t max))\
    X(142, sched_explore, 2, (int mode, unsigned seed))                       \
    X(143, waitgraph,     2, (struct waitedge *ubuf, int max))                \
                                                                              \
    /* ---- the rest of POSIX: signals, resources, times, ids: 160-179 ---- */\
    X(160, sigaltstack,   2, (const stack_t *uss, stack_t *uold))             \
    X(161, sigtimedwait,  3, (const sigset_t *uset, siginfo_t *uinfo, const struct timespec *utimeout))\
    X(162, sigqueue,      3, (pid_t pid, int sig, void *value))               \
    X(163, getsid,        1, (pid_t pid))                                     \
    X(164, getrlimit,     2, (int resource, struct rlimit *urlim))            \
    X(165, setrlimit,     2, (int resource, const struct rlimit *urlim))      \
    X(166, getrusage,     2, (int who, struct rusage *uusage))                \
    X(167, times,         1, (struct tms *ubuf))                              \
    X(168, wait4,         4, (pid_t pid, int *ustatus, int options, struct rusage *uusage))\
    X(169, getpriority,   2, (int which, id_t who))                           \
    X(170, setpriority,   3, (int which, id_t who, int prio))                 \
    X(171, waitid,        4, (int idtype, id_t id, siginfo_t *uinfo, int options))\
    X(172, setreuid,      2, (uid_t ruid, uid_t euid))                        \
    X(173, setregid,      2, (gid_t rgid, gid_t egid))                        \
    X(174, setresuid,     3, (uid_t ruid, uid_t euid, uid_t suid))            \
    X(175, setresgid,     3, (gid_t rgid, gid_t egid, gid_t sgid))            \
    X(176, getresuid,     3, (uid_t *uruid, uid_t *ueuid, uid_t *usuid))      \
    X(177, getresgid,     3, (gid_t *urgid, gid_t *uegid, gid_t *usgid))      \
                                                                              \
    /* ---- files, console and terminal (termios, ioctl), time: 180-199 ---- */\
    X(180, ioctl,         3, (int fd, unsigned long request, void *arg))      \
    X(181, access,        2, (const char *upath, int mode))                   \
    X(182, rename,        2, (const char *uold, const char *unew))            \
    X(183, link,          2, (const char *uold, const char *unew))            \
    X(184, chmod,         2, (const char *upath, mode_t mode))                \
    X(185, utimensat,     4, (int dirfd, const char *upath, const struct timespec *utimes, int flags))\
    X(186, pread,         4, (int fd, char *buf, size_t n, off_t off))        \
    X(187, pwrite,        4, (int fd, const char *buf, size_t n, off_t off))  \

#define PARLEY_SYSCALL_NUMBER(num, name, nargs, params) SYS_##name = num,
enum { PARLEY_SYSCALLS(PARLEY_SYSCALL_NUMBER, PARLEY_SYSCALL_NUMBER) SYS_MAX };
#undef PARLEY_SYSCALL_NUMBER

/*
 * sbrk(increment): returns the old break, or -ENOMEM.
 * procinfo(struct procinfo *buf, int max): fills up to max entries, returns count.
 * sysinfo(struct sysinfo *): memory, inode and process counts.
 * trace(mask): non-zero prints every system call of the caller (and its
 *   children) on the console, by name; returns the old setting.
 * isatty(fd): 1 if fd is the console, 0 otherwise (-ENOTTY is not used).
 * mmap(struct parley_mmap_args *): the six arguments in memory (<parley/mman.h>).
 * vmpages(pid, struct parley_vmpage *buf, max): a process's pages and their
 *   frames, for pmap; returns the page count (<parley/mman.h>).
 * uname(struct utsname *).
 * semtimedop(semid, sops, nsops, timeout): semop with a relative timeout
 *   (NULL: none); EAGAIN when it expires.
 * futex(addr, op, val, timeout): FUTEX_WAIT sleeps while *addr == val (EAGAIN
 *   if it differs, ETIMEDOUT, EINTR); FUTEX_WAKE wakes up to val sleepers on
 *   addr and returns how many.  <parley/futex.h>.
 * select(nfds, read, write, except, timeout): the sets are arrays of 32-bit
 *   words (fd n is bit n % 32 of word n / 32); timeout is a timespec
 *   (NULL: forever) that is updated to the time left; the library's
 *   select() converts from struct timeval.
 * sendmsg/recvmsg carry send, sendto, recv and recvfrom (six arguments do
 *   not fit in five registers).
 * sockinfo(struct sockinfo *buf, int max): one entry per socket, for netstat.
 *
 * poweroff(status): stop the machine; under QEMU with isa-debug-exit the
 * emulator exits with code (status << 1) | 1. */

#endif
