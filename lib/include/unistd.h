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

/* process groups, sessions and the terminal */
int     setpgid(pid_t pid, pid_t pgid);
pid_t   getpgid(pid_t pid);
pid_t   getpgrp(void);
pid_t   setsid(void);
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

/* any system call by number (<parley/syscall.h>), for tests */
long    syscall(long number, ...);

#endif
