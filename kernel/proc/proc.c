/*
 * The process table: allocation, lookup, the first process, and the
 * process listing (Ctrl-P and ps).
 */
#include "proc/proc.h"
#include "trace/waitfor.h"
#include "proc/sched.h"
#include "arch/trapframe.h"
#include "fs/file.h"
#include "lib/kstat.h"

struct proc proc_table[NPROC];
static char kstacks[NPROC][KSTACK_SIZE] __attribute__((aligned(16)));
static pid_t next_pid = 1;

/* The registers context_switch saves and restores, lowest address first. */
struct context {
    uint32_t edi, esi, ebx, ebp;
    uint32_t eip;
};

void fork_return(void);         /* proc/forkret.S */

/*
 * A process lives in the slot its pid names: pid % NPROC.  So finding a
 * process by pid (kill, waitpid, every direct message) is one look, not a
 * walk of the table.  Pids still count up one by one; a pid whose slot is
 * busy is skipped, the way a hash table with no chains would.
 */
/* The next pid whose slot is free, or 0 if the table is full (NPROC pids
 * in a row visit every slot once). */
static pid_t
pid_alloc(void)
{
    for (int tries = 0; tries < NPROC; tries++) {
        pid_t pid = next_pid;
        next_pid = next_pid == INT32_MAX ? 1 : next_pid + 1;
        if (proc_slot(pid)->state == PROC_UNUSED)
            return pid;
    }
    return 0;
}

/*
 * Claim a free slot: pid, kernel stack with room for the user trapframe at
 * the top, and a context that starts the new process at entry (fork_return
 * for a forked child: straight back to user mode).  Returns NULL if the
 * table is full.
 */
static struct proc *
proc_alloc_with_entry(void (*entry)(void))
{
    pid_t pid = pid_alloc();
    if (!pid)
        return 0;
    struct proc *p = proc_slot(pid);
    memset(p, 0, sizeof *p);
    p->state = PROC_EMBRYO;
    p->pid = pid;
    p->kstack = kstacks[p - proc_table];
    p->tf = (struct trapframe *)(p->kstack + KSTACK_SIZE) - 1;
    struct context *c = (struct context *)p->tf - 1;
    memset(c, 0, sizeof *c);
    c->eip = (uint32_t)entry;
    p->context = c;
    p->umask = 022;
    resource_init(p);
    kstat_add(KSTAT_procs, +1);
    return p;
}

/* Give the slot back: a reaped zombie, or a fork that failed. */
void
proc_free(struct proc *p)
{
    /* a reaped zombie, a failed fork, or an exiting process that nobody
     * waits for (its parent ignores SIGCHLD) */
    assert(p->state == PROC_ZOMBIE || p->state == PROC_EMBRYO || p == current);
    assert(!p->wait_entry.queue);       /* nobody's queue points at a free slot */
    p->state = PROC_UNUSED;
    p->pid = 0;
    kstat_add(KSTAT_procs, -1);
}

const struct cred *
current_cred(void)
{
    return &current->cred;
}

struct proc *
proc_alloc(void)
{
    return proc_alloc_with_entry(fork_return);
}

int
proc_count(void)
{
    int n = 0;
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++)
        n += p->state != PROC_UNUSED;
    return n;
}

void
proc_set_name(struct proc *p, const char *path)
{
    const char *base = path;
    for (const char *s = path; *s; s++)
        if (*s == '/' && s[1])
            base = s + 1;
    memset(p->name, 0, sizeof p->name);     /* no old bytes after the NUL */
    strlcpy(p->name, base, sizeof p->name);
}

/* The idle process, pid 0, is the boot thread itself; it is not in the
 * table, so ps does not show it. */
static struct proc idle;
extern char boot_stack[];

void
proc_init(void)
{
    strlcpy(idle.name, "idle", sizeof idle.name);
    idle.state = PROC_RUNNING;
    idle.kstack = boot_stack;
    current = &idle;
}

/* pid 1 starts here, in the kernel, and becomes /bin/init by exec. */
static void
init_entry(void)
{
    static char *const argv[] = { "init", 0 };
    static char *const envp[] = { "PATH=/bin", "HOME=/", 0 };
    int err = proc_exec("/bin/init", argv, envp);
    if (err < 0)
        panic("cannot run /bin/init (error %d)", err);
    __asm__ volatile("movl %0, %%esp; jmp trapret" : : "r"(current->tf));
    __builtin_unreachable();
}

void
proc_start_init(void)
{
    struct proc *p = proc_alloc_with_entry(init_entry);
    assert(p && p->pid == 1);
    strlcpy(p->name, "init", sizeof p->name);
    p->pgid = p->sid = 1;
    p->cwd = fs_root();
    sched_make_runnable(p);
}

const char *
proc_state_name(enum proc_state s)
{
    static const char *const names[] = {
        "unused", "embryo", "runnable", "running", "sleeping", "stopped", "zombie",
    };
    return names[s];
}

char
proc_state_letter(enum proc_state s)
{
    return "-ERRSTZ"[s];
}

void
proc_fill_info(struct proc *p, struct procinfo *info)
{
    memset(info, 0, sizeof *info);
    info->pid = p->pid;
    info->ppid = p->parent ? p->parent->pid : 0;
    info->pgid = p->pgid;
    info->state = proc_state_letter(p->state);
    strlcpy(info->name, p->name, sizeof info->name);
    if (p->state == PROC_SLEEPING && p->wait_what)
        snprintk(info->wait, sizeof info->wait, p->wait_what, p->wait_a, p->wait_b);
    else if (p->state == PROC_STOPPED)
        snprintk(info->wait, sizeof info->wait, "stopped by signal %d", p->sig.stop_signal);
    info->size = vm_user_bytes(&p->vm);
}

/* Ctrl-P: who is there, and who waits for what. */
void
proc_list(void)
{
    struct procinfo info;
    char waits_for[48];
    printk("\n  PID  PPID STATE     NAME             WAITING FOR\n");
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        if (p->state == PROC_UNUSED)
            continue;
        proc_fill_info(p, &info);
        waitfor_describe(p, waits_for, sizeof waits_for);
        printk("%5d %5d %-9s %-16s %s%s%s\n", info.pid, info.ppid,
               proc_state_name(p->state), info.name, info.wait,
               waits_for[0] ? ", " : "", waits_for);
    }
    waitfor_print_deadlocks();
}
