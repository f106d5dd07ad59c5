/*
 * test_robust -- faults a user program could once trigger in the kernel
 * (issue 11), one case per rule: each failed, panicked or hung the kernel
 * before its fix.
 *
 * Several cases check Parley's own rules (procinfo, v86 mode under QEMU's
 * TCG, init's protection, the file-data limit) and are Parley-only; the rest
 * are POSIX and hold on Linux too.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <parley.h>

#include "check.h"

#define PAGE 4096

/* An address the compiler cannot see through. */
static void *
opaque(uintptr_t address)
{
    volatile uintptr_t v = address;

    return (void *)v;
}

/* ---- 1. counts times sizes -------------------------------------------- */

/* A count whose product with the record size wraps to a small number must
 * not pass the buffer check: 0x40000000 records of 64 bytes is 0 bytes mod
 * 2^32. */
static void
case_procinfo_count_that_wraps_is_efault(void)
{
    CHECK_EQ(sizeof(struct procinfo) * 0x40000000ULL % 0x100000000ULL, 0);
    CHECK_ERR(procinfo(opaque(0), 0x40000000), EFAULT);
    CHECK_ERR(procinfo(opaque(0xC0000000u), 0x40000000), EFAULT);
    CHECK_ERR(procinfo(opaque(0xC0000000u), 0x40000001), EFAULT);
}

/* A buffer with room for one record near the end of the heap, and a count
 * that wraps: EFAULT, never a kernel page fault. */
static void
case_procinfo_near_end_of_heap_with_wrapping_count_is_efault(void)
{
    uintptr_t brk = (uintptr_t)sbrk(0);
    char *end;

    sbrk((PAGE - brk % PAGE) % PAGE);
    end = sbrk(0);
    CHECK_ERR(procinfo((struct procinfo *)(end - sizeof(struct procinfo)), 0x40000001),
              EFAULT);
}

static void
case_procinfo_with_room_for_all_still_works(void)
{
    static struct procinfo buf[64];
    int n = procinfo(buf, 64);

    CHECK(n >= 2);              /* init and this test, at least */
    CHECK_EQ(buf[0].pid, 1);
}

/* ---- 2. virtual-8086 mode -------------------------------------------- */

/* iret from ring 3 with EFLAGS.VM in the frame.  Real hardware ignores VM
 * at CPL 3 (and then faults on the null %cs); QEMU's TCG enters v86 mode at
 * 0000:0000, which is not mapped.  Either way the trap comes from user mode
 * and the process gets SIGSEGV. */
static void
v86_iret(void)
{
    __asm__ volatile(
        "pushl $0\n\t"          /* %gs, %fs, %ds, %es for v86 mode */
        "pushl $0\n\t"
        "pushl $0\n\t"
        "pushl $0\n\t"
        "pushl $0\n\t"          /* %ss */
        "pushl $0x1000\n\t"     /* %esp */
        "pushl $0x20002\n\t"    /* EFLAGS: VM, reserved bit 1 */
        "pushl $0\n\t"          /* %cs */
        "pushl $0\n\t"          /* %eip */
        "iret\n\t");
    _exit(1);
}

static void
case_fault_in_v86_mode_is_sigsegv_for_the_process(void)
{
    check_killed_by(check_fork_status(v86_iret), SIGSEGV);
    check_killed_by(check_fork_status(v86_iret), SIGSEGV);  /* and again */
}

/* ---- 3. init ---------------------------------------------------------- */

/* init's state letter from procinfo, or 0 if there is no pid 1. */
static char
init_state(void)
{
    static struct procinfo buf[64];
    int n = procinfo(buf, 64);

    for (int i = 0; i < n; i++)
        if (buf[i].pid == 1)
            return buf[i].state;
    return 0;
}

/* kill(1, sig) succeeds and does nothing: init has no handler for sig. */
static void
check_init_untouched_by(int sig)
{
    CHECK_OK(kill(1, sig));
    check_sleep_ms(50);         /* time for init to run and act on it */
    char state = init_state();
    kill(1, SIGCONT);           /* in case it stopped: keep the machine alive */
    CHECK(state != 0);
    CHECK(state != 'Z');
    CHECK(state != 'T');
}

/* As on Linux, init receives only the signals it has handlers for. */
static void case_init_survives_sigkill(void) { check_init_untouched_by(SIGKILL); }
static void case_init_survives_sigterm(void) { check_init_untouched_by(SIGTERM); }
static void case_init_is_not_stopped_by_sigstop(void) { check_init_untouched_by(SIGSTOP); }
static void case_init_is_not_stopped_by_sigttin(void) { check_init_untouched_by(SIGTTIN); }

