/* <unistd.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <unistd.h>

static volatile int never;

int
main(void)
{
    char buf[64]; int fds[2]; char *argv[] = { 0 }; long c[] = { _SC_ARG_MAX, _SC_CHILD_MAX, _SC_CLK_TCK, _SC_NGROUPS_MAX, _SC_OPEN_MAX, _SC_STREAM_MAX, _SC_TZNAME_MAX, _SC_JOB_CONTROL, _SC_SAVED_IDS, _SC_REALTIME_SIGNALS, _SC_VERSION, _SC_PAGESIZE, _SC_PAGE_SIZE, _SC_RTSIG_MAX, _SC_SIGQUEUE_MAX, _SC_LINE_MAX, _SC_NPROCESSORS_ONLN, _SC_PHYS_PAGES, _SC_MONOTONIC_CLOCK, _SC_THREADS, _PC_LINK_MAX, _PC_MAX_CANON, _PC_MAX_INPUT, _PC_NAME_MAX, _PC_PATH_MAX, _PC_PIPE_BUF, _PC_CHOWN_RESTRICTED, _PC_NO_TRUNC, _PC_VDISABLE, _POSIX_VERSION, STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO, SEEK_SET, SEEK_CUR, SEEK_END }; (void)c;
    if (never) {
        read(0, buf, 1); write(1, buf, 1); close(0); lseek(0, 0, SEEK_SET); dup(0); dup2(0, 1); pipe(fds); pipe2(fds, 0); isatty(0); unlink("/x"); rmdir("/x"); chdir("/"); getcwd(buf, sizeof buf); fork(); execve("/x", argv, argv); execv("/x", argv); execvp("x", argv); execl("/x", "x", (char *)0); execlp("x", "x", (char *)0); getpid(); getppid(); getuid(); geteuid(); getgid(); getegid(); setuid(0); setgid(0); seteuid(0); setegid(0); setpgid(0, 0); getpgid(0); getpgrp(); setsid(); getsid(0); setpgrp(); tcsetpgrp(0, 1); tcgetpgrp(0); brk(0); sbrk(0); sleep(1); usleep(1); alarm(1); pause(); sysconf(_SC_OPEN_MAX); pathconf("/", _PC_NAME_MAX); fpathconf(0, _PC_PIPE_BUF); nice(1); gethostname(buf, sizeof buf); _exit(0);
    }
    return 0;
}
