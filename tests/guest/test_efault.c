/*
 * test_efault -- a bad user pointer handed to a system call gives EFAULT:
 * the kernel checks user memory at the boundary and never faults on it.
 *
 * Every pointer-taking call is tried with the same bad pointers: NULL,
 * (void *)1, a kernel address, and a buffer whose first bytes are mapped but
 * which runs off the end of the process's memory.  (Linux may return a short
 * count for read/write into such a buffer; Parley checks the whole range
 * before doing anything, so it answers EFAULT.)
 */
#define _GNU_SOURCE             /* pipe2 on Linux */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define PAGE 4096
#define NBAD 4

/*
 * Returns a pointer p such that p[0 .. valid-1] is mapped and p[valid] is
 * the first byte of an unmapped page: the break is moved to a page boundary
 * and nothing lies above it.  Call it just before use: malloc may move the
 * break.
 */
static char *
edge_of_memory(int valid)
{
    uintptr_t brk = (uintptr_t)sbrk(0);
    char *end;

    sbrk((PAGE - brk % PAGE) % PAGE);
    end = sbrk(0);
    memset(end - valid, 'a', valid);
    return end - valid;
}

/* An address the compiler cannot see through, so it does not warn that a
 * call writes to a constant bad pointer: that is the point here. */
static void *
opaque(uintptr_t address)
{
    volatile uintptr_t v = address;

    return (void *)v;
}

/* The bad pointers; the last runs off mapped memory after `valid` bytes. */
static void
bad_pointers(void *bad[NBAD], int valid)
{
    bad[0] = opaque(0);
    bad[1] = opaque(1);
    bad[2] = opaque(0xC0000000u);               /* KERNBASE */
    bad[3] = edge_of_memory(valid);
}

/* A scratch file holding 100 bytes; returns an fd open for reading and
 * writing. */
static int
scratch_file(void)
{
    char path[32], data[100];
    int fd;

    snprintf(path, sizeof path, "/tmp/efault%d", (int)getpid());
    fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0644);
    CHECK(fd >= 0);
    unlink(path);
    memset(data, 'x', sizeof data);
    CHECK_EQ(write(fd, data, sizeof data), sizeof data);
    return fd;
}

static void
case_read_into_bad_buffer_is_efault(void)
{
    int fd = scratch_file(), i;
    void *bad[NBAD];

    bad_pointers(bad, 10);
    for (i = 0; i < NBAD; i++) {
        CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);     /* data to read is there */
        CHECK_ERR(read(fd, bad[i], 100), EFAULT);
    }
}

static void
case_write_from_bad_buffer_is_efault(void)
{
    int fd = scratch_file(), i;
    void *bad[NBAD];

    bad_pointers(bad, 10);
    for (i = 0; i < NBAD; i++)
        CHECK_ERR(write(fd, bad[i], 100), EFAULT);
}

/* A path that is not NUL-terminated before the end of memory is bad too. */
static void
case_stat_with_bad_path_or_buffer_is_efault(void)
{
    struct stat st;
    void *bad[NBAD];
    int i;

    bad_pointers(bad, 8);
    for (i = 0; i < NBAD; i++)
        CHECK_ERR(stat(bad[i], &st), EFAULT);
    bad_pointers(bad, sizeof st / 2);
    for (i = 0; i < NBAD; i++)
        CHECK_ERR(stat("/", bad[i]), EFAULT);
}

static void
case_fstat_with_bad_buffer_is_efault(void)
{
    void *bad[NBAD];
    int i;

    bad_pointers(bad, sizeof(struct stat) / 2);
    for (i = 0; i < NBAD; i++)
        CHECK_ERR(fstat(1, bad[i]), EFAULT);
}

static void
case_open_with_bad_path_is_efault(void)
{
    void *bad[NBAD];
    int i;

    bad_pointers(bad, 8);
    for (i = 0; i < NBAD; i++)
        CHECK_ERR(open(bad[i], O_RDONLY), EFAULT);
}

/* Half of the array mapped: the second descriptor cannot be stored. */
static void
case_pipe2_with_bad_array_is_efault(void)
{
    void *bad[NBAD];
    int i;

    bad_pointers(bad, sizeof(int));
    for (i = 0; i < NBAD; i++)
        CHECK_ERR(pipe2(bad[i], 0), EFAULT);
}