/* The command line runs in a session of its own, so it cannot join init's
 * process group (whose stop signals would then reach init). */
static void
case_joining_init_process_group_is_eperm(void)
{
    CHECK_ERR(setpgid(0, 1), EPERM);
}

/* Only root may stop the machine (Linux: reboot() needs CAP_SYS_BOOT). */
static void
unprivileged_poweroff(void)
{
    if (setuid(1000) < 0)
        _exit(2);
    if (poweroff(77) != -1 || errno != EPERM)
        _exit(3);
}

static void
case_poweroff_by_unprivileged_process_is_eperm(void)
{
    CHECK_EQ(check_fork_status(unprivileged_poweroff), 0);
}

/* ---- 4. directory link counts ----------------------------------------- */

static long
link_count(const char *path)
{
    struct stat st;

    if (stat(path, &st) < 0)
        return -1;
    return (long)st.st_nlink;
}

/* POSIX/Linux: a directory's links are its name, its "." and the ".." of
 * each subdirectory. */
static void
case_directory_link_count_counts_dot_and_subdirectories(void)
{
    CHECK_OK(mkdir("/tmp/links", 0755));
    CHECK_EQ(link_count("/tmp/links"), 2);
    CHECK_OK(mkdir("/tmp/links/s", 0755));
    CHECK_EQ(link_count("/tmp/links"), 3);
    CHECK_EQ(link_count("/tmp/links/s"), 2);
    CHECK_OK(rmdir("/tmp/links/s"));
    CHECK_EQ(link_count("/tmp/links"), 2);
    CHECK_OK(rmdir("/tmp/links"));
}

/* A directory that had a subdirectory is freed by rmdir like any other. */
static void
case_rmdir_frees_a_directory_that_had_a_subdirectory(void)
{
    struct sysinfo before, after;

    CHECK_OK(mkdir("/tmp/warm", 0755));     /* warm up /tmp's entry array */
    CHECK_OK(rmdir("/tmp/warm"));
    CHECK_OK(sysinfo(&before));
    for (int i = 0; i < 100; i++) {
        CHECK_OK(mkdir("/tmp/d", 0755));
        CHECK_OK(mkdir("/tmp/d/s", 0755));
        CHECK_OK(rmdir("/tmp/d/s"));
        CHECK_OK(rmdir("/tmp/d"));
    }
    CHECK_OK(sysinfo(&after));
    CHECK_EQ(after.free_inodes, before.free_inodes);
    CHECK_EQ(after.free_pages, before.free_pages);
}

/* ---- 6. out of memory ------------------------------------------------- */

#define BYSTANDER_PAGES 64
static char bystander_data[BYSTANDER_PAGES * PAGE];

/* A process whose pages are shared copy-on-write with its parent waits for
 * a byte on fd, then writes every page (each write needs a new frame). */
static int
bystander_start(int *go)
{
    int fds[2];
    pid_t pid;
    char c;

    memset(bystander_data, 1, sizeof bystander_data);
    CHECK_OK(pipe(fds));
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        close(fds[1]);
        if (read(fds[0], &c, 1) != 1)
            _exit(2);
        for (size_t i = 0; i < sizeof bystander_data; i += PAGE)
            bystander_data[i] = 2;
        _exit(0);
    }
    close(fds[0]);
    *go = fds[1];
    return pid;
}

static char chunk[16 * PAGE];

/* Write file data until the kernel refuses; returns the errno. */
static int
fill_file(int fd)
{
    for (;;) {
        ssize_t n = write(fd, chunk, sizeof chunk);
        if (n < 0)
            return errno;
        if (n == 0)
            return 0;
    }
}

/* File data has a limit of its own (ENOSPC at the write), so filling the
 * file system leaves memory for an unrelated process's copy-on-write; the
 * file's frames all come back when it is removed. */
