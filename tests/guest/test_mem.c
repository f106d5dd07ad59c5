/*
 * test_mem -- user memory: the break (sbrk), malloc, fork's private copies,
 * and faults that must kill only the faulting process.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define PAGE 4096
#define KERNEL_ADDRESS 0xC0000000u  /* KERNBASE: mapped, but not for users */

/* A byte that depends on its position, so shifted or repeated pages show. */
static unsigned char
pattern(uintptr_t i, unsigned int seed)
{
    return (unsigned char)(i * 131 + (i >> 12) + seed);
}

static void
fill(unsigned char *p, size_t n, unsigned int seed)
{
    size_t i;

    for (i = 0; i < n; i++)
        p[i] = pattern(i, seed);
}

/* Returns the offset of the first wrong byte, or n if all are right. */
static size_t
verify(const unsigned char *p, size_t n, unsigned int seed)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (p[i] != pattern(i, seed))
            return i;
    return n;
}

/* ---- sbrk -------------------------------------------------------------- */

static void
case_sbrk_zero_returns_the_break(void)
{
    char *a = sbrk(0), *b = sbrk(0);

    CHECK(a != (char *)-1);
    CHECK(a == b);
}

static void
case_sbrk_grows_and_new_memory_is_usable(void)
{
    size_t size = 5 * PAGE + 123;
    unsigned char *old = sbrk(0), *p;

    p = sbrk(size);
    CHECK(p == old);
    CHECK((unsigned char *)sbrk(0) == old + size);
    fill(p, size, 1);
    CHECK_EQ(verify(p, size, 1), size);
}

static void
case_sbrk_grows_by_a_megabyte(void)
{
    size_t size = 1024 * 1024;
    unsigned char *p;

    p = sbrk(size);
    CHECK(p != (unsigned char *)-1);
    fill(p, size, 2);
    CHECK_EQ(verify(p, size, 2), size);
}

/* A new page must never show what an earlier owner left in it. */
static void
case_sbrk_new_pages_are_zero(void)
{
    uintptr_t brk = (uintptr_t)sbrk(0);
    size_t pad = (PAGE - brk % PAGE) % PAGE, i;
    unsigned char *p;

    CHECK(sbrk(pad) != (void *)-1);
    p = sbrk(8 * PAGE);
    CHECK(p != (unsigned char *)-1);
    for (i = 0; i < 8 * PAGE; i++)
        if (p[i] != 0)
            CHECK_EQ(p[i], 0);
}

static void
case_sbrk_negative_shrinks_the_break(void)
{
    char *old, *p;

    CHECK((p = sbrk(3 * PAGE)) != (char *)-1);
    old = sbrk(0);
    CHECK(sbrk(-2 * PAGE) == old);
    CHECK((char *)sbrk(0) == old - 2 * PAGE);
    p[0] = 1;                           /* what is left is still usable */
}

/* An increment the machine cannot give fails with ENOMEM and leaves the
 * break alone.  (Two tries: a lazy kernel may grant the first.) */
static void
case_sbrk_too_much_is_enomem(void)
{
    char *before = sbrk(0);
    void *r;

    errno = 0;
    r = sbrk(0x70000000);
    if (r != (void *)-1) {
        before = sbrk(0);
        errno = 0;
        r = sbrk(0x70000000);
    }
    CHECK(r == (void *)-1);
    CHECK_EQ(errno, ENOMEM);
    CHECK(sbrk(0) == before);
}

/* ---- malloc ------------------------------------------------------------ */

static void
case_malloc_large_blocks_hold_their_contents(void)
{
    size_t sizes[] = { 64 * 1024, 1024 * 1024, 4 * 1024 * 1024 };
    unsigned char *p[3];
    int i;

    for (i = 0; i < 3; i++) {
        p[i] = malloc(sizes[i]);
        CHECK(p[i] != NULL);
        fill(p[i], sizes[i], 10 + i);
    }
    for (i = 0; i < 3; i++) {
        CHECK_EQ(verify(p[i], sizes[i], 10 + i), sizes[i]);
        free(p[i]);
    }
    p[0] = malloc(2 * 1024 * 1024);             /* freed memory is reused */
    CHECK(p[0] != NULL);
    fill(p[0], 2 * 1024 * 1024, 20);
    CHECK_EQ(verify(p[0], 2 * 1024 * 1024, 20), 2 * 1024 * 1024);
}

