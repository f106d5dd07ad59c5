/*
 * test_fpu -- every process has x87 registers of its own (kernel/arch/fpu.c):
 * across switches and preemption, fork, exec and signal handlers, and a
 * dying process's pending FPU exception hurts nobody.
 *
 * x86-specific: the control word (fnstcw/fldcw) is the easiest piece of
 * FPU state to look at; 0x037f is its value after fninit.
 */
#include "check.h"
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/syscall.h>

#define CW_DEFAULT 0x037f               /* all exceptions masked, round to nearest */
#define CW_CHOP    0x0f7f               /* round toward zero, 64-bit precision */
#define CW_ZE_UNMASKED 0x037b           /* divide-by-zero traps */

static uint16_t
read_cw(void)
{
    uint16_t cw;
    __asm__ volatile("fnstcw %0" : "=m"(cw));
    return cw;
}

static void
load_cw(uint16_t cw)
{
    __asm__ volatile("fldcw %0" : : "m"(cw));
}

/* Yield with a value on the x87 stack, by `int $0x80` so that no library
 * code runs in between, and read it back: 0 if it survived every time. */
static int
keep_a_register_while_yielding(int value, int rounds)
{
    for (int i = 0; i < rounds; i++) {
        int back;
        long r;
        __asm__ volatile("fildl %2\n\t"
                         "int $0x80\n\t"
                         "fistpl %1"
                         : "=a"(r), "=m"(back)
                         : "m"(value), "a"((long)SYS_sched_yield)
                         : "memory");
        if (back != value)
            return 1;
    }
    return 0;
}

/* Two processes keep different values in st(0) across their switches. */
static void
case_registers_survive_switches_to_another_process(void)
{
    pid_t pid = fork();
    CHECK_OK(pid);
    if (pid == 0)
        _exit(keep_a_register_while_yielding(1111, 2000));
    CHECK_EQ(keep_a_register_while_yielding(-2222, 2000), 0);
    CHECK_EQ(check_exit_code(pid), 0);
}

/* A series summed in registers, preempted anywhere: the result is the
 * same bits as when nobody else computes.  (Stored as a double before it
 * is compared: the x87 computes with 80 bits, a double keeps 64.) */
static double
harmonic(int n, double scale)
{
    double sum = 0;
    for (int i = 1; i <= n; i++)
        sum += scale / i;
    volatile double rounded = sum;
    return rounded;
}

static bool
harmonic_is(int n, double scale, double expected)
{
    volatile double got = harmonic(n, scale);
    return got == expected;
}

static void
case_preempted_computations_get_exact_results(void)
{
    const int n = 400000;
    volatile double mine = harmonic(n, 1.0), theirs = harmonic(n, 3.0);
    pid_t pid = fork();
    CHECK_OK(pid);
    if (pid == 0) {
        int bad = 0;
        for (int k = 0; k < 5; k++)
            bad |= !harmonic_is(n, 3.0, theirs);
        _exit(bad);
    }
    for (int k = 0; k < 5; k++)
        CHECK(harmonic_is(n, 1.0, mine));
    CHECK_EQ(check_exit_code(pid), 0);
}

static int
keep_cw_while_yielding(uint16_t cw)
{
    load_cw(cw);
    for (int i = 0; i < 1000; i++) {
        sched_yield();
        if (read_cw() != cw)
            return 1;
    }
    return 0;
}

/* The control word (rounding, precision, masks) is per process too. */
static void
case_control_word_is_per_process(void)
{
    pid_t pid = fork();
    CHECK_OK(pid);
    if (pid == 0)
        _exit(keep_cw_while_yielding(CW_CHOP));
    CHECK_EQ(keep_cw_while_yielding(CW_DEFAULT), 0);
    CHECK_EQ(check_exit_code(pid), 0);
}

/* fork copies the registers, as on Linux. */
static void
case_fork_child_inherits_the_fpu_state(void)
{
    load_cw(CW_CHOP);
    pid_t pid = fork();
    CHECK_OK(pid);
    if (pid == 0)
        _exit(read_cw() == CW_CHOP ? 0 : 1);
    uint16_t mine = read_cw();
    load_cw(CW_DEFAULT);
    CHECK_EQ(mine, CW_CHOP);
    CHECK_EQ(check_exit_code(pid), 0);
}

/* Run test_fpu FLAG in a child and put what it prints in buf; the child
 * must exit 0.  A new program's FPU is what exec gave it. */
