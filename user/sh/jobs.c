/*
 * jobs.c -- the shell's job table and job control.
 *
 * A job is one pipeline, or one "a && b &" chain run by a forked copy of the
 * shell.  An interactive shell does POSIX job control:
 *
 *   - Every job runs in a process group of its own, named after its first
 *     process.  The shell and the child both call setpgid(): whichever runs
 *     first after fork, the group exists before anyone signals it.
 *   - The console's foreground group (tcsetpgrp) is the group the keyboard
 *     signals (Ctrl-C SIGINT, Ctrl-\ SIGQUIT, Ctrl-Z SIGTSTP) and the only one
 *     allowed to read the console.  A foreground job holds it while it runs;
 *     the shell takes it back when the job ends or stops.
 *   - waitpid(-1, ..., WUNTRACED | WCONTINUED) reports stops and continues as
 *     well as deaths.  A job whose processes have all stopped is "Stopped";
 *     fg and bg resume it with SIGCONT to its group.
 *   - The shell never stops or dies from the keyboard.  It catches SIGINT,
 *     SIGQUIT and SIGTSTP with a handler that only interrupts a read at the
 *     prompt (so ^C gives a fresh prompt), and ignores SIGTTIN and SIGTTOU.
 *     Children put the default actions back before exec.
 *
 * A shell that is not interactive (sh -c, a script, /etc/autorun) records
 * its jobs too, for `wait`, but does no job control: its children stay in
 * its process group and it never touches the console's foreground group.
 *
 * Every child is collected in one place, jobs_wait_one(), and the change is
 * recorded in whichever job owns the pid.  A foreground job is waited for
 * until it no longer runs; background changes are reported before the next
 * prompt (jobs_notify), as "[1]+  Done    sleep 1".
 */

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

static struct job job_table[JOBS_MAX];
static unsigned int job_clock;
int job_control;                /* set by jobs_init() */
static pid_t shell_pgid;

/* The signal that interrupted a read at the prompt (or `wait`), else 0. */
volatile sig_atomic_t line_interrupted;

/* ---- the job table ------------------------------------------------------- */

static void
job_touch(struct job *job)
{
    job->touched = ++job_clock;
}

/* A free slot for a job of nprocs processes, numbered one above the
 * highest number in use (as bash does); NULL after a message. */
struct job *
job_new(const char *text, int background, int nprocs)
{
    struct job *job = NULL;
    int i, highest = 0;

    for (i = 0; i < JOBS_MAX; i++) {
        if (job_table[i].number == 0 && job == NULL)
            job = &job_table[i];
        if (job_table[i].number > highest)
            highest = job_table[i].number;
    }
    if (job == NULL) {
        fprintf(stderr, "sh: too many jobs\n");
        return NULL;
    }
    if ((job->procs = malloc(nprocs * sizeof *job->procs)) == NULL) {
        fprintf(stderr, "sh: out of memory\n");
        return NULL;
    }
    job->number = highest + 1;
    job->pgid = 0;
    job->background = background;
    job->changed = 0;
    job->nprocs = 0;
    snprintf(job->text, sizeof job->text, "%s", text);
    job->touched = 0;
    if (background)
        job_touch(job);
    return job;
}

void
job_free(struct job *job)
{
    free(job->procs);
    job->procs = NULL;
    job->number = 0;
}

/* A forked copy of the shell does not own its parent's jobs. */
void
jobs_forget(void)
{
    int i;

    for (i = 0; i < JOBS_MAX; i++)
        if (job_table[i].number != 0)
            job_free(&job_table[i]);
}

/* Running while any process runs; stopped while any is stopped; else done. */
enum job_state
job_state(const struct job *job)
{
    enum job_state state = JOB_DONE;
    int i;

    for (i = 0; i < job->nprocs; i++) {
        if (job->procs[i].state == JOB_RUNNING)
            return JOB_RUNNING;
        if (job->procs[i].state == JOB_STOPPED)
            state = JOB_STOPPED;
    }
    return state;
}

/* The job with the smallest number above n: walks the table in %n order. */
static struct job *
job_next(int n)
{
    struct job *best = NULL;
    int i;

    for (i = 0; i < JOBS_MAX; i++)
        if (job_table[i].number > n &&
            (best == NULL || job_table[i].number < best->number))
            best = &job_table[i];
    return best;
}

static struct job *
job_by_number(int n)
{
    struct job *job = job_next(n - 1);

    return job != NULL && job->number == n ? job : NULL;
}

