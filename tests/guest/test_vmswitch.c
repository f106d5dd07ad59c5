/*
 * Address-space switches (kernel/mm/vm_switch.c).  The kernel does not
 * reload %cr3 on a switch: it swaps the user entries of one page directory
 * and invalidates, one page at a time, what the last process may have left
 * in the TLB.  A page it forgot would show up here as one process reading
 * the other's memory at the same address.  Each case has two processes keep
 * different data at the same addresses and take turns through pipes, each
 * checking after every turn that it still sees its own.  POSIX only: the
 * same cases hold on any kernel.
 */
#include "check.h"
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#define TURNS 200
#define PAGE 4096

struct turns { int to_child[2], to_parent[2]; };

static void
turns_open(struct turns *t)
{
    if (pipe(t->to_child) < 0 || pipe(t->to_parent) < 0)
        _exit(2);
}

/* Wait for the other process's turn to end; false at end of file. */
static int
turn_wait(int fd)
{
    char c;
    return read(fd, &c, 1) == 1;
}

static void
turn_give(int fd)
{
    if (write(fd, "t", 1) != 1)
        _exit(3);
}

/* Fill n pages at base with value v (one word per page is enough: a stale
 * translation maps the whole page to the other process's frame). */
static void
fill_pages(volatile uint32_t *base, int n, uint32_t v)
{
    for (int i = 0; i < n; i++)
        base[i * (PAGE / 4)] = v + i;
}

static int
pages_hold(volatile uint32_t *base, int n, uint32_t v)
{
    for (int i = 0; i < n; i++)
        if (base[i * (PAGE / 4)] != v + i)
            return 0;
    return 1;
}

/*
 * Parent and child both write their own values over [base, base + n pages)
 * (copy-on-write after fork, or private pages), then take TURNS turns each;
 * in every turn each rewrites its values and checks them.  The child exits
 * with 0 when it always saw its own; the case checks both.
 */
static void
take_turns_over(volatile uint32_t *base, int n)
{
    struct turns t;
    turns_open(&t);
    pid_t pid = fork();
    CHECK(pid >= 0);
    uint32_t mine = pid == 0 ? 0x10000000 : 0x20000000;
    int rd = pid == 0 ? t.to_child[0] : t.to_parent[0];
    int wr = pid == 0 ? t.to_parent[1] : t.to_child[1];
    int ok = 1;
    if (pid != 0)
        turn_give(wr);                          /* the child goes first */
    for (int turn = 0; turn < TURNS; turn++) {
        if (!turn_wait(rd))
            break;
        ok &= pages_hold(base, n, mine + turn) || turn == 0;
        fill_pages(base, n, mine + turn + 1);
        ok &= pages_hold(base, n, mine + turn + 1);
        turn_give(wr);
    }
    if (pid == 0)
        _exit(ok ? 0 : 1);
    close(wr);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
    CHECK(ok);
}

/* One page of the heap: the text-and-data page table. */
static void
case_heap_page_stays_each_process_own(void)
{
    uint32_t *p = malloc(2 * PAGE);
    CHECK(p);
    take_turns_over((uint32_t *)(((uintptr_t)p + PAGE - 1) & ~(PAGE - 1)), 1);
}

/* The stack: its own page table, at the top of user space. */
static void
case_stack_page_stays_each_process_own(void)
{
    volatile uint32_t on_stack[2 * PAGE / 4];
    take_turns_over((uint32_t *)(((uintptr_t)on_stack + PAGE - 1) & ~(PAGE - 1)), 1);
}

/* More pages touched in one turn than a switch invalidates one by one:
 * the switch falls back to emptying the whole TLB. */