static void
case_malloc_many_small_blocks_do_not_overlap(void)
{
    static unsigned char *blocks[500];
    size_t size;
    int i;

    for (i = 0; i < 500; i++) {
        size = 1 + (i * 37) % 300;
        blocks[i] = malloc(size);
        CHECK(blocks[i] != NULL);
        memset(blocks[i], i & 0xff, size);
    }
    for (i = 0; i < 500; i++) {
        size = 1 + (i * 37) % 300;
        CHECK_EQ(blocks[i][0], i & 0xff);
        CHECK_EQ(blocks[i][size - 1], i & 0xff);
        if (i % 2)
            free(blocks[i]);
    }
    for (i = 0; i < 500; i += 2)
        free(blocks[i]);
}

/* ---- fork copies memory ------------------------------------------------ */

static int global_value = 1;

static void
case_fork_gives_the_child_a_private_copy(void)
{
    int *heap = malloc(sizeof *heap), stack_value = 3, status;
    pid_t pid;

    CHECK(heap != NULL);
    *heap = 2;
    pid = fork();
    if (pid == 0) {
        int saw = global_value == 1 && *heap == 2 && stack_value == 3;

        global_value = *heap = stack_value = 99;
        _exit(saw ? 0 : 1);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);                        /* the child saw our values */
    CHECK_EQ(global_value, 1);                  /* and did not change ours */
    CHECK_EQ(*heap, 2);
    CHECK_EQ(stack_value, 3);
}

/* ---- the stack --------------------------------------------------------- */

static int
recurse(int depth)
{
    volatile char frame[4096];

    frame[0] = depth;
    frame[sizeof frame - 1] = depth;
    if (depth == 0)
        return frame[0];
    return recurse(depth - 1) + frame[sizeof frame - 1] - depth;
}

static void
case_stack_grows_to_256_kib(void)
{
    CHECK_EQ(recurse(64), 0);
}

/* ---- faults kill only the faulting process ----------------------------- */

static void
write_null(void)
{
    *(volatile int *)0 = 1;
}

static void
read_null(void)
{
    _exit(*(volatile int *)0 == 12345 ? 2 : 3);
}

static void
write_text(void)
{
    *(volatile unsigned char *)(uintptr_t)write_text = 0xcc;
}

static void
read_kernel(void)
{
    _exit(*(volatile int *)(uintptr_t)KERNEL_ADDRESS == 12345 ? 2 : 3);
}

static void
write_kernel(void)
{
    *(volatile int *)(uintptr_t)KERNEL_ADDRESS = 1;
}

static void
expect_sigsegv(void (*fault)(void))
{
    int status = check_fork_status(fault);

    CHECK(WIFSIGNALED(status));
    CHECK_EQ(WTERMSIG(status), SIGSEGV);
}

static void
case_null_write_kills_child_with_sigsegv(void)
{
    expect_sigsegv(write_null);
    expect_sigsegv(write_null);                 /* and we are still fine */
}

static void
case_null_read_kills_child_with_sigsegv(void)
{
    expect_sigsegv(read_null);
}

static void
case_text_write_kills_child_with_sigsegv(void)
{
    expect_sigsegv(write_text);
}

static void
case_kernel_memory_is_out_of_reach(void)
{
    expect_sigsegv(read_kernel);
    expect_sigsegv(write_kernel);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(sbrk_zero_returns_the_break),
        CHECK_CASE(sbrk_grows_and_new_memory_is_usable),
        CHECK_CASE(sbrk_grows_by_a_megabyte),
        CHECK_CASE(sbrk_new_pages_are_zero),
        CHECK_CASE(sbrk_negative_shrinks_the_break),
        CHECK_CASE(sbrk_too_much_is_enomem),
        CHECK_CASE(malloc_large_blocks_hold_their_contents),
        CHECK_CASE(malloc_many_small_blocks_do_not_overlap),
        CHECK_CASE(fork_gives_the_child_a_private_copy),
        CHECK_CASE(stack_grows_to_256_kib),
        CHECK_CASE(null_write_kills_child_with_sigsegv),
        CHECK_CASE(null_read_kills_child_with_sigsegv),
        CHECK_CASE(text_write_kills_child_with_sigsegv),
        CHECK_CASE(kernel_memory_is_out_of_reach),
    };

    return check_main("mem", cases, CHECK_NCASES(cases), argc, argv);
}
