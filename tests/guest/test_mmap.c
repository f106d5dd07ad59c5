/*
 * test_mmap -- memory mappings: anonymous shared and private memory across
 * fork, MAP_FIXED, munmap of any page range, mprotect, msync, file
 * mappings (MAP_SHARED reaches the file, MAP_PRIVATE does not), ftruncate,
 * shm_open, copy-on-write copying only what is written, and no frame
 * leaked by thousands of cycles.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <parley.h>

#include "check.h"

#define PAGE 4096

static char *
map_anon(size_t len, int prot, int flags)
{
    char *p = mmap(NULL, len, prot, flags | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    return p;
}

/* Runs fn(arg) in a child and returns the child's wait status. */
static int
child_status(void (*fn)(char *), char *arg)
{
    int status = -1;
    pid_t pid = fork();

    CHECK(pid >= 0);
    if (pid == 0) {
        fn(arg);
        _exit(0);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    return status;
}

/* The first n bytes of the file, read with read(). */
static long
pread_like(int fd, char *buf, size_t n)
{
    if (lseek(fd, 0, SEEK_SET) != 0)
        return -1;
    return read(fd, buf, n);
}

static void touch_read(char *p)  { (void)*(volatile char *)p; }
static void touch_write(char *p) { *(volatile char *)p = 1; }

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

    CHECK_EQ(child_status(write_42_at_page_1, p), 0);
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
    check_killed_by(child_status(touch_write, p), SIGSEGV);
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
    check_killed_by(child_status(touch_read, p), SIGSEGV);
    check_killed_by(child_status(touch_read, p + PAGE), SIGSEGV);
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
    check_killed_by(child_status(touch_read, p + PAGE), SIGSEGV);
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
    check_killed_by(child_status(touch_read, p), SIGSEGV);
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
    check_killed_by(child_status(touch_write, p + PAGE), SIGSEGV);
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
        CHECK_CASE(copy_a_file_with_mmap_and_memcpy),
        CHECK_CASE(ftruncate_sets_the_size_and_checks_the_descriptor),
        CHECK_CASE(shm_open_objects_are_shared_between_processes),
        CHECK_CASE(cow_fork_copies_only_written_pages),
        CHECK_CASE(thousands_of_mmap_munmap_cycles_leak_nothing),
        CHECK_CASE(vmpages_shows_one_frame_behind_two_processes),
    };
    return check_main("mmap", cases, CHECK_NCASES(cases), argc, argv);
}