/* %+ (which = 0), the job touched last, or %- (which = 1), the one before. */
static struct job *
job_current(int which)
{
    struct job *first = NULL, *second = NULL, *job;
    int i;

    for (i = 0; i < JOBS_MAX; i++) {
        job = &job_table[i];
        if (job->number == 0 || job->touched == 0)
            continue;
        if (first == NULL || job->touched > first->touched) {
            second = first;
            first = job;
        } else if (second == NULL || job->touched > second->touched) {
            second = job;
        }
    }
    return which == 0 ? first : second;
}

static int
job_mark(const struct job *job)
{
    if (job == job_current(0))
        return '+';
    return job == job_current(1) ? '-' : ' ';
}

/* "%n" or "n", "%+", "%%", "%-", or NULL for the current job: the job, or
 * NULL after a message. */
struct job *
job_from_spec(const char *who, const char *spec)
{
    struct job *job = NULL;
    const char *n = spec;

    if (spec != NULL && *n == '%')
        n++;
    if (spec == NULL || strcmp(n, "+") == 0 || strcmp(n, "%") == 0 || *n == '\0')
        job = job_current(0);
    else if (strcmp(n, "-") == 0)
        job = job_current(1);
    else if (isdigit((unsigned char)*n))
        job = job_by_number(atoi(n));
    if (job == NULL)
        fprintf(stderr, "sh: %s: %s: no such job\n", who, spec ? spec : "current");
    return job;
}

/* ---- starting a job's processes ------------------------------------------ */

/*
 * In the child, just after fork and before any redirection: join the job's
 * group (the first process founds it), take the console if the job is in
 * the foreground (while SIGTTOU is still ignored), then get the default
 * signal actions back.
 */
void
job_child_enter(const struct job *job)
{
    static const int keyboard_signals[] = {
        SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU
    };
    unsigned int i;

    if (!job_control) {
        /* POSIX: without job control, a background command starts with
         * SIGINT and SIGQUIT ignored, or ^C would reach it too. */
        if (job->background) {
            signal(SIGINT, SIG_IGN);
            signal(SIGQUIT, SIG_IGN);
        }
        return;
    }
    setpgid(0, job->pgid);
    if (!job->background)
        tcsetpgrp(0, job->pgid ? job->pgid : getpid());
    for (i = 0; i < sizeof keyboard_signals / sizeof keyboard_signals[0]; i++)
        signal(keyboard_signals[i], SIG_DFL);
}

/* In the shell, just after fork: record the child, put it in the group. */
void
job_add(struct job *job, pid_t pid)
{
    struct job_process *proc = &job->procs[job->nprocs++];

    proc->pid = pid;
    proc->state = JOB_RUNNING;
    proc->status = 0;
    if (job_control) {
        if (job->pgid == 0)
            job->pgid = pid;
        setpgid(pid, job->pgid);
    }
}

/* "[1] 42": a background job started (interactive shells only, as bash). */
void
job_announce(const struct job *job)
{
    if (job_control && job->nprocs > 0)
        fprintf(stderr, "[%d] %d\n", job->number, job->procs[job->nprocs - 1].pid);
}

/* ---- collecting children ------------------------------------------------- */

static void
jobs_record(pid_t pid, int status)
{
    struct job_process *proc;
    struct job *job;
    int i, k;

    for (i = 0; i < JOBS_MAX; i++) {
        job = &job_table[i];
        for (k = 0; job->number != 0 && k < job->nprocs; k++) {
            proc = &job->procs[k];
            if (proc->pid != pid)
                continue;
            proc->status = status;
            if (WIFSTOPPED(status))
                proc->state = JOB_STOPPED;
            else if (WIFCONTINUED(status))
                proc->state = JOB_RUNNING;
            else
                proc->state = JOB_DONE;
            job->changed = job_state(job) != JOB_RUNNING;
            /* Nobody will ask about it: no job control, no report. */
            if (!job_control && job->background && job_state(job) == JOB_DONE)
                job_free(job);
            return;
        }
    }
}

/*
 * Collects one change of state of any child and records it.  Returns the
 * child's pid, 0 (WNOHANG and nothing changed), or -1 with errno (EINTR
 * when a signal handler ran, ECHILD when there are no children).
 */
static pid_t
jobs_wait_one(int options)
{
    int status;
    pid_t pid;

    if (job_control)
        options |= WUNTRACED | WCONTINUED;
    pid = waitpid(-1, &status, options);
    if (pid > 0)
        jobs_record(pid, status);
    return pid;
}

static void
job_set_running(struct job *job)
{
    int i;

    for (i = 0; i < job->nprocs; i++)
        if (job->procs[i].state == JOB_STOPPED)
            job->procs[i].state = JOB_RUNNING;
    job->changed = 0;
}

