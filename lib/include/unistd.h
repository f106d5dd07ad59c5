/* The POSIX system interface: files, processes, and a few odds and ends. */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/types.h>
#include <parley/fcntl.h>           /* SEEK_SET, SEEK_CUR, SEEK_END */

#define STDIN_FILENO    0
#define STDOUT_FILENO   1
#define STDERR_FILENO   2

extern char **environ;              /* "NAME=value" strings, NULL-terminated */

/* files */
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int     close(int fd);
off_t   lseek(int fd, off_t offset, int whence);
ssize_t pread(int fd, void *buf, size_t n, off_t offset);   /* at offset; the file's own stays */
ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset);
int     dup(int fd);
int     dup2(int oldfd, int newfd);
int     pipe(int fds[2]);
int     pipe2(int fds[2], int flags);
int     isatty(int fd);
int     unlink(const char *path);
int     rmdir(const char *path);
int     chdir(const char *path);
char   *getcwd(char *buf, size_t size);
int     access(const char *path, int mode);     /* F_OK, R_OK, W_OK, X_OK */
int     link(const char *oldpath, const char *newpath);

/* getopt: command-line options */
extern char *optarg;
extern int   optind, opterr, optopt;
int     getopt(int argc, char *const argv[], const char *optstring);

/* processes */
pid_t   fork(void);
int     execve(const char *path, char *const argv[], char *const envp[]);
int     execv(const char *path, char *const argv[]);
int     execvp(const char *file, char *const argv[]);
int     execl(const char *path, const char *arg, ...) __attribute__((__sentinel__));
int     execlp(const char *file, const char *arg, ...) __attribute__((__sentinel__));
int     execle(const char *path, const char *arg, ...);  /* ..., NULL, envp */
void    _exit(int status) __attribute__((__noreturn__));
pid_t   getpid(void);
pid_t   getppid(void);
uid_t   getuid(void);                /* every process starts as root (0) */
uid_t   geteuid(void);
gid_t   getgid(void);
gid_t   getegid(void);
int     setuid(uid_t uid);
int     setgid(gid_t gid);
int     seteuid(uid_t uid);
int     setegid(gid_t gid);
int     setreuid(uid_t ruid, uid_t euid);
int     setregid(gid_t rgid, gid_t egid);
int     setresuid(uid_t ruid, uid_t euid, uid_t suid);     /* Linux's; -1 leaves one */
int     setresgid(gid_t rgid, gid_t egid, gid_t sgid);
int     getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int     getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);

/* process groups, sessions and the terminal */
int     setpgid(pid_t pid, pid_t pgid);
pid_t   getpgid(pid_t pid);
pid_t   getpgrp(void);
pid_t   setsid(void);
pid_t   getsid(pid_t pid);
int     setpgrp(void);              /* setpgid(0, 0), as glibc */
int     tcsetpgrp(int fd, pid_t pgrp);
pid_t   tcgetpgrp(int fd);

/* memory */
int     brk(void *addr);
void   *sbrk(long increment);        /* (void *)-1 on error */

/* time and signals */
unsigned int sleep(unsigned int seconds);
int     usleep(useconds_t usec);
unsigned int alarm(unsigned int seconds);
int     pause(void);

/* configuration: sysconf(_SC_*), pathconf/fpathconf(_PC_*); glibc's numbers */
#define _POSIX_VERSION          200809L
#define _POSIX2_VERSION         200809L
#define _POSIX_JOB_CONTROL      1
#define _POSIX_SAVED_IDS        1
#define _POSIX_REALTIME_SIGNALS 200809L
#define _POSIX_MONOTONIC_CLOCK  200809L
#define _POSIX_SEMAPHORES       200809L  /* <semaphore.h> */
#define _POSIX_SHARED_MEMORY_OBJECTS 200809L  /* shm_open */
#define _POSIX_MAPPED_FILES     200809L  /* mmap of files */
#define _POSIX_MEMORY_PROTECTION 200809L /* mprotect */
#define _POSIX_VDISABLE         '\0'
#define _POSIX_FSYNC            200809L  /* fsync, fdatasync */
#define _POSIX_THREADS          (-1)    /* no threads: <pthread.h> says why */
#define _POSIX_TIMERS           (-1)    /* no timer_create (alarm stays) */
#define _POSIX_MESSAGE_PASSING  (-1)    /* no mq_open (System V msgget is there) */
#define _POSIX_ASYNCHRONOUS_IO  (-1)    /* no aio_read */
#define _POSIX_PRIORITY_SCHEDULING (-1) /* no sched_setscheduler */

enum {
    _SC_ARG_MAX = 0, _SC_CHILD_MAX = 1, _SC_CLK_TCK = 2, _SC_NGROUPS_MAX = 3,
    _SC_OPEN_MAX = 4, _SC_STREAM_MAX = 5, _SC_TZNAME_MAX = 6,
    _SC_JOB_CONTROL = 7, _SC_SAVED_IDS = 8, _SC_REALTIME_SIGNALS = 9,
    _SC_PRIORITY_SCHEDULING = 10, _SC_TIMERS = 11, _SC_ASYNCHRONOUS_IO = 12,
    _SC_FSYNC = 15, _SC_MAPPED_FILES = 16, _SC_MEMORY_PROTECTION = 19,
    _SC_MESSAGE_PASSING = 20, _SC_SEMAPHORES = 21,
    _SC_SHARED_MEMORY_OBJECTS = 22, _SC_VERSION = 29, _SC_PAGESIZE = 30,
    _SC_PAGE_SIZE = _SC_PAGESIZE, _SC_RTSIG_MAX = 31, _SC_SEM_NSEMS_MAX = 32,
    _SC_SEM_VALUE_MAX = 33, _SC_SIGQUEUE_MAX = 34, _SC_TIMER_MAX = 35,
    _SC_LINE_MAX = 43, _SC_IOV_MAX = 60, _SC_THREADS = 67,
    _SC_LOGIN_NAME_MAX = 71, _SC_TTY_NAME_MAX = 72,
    _SC_NPROCESSORS_CONF = 83, _SC_NPROCESSORS_ONLN = 84,
    _SC_PHYS_PAGES = 85, _SC_AVPHYS_PAGES = 86, _SC_XOPEN_VERSION = 89,
    _SC_MONOTONIC_CLOCK = 149, _SC_SYMLOOP_MAX = 173, _SC_HOST_NAME_MAX = 180,
};

enum {
    _PC_LINK_MAX = 0, _PC_MAX_CANON = 1, _PC_MAX_INPUT = 2, _PC_NAME_MAX = 3,
    _PC_PATH_MAX = 4, _PC_PIPE_BUF = 5, _PC_CHOWN_RESTRICTED = 6,
    _PC_NO_TRUNC = 7, _PC_VDISABLE = 8,
};

long    sysconf(int name);
long    pathconf(const char *path, int name);
long    fpathconf(int fd, int name);
int     nice(int inc);              /* the new nice value; -1 and errno on error */
int     gethostname(char *name, size_t len);

/* any system call by number (<parley/syscall.h>), for tests */
long    syscall(long number, ...);

/* Memory (shared memory, mappings). */
int     ftruncate(int fd, off_t length);
int     fsync(int fd);              /* the files are in memory: nothing to wait for */
int     fdatasync(int fd);
int     getpagesize(void);          /* sysconf(_SC_PAGESIZE), older programs' way */

#endif