/* NULL is a valid status pointer for waitpid, so it is not tried. */
static void
case_waitpid_with_bad_status_is_efault(void)
{
    void *bad[NBAD];
    pid_t pid;
    int i;

    for (i = 1; i < NBAD; i++) {
        pid = fork();
        if (pid == 0)
            _exit(0);
        bad_pointers(bad, 2);
        CHECK_ERR(waitpid(pid, bad[i], 0), EFAULT);
        waitpid(pid, NULL, 0);          /* reap it if EFAULT did not */
    }
}

/* getcwd(NULL, size) is a library extension that allocates, so NULL is not
 * tried; the cwd "/tmp" needs 5 bytes and only 2 are mapped. */
static void
case_getcwd_with_bad_buffer_is_efault(void)
{
    void *bad[NBAD];
    int i;

    CHECK_OK(chdir("/tmp"));
    bad_pointers(bad, 2);
    for (i = 1; i < NBAD; i++) {
        errno = 0;
        CHECK(getcwd(bad[i], 100) == NULL);     /* getcwd fails with NULL */
        CHECK_EQ(errno, EFAULT);
    }
}

static char *exec_env[] = { "EFAULT_EXEC_RAN=1", NULL };

/* execve must fail in the calling process; if it wrongly ran the program,
 * main() sees EFAULT_EXEC_RAN and exits with 3. */
static void
case_execve_with_bad_path_or_argv_is_efault(void)
{
    char *good_argv[] = { "test_efault", NULL };
    char *bad_string_argv[] = { "test_efault", (char *)1, NULL };
    void *bad[NBAD];
    int i;

    bad_pointers(bad, 8);
    for (i = 0; i < NBAD; i++)
        CHECK_ERR(execve(bad[i], good_argv, exec_env), EFAULT);
    bad_pointers(bad, 2);                       /* half a pointer mapped */
    for (i = 1; i < NBAD; i++)          /* Linux takes argv NULL as empty */
        CHECK_ERR(execve("/bin/test_efault", bad[i], exec_env), EFAULT);
    CHECK_ERR(execve("/bin/test_efault", bad_string_argv, exec_env), EFAULT);
}

/* (On Linux the vDSO writes the result from user space: SIGSEGV there.) */
static void
case_clock_gettime_with_bad_buffer_is_efault(void)
{
    void *bad[NBAD];
    int i;

    bad_pointers(bad, 4);
    for (i = 0; i < NBAD; i++)
        CHECK_ERR(clock_gettime(CLOCK_MONOTONIC, bad[i]), EFAULT);
}

/* After all that, the process still works. */
static void
case_process_survives_bad_pointers(void)
{
    int fd = scratch_file();
    void *bad[NBAD];
    char buf[4];

    bad_pointers(bad, 1);
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    CHECK_ERR(read(fd, bad[1], 10), EFAULT);
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    CHECK_EQ(read(fd, buf, 4), 4);
    CHECK(memcmp(buf, "xxxx", 4) == 0);
}

int
main(int argc, char **argv, char **envp)
{
    static const struct check_case cases[] = {
        CHECK_CASE(read_into_bad_buffer_is_efault),
        CHECK_CASE(write_from_bad_buffer_is_efault),
        CHECK_CASE(stat_with_bad_path_or_buffer_is_efault),
        CHECK_CASE(fstat_with_bad_buffer_is_efault),
        CHECK_CASE(open_with_bad_path_is_efault),
        CHECK_CASE(pipe2_with_bad_array_is_efault),
        CHECK_CASE(waitpid_with_bad_status_is_efault),
        CHECK_CASE(getcwd_with_bad_buffer_is_efault),
        CHECK_CASE(execve_with_bad_path_or_argv_is_efault),
        CHECK_CASE(clock_gettime_with_bad_buffer_is_efault),
        CHECK_CASE(process_survives_bad_pointers),
    };

    if (envp && envp[0] && strcmp(envp[0], exec_env[0]) == 0)
        return 3;
    return check_main("efault", cases, CHECK_NCASES(cases), argc, argv);
}
