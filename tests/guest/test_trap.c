/*
 * test_trap -- the doors into the kernel: `int $0x80`, `sysenter`, the null
 * traps, and what user mode leaves in the registers the kernel must not
 * trust (segment registers, the direction and trap flags).
 *
 * x86- and Parley-specific (selectors 0x1b/0x23, the sysenter convention
 * of <parley/sysenter.h>, vector 0x81).
 */
#include "check.h"
#include <sched.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <parley/sysenter.h>

#define USER_CODE 0x1b
#define USER_DATA 0x23

static uint16_t read_fs(void) { uint16_t v; __asm__ volatile("movw %%fs, %0" : "=r"(v)); return v; }
static uint16_t read_gs(void) { uint16_t v; __asm__ volatile("movw %%gs, %0" : "=r"(v)); return v; }
static void load_fs(uint16_t v) { __asm__ volatile("movw %0, %%fs" : : "r"(v)); }
static void load_gs(uint16_t v) { __asm__ volatile("movw %0, %%gs" : : "r"(v)); }

/* Yield many times while another process with other values runs, and
 * check our own values after each switch. */
static int
keep_segments_while_yielding(uint16_t fs, uint16_t gs)
{
    load_fs(fs);
    load_gs(gs);
    for (int i = 0; i < 2000; i++) {
        sched_yield();
        if (read_fs() != fs || read_gs() != gs)
            return 1;
    }
    return 0;
}

/* issue 11, item 5: %fs and %gs belong to the process; another process's
 * values never show up in it. */
static void
case_segment_registers_do_not_leak_between_processes(void)
{
    pid_t pid = fork();
    CHECK_OK(pid);
    if (pid == 0)
        _exit(keep_segments_while_yielding(USER_CODE, 0));
    int mine = keep_segments_while_yielding(0, USER_CODE);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    load_fs(USER_DATA);
    load_gs(USER_DATA);
    CHECK_EQ(mine, 0);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
}

/* fork copies the registers, segment registers included. */
static void
case_fork_child_inherits_segment_registers(void)
{
    load_gs(0);
    pid_t pid = fork();
    CHECK_OK(pid);
    if (pid == 0)
        _exit(read_gs() == 0 ? 0 : 1);
    load_gs(USER_DATA);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
}

/*
 * read(fd, buf, n) with %ds null and %es the (read-only) user code
 * segment, by the door given: the kernel must use its own data segments to
 * copy into buf, and give the user's back.  Returns the call's answer and
 * the %ds and %es found after it (in *segs: ds << 16 | es).
 */
#define HOSTILE_READ(name, door)                                              \
static long                                                                   \
name(int fd, char *buf, long n, uint32_t *segs)                               \
{                                                                             \
    long r;                                                                   \
    uint32_t ecx = (uint32_t)buf;                                             \
    __asm__ volatile("pushl %%ds\n\t"                                         \
                     "pushl %%es\n\t"                                         \
                     "movw %%si, %%es\n\t"                                    \
                     "movw %%di, %%ds\n\t"                                    \
                     door "\n\t"                                              \
                     "movw %%ds, %%cx\n\t"                                    \
                     "shll $16, %%ecx\n\t"                                    \
                     "movw %%es, %%cx\n\t"                                    \
                     "popl %%es\n\t"                                          \
                     "popl %%ds"                                              \
                     : "=a"(r), "+c"(ecx)                                     \
                     : "a"((long)SYS_read), "b"((long)fd), "d"(n),            \
                       "S"((uint32_t)USER_CODE), "D"(0u)                      \
                     : "memory", "cc");                                       \
    *segs = ecx;                                                              \
    return r;                                                                 \
}
HOSTILE_READ(read_hostile_int80, "int $0x80")
HOSTILE_READ(read_hostile_sysenter, "call __sysenter")

static void
check_read_with_hostile_segments(long (*read_hostile)(int, char *, long, uint32_t *))
{
    int fds[2];
    char buf[8] = { 0 };
    uint32_t segs;
    CHECK_OK(pipe(fds));
    CHECK_EQ(write(fds[1], "segment", 8), 8);
    CHECK_EQ(read_hostile(fds[0], buf, 8, &segs), 8);
    CHECK_STR_EQ(buf, "segment");
    CHECK_EQ(segs >> 16, 0);                /* %ds */
    CHECK_EQ(segs & 0xffff, USER_CODE);     /* %es */
    close(fds[0]);
    close(fds[1]);
}