static void
exec_and_read(const char *flag, char *buf, size_t size)
{
    int fd[2];
    CHECK_OK(pipe(fd));
    pid_t pid = fork();
    CHECK_OK(pid);
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        execl("/bin/test_fpu", "test_fpu", flag, (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    memset(buf, 0, size);
    CHECK(read(fd[0], buf, size - 1) > 0);
    close(fd[0]);
    CHECK_EQ(check_exit_code(pid), 0);
}

/* exec starts the new program with a fresh FPU (test_fpu --print-cw). */
static void
case_exec_starts_with_a_fresh_fpu(void)
{
    char buf[16];
    load_cw(CW_CHOP);
    exec_and_read("--print-cw", buf, sizeof buf);
    load_cw(CW_DEFAULT);
    CHECK_EQ(strtol(buf, NULL, 16), CW_DEFAULT);
}

/* The data registers a first float finds hold zeros, not the last
 * process's numbers: fninit only marks the registers empty, and fnsave
 * shows them whole (test_fpu --print-registers).  Here the last process is
 * this one, whose 1234567 was popped but is still in a register. */
static void
case_first_float_finds_no_other_process_numbers(void)
{
    int value = 1234567;
    double popped;
    char buf[16];
    __asm__ volatile("fildl %1\n\tfstpl %0" : "=m"(popped) : "m"(value));
    exec_and_read("--print-registers", buf, sizeof buf);
    CHECK_STR_EQ(buf, "zero\n");
    CHECK(popped == 1234567.0);
}

/* test_fpu --print-registers: whether the eight data registers (bytes 28
 * to 107 of what fnsave writes) are all zero at the program's first float. */
static int
print_registers(void)
{
    uint8_t state[108];
    __asm__ volatile("fnsave %0" : "=m"(state));
    bool zero = true;
    for (int i = 28; i < 108; i++)
        zero = zero && state[i] == 0;
    printf("%s\n", zero ? "zero" : "numbers");
    return 0;
}

static volatile uint16_t handler_saw_cw;

static void
change_cw_in_handler(int sig)
{
    (void)sig;
    handler_saw_cw = read_cw();
    load_cw(CW_ZE_UNMASKED);
}

/* A handler starts with a fresh FPU, and what it does to the FPU is gone
 * when the interrupted code goes on. */
static void
case_handler_cannot_disturb_the_interrupted_floats(void)
{
    check_set_handler(SIGUSR1, change_cw_in_handler, 0);
    load_cw(CW_CHOP);
    CHECK_OK(kill(getpid(), SIGUSR1));
    uint16_t after = read_cw();
    load_cw(CW_DEFAULT);
    check_set_handler(SIGUSR1, SIG_DFL, 0);
    CHECK_EQ(handler_saw_cw, CW_DEFAULT);
    CHECK_EQ(after, CW_CHOP);
}

/* Leave an unmasked divide-by-zero pending (fdiv does not raise it; the
 * next waiting FPU instruction would) then either end at once or use the FPU again. */
static void
leave_a_pending_exception(bool then_use_the_fpu)
{
    load_cw(CW_ZE_UNMASKED);
    volatile double zero = 0;
    __asm__ volatile("fld1\n\tfdivl %0" : : "m"(zero));
    if (then_use_the_fpu)
        __asm__ volatile("fwait");
    syscall(SYS_exit, 0);
}

/* The next FPU instruction of the process raises it: SIGFPE, as on Linux. */
static void
case_unmasked_exception_is_sigfpe(void)
{
    pid_t pid = fork();
    CHECK_OK(pid);
    if (pid == 0)
        leave_a_pending_exception(true);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFSIGNALED(status));
    CHECK_EQ(WTERMSIG(status), SIGFPE);
}

/* A process that dies with the exception still pending leaves it to
 * nobody: neither the kernel (it would panic) nor the next FPU user. */
static void
case_pending_exception_dies_with_its_process(void)
{
    for (int k = 0; k < 20; k++) {
        pid_t pid = fork();
        CHECK_OK(pid);
        if (pid == 0)
            leave_a_pending_exception(false);
        CHECK_EQ(check_exit_code(pid), 0);
        CHECK_EQ(keep_a_register_while_yielding(7, 3), 0);
    }
    CHECK(harmonic(1000, 1.0) > 7.0);
}

int
main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--print-cw") == 0) {
        printf("%x\n", read_cw());
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "--print-registers") == 0)
        return print_registers();
    static const struct check_case cases[] = {
        CHECK_CASE(registers_survive_switches_to_another_process),
        CHECK_CASE(preempted_computations_get_exact_results),
        CHECK_CASE(control_word_is_per_process),
        CHECK_CASE(fork_child_inherits_the_fpu_state),
        CHECK_CASE(exec_starts_with_a_fresh_fpu),
        CHECK_CASE(first_float_finds_no_other_process_numbers),
        CHECK_CASE(handler_cannot_disturb_the_interrupted_floats),
        CHECK_CASE(unmasked_exception_is_sigfpe),
        CHECK_CASE(pending_exception_dies_with_its_process),
    };
    return check_main("fpu", cases, CHECK_NCASES(cases), argc, argv);
}
