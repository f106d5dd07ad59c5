/*
 * test_mmap -- memory mappings: anonymous shared and private memory across
 * fork, MAP_FIXED, munmap of any page range, mprotect, msync, file
 * mappings (MAP_SHARED reaches the file, MAP_PRIVATE does not; SIGBUS
 * past the file's end, zeros past it in the last page), ftruncate,
 * shm_open, copy-on-write copying only what is written, and no frame
 * leaked by thousands of cycles.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <parley.h>

#include "check.h"
#include "ipc_check.h"

#define PAGE 4096

static char *
map_anon(size_t len, int prot, int flags)
{
    char *p = mmap(NULL, len, prot, flags | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    return p;
}

/* The first n bytes of the file, read with read(). */
static long
pread_like(int fd, char *buf, size_t n)
{
    if (lseek(fd, 0, SEEK_SET) != 0)
        return -1;
    return read(fd, buf, n);
}

/* Write text at offset 0 with write(). */
static long
pwrite_like(int fd, const char *text)
{
    if (lseek(fd, 0, SEEK_SET) != 0)
        return -1;
    return write(fd, text, strlen(text));
}

/* ---- anonymous mappings ------------------------------------------------ */

static void
case_anon_shared_is_page_aligned_and_zero_filled(void)
{
    unsigned char *p = (unsigned char *)map_anon(3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
    int i;

    CHECK_EQ((uintptr_t)p % PAGE, 0);
    for (i = 0; i < 3 * PAGE; i++)
        if (p[i] != 0)
            CHECK_EQ(p[i], 0);
    p[0] = 1;
    p[3 * PAGE - 1] = 2;
    CHECK_EQ(p[0] + p[3 * PAGE - 1], 3);
}

static void
write_42_at_page_1(char *p)
{
    p[PAGE] = 42;
}

/* MAP_SHARED: a child's store is the parent's memory too, and a store made
 * before fork is seen by the child. */
static void
case_anon_shared_writes_cross_fork_both_ways(void)
{
    char *p = map_anon(2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
    int status;
    pid_t pid;

    CHECK_EQ(check_fork_status_at(write_42_at_page_1, p), 0);
    CHECK_EQ(p[PAGE], 42);
    p[0] = 7;
    pid = fork();
    if (pid == 0)
        _exit(p[0] == 7 ? 0 : 1);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
}

/* MAP_PRIVATE: after fork each side has its own copy. */
static void
case_anon_private_is_copy_on_write_across_fork(void)
{
    char *p = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
    int status;
    pid_t pid;

    p[0] = 5;
    pid = fork();
    if (pid == 0) {
        int saw = p[0];
        p[0] = 9;
        _exit(saw == 5 ? 0 : 1);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
    CHECK_EQ(p[0], 5);
}

static void
case_separate_mappings_are_independent(void)
{
    char *a = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
    char *b = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);

    CHECK(a != b);
    a[0] = 1;
    b[0] = 2;
    CHECK_EQ(a[0], 1);
}

static void
case_length_zero_is_einval(void)
{
    CHECK(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
    CHECK_EQ(errno, EINVAL);
}

static void
case_neither_shared_nor_private_is_einval(void)
{
    CHECK(mmap(NULL, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
    CHECK_EQ(errno, EINVAL);
}

static void
case_no_fd_without_anonymous_is_ebadf(void)
{
    CHECK(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED);
    CHECK_EQ(errno, EBADF);
}

static void
case_unaligned_offset_is_einval(void)
{
    int fd = open("/tmp/mm_off", O_RDWR | O_CREAT | O_TRUNC, 0644);

    CHECK(fd >= 0);
    CHECK_OK(ftruncate(fd, 2 * PAGE));
    CHECK(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 100) == MAP_FAILED);
    CHECK_EQ(errno, EINVAL);
    close(fd);
    unlink("/tmp/mm_off");
}

static void
case_prot_read_allows_reads_and_a_write_raises_sigsegv(void)
{
    char *p = map_anon(PAGE, PROT_READ, MAP_PRIVATE);

    CHECK_EQ(p[0], 0);
    check_killed_by(check_fork_status_at(check_touch_write, p), SIGSEGV);
}

/* Nonsense from a program is an errno, never a crash of the kernel. */
static void
case_bad_addresses_sizes_and_flags_give_errors(void)
{
    static struct parley_vmpage page;
    char *kernel = (char *)0xC0000000u;

    CHECK(mmap(NULL, 0xFFFFF000u, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
    CHECK_EQ(errno, ENOMEM);
    CHECK(mmap(NULL, 0xFFFFFFFFu, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
    CHECK_EQ(errno, ENOMEM);            /* the length rounds up past 4 GiB (Linux) */
    CHECK(mmap(kernel, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED);
    CHECK_EQ(errno, ENOMEM);
    CHECK(mmap(NULL, PAGE, 0x100, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
    CHECK_EQ(errno, EINVAL);
    CHECK(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, 99, 0) == MAP_FAILED);
    CHECK_EQ(errno, EBADF);
    CHECK_ERR(syscall(SYS_mmap, (void *)16), EFAULT);   /* the argument block */
    CHECK_ERR(munmap(kernel, PAGE), EINVAL);
    CHECK_ERR(munmap((void *)0xFFFFF000u, 2 * PAGE), EINVAL);
    CHECK_ERR(mprotect(kernel, PAGE, PROT_READ), ENOMEM);
    CHECK_ERR(mprotect((void *)0x40000000, PAGE, 0x100), EINVAL);
    CHECK_OK(munmap((void *)0x50000000, 16 * PAGE));    /* nothing there: fine */
    CHECK_ERR(vmpages(-5, &page, 1), ESRCH);
    CHECK_ERR(vmpages(0, (struct parley_vmpage *)kernel, 1), EFAULT);
}

/* RLIMIT_AS counts mappings whole, touched or not (Linux's rule). */
static void
case_rlimit_as_refuses_a_mapping_past_it(void)
{
    struct rlimit r = { 64 * 1024 * 1024, 64 * 1024 * 1024 };
    char *p;

    CHECK_OK(setrlimit(RLIMIT_AS, &r));
    p = mmap(NULL, 32 * 1024 * 1024, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK(mmap(NULL, 40 * 1024 * 1024, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED);
    CHECK_EQ(errno, ENOMEM);
    CHECK_OK(munmap(p, 32 * 1024 * 1024));
    p = mmap(NULL, 40 * 1024 * 1024, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);             /* room again */
}

/* ---- MAP_FIXED and munmap ---------------------------------------------- */

static void
case_map_fixed_maps_exactly_there_and_replaces(void)
{
    char *p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
    char *q;

    memset(p, 'a', 4 * PAGE);
    q = mmap(p + PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(q == p + PAGE);
    CHECK_EQ(q[0], 0);                  /* new memory, not the old page */
    CHECK_EQ(p[0], 'a');
    CHECK_EQ(p[2 * PAGE], 'a');
}

static void
case_map_fixed_unaligned_address_is_einval(void)
{
    char *p = map_anon(PAGE, PROT_READ, MAP_PRIVATE);

    CHECK(mmap(p + 1, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED);
    CHECK_EQ(errno, EINVAL);
}

static void
case_munmap_whole_mapping_then_access_raises_sigsegv(void)
{
    char *p = map_anon(2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);

    p[0] = 1;
    CHECK_OK(munmap(p, 2 * PAGE));
    check_killed_by(check_fork_status_at(check_touch_read, p), SIGSEGV);
    check_killed_by(check_fork_status_at(check_touch_read, p + PAGE), SIGSEGV);
}

static void
case_munmap_middle_page_keeps_neighbours(void)
{
    char *p = map_anon(3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);

    memset(p, 'x', 3 * PAGE);
    CHECK_OK(munmap(p + PAGE, PAGE));
    CHECK_EQ(p[0], 'x');
    CHECK_EQ(p[2 * PAGE], 'x');
    p[2 * PAGE + 5] = 'y';
    check_killed_by(check_fork_status_at(check_touch_read, p + PAGE), SIGSEGV);
}

static void
case_munmap_unaligned_address_is_einval(void)
{
    char *p = map_anon(PAGE, PROT_READ, MAP_PRIVATE);

    CHECK_ERR(munmap(p + 1, PAGE), EINVAL);
    CHECK_ERR(munmap(p, 0), EINVAL);
}

/* ---- mprotect and msync ------------------------------------------------- */

static void
case_mprotect_none_makes_a_read_raise_sigsegv(void)
{
    char *p = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);

    p[0] = 3;
    CHECK_OK(mprotect(p, PAGE, PROT_NONE));
    check_killed_by(check_fork_status_at(check_touch_read, p), SIGSEGV);
    CHECK_OK(mprotect(p, PAGE, PROT_READ | PROT_WRITE));
    CHECK_EQ(p[0], 3);
}

/* Read-only in the middle of a region: only that page refuses writes. */
static void
case_mprotect_inside_a_region_changes_only_that_range(void)
{
    char *p = map_anon(3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);

    CHECK_OK(mprotect(p + PAGE, PAGE, PROT_READ));
    p[0] = 1;
    p[2 * PAGE] = 2;
    CHECK_EQ(p[PAGE], 0);
    check_killed_by(check_fork_status_at(check_touch_write, p + PAGE), SIGSEGV);
    CHECK_OK(mprotect(p + PAGE, PAGE, PROT_READ | PROT_WRITE));
    p[PAGE] = 4;
    CHECK_EQ(p[0] + p[PAGE] + p[2 * PAGE], 7);
}

static void
case_mprotect_of_unmapped_memory_is_enomem(void)
{
    char *p = map_anon(2 * PAGE, PROT_READ, MAP_PRIVATE);

    CHECK_OK(munmap(p + PAGE, PAGE));
    CHECK_ERR(mprotect(p, 2 * PAGE, PROT_READ), ENOMEM);
    CHECK_ERR(mprotect(p + 1, PAGE, PROT_READ), EINVAL);
}

static void
case_msync_checks_its_arguments(void)
{
    char *p = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);

    CHECK_OK(msync(p, PAGE, MS_SYNC));
    CHECK_OK(msync(p, PAGE, MS_ASYNC));
    CHECK_ERR(msync(p, PAGE, MS_SYNC | MS_ASYNC), EINVAL);
    CHECK_ERR(msync(p + 1, PAGE, MS_SYNC), EINVAL);
    CHECK_OK(munmap(p, PAGE));
    CHECK_ERR(msync(p, PAGE, MS_SYNC), ENOMEM);
}

static void
case_page_size_is_4096(void)
{
    CHECK_EQ(sysconf(_SC_PAGESIZE), PAGE);
    CHECK_EQ(sysconf(_SC_PAGE_SIZE), PAGE);
    CHECK_EQ(getpagesize(), PAGE);
}

/* ---- files -------------------------------------------------------------- */

static int
make_file(const char *path, const char *text)
{
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

    CHECK(fd >= 0);
    CHECK_EQ(write(fd, text, strlen(text)), (long)strlen(text));
    return fd;
}

static void
case_file_map_shared_stores_reach_the_file(void)
{
    int fd = make_file("/tmp/mm_shared", "hello, file");
    char buf[16] = "";
    char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

    CHECK(p != MAP_FAILED);
    CHECK(memcmp(p, "hello, file", 11) == 0);
    memcpy(p, "HELLO", 5);
    CHECK_EQ(pread_like(fd, buf, 11), 11);
    CHECK(memcmp(buf, "HELLO, file", 11) == 0);
    CHECK_EQ(lseek(fd, 7, SEEK_SET), 7);
    CHECK_EQ(write(fd, "FILE", 4), 4);  /* and write() shows in the map */
    CHECK(memcmp(p + 7, "FILE", 4) == 0);
    close(fd);
    unlink("/tmp/mm_shared");
}

static void
case_file_map_private_stores_do_not_reach_the_file(void)
{
    int fd = make_file("/tmp/mm_private", "private text");
    char buf[16] = "";
    char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);

    CHECK(p != MAP_FAILED);
    CHECK(memcmp(p, "private text", 12) == 0);
    memcpy(p, "PRIVATE", 7);
    CHECK(memcmp(p, "PRIVATE text", 12) == 0);
    CHECK_EQ(pread_like(fd, buf, 12), 12);
    CHECK(memcmp(buf, "private text", 12) == 0);
    close(fd);
    unlink("/tmp/mm_private");
}

/* A mapping holds the file: closing the descriptor leaves it usable. */
static void
case_file_map_outlives_its_descriptor(void)
{
    int fd = make_file("/tmp/mm_close", "still here");
    char *p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);

    CHECK(p != MAP_FAILED);
    close(fd);
    unlink("/tmp/mm_close");
    CHECK(memcmp(p, "still here", 10) == 0);
}

static void
case_writable_shared_map_of_read_only_file_is_eacces(void)
{
    int fd;
    char *p;

    close(make_file("/tmp/mm_ro", "read only"));
    fd = open("/tmp/mm_ro", O_RDONLY);
    CHECK(fd >= 0);
    CHECK(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED);
    CHECK_EQ(errno, EACCES);
    p = mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fd, 0);
    CHECK(p != MAP_FAILED);
    CHECK_ERR(mprotect(p, PAGE, PROT_READ | PROT_WRITE), EACCES);
    p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK(p != MAP_FAILED);             /* private: the file is never written */
    close(fd);
    fd = open("/tmp/mm_ro", O_RDWR | O_APPEND);
    CHECK(mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED);
    CHECK_EQ(errno, EACCES);            /* append-only: no stores in the middle */
    close(fd);
    fd = open("/tmp/mm_ro", O_WRONLY);
    CHECK(fd >= 0);
    CHECK(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0) == MAP_FAILED);
    CHECK_EQ(errno, EACCES);            /* every mapping reads the file */
    CHECK(mmap(NULL, PAGE, PROT_WRITE, MAP_SHARED, fd, 0) == MAP_FAILED);
    CHECK_EQ(errno, EACCES);
    close(fd);
    unlink("/tmp/mm_ro");
}

static void
case_map_of_a_pipe_is_enodev(void)
{
    int fds[2];

    CHECK_OK(pipe(fds));
    CHECK(mmap(NULL, PAGE, PROT_READ, MAP_SHARED, fds[0], 0) == MAP_FAILED);
    CHECK_EQ(errno, ENODEV);
}

/* ---- past the end of a mapped file ------------------------------------- */

static sigjmp_buf bus_jump;
static volatile int bus_code;
static void *volatile bus_addr;

static void
on_sigbus(int sig, siginfo_t *info, void *context)
{
    (void)sig, (void)context;
    bus_code = info->si_code;
    bus_addr = info->si_addr;
    siglongjmp(bus_jump, 1);
}

/* Read (or write) the byte at addr with a SIGBUS handler installed: true
 * if the access raised SIGBUS with BUS_ADRERR and si_addr == addr, as
 * POSIX and Linux give for a page wholly past the end of a mapped file. */
static int
access_raises_sigbus_at(char *addr, int write)
{
    struct sigaction sa, old;
    int jumped;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigbus;
    sa.sa_flags = SA_SIGINFO;
    CHECK_OK(sigaction(SIGBUS, &sa, &old));
    bus_code = 0;
    bus_addr = NULL;
    jumped = sigsetjmp(bus_jump, 1);
    if (!jumped) {
        if (write)
            *(volatile char *)addr = 'w';
        else
            (void)*(volatile char *)addr;
    }
    CHECK_OK(sigaction(SIGBUS, &old, NULL));
    return jumped && bus_code == BUS_ADRERR && bus_addr == addr;
}

/* A 100-byte file mapped over three pages: the first page holds the data
 * and zeros after it; the two pages wholly past the end raise SIGBUS on a
 * read or a write, shared or private, with the address in si_addr. */
static void
case_a_page_wholly_past_the_end_of_the_file_raises_sigbus(void)
{
    int fd = open("/tmp/mm_bus", O_RDWR | O_CREAT | O_TRUNC, 0644);
    char data[100], *shared, *private;
    int i;

    CHECK(fd >= 0);
    memset(data, 'd', sizeof data);
    CHECK_EQ(write(fd, data, sizeof data), (long)sizeof data);
    shared = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    private = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK(shared != MAP_FAILED && private != MAP_FAILED);
    CHECK(access_raises_sigbus_at(shared + PAGE + 123, 0));
    CHECK(access_raises_sigbus_at(shared + 2 * PAGE, 1));
    CHECK(access_raises_sigbus_at(private + PAGE, 0));
    CHECK(access_raises_sigbus_at(private + 3 * PAGE - 1, 1));
    CHECK_EQ(shared[99], 'd');
    CHECK_EQ(private[0], 'd');
    for (i = 100; i < PAGE; i++)
        if (shared[i] != 0 || private[i] != 0)
            CHECK_EQ(shared[i] + private[i], 0);
    CHECK(!access_raises_sigbus_at(shared + PAGE - 1, 1));  /* the last page is whole */
    /* Without a handler, the default action: killed by SIGBUS. */
    check_killed_by(check_fork_status_at(check_touch_read, shared + PAGE), SIGBUS);
    /* A system call handed such an address fails with EFAULT instead. */
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    CHECK_ERR(read(fd, shared + PAGE, 1), EFAULT);
    close(fd);
    unlink("/tmp/mm_bus");
}

/* Stores past the end of the file in its last page are not written to the
 * file: read() stops at the end, and when the file grows (ftruncate, or a
 * write further on) the bytes between the old end and the new read as
 * zero, in the file and in the mapping. */
static void
case_stores_past_the_end_in_the_last_page_do_not_reach_the_file(void)
{
    int fd = make_file("/tmp/mm_tail", "hello");
    char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), buf[64];
    struct stat st;
    int i;

    CHECK(p != MAP_FAILED);
    CHECK_EQ(p[5], 0);
    p[10] = 'X';
    p[40] = 'Y';
    CHECK_EQ(pread_like(fd, buf, sizeof buf), 5);
    CHECK_OK(fstat(fd, &st));
    CHECK_EQ(st.st_size, 5);
    CHECK_OK(ftruncate(fd, 20));
    CHECK_EQ(pread_like(fd, buf, sizeof buf), 20);
    for (i = 5; i < 20; i++)
        CHECK_EQ(buf[i], 0);
    CHECK_EQ(p[10], 0);
    p[30] = 'Z';                        /* past the end again */
    CHECK_EQ(lseek(fd, 50, SEEK_SET), 50);
    CHECK_EQ(write(fd, "!", 1), 1);     /* a write past the end: a gap of zeros */
    CHECK_EQ(pread_like(fd, buf, sizeof buf), 51);
    for (i = 20; i < 50; i++)
        CHECK_EQ(buf[i], 0);
    CHECK_EQ(buf[50], '!');
    CHECK_EQ(p[50], '!');
    close(fd);
    unlink("/tmp/mm_tail");
}

/* Shrinking a mapped file takes the pages past its new end away from every
 * mapping: they raise SIGBUS; growing it again makes them accessible, with
 * zeros (the old data went with the blocks).  A page rewritten after
 * truncation shows the new data. */
static void
case_truncating_a_mapped_file_unmaps_past_the_end(void)
{
    int fd = open("/tmp/mm_shrink", O_RDWR | O_CREAT | O_TRUNC, 0644);
    char *p, *private, c = 0;

    CHECK(fd >= 0);
    CHECK_OK(ftruncate(fd, 2 * PAGE));
    p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    private = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK(p != MAP_FAILED && private != MAP_FAILED);
    p[0] = 'a';
    p[PAGE] = 'b';
    private[PAGE] = 'p';                /* a private copy of the page */
    CHECK_OK(ftruncate(fd, PAGE));
    CHECK(access_raises_sigbus_at(p + PAGE, 0));
    CHECK(access_raises_sigbus_at(p + PAGE + 7, 1));
    CHECK(access_raises_sigbus_at(private + PAGE, 0));  /* the copy went too */
    CHECK_EQ(private[0], 'a');
    check_killed_by(check_fork_status_at(check_touch_read, p + PAGE), SIGBUS);
    CHECK_OK(ftruncate(fd, 2 * PAGE));
    CHECK_EQ(p[PAGE], 0);
    p[PAGE + 1] = 'c';                  /* and the store reaches the file */
    CHECK_EQ(lseek(fd, PAGE + 1, SEEK_SET), PAGE + 1);
    CHECK_EQ(read(fd, &c, 1), 1);
    CHECK_EQ(c, 'c');
    CHECK_OK(ftruncate(fd, PAGE));
    CHECK_EQ(p[0], 'a');
    CHECK_OK(ftruncate(fd, 0));
    CHECK_EQ(pwrite_like(fd, "new"), 3);
    CHECK(memcmp(p, "new", 3) == 0);    /* the new block, not the freed one */
    close(fd);
    unlink("/tmp/mm_shrink");
}

/* The classic exercise: copy a file by mapping both and calling memcpy. */
static void
case_copy_a_file_with_mmap_and_memcpy(void)
{
    size_t size = 3 * PAGE + 100, i;
    int in = open("/tmp/mm_src", O_RDWR | O_CREAT | O_TRUNC, 0644), out;
    char *src, *dst, c;

    CHECK(in >= 0);
    for (i = 0; i < size; i++) {
        c = (char)('a' + i % 26);
        CHECK_EQ(write(in, &c, 1), 1);
    }
    out = open("/tmp/mm_dst", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(out >= 0);
    CHECK_OK(ftruncate(out, (off_t)size));
    src = mmap(NULL, size, PROT_READ, MAP_SHARED, in, 0);
    dst = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, out, 0);
    CHECK(src != MAP_FAILED && dst != MAP_FAILED);
    memcpy(dst, src, size);
    CHECK_OK(msync(dst, size, MS_SYNC));
    CHECK_OK(munmap(dst, size));
    CHECK_EQ(lseek(out, 0, SEEK_SET), 0);
    for (i = 0; i < size; i++) {
        CHECK_EQ(read(out, &c, 1), 1);
        CHECK_EQ(c, 'a' + i % 26);
    }
    CHECK_EQ(read(out, &c, 1), 0);
    close(in);
    close(out);
    unlink("/tmp/mm_src");
    unlink("/tmp/mm_dst");
}

static void
case_ftruncate_sets_the_size_and_checks_the_descriptor(void)
{
    int fd = make_file("/tmp/mm_trunc", "abcdef");
    struct stat st;
    char c = 'z';

    CHECK_OK(ftruncate(fd, 3));
    CHECK_OK(fstat(fd, &st));
    CHECK_EQ(st.st_size, 3);
    CHECK_OK(ftruncate(fd, 10));
    CHECK_EQ(lseek(fd, 5, SEEK_SET), 5);
    CHECK_EQ(read(fd, &c, 1), 1);
    CHECK_EQ(c, 0);                     /* growing reads zeros */
    CHECK_ERR(ftruncate(fd, -1), EINVAL);
    close(fd);
    fd = open("/tmp/mm_trunc", O_RDONLY);
    CHECK_ERR(ftruncate(fd, 0), EINVAL);
    close(fd);
    CHECK_ERR(ftruncate(fd, 0), EBADF);
    unlink("/tmp/mm_trunc");
}

/* POSIX shared memory: shm_open, ftruncate, mmap in two processes. */
static void
case_shm_open_objects_are_shared_between_processes(void)
{
    int fd = shm_open("/mm_test", O_RDWR | O_CREAT | O_EXCL, 0600), status;
    char *p;
    pid_t pid;

    CHECK(fd >= 0);
    CHECK_OK(ftruncate(fd, PAGE));
    p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(p != MAP_FAILED);
    close(fd);
    pid = fork();
    if (pid == 0) {
        int cfd = shm_open("/mm_test", O_RDWR, 0);
        char *q = cfd < 0 ? MAP_FAILED :
                  mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, cfd, 0);
        if (q == MAP_FAILED)
            _exit(1);
        strcpy(q, "from the child");
        _exit(0);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
    CHECK_STR_EQ(p, "from the child");
    CHECK_OK(shm_unlink("/mm_test"));
    CHECK_ERR(shm_open("/mm_test", O_RDWR, 0), ENOENT);
    CHECK_ERR(shm_unlink("/mm_test"), ENOENT);
}

/* ---- the demos --------------------------------------------------------- */

/* demo_mmap_copy SOURCE DEST: the copy is byte for byte. */
static void
case_demo_mmap_copy_copies_a_file(void)
{
    int fd = open("/tmp/mm_demo_src", O_RDWR | O_CREAT | O_TRUNC, 0644), i;
    static char data[3 * PAGE + 100], back[sizeof data + 1];
    char out[128];

    CHECK(fd >= 0);
    for (i = 0; i < (int)sizeof data; i++)
        data[i] = (char)('A' + i % 23);
    CHECK_EQ(write(fd, data, sizeof data), (long)sizeof data);
    close(fd);
    CHECK_EQ(ipc_run_tool("demo_mmap_copy", "/tmp/mm_demo_src", "/tmp/mm_demo_dst", NULL,
                          out, sizeof out), 0);
    CHECK_STR_EQ(out, "copied 12388 bytes\n");
    fd = open("/tmp/mm_demo_dst", O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(read(fd, back, sizeof back), (long)sizeof data);
    CHECK(memcmp(back, data, sizeof data) == 0);
    close(fd);
    unlink("/tmp/mm_demo_src");
    unlink("/tmp/mm_demo_dst");
}

/* demo_shm_writer leaves text in a named object; demo_shm_reader, run
 * later, prints it and removes the name. */
static void
case_demo_shm_writer_and_reader_share_a_named_object(void)
{
    char out[256];

    CHECK_EQ(ipc_run_tool("demo_shm_writer", "from the writer", NULL, NULL, out, sizeof out), 0);
    CHECK(strstr(out, "wrote \"from the writer\"") != NULL);
    CHECK_EQ(ipc_run_tool("demo_shm_reader", NULL, NULL, NULL, out, sizeof out), 0);
    CHECK(strstr(out, "read \"from the writer\" from /demo_shm") != NULL);
    CHECK_ERR(shm_open("/demo_shm", O_RDONLY, 0), ENOENT);
}

/* ---- copy-on-write and leaks ------------------------------------------ */

static unsigned
frames_free(void)
{
    struct kstat k;

    CHECK_OK(kstat(&k));
    return k.frames_free;
}

/* A fork of a process with 256 touched pages copies none of them; the
 * child's first writes copy exactly the pages written. */
static void
case_cow_fork_copies_only_written_pages(void)
{
    enum { PAGES = 256, WRITTEN = 10 };
    char *p = map_anon(PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
    int fds[2], status, i;
    unsigned before, after_fork;
    pid_t pid;
    char c;

    memset(p, 1, PAGES * PAGE);
    CHECK_OK(pipe(fds));
    before = frames_free();
    pid = fork();
    if (pid == 0) {
        unsigned f0, f1;
        read(fds[0], &c, 1);            /* the parent has measured */
        f0 = frames_free();
        for (i = 0; i < WRITTEN; i++)
            p[i * PAGE] = 2;
        f1 = frames_free();
        _exit(f0 - f1 == WRITTEN ? 0 : 1);
    }
    after_fork = frames_free();
    CHECK(before - after_fork < 16);    /* page tables and a few stack pages */
    CHECK_EQ(write(fds[1], "g", 1), 1);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
    CHECK_EQ(p[0], 1);
}

static void
case_thousands_of_mmap_munmap_cycles_leak_nothing(void)
{
    struct kstat k0, k1;
    int i;
    char *p;

    for (i = -1; i < 3000; i++) {
        if (i == 0)
            CHECK_OK(kstat(&k0));       /* after one round made the page table */
        p = map_anon(4 * PAGE, PROT_READ | PROT_WRITE, i % 2 ? MAP_SHARED : MAP_PRIVATE);
        p[0] = p[3 * PAGE] = 1;
        CHECK_OK(mprotect(p + PAGE, PAGE, PROT_READ));   /* a split, too */
        CHECK_OK(munmap(p + 2 * PAGE, PAGE));
        CHECK_OK(munmap(p, 4 * PAGE));
    }
    CHECK_OK(kstat(&k1));
    CHECK_EQ(k1.frames_free, k0.frames_free);
    CHECK_EQ(k1.count[KSTAT_regions], k0.count[KSTAT_regions]);
    CHECK_EQ(k1.count[KSTAT_inodes], k0.count[KSTAT_inodes]);
}

/* fork copies every region and exit drops them: a thousand children that
 * inherit, write, add and remove mappings leave nothing behind. */
static void
case_fork_and_exit_with_mappings_leak_nothing(void)
{
    char *shared = map_anon(4 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
    char *private = map_anon(4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE);
    struct kstat k0, k1;
    int i, status;
    pid_t pid;

    memset(shared, 1, 4 * PAGE);
    memset(private, 1, 4 * PAGE);
    for (i = -1; i < 1000; i++) {
        if (i == 0)
            CHECK_OK(kstat(&k0));
        pid = fork();
        if (pid == 0) {
            char *mine = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
                              MAP_SHARED | MAP_ANONYMOUS, -1, 0);
            if (mine == MAP_FAILED)
                _exit(1);
            mine[0] = private[PAGE] = shared[2 * PAGE] = 2;   /* one copy-on-write */
            munmap(shared + PAGE, PAGE);
            _exit(0);
        }
        CHECK_EQ(waitpid(pid, &status, 0), pid);
        CHECK_EQ(status, 0);
    }
    CHECK_OK(kstat(&k1));
    CHECK_EQ(k1.frames_free, k0.frames_free);
    CHECK_EQ(k1.count[KSTAT_regions], k0.count[KSTAT_regions]);
    CHECK_EQ(k1.count[KSTAT_inodes], k0.count[KSTAT_inodes]);
    CHECK_EQ(private[PAGE], 1);
    CHECK_EQ(shared[2 * PAGE], 2);
}

/* The frames a forked child's MAP_SHARED page and ours are the same one,
 * and vmpages (pmap's source) says so. */
static long
frame_of(pid_t pid, void *addr)
{
    static struct parley_vmpage pages[1024];
    int n = vmpages(pid, pages, 1024), i;

    for (i = 0; i < n && i < 1024; i++)
        if (pages[i].addr == (uintptr_t)addr)
            return (long)pages[i].frame;
    return -1;
}

static void
case_vmpages_shows_one_frame_behind_two_processes(void)
{
    char *p = map_anon(PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
    int fds[2], status;
    long mine;
    pid_t pid;
    char c;

    p[0] = 1;
    mine = frame_of(0, p);
    CHECK(mine > 0);
    CHECK_OK(pipe(fds));
    pid = fork();
    if (pid == 0) {
        read(fds[0], &c, 1);
        _exit(0);
    }
    CHECK_EQ(frame_of(pid, p), mine);
    CHECK_EQ(write(fds[1], "g", 1), 1);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
}

/* pmap PID: a line per region, then a line per page with its frame. */
static void
case_pmap_prints_regions_and_frames(void)
{
    char *p = map_anon(2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED);
    char out[16384], pid[16], want[128];

    p[0] = 1;                           /* one of the two pages present */
    snprintf(pid, sizeof pid, "%d", getpid());
    CHECK_EQ(ipc_run_tool("pmap", pid, 0, 0, out, sizeof out), 0);
    snprintf(want, sizeof want, "%08lx-%08lx rw- shared  anon     1 of 2 pages present\n",
             (unsigned long)p, (unsigned long)p + 2 * PAGE);
    CHECK(strstr(out, want) != NULL);
    snprintf(want, sizeof want, "    %08lx  frame %08lx  refs ", (unsigned long)p,
             (unsigned long)frame_of(0, p));
    CHECK(strstr(out, want) != NULL);
    CHECK(strstr(out, " stack ") != NULL);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(anon_shared_is_page_aligned_and_zero_filled),
        CHECK_CASE(anon_shared_writes_cross_fork_both_ways),
        CHECK_CASE(anon_private_is_copy_on_write_across_fork),
        CHECK_CASE(separate_mappings_are_independent),
        CHECK_CASE(length_zero_is_einval),
        CHECK_CASE(neither_shared_nor_private_is_einval),
        CHECK_CASE(no_fd_without_anonymous_is_ebadf),
        CHECK_CASE(unaligned_offset_is_einval),
        CHECK_CASE(prot_read_allows_reads_and_a_write_raises_sigsegv),
        CHECK_CASE(bad_addresses_sizes_and_flags_give_errors),
        CHECK_CASE(rlimit_as_refuses_a_mapping_past_it),
        CHECK_CASE(map_fixed_maps_exactly_there_and_replaces),
        CHECK_CASE(map_fixed_unaligned_address_is_einval),
        CHECK_CASE(munmap_whole_mapping_then_access_raises_sigsegv),
        CHECK_CASE(munmap_middle_page_keeps_neighbours),
        CHECK_CASE(munmap_unaligned_address_is_einval),
        CHECK_CASE(mprotect_none_makes_a_read_raise_sigsegv),
        CHECK_CASE(mprotect_inside_a_region_changes_only_that_range),
        CHECK_CASE(mprotect_of_unmapped_memory_is_enomem),
        CHECK_CASE(msync_checks_its_arguments),
        CHECK_CASE(page_size_is_4096),
        CHECK_CASE(file_map_shared_stores_reach_the_file),
        CHECK_CASE(file_map_private_stores_do_not_reach_the_file),
        CHECK_CASE(file_map_outlives_its_descriptor),
        CHECK_CASE(writable_shared_map_of_read_only_file_is_eacces),
        CHECK_CASE(map_of_a_pipe_is_enodev),
        CHECK_CASE(a_page_wholly_past_the_end_of_the_file_raises_sigbus),
        CHECK_CASE(stores_past_the_end_in_the_last_page_do_not_reach_the_file),
        CHECK_CASE(truncating_a_mapped_file_unmaps_past_the_end),
        CHECK_CASE(copy_a_file_with_mmap_and_memcpy),
        CHECK_CASE(ftruncate_sets_the_size_and_checks_the_descriptor),
        CHECK_CASE(shm_open_objects_are_shared_between_processes),
        CHECK_CASE(demo_mmap_copy_copies_a_file),
        CHECK_CASE(demo_shm_writer_and_reader_share_a_named_object),
        CHECK_CASE(cow_fork_copies_only_written_pages),
        CHECK_CASE(thousands_of_mmap_munmap_cycles_leak_nothing),
        CHECK_CASE(fork_and_exit_with_mappings_leak_nothing),
        CHECK_CASE(vmpages_shows_one_frame_behind_two_processes),
        CHECK_CASE(pmap_prints_regions_and_frames),
    };
    return check_main("mmap", cases, CHECK_NCASES(cases), argc, argv);
}