static void
case_full_file_system_is_enospc_and_spares_other_processes(void)
{
    struct sysinfo before, after;
    struct kstat k;
    int go, status, fd;
    pid_t pid;

    memset(chunk, 'f', sizeof chunk);
    pid = bystander_start(&go);
    CHECK_OK(kstat(&k));
    CHECK_EQ(k.count[KSTAT_file_frames] < k.frames_total / 4, 1);
    CHECK_OK(sysinfo(&before));
    fd = open("/tmp/fill", O_CREAT | O_RDWR | O_TRUNC, 0600);
    CHECK(fd >= 0);
    CHECK_EQ(fill_file(fd), ENOSPC);
    CHECK_EQ(write(go, "g", 1), 1);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_OK(close(fd));
    CHECK_OK(unlink("/tmp/fill"));
    CHECK_OK(close(go));
    CHECK_EQ(status, 0);        /* the bystander was not killed */
    CHECK_OK(sysinfo(&after));
    /* the bystander's own pages are gone too; its kernel stack is static */
    CHECK(after.free_pages >= before.free_pages);
}

/* A pipe whose queue already has its frame, so that writing one byte needs
 * no memory even when none is left. */
static void
pipe_with_frame(int fds[2])
{
    char c;

    CHECK_OK(pipe(fds));
    CHECK_EQ(write(fds[1], "w", 1), 1);
    CHECK_EQ(read(fds[0], &c, 1), 1);
}

/* Grows the heap until the kernel says ENOMEM (only the reserve is left),
 * says so on ready, and waits to be killed. */
static void
hog(int ready)
{
    long step;

    for (step = 256 * 1024; step >= PAGE; step /= 2)
        while (sbrk(step) != (void *)-1)
            ;
    if (errno != ENOMEM)
        _exit(2);
    write(ready, "r", 1);
    for (;;)
        pause();
}

#define SHARED_PAGES (2 * FRAME_RESERVE + 64)

/* The writer's ways to touch every page of its copy-on-write memory, each
 * needing a new frame: a store (a page fault), or read() into the page (the
 * kernel's check of the user buffer breaks copy-on-write). */
static void
touch_by_store(char *shared, int data_fd)
{
    (void)data_fd;
    for (size_t i = 0; i < SHARED_PAGES; i++)
        shared[i * PAGE] = 2;
}

static void
touch_by_read(char *shared, int data_fd)
{
    for (size_t i = 0; i < SHARED_PAGES; i++)
        if (read(data_fd, shared + i * PAGE, 1) != 1)
            _exit(5);
}

/*
 * When even the reserve is gone, the largest process is killed (SIGKILL,
 * with a console message), not the process whose copy-on-write found no
 * frame; that one goes on once the victim's memory is back.  The hog grows
 * its heap until ENOMEM; then the writer touches more copy-on-write pages
 * than the reserve holds.
 */
static void
check_out_of_memory_kills_the_hog(void (*touch)(char *, int))
{
    size_t size = SHARED_PAGES * PAGE;
    int go[2], ready[2], data[2], status;
    static char bytes[SHARED_PAGES];
    pid_t writer, big;
    char *shared, c;

    shared = sbrk(size);
    CHECK(shared != (char *)-1);
    memset(shared, 1, size);
    pipe_with_frame(go);
    pipe_with_frame(ready);
    CHECK_OK(pipe(data));
    memset(bytes, 'd', sizeof bytes);
    CHECK_EQ(write(data[1], bytes, sizeof bytes), sizeof bytes);
    writer = fork();
    CHECK(writer >= 0);
    if (writer == 0) {
        if (read(go[0], &c, 1) != 1)
            _exit(2);
        touch(shared, data[0]);
        _exit(0);
    }
    big = fork();
    CHECK(big >= 0);
    if (big == 0)
        hog(ready[1]);
    CHECK_EQ(read(ready[0], &c, 1), 1);
    CHECK_EQ(write(go[1], "g", 1), 1);
    CHECK_EQ(waitpid(writer, &status, 0), writer);
    CHECK_EQ(status, 0);
    CHECK_EQ(waitpid(big, &status, 0), big);
    check_killed_by(status, SIGKILL);
}

static void
case_out_of_memory_kills_the_largest_process_not_the_faulting_one(void)
{
    check_out_of_memory_kills_the_hog(touch_by_store);
}

/* The same out of memory inside a system call: read() into copy-on-write
 * pages waits for the victim too, instead of failing with EFAULT. */
static void
case_out_of_memory_in_a_system_call_waits_for_the_victim(void)
{
    check_out_of_memory_kills_the_hog(touch_by_read);
}

/* ---- 7. values reported ----------------------------------------------- */

static volatile int fault_code;
static volatile uintptr_t fault_address;

