#ifndef PROC_PROC_H
#define PROC_PROC_H

#include "lib/kernel.h"
#include "mm/vm.h"
#include "proc/waitq.h"
#include "proc/signal.h"
#include "proc/resource.h"
#include "proc/cred.h"
#include "arch/fpu.h"
#include <parley/limits.h>
#include <parley/proc.h>

#define NPROC        CHILD_MAX
#define KSTACK_SIZE  8192

enum proc_state {
    PROC_UNUSED,
    PROC_EMBRYO,        /* being made by fork */
    PROC_RUNNABLE,      /* on the run queue */
    PROC_RUNNING,       /* this is current */
    PROC_SLEEPING,      /* on a wait queue, or a timed sleep */
    PROC_STOPPED,       /* by SIGSTOP and friends, until SIGCONT */
    PROC_ZOMBIE,        /* exited, not yet waited for */
};

struct context;         /* saved kernel registers; see arch/switch.S */
struct file;
struct inode;
struct sem_undo;

/*
 * A process.  All fields are touched only by the kernel with interrupts
 * off (one CPU), except that interrupt handlers may wake a sleeper.
 */
struct proc {
    pid_t            pid;
    enum proc_state  state;
    char             name[PROC_NAME_LEN];
    struct proc     *parent;
    pid_t            pgid;              /* process group */
    pid_t            sid;               /* session */
    struct cred      cred;              /* user and group ids */

    struct vm        vm;                /* user address space */
    char            *kstack;            /* bottom of the kernel stack */
    struct context  *context;           /* where context_switch resumes */
    struct trapframe *tf;               /* user registers, at the last entry */

    /* Scheduling. */
    struct proc     *run_next;          /* run queue link */
    int              ticks_left;        /* of the time slice */

    /* Read by every system call: near the top, so that the call and the
     * switch touch as few pages as they can (docs/performance.md). */
    int              syscall_nr;        /* call in progress, for restarts */
    bool             trace;             /* print system calls */
    unsigned char    trace_flags;       /* TRACE_SYSCALLS, TRACE_IPC (trace/) */
    unsigned char    explore;           /* SCHED_EXPLORE_* (trace/explore.c) */
    unsigned char    explore_ticks;     /* timer ticks since the last call */

    /* Sleeping: which queue, why, and until when. */
    struct wait_entry wait_entry;       /* on the queue waitq_sleep chose */
    const char      *wait_what;         /* format naming the wait, for ps */
    long             wait_a, wait_b;
    uint64_t         wake_at_ns;        /* timed sleep deadline, or 0 */

    /* Exit and wait. */
    int              exit_status;       /* encoded as for wait() */
    struct waitq     child_waitq;       /* this process waiting for children */
    bool             stop_reported;     /* WUNTRACED saw the current stop */
    bool             cont_reported;     /* WCONTINUED saw the last continue */

    /* Files. */
    struct file     *files[OPEN_MAX];
    uint32_t         cloexec;           /* bit n: FD_CLOEXEC on fd n */
    struct inode    *cwd;
    mode_t           umask;

    struct signal_state sig;
    bool             has_execed;        /* since fork: setpgid gives EACCES */
    char             trace_text[40];    /* the traced call's path argument */
    struct resources res;               /* limits, CPU times, nice (resource.h) */

    /* IPC state the process owns (released by ipc_process_exit). */
    struct fpu_state fpu;               /* x87 registers (arch/fpu.c) */

    struct sem_undo *sem_undo;          /* SEM_UNDO adjustments: empty after
                                           fork (proc_alloc zeroes), kept by exec */
};

extern struct proc *current;
extern struct proc proc_table[NPROC];

/* Check that [uaddr, uaddr + len) is mapped for user access (writable,
 * if write) in the current process, faulting pages in, growing the stack
 * or breaking copy-on-write as a user access would: 0 or -EFAULT.  The
 * common case -- one page, mapped already -- is answered here, inline,
 * since every call with a buffer asks; the rest is user_check_pages. */
static inline int
user_check(const void *uaddr, size_t len, bool write)
{
    uintptr_t start = (uintptr_t)uaddr;
    /* 1 <= len <= the bytes left in start's page (unsigned: len 0 wraps),
     * and that page is a user page, neither page 0 nor past USER_TOP. */
    if (len - 1 < PAGE_SIZE - start % PAGE_SIZE && start - PAGE_SIZE < USER_TOP - PAGE_SIZE &&
        vm_page_has(&current->vm, start, PTE_P | PTE_U | (write ? PTE_W : 0)))
        return 0;
    return user_check_pages(uaddr, len, write);
}

/* A signal p should act on now: every sleep asks before and after it. */
static inline bool
signal_pending(struct proc *p)
{
    return signal_state_deliverable(&p->sig) != 0;
}

void         proc_init(void);
struct proc *proc_alloc(void);
void         proc_free(struct proc *p);
/* The slot a process with this pid lives in (proc.c: pid % NPROC). */
static inline struct proc *
proc_slot(pid_t pid)
{
    return &proc_table[(unsigned)pid % NPROC];
}

/* The process with this pid, or NULL: one look, at its slot.  Inline:
 * message and signal calls ask it for their peer on every call. */
static inline struct proc *
proc_find(pid_t pid)
{
    struct proc *p = proc_slot(pid);
    bool live = p->pid == pid && p->state != PROC_UNUSED && p->state != PROC_EMBRYO;
    return pid > 0 && live ? p : 0;
}
void         proc_start_init(void);
void         proc_exit(int status) __attribute__((noreturn));
void         proc_set_name(struct proc *p, const char *path);
void         proc_list(void);           /* Ctrl-P */
void         proc_fill_info(struct proc *p, struct procinfo *info);
int          proc_count(void);
bool         proc_group_in_session(pid_t pgid, pid_t sid);  /* pgid 0: any */
bool         proc_session_alive(pid_t sid);
const char  *proc_state_name(enum proc_state s);
char         proc_state_letter(enum proc_state s);

/* fork.c, exit.c, exec.c */
pid_t proc_fork(void);
pid_t proc_wait(pid_t pid, int *status, int options, uid_t *uid);
int   proc_exec(const char *path, char *const argv[], char *const envp[]);
void  proc_reparent_children(struct proc *p);

#endif