/* ---- the foreground ------------------------------------------------------ */

/* $? for a wait status: the exit code, or 128 + the signal that killed or
 * stopped the process. */
static int
status_code(int status)
{
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    if (WIFSTOPPED(status))
        return 128 + WSTOPSIG(status);
    return WEXITSTATUS(status);
}

/* "Running", "Stopped", "Done", "Exit 3", "Terminated", "Killed"... */
static const char *
job_state_text(const struct job *job)
{
    static char text[48];
    int i, status = job->procs[job->nprocs - 1].status;

    switch (job_state(job)) {
    case JOB_RUNNING:
        return "Running";
    case JOB_STOPPED:
        for (i = 0; job->procs[i].state != JOB_STOPPED; i++)
            ;
        return strsignal(WSTOPSIG(job->procs[i].status));
    default:
        if (WIFSIGNALED(status))
            snprintf(text, sizeof text, "%s%s", strsignal(WTERMSIG(status)),
                     WCOREDUMP(status) ? " (core dumped)" : "");
        else if (WEXITSTATUS(status) != 0)
            snprintf(text, sizeof text, "Exit %d", WEXITSTATUS(status));
        else
            return "Done";
        return text;
    }
}

/* "[1]+  Stopped                 sleep 100" */
static void
job_print(FILE *out, const struct job *job)
{
    fprintf(out, "[%d]%c  %-24s%s%s\n", job->number, job_mark(job),
            job_state_text(job), job->text,
            job->background && job_state(job) == JOB_RUNNING ? " &" : "");
}

/*
 * Like bash: say why a foreground job died ("Segmentation fault"), except
 * for ^C, whose "^C" the console has already echoed on a line of its own,
 * and SIGPIPE, the normal end of a writer whose reader has gone.
 */
static void
job_report_death(const struct job *job)
{
    int i, status, sig;

    for (i = 0; i < job->nprocs; i++) {
        status = job->procs[i].status;
        if (!WIFSIGNALED(status))
            continue;
        sig = WTERMSIG(status);
        if (sig == SIGINT || sig == SIGPIPE)
            continue;
        fprintf(stderr, "%s%s\n", strsignal(sig),
                WCOREDUMP(status) ? " (core dumped)" : "");
        return;
    }
}

/* Waits while the job runs.  Without children left to wait for (should not
 * happen), the job is given up as ended. */
static void
job_wait_running(struct job *job)
{
    int i;

    while (job_state(job) == JOB_RUNNING) {
        if (jobs_wait_one(0) < 0 && errno != EINTR) {
            fprintf(stderr, "sh: waitpid: %s\n", strerror(errno));
            for (i = 0; i < job->nprocs; i++) {
                if (job->procs[i].state == JOB_RUNNING) {
                    job->procs[i].state = JOB_DONE;
                    job->procs[i].status = W_EXITCODE(1, 0);
                }
            }
        }
    }
}

/*
 * Runs job in the foreground until it ends or stops: it gets the console
 * (and SIGCONT first if it was stopped: resume), the shell takes the console
 * back after.  A stopped job stays in the table, reported; an ended one
 * leaves it.  Returns $?.
 */
int
job_foreground(struct job *job, int resume)
{
    int code;

    job->background = 0;
    if (job_control)
        tcsetpgrp(0, job->pgid);
    if (resume) {
        job_set_running(job);
        kill(-job->pgid, SIGCONT);
    }
    job_wait_running(job);
    if (job_control)
        tcsetpgrp(0, shell_pgid);
    code = status_code(job->procs[job->nprocs - 1].status);
    if (job_state(job) == JOB_STOPPED) {
        job_touch(job);
        job_print(stderr, job);
        job->changed = 0;
        return code;
    }
    job_report_death(job);
    job_free(job);
    return code;
}

/* ---- reports and builtins ------------------------------------------------ */

/* Before a prompt: collect what changed in the background, say so on a
 * terminal, and let finished jobs go. */
/* The stopped jobs that `kill %n` just sent SIGTERM or SIGHUP: continue
 * them, so that the signal acts now, as in bash. */
static void
jobs_continue_killed(void)
{
    struct job *job;
    int n = 0;

    while ((job = job_next(n)) != NULL) {
        n = job->number;
        if (job->continue_after_kill && job->pgid)
            kill(-job->pgid, SIGCONT);
        job->continue_after_kill = 0;
    }
}