static void
case_many_pages_touched_in_a_turn_stay_own(void)
{
    int n = 300;
    uint32_t *p = mmap(0, n * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    take_turns_over(p, n);
}

/* Pages in more 4 MiB page tables than an address space lists (16): every
 * switch of these processes reloads the whole directory. */
static void
case_pages_in_many_page_tables_stay_own(void)
{
    enum { TABLES = 20, SPAN = 4 << 20 };
    char *p = mmap(0, (TABLES + 1) * SPAN, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    /* One page in each 4 MiB: every write below needs its own page table. */
    struct turns t;
    turns_open(&t);
    pid_t pid = fork();
    CHECK(pid >= 0);
    uint32_t mine = pid == 0 ? 0x30000000 : 0x40000000;
    int rd = pid == 0 ? t.to_child[0] : t.to_parent[0];
    int wr = pid == 0 ? t.to_parent[1] : t.to_child[1];
    int ok = 1;
    if (pid != 0)
        turn_give(wr);
    for (int turn = 0; turn < TURNS / 4; turn++) {
        if (!turn_wait(rd))
            break;
        for (int i = 0; i < TABLES; i++) {
            volatile uint32_t *w = (uint32_t *)(p + i * SPAN);
            ok &= turn == 0 || *w == mine + turn * 100 + i;
            *w = mine + (turn + 1) * 100 + i;
        }
        turn_give(wr);
    }
    if (pid == 0)
        _exit(ok ? 0 : 1);
    close(wr);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(ok);
}

/* A page the child unmaps is still the parent's, and the child faults on
 * it: the unmap invalidated the child's translation only. */
static void
case_unmap_in_child_leaves_parent_mapping(void)
{
    uint32_t *p = mmap(0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    *p = 1234;
    struct turns t;
    turns_open(&t);
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        if (*p != 1234)
            _exit(1);
        munmap(p, PAGE);
        turn_give(t.to_parent[1]);
        turn_wait(t.to_child[0]);
        *(volatile uint32_t *)p = 1;            /* must fault now */
        _exit(4);
    }
    CHECK(turn_wait(t.to_parent[0]));
    CHECK_EQ(*p, 1234);
    *p = 5678;
    turn_give(t.to_child[1]);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    check_killed_by(status, SIGSEGV);
    CHECK_EQ(*p, 5678);
}

/* A write-protect in the child (mprotect) does not reach the parent. */
static void
case_mprotect_in_child_leaves_parent_writable(void)
{
    uint32_t *p = mmap(0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    *p = 1;
    struct turns t;
    turns_open(&t);
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        mprotect(p, PAGE, PROT_READ);
        turn_give(t.to_parent[1]);
        turn_wait(t.to_child[0]);
        *(volatile uint32_t *)p = 2;            /* must fault */
        _exit(4);
    }
    CHECK(turn_wait(t.to_parent[0]));
    *p = 3;                                     /* must not fault */
    turn_give(t.to_child[1]);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    check_killed_by(status, SIGSEGV);
    CHECK_EQ(*p, 3);
}

/* A page written just before fork: the parent's next write must copy it
 * (the parent's translation was writable in the TLB until fork). */
static void
case_write_after_fork_copies_the_page(void)
{
    static volatile uint32_t word;
    for (int round = 0; round < 20; round++) {
        word = 7;
        struct turns t;
        turns_open(&t);
        pid_t pid = fork();
        CHECK(pid >= 0);
        if (pid == 0) {
            turn_wait(t.to_child[0]);
            _exit(word == 7 ? 0 : 1);
        }
        word = 8;                               /* before the child looks */
        turn_give(t.to_child[1]);
        int status;
        CHECK_EQ(waitpid(pid, &status, 0), pid);
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        close(t.to_child[0]), close(t.to_child[1]);
        close(t.to_parent[0]), close(t.to_parent[1]);
    }
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(heap_page_stays_each_process_own),
        CHECK_CASE(stack_page_stays_each_process_own),
        CHECK_CASE(many_pages_touched_in_a_turn_stay_own),
        CHECK_CASE(pages_in_many_page_tables_stay_own),
        CHECK_CASE(unmap_in_child_leaves_parent_mapping),
        CHECK_CASE(mprotect_in_child_leaves_parent_writable),
        CHECK_CASE(write_after_fork_copies_the_page),
    };
    return check_main("vmswitch", cases, CHECK_NCASES(cases), argc, argv);
}