static void
segv_handler(int sig, siginfo_t *info, void *context)
{
    (void)context;
    if (sig != SIGSEGV)
        _exit(10);
    if ((uintptr_t)info->si_addr != fault_address)
        _exit(11);
    if (info->si_code != fault_code)
        _exit(12);
    _exit(0);
}

/* Runs touch() in a child with a SIGSEGV handler that checks si_addr and
 * si_code; the child's exit status says what was wrong. */
static void
check_segv_info(void (*touch)(void), uintptr_t addr, int code)
{
    struct sigaction sa;
    pid_t pid;
    int status;

    fault_address = addr;
    fault_code = code;
    pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = segv_handler;
        sa.sa_flags = SA_SIGINFO;
        if (sigaction(SIGSEGV, &sa, NULL) < 0)
            _exit(13);
        touch();
        _exit(14);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
}

#define UNMAPPED_ADDRESS 0x1234u

static void
read_unmapped(void)
{
    (void)*(volatile int *)opaque(UNMAPPED_ADDRESS);
}

static void
write_text(void)
{
    *(volatile char *)opaque((uintptr_t)write_text) = 0;
}

/* POSIX: SEGV_MAPERR, address not mapped; si_addr is the address. */
static void
case_sigsegv_on_unmapped_address_is_maperr_with_address(void)
{
    check_segv_info(read_unmapped, UNMAPPED_ADDRESS, SEGV_MAPERR);
}

/* POSIX: SEGV_ACCERR, invalid permissions for a mapped object. */
static void
case_sigsegv_on_write_to_text_is_accerr_with_address(void)
{
    check_segv_info(write_text, (uintptr_t)write_text, SEGV_ACCERR);
}

/* POSIX open(): "[ENOSPC] The directory or file system that would contain
 * the new file cannot be expanded" -- the inode table is full. */
static void
case_open_creat_with_inode_table_full_is_enospc(void)
{
    char path[32];
    int n, fd, err = 0;

    CHECK_OK(mkdir("/tmp/many", 0755));
    for (n = 0; n < 100000; n++) {
        snprintf(path, sizeof path, "/tmp/many/%d", n);
        if ((fd = open(path, O_CREAT | O_WRONLY, 0600)) < 0) {
            err = errno;
            break;
        }
        close(fd);
    }
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "/tmp/many/%d", i);
        unlink(path);
    }
    rmdir("/tmp/many");
    CHECK(n > 0);
    CHECK_EQ(err, ENOSPC);
}

/* The bound instruction's #BR is SIGSEGV, as on Linux. */
static void
bound_out_of_range(void)
{
    static int32_t bounds[2] = { 10, 20 };
    int32_t index = 5;

    __asm__ volatile("bound %0, %1" : : "r"(index), "m"(bounds));
    _exit(1);
}

static void
case_bound_range_exceeded_is_sigsegv(void)
{
    check_killed_by(check_fork_status(bound_out_of_range), SIGSEGV);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(procinfo_count_that_wraps_is_efault),
        CHECK_CASE(procinfo_near_end_of_heap_with_wrapping_count_is_efault),
        CHECK_CASE(procinfo_with_room_for_all_still_works),
        CHECK_CASE(fault_in_v86_mode_is_sigsegv_for_the_process),
        CHECK_CASE(init_survives_sigkill),
        CHECK_CASE(init_survives_sigterm),
        CHECK_CASE(init_is_not_stopped_by_sigstop),
        CHECK_CASE(init_is_not_stopped_by_sigttin),
        CHECK_CASE(joining_init_process_group_is_eperm),
        CHECK_CASE(poweroff_by_unprivileged_process_is_eperm),
        CHECK_CASE(directory_link_count_counts_dot_and_subdirectories),
        CHECK_CASE(rmdir_frees_a_directory_that_had_a_subdirectory),
        CHECK_CASE(full_file_system_is_enospc_and_spares_other_processes),
        CHECK_CASE(out_of_memory_kills_the_largest_process_not_the_faulting_one),
        CHECK_CASE(out_of_memory_in_a_system_call_waits_for_the_victim),
        CHECK_CASE(sigsegv_on_unmapped_address_is_maperr_with_address),
        CHECK_CASE(sigsegv_on_write_to_text_is_accerr_with_address),
        CHECK_CASE(open_creat_with_inode_table_full_is_enospc),
        CHECK_CASE(bound_range_exceeded_is_sigsegv),
    };
    return check_main("robust", cases, CHECK_NCASES(cases), argc, argv);
}