void
jobs_notify(void)
{
    struct job *job;
    int n = 0;

    jobs_continue_killed();
    while (jobs_wait_one(WNOHANG) > 0)
        ;
    while ((job = job_next(n)) != NULL) {
        n = job->number;
        if (!job->changed)
            continue;
        if (job_control)
            job_print(stderr, job);
        job->changed = 0;
        if (job_state(job) == JOB_DONE)
            job_free(job);
    }
}

/* jobs: lists every job; finished ones are reported once and go. */
int
builtin_jobs(int argc, char **argv)
{
    struct job *job;
    int n = 0;

    while (jobs_wait_one(WNOHANG) > 0)
        ;
    while ((job = job_next(n)) != NULL) {
        n = job->number;
        job_print(stdout, job);
        job->changed = 0;
        if (job_state(job) == JOB_DONE)
            job_free(job);
    }
    return 0;
}

/* fg [%n]: the job (by default the current one) runs in the foreground. */
int
builtin_fg(int argc, char **argv)
{
    struct job *job;

    if (!job_control) {
        fprintf(stderr, "sh: fg: no job control\n");
        return 1;
    }
    if ((job = job_from_spec("fg", argc > 1 ? argv[1] : NULL)) == NULL)
        return 1;
    printf("%s\n", job->text);
    fflush(stdout);
    return job_foreground(job, job_state(job) == JOB_STOPPED);
}

/* bg [%n]: a stopped job continues, in the background. */
int
builtin_bg(int argc, char **argv)
{
    struct job *job;

    if (!job_control) {
        fprintf(stderr, "sh: bg: no job control\n");
        return 1;
    }
    if ((job = job_from_spec("bg", argc > 1 ? argv[1] : NULL)) == NULL)
        return 1;
    if (job_state(job) != JOB_STOPPED) {
        fprintf(stderr, "sh: bg: job %d already in background\n", job->number);
        return 0;
    }
    job->background = 1;
    job_touch(job);
    job_set_running(job);
    kill(-job->pgid, SIGCONT);
    printf("[%d]%c %s &\n", job->number, job_mark(job), job->text);
    return 0;
}

static int
jobs_running(void)
{
    int i;

    for (i = 0; i < JOBS_MAX; i++)
        if (job_table[i].number != 0 && job_state(&job_table[i]) == JOB_RUNNING)
            return 1;
    return 0;
}

/* wait: until no job runs.  ^C ends the wait early, with $? = 130. */
int
builtin_wait(int argc, char **argv)
{
    line_interrupted = 0;
    while (jobs_running()) {
        if (jobs_wait_one(0) < 0 && (errno != EINTR || line_interrupted))
            break;
    }
    return line_interrupted ? 128 + line_interrupted : 0;
}

/* ---- the shell's own start and end --------------------------------------- */

static void
line_interrupt(int sig)
{
    line_interrupted = sig;
}

/*
 * An interactive shell starts job control: if it was started in the
 * background, it stops (SIGTTIN) until it is brought to the foreground;
 * then it leads a group of its own and takes the console.
 */
void
jobs_init(void)
{
    struct sigaction act;
    pid_t foreground;

    signal(SIGTTIN, SIG_DFL);   /* even if our parent ignored it */
    while ((foreground = tcgetpgrp(0)) > 0 && foreground != getpgrp())
        kill(-getpgrp(), SIGTTIN);
    memset(&act, 0, sizeof act);
    act.sa_handler = line_interrupt;
    sigemptyset(&act.sa_mask);
    act.sa_flags = 0;           /* no SA_RESTART: a read at the prompt ends */
    sigaction(SIGINT, &act, NULL);
    sigaction(SIGQUIT, &act, NULL);
    sigaction(SIGTSTP, &act, NULL);
    signal(SIGTTIN, SIG_IGN);
    signal(SIGTTOU, SIG_IGN);
    shell_pgid = getpid();
    setpgid(0, shell_pgid);
    tcsetpgrp(0, shell_pgid);
    job_control = 1;
}

/*
 * The shell is leaving.  A stopped job would wait forever for a SIGCONT
 * that nobody will send, so, as when a terminal closes, it is hung up on:
 * SIGHUP, then SIGCONT so that it runs to see the SIGHUP.
 */
void
jobs_hangup(void)
{
    int i;

    if (!job_control)
        return;
    while (jobs_wait_one(WNOHANG) > 0)
        ;
    for (i = 0; i < JOBS_MAX; i++) {
        if (job_table[i].number != 0 && job_state(&job_table[i]) == JOB_STOPPED) {
            kill(-job_table[i].pgid, SIGHUP);
            kill(-job_table[i].pgid, SIGCONT);
        }
    }
}