/* issue 11, item 5: never trust a user value in the kernel -- a null %ds
 * and a read-only %es neither crash the kernel nor are lost. */
static void
case_kernel_ignores_user_data_segments_int80(void)
{
    check_read_with_hostile_segments(read_hostile_int80);
}

static void
case_kernel_ignores_user_data_segments_sysenter(void)
{
    check_read_with_hostile_segments(read_hostile_sysenter);
}

/* A set direction flag neither confuses the kernel's copies nor is lost. */
static void
case_direction_flag_survives_a_system_call(void)
{
    int fds[2];
    char buf[8] = { 0 };
    uint32_t flags;
    long r;
    CHECK_OK(pipe(fds));
    CHECK_EQ(write(fds[1], "forward", 8), 8);
    __asm__ volatile("std\n\t"
                     "int $0x80\n\t"
                     "pushfl\n\t"
                     "popl %%ecx\n\t"
                     "cld"
                     : "=a"(r), "=c"(flags)
                     : "a"((long)SYS_read), "b"((long)fds[0]), "c"(buf), "d"(8L)
                     : "memory", "cc");
    CHECK_EQ(r, 8);
    CHECK_STR_EQ(buf, "forward");
    CHECK(flags & 0x400);
}

/* sysenter with the trap flag set takes a debug trap inside the kernel,
 * before it has a trapframe: the kernel must cope, finish the call, and
 * give the process its SIGTRAP -- as int $0x80 does. */
static void
sysenter_single_stepping(void)
{
    long r;
    __asm__ volatile("pushl $1f\n\t"            /* as `call __sysenter` would */
                     "pushl %%ecx\n\t"
                     "pushl %%edx\n\t"
                     "pushl %%ebp\n\t"
                     "movl %%esp, %%ebp\n\t"
                     "pushfl\n\t"
                     "orl $0x100, (%%esp)\n\t"
                     "popfl\n\t"
                     "sysenter\n"
                     "1:"
                     : "=a"(r) : "a"((long)SYS_getpid) : "ecx", "edx", "memory", "cc");
    _exit(r == getpid() ? 0 : 1);
}

static void
case_sysenter_with_trap_flag_gives_sigtrap(void)
{
    check_killed_by(check_fork_status(sysenter_single_stepping), SIGTRAP);
}

/* The null traps come straight back, changing no register they need not. */
static void
case_null_traps_return_at_once(void)
{
    uint32_t ebx = 0x12345678, esi = 0x9abcdef0, b2, s2;
    __asm__ volatile("int $0x81" : "=b"(b2), "=S"(s2) : "b"(ebx), "S"(esi) : "memory");
    CHECK_EQ(b2, ebx);
    CHECK_EQ(s2, esi);
    __asm__ volatile("pushl %%ebp\n\t"
                     "xorl %%ebp, %%ebp\n\t"
                     "movl %%esp, %%ecx\n\t"
                     "movl $1f, %%edx\n\t"
                     "sysenter\n"
                     "1:\n\t"
                     "popl %%ebp"
                     : "=b"(b2), "=S"(s2) : "b"(ebx), "S"(esi) : "ecx", "edx", "memory", "cc");
    CHECK_EQ(b2, ebx);
    CHECK_EQ(s2, esi);
}

/* The library's calls go by sysenter; the classic door answers the same. */
static void
case_int80_and_sysenter_give_the_same_answers(void)
{
    long r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"((long)SYS_getppid) : "memory");
    CHECK_EQ(r, getppid());
    __asm__ volatile("int $0x80" : "=a"(r) : "a"((long)SYS_close), "b"(-1L) : "memory");
    CHECK_EQ(r, -EBADF);
    CHECK_ERR(close(-1), EBADF);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(segment_registers_do_not_leak_between_processes),
        CHECK_CASE(fork_child_inherits_segment_registers),
        CHECK_CASE(kernel_ignores_user_data_segments_int80),
        CHECK_CASE(kernel_ignores_user_data_segments_sysenter),
        CHECK_CASE(direction_flag_survives_a_system_call),
        CHECK_CASE(sysenter_with_trap_flag_gives_sigtrap),
        CHECK_CASE(null_traps_return_at_once),
        CHECK_CASE(int80_and_sysenter_give_the_same_answers),
    };
    return check_main("trap", cases, CHECK_NCASES(cases), argc, argv);
}
