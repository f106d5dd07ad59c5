/*
 * run.c -- running the tree: simple commands, pipelines, lists, if, while,
 * for, and the builtins.
 *
 * A simple command's words are expanded (expand.c) just before it runs.  A
 * builtin, a command of only assignments or redirections, and a compound
 * command not in a pipeline run inside the shell itself, so that cd, X=5
 * and a loop's variable stay set; their redirections are undone after.
 * Everything else runs as a job (jobs.c): one process per pipeline stage,
 * joined by pipes.  A program that is not an executable (ENOEXEC) is run
 * as a shell script, as POSIX says, so "./script" works with or without
 * a "#!" line.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

int loop_break, loop_continue;
static int loop_depth;

/* A command's fields once expanded. */
struct fields {
    int argc;
    char *argv[ARGS_MAX + 1];
};

/* ---- builtins ------------------------------------------------------------ */

static int
builtin_cd(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : var_get("HOME");

    if (dir == NULL)
        dir = "/";
    if (chdir(dir) < 0) {
        fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    return 0;
}

static int
builtin_exit(int argc, char **argv)
{
    char *end;
    long n = last_status;

    if (argc > 1) {
        n = strtol(argv[1], &end, 10);
        if (*argv[1] == '\0' || *end != '\0') {
            fprintf(stderr, "sh: exit: %s: numeric argument required\n", argv[1]);
            n = 2;
        }
    }
    jobs_hangup();
    fflush(stdout);
    exit(n & 0xff);
}

static int
builtin_colon(int argc, char **argv)
{
    return 0;
}

static int
builtin_export(int argc, char **argv)
{
    int status = 0;
    if (argc == 1)
        vars_print();
    for (int i = 1; i < argc; i++) {
        if (strchr(argv[i], '='))
            status |= var_assign(argv[i], 1) < 0;
        else if (var_get(argv[i]))
            status |= var_set(argv[i], var_get(argv[i]), 1) < 0;
    }
    return status;
}

static int
builtin_unset(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        var_unset(argv[i]);
    return 0;
}

static int
builtin_set(int argc, char **argv)
{
    vars_print();
    return 0;
}

static int
builtin_shift(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1;
    if (n < 0 || positional_shift(n) < 0) {
        fprintf(stderr, "sh: shift: %s: shift count out of range\n", argc > 1 ? argv[1] : "1");
        return 1;
    }
    return 0;
}

/* break [n], continue [n]: leave or restart the n-th enclosing loop. */
static int
loop_control(int argc, char **argv, int *pending)
{
    int n = argc > 1 ? atoi(argv[1]) : 1;
    if (loop_depth == 0) {
        fprintf(stderr, "sh: %s: only meaningful in a loop\n", argv[0]);
        return 0;
    }
    if (n < 1) {
        fprintf(stderr, "sh: %s: %s: loop count out of range\n", argv[0], argv[1]);
        return 1;
    }
    *pending = n > loop_depth ? loop_depth : n;
    return 0;
}

static int builtin_break(int argc, char **argv) { return loop_control(argc, argv, &loop_break); }
static int builtin_continue(int argc, char **argv) { return loop_control(argc, argv, &loop_continue); }

/* read [-r] NAME...: one line from stdin, split at blanks, the rest to the
 * last name.  A byte at a time, so nothing after the line is consumed. */
static int
builtin_read(int argc, char **argv)
{
    char line[LINE_MAX_LEN], *p = line;
    int len = 0, i = 1, raw = 0, got;
    char c;

    if (i < argc && strcmp(argv[i], "-r") == 0)
        raw = 1, i++;
    while (len < (int)sizeof line - 1 && (got = read(0, &c, 1)) == 1 && c != '\n') {
        if (c == '\\' && !raw && read(0, &c, 1) == 1 && c == '\n')
            continue;
        line[len++] = c;
    }
    line[len] = '\0';
    if (i == argc)
        var_set("REPLY", line, 0);
    for (; i < argc; i++) {
        while (*p == ' ' || *p == '\t')
            p++;
        char *word = p;
        if (i < argc - 1) {
            while (*p && *p != ' ' && *p != '\t')
                p++;
            if (*p)
                *p++ = '\0';
        } else {
            for (char *end = p + strlen(p); end > p && (end[-1] == ' ' || end[-1] == '\t');)
                *--end = '\0';
        }
        var_set(argv[i], word, 0);
    }
    return len == 0 && got != 1 ? 1 : 0;
}

/* . file: run its commands in this shell. */
static int
builtin_source(int argc, char **argv)
{
    char *text;
    int fd, n, len = 0, status;

    if (argc < 2) {
        fprintf(stderr, "usage: . file\n");
        return 2;
    }
    if ((fd = open(argv[1], O_RDONLY)) < 0) {
        fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    if (!(text = malloc(TEXT_MAX))) {
        close(fd);
        return 1;
    }
    while (len < TEXT_MAX - 1 && (n = read(fd, text + len, TEXT_MAX - 1 - len)) > 0)
        len += n;
    text[len] = '\0';
    close(fd);
    status = run_text(text);
    free(text);
    return status;
}

static void
help_list_programs(void)
{
    DIR *dir = opendir("/bin");
    struct dirent *entry;
    int column = 0;

    if (dir == NULL)
        return;
    printf("Programs in /bin (each answers --help; man NAME for more):\n");
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.')
            continue;
        printf("  %-16s", entry->d_name);
        if (++column % 4 == 0)
            printf("\n");
    }
    if (column % 4 != 0)
        printf("\n");
    closedir(dir);
}

static int
builtin_help(int argc, char **argv)
{
    if (argc > 1) {                     /* help CMD: its manual page */
        char *man[] = { "man", argv[1], NULL };
        pid_t pid = fork();
        int status;
        if (pid == 0) {
            execv("/bin/man", man);
            _exit(127);
        }
        if (pid < 0 || waitpid(pid, &status, 0) < 0)
            return 1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
    }
    printf("Parley shell.  Command lines:\n"
           "  prog args...          run /bin/prog (or a path with a '/')\n"
           "  'one' \"two\" three\\ four   quoting\n"
           "  X=5  X=5 prog  export X    variables: $X ${X} ${X:-default}\n"
           "  $? status  $$ shell pid  $! last background pid  $1.. $# $@ arguments\n"
           "  $(cmd) `cmd`          a command's output   $((1 + 2)) arithmetic   ~  your home\n"
           "  *.c  ?  [a-z]         file names that match\n"
           "  < in  > out  >> out  2> err  2>&1  >&2   redirections\n"
           "  a | b    a ; b    a &    a && b    a || b    ! a    ( a )  { a; }\n"
           "  if a; then b; elif c; then d; else e; fi\n"
           "  while a; do b; done   until a; do b; done   for x in 1 2 3; do echo $x; done\n"
           "  sh script args, or a script with #!/bin/sh    # comment\n"
           "Builtins: cd exit help history jobs fg bg wait export unset set shift\n"
           "  read break continue . : and kill %%n (the shell turns %%n into a group)\n"
           "Keys: arrows edit and recall lines, Tab completes, Ctrl-A/E start/end,\n"
           "  Ctrl-K/U/W cut, Ctrl-L clears; Ctrl-C interrupts, Ctrl-Z stops the\n"
           "  foreground job, Ctrl-D ends the shell, Ctrl-P lists processes.\n");
    help_list_programs();
    return 0;
}

static const struct builtin {
    const char *name;
    int (*run)(int argc, char **argv);
} builtins[] = {
    { ".", builtin_source }, { ":", builtin_colon }, { "bg", builtin_bg },
    { "break", builtin_break }, { "cd", builtin_cd },
    { "continue", builtin_continue }, { "exit", builtin_exit },
    { "export", builtin_export }, { "fg", builtin_fg }, { "help", builtin_help },
    { "history", builtin_history }, { "jobs", builtin_jobs },
    { "read", builtin_read }, { "set", builtin_set }, { "shift", builtin_shift },
    { "source", builtin_source }, { "unset", builtin_unset },
    { "wait", builtin_wait },
};
#define NBUILTINS (int)(sizeof builtins / sizeof builtins[0])

static const struct builtin *
builtin_find(const char *name)
{
    for (int i = 0; i < NBUILTINS; i++)
        if (strcmp(name, builtins[i].name) == 0)
            return &builtins[i];
    return NULL;
}

int builtin_exists(const char *name) { return builtin_find(name) != NULL; }
const char *builtin_name(int i) { return i < NBUILTINS ? builtins[i].name : NULL; }

/* ---- expansion of a simple command --------------------------------------- */

/* Where kill's process ids start, by /bin/kill's own rules; argc if none. */
static int
kill_first_operand(int argc, char **argv)
{
    int i = 1;

    if (argc > 1 && strcmp(argv[1], "-l") == 0)
        return argc;                    /* kill -l: no process ids */
    if (argc > 2 && strcmp(argv[1], "-s") == 0)
        i = 3;
    else if (argc > 1 && argv[1][0] == '-')
        i = 2;
    if (i > 1 && i < argc && strcmp(argv[i - 1], "--") != 0 &&
        strcmp(argv[i], "--") == 0)
        i++;
    return i;
}

static int
add_number(struct fields *f, const char *format, int n)
{
    char number[16];
    if (f->argc >= ARGS_MAX)
        return -1;
    snprintf(number, sizeof number, format, n);
    return (f->argv[f->argc++] = strdup(number)) ? 0 : -1;
}

/* Does this kill command send SIGTERM or SIGHUP (kill, kill -TERM, -15,
 * -s HUP, ...)?  A stopped job would keep those pending until continued,
 * so, like bash, the shell continues it after the kill (jobs_notify). */
static int
kill_wakes_stopped_jobs(int argc, char **argv)
{
    static const char *const names[] = {
        "TERM", "SIGTERM", "15", "HUP", "SIGHUP", "1",
    };
    const char *sig = "TERM";
    if (argc > 2 && strcmp(argv[1], "-s") == 0)
        sig = argv[2];
    else if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--") != 0)
        sig = argv[1] + 1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(sig, names[i]) == 0)
            return 1;
    return 0;
}

/*
 * kill %n: /bin/kill knows nothing of jobs, so (like bash's builtin kill)
 * the shell turns a job into its process group, "-pgid", with a "--" in
 * front of the process ids so that "-pgid" is not read as a signal.  A
 * shell without job control (a script) gives the job's process ids.
 */
static int
expand_kill_jobs(struct fields *f)
{
    int first = kill_first_operand(f->argc, f->argv), jobs = 0;
    int wakes = kill_wakes_stopped_jobs(f->argc, f->argv);
    struct fields old = *f;
    struct job *job;

    for (int i = first; i < f->argc; i++)
        jobs += f->argv[i][0] == '%';
    if (jobs == 0)
        return 0;
    f->argc = 0;
    for (int i = 0; i < old.argc; i++) {
        if (i == first && strcmp(old.argv[i - 1], "--") != 0)
            f->argv[f->argc++] = strdup("--");
        if (i < first || old.argv[i][0] != '%') {
            f->argv[f->argc++] = old.argv[i];
            continue;
        }
        job = job_from_spec("kill", old.argv[i]);
        free(old.argv[i]);
        if (!job) {
            free_fields(f->argv, f->argc);
            free_fields(old.argv + i + 1, old.argc - i - 1);
            return -1;
        }
        if (wakes && job_state(job) == JOB_STOPPED)
            job->continue_after_kill = 1;
        if (job->pgid)
            add_number(f, "-%d", job->pgid);
        for (int k = 0; !job->pgid && k < job->nprocs; k++)
            if (job->procs[k].state != JOB_DONE)
                add_number(f, "%d", job->procs[k].pid);
    }
    f->argv[f->argc] = NULL;
    return 0;
}

/* The words of a simple command into f; 0, or -1 after a message. */
static int
expand_command(struct command *cmd, struct fields *f)
{
    f->argc = 0;
    for (int i = 0; i < cmd->nwords; i++) {
        int n = expand_word(cmd->words[i], f->argv, f->argc, ARGS_MAX, 1);
        if (n < 0) {
            free_fields(f->argv, f->argc);
            return -1;
        }
        f->argc = n;
    }
    f->argv[f->argc] = NULL;
    if (f->argc > 0 && strcmp(f->argv[0], "kill") == 0)
        return expand_kill_jobs(f);
    return 0;
}

/* NAME=value words: into the shell's variables, or (export) the
 * environment of the program about to be exec'd. */
static int
assign_all(struct command *cmd, int export)
{
    for (int i = 0; i < cmd->nassigns; i++) {
        const char *eq = strchr(cmd->assigns[i], '=');
        char *value = expand_one(eq + 1), name[64];
        int len = eq - cmd->assigns[i];
        if (!value || len >= (int)sizeof name) {
            free(value);
            return -1;
        }
        memcpy(name, cmd->assigns[i], len);
        name[len] = '\0';
        if (export)
            setenv(name, value, 1);
        else
            var_set(name, value, 0);
        free(value);
    }
    return 0;
}

/* ---- redirections -------------------------------------------------------- */

/* Performs one redirection in this process; 0, or -1 after a message. */
static int
redirect_apply(struct redirect *r)
{
    int fd, target, flags;
    char *path;

    switch (r->kind) {
    case R_IN:         target = 0; flags = O_RDONLY; break;
    case R_OUT:        target = 1; flags = O_WRONLY | O_CREAT | O_TRUNC; break;
    case R_APPEND:     target = 1; flags = O_WRONLY | O_CREAT | O_APPEND; break;
    case R_ERR:        target = 2; flags = O_WRONLY | O_CREAT | O_TRUNC; break;
    case R_ERR_APPEND: target = 2; flags = O_WRONLY | O_CREAT | O_APPEND; break;
    case R_ERR_TO_OUT: return dup2(1, 2) < 0 ? -1 : 0;
    default:           return dup2(2, 1) < 0 ? -1 : 0;     /* R_OUT_TO_ERR */
    }
    if (!(path = expand_one(r->word)))
        return -1;
    if ((fd = open(path, flags, 0666)) < 0) {
        fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
        free(path);
        return -1;
    }
    free(path);
    if (fd != target) {
        dup2(fd, target);
        close(fd);
    }
    return 0;
}

static int
redirect_all(struct redirect *r)
{
    for (; r != NULL; r = r->next)
        if (redirect_apply(r) < 0)
            return -1;
    return 0;
}

/* Redirections inside the shell must not outlive their command: fds 0-2
 * are saved first and put back after. */
static void
redirect_save(struct redirect *r, int saved[3])
{
    fflush(stdout);
    for (int fd = 0; fd < 3; fd++)
        saved[fd] = r ? fcntl(fd, F_DUPFD_CLOEXEC, 10) : -1;
}

static void
redirect_restore(struct redirect *r, int saved[3])
{
    fflush(stdout);
    fflush(stderr);
    for (int fd = 0; fd < 3 && r; fd++) {
        if (saved[fd] >= 0) {
            dup2(saved[fd], fd);
            close(saved[fd]);
        } else {
            close(fd);
        }
    }
}

/* ---- exec ---------------------------------------------------------------- */

/* A file that is not a program is a script for this shell (POSIX). */
static void
exec_script(const char *path, char **argv)
{
    char *args[ARGS_MAX + 2];
    int n = 0;

    args[n++] = "sh";
    args[n++] = (char *)path;
    for (int i = 1; argv[i] && n < ARGS_MAX + 1; i++)
        args[n++] = argv[i];
    args[n] = NULL;
    execv("/bin/sh", args);
}

/* Commands without a '/' are looked up in the directories of $PATH. */
static void
exec_command(char **argv)
{
    const char *search = var_get("PATH");
    char path[256];

    var_export_all();
    if (strcmp(argv[0], "[") == 0) {
        execv("/bin/test", argv);       /* "[" is test, which checks the "]" */
    } else if (strchr(argv[0], '/') != NULL) {
        execv(argv[0], argv);
        if (errno == ENOEXEC)
            exec_script(argv[0], argv);
    } else {
        int err = ENOENT;
        for (const char *dir = search && *search ? search : "/bin"; dir;) {
            const char *colon = strchr(dir, ':');
            int len = colon ? colon - dir : (int)strlen(dir);
            snprintf(path, sizeof path, "%.*s/%s", len, len ? dir : ".", argv[0]);
            execv(path, argv);
            if (errno == ENOEXEC)
                exec_script(path, argv);
            if (errno != ENOENT)
                err = errno;
            dir = colon ? colon + 1 : NULL;
        }
        errno = err;
    }
    if (errno == ENOENT) {
        fprintf(stderr, "sh: %s: not found\n", argv[0]);
        _exit(127);
    }
    fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(errno));
    _exit(126);
}

/* ---- the text of a job, for its messages --------------------------------- */

struct text {
    char buf[JOB_TEXT_MAX];
    int len;
};

static void
text_put(struct text *t, const char *s)
{
    for (; *s != '\0' && t->len < JOB_TEXT_MAX - 1; s++)
        t->buf[t->len++] = *s;
    t->buf[t->len] = '\0';
}

/* "cat < in | wc -l > out": the pipeline as typed, rebuilt from its tree. */
static void
text_pipeline(struct text *t, struct pipeline *pl)
{
    static const char *const compound[] = {
        [C_IF] = "if ...", [C_WHILE] = "while ...", [C_UNTIL] = "until ...",
        [C_FOR] = "for ...", [C_GROUP] = "{ ... }", [C_SUBSHELL] = "( ... )",
    };
    for (struct command *cmd = pl->commands; cmd != NULL; cmd = cmd->next) {
        const char *space = "";
        for (int i = 0; i < cmd->nassigns; i++, space = " ") {
            text_put(t, space);
            text_put(t, cmd->assigns[i]);
        }
        if (cmd->kind != C_SIMPLE) {
            text_put(t, compound[cmd->kind]);
            space = " ";
        }
        for (int i = 0; cmd->kind == C_SIMPLE && i < cmd->nwords; i++, space = " ") {
            text_put(t, space);
            text_put(t, cmd->words[i]);
        }
        for (struct redirect *r = cmd->redirects; r != NULL; r = r->next, space = " ") {
            text_put(t, space);
            text_put(t, redirect_text(r->kind));
            text_put(t, r->word ? " " : "");
            text_put(t, r->word ? r->word : "");
        }
        text_put(t, cmd->next ? " | " : "");
    }
}

/* ---- compound commands --------------------------------------------------- */

/* The user typed ^C at a foreground job: a loop stops too (as in bash). */
static int
interrupted(void)
{
    return job_control && last_status == 128 + SIGINT;
}

/* After a loop's body: whether to leave the loop. */
static int
loop_should_end(void)
{
    if (loop_break > 0) {
        loop_break--;
        return 1;
    }
    if (loop_continue > 0) {
        if (--loop_continue > 0)
            return 1;               /* continue an outer loop */
    }
    return interrupted();
}

static int
run_while(struct command *cmd)
{
    int status = 0;
    loop_depth++;
    for (;;) {
        int test = run_list(cmd->cond);
        if ((cmd->kind == C_WHILE) != (test == 0) || loop_break || interrupted())
            break;
        status = run_list(cmd->body);
        if (loop_should_end())
            break;
    }
    loop_depth--;
    return status;
}

static int
run_for(struct command *cmd)
{
    struct fields f;
    int status = 0;

    f.argc = 0;
    if (!cmd->for_has_in) {
        for (int i = 1; i <= positional_count() && f.argc < ARGS_MAX; i++)
            f.argv[f.argc++] = strdup(positional_get(i));
    }
    for (int i = 0; i < cmd->nwords; i++) {
        int n = expand_word(cmd->words[i], f.argv, f.argc, ARGS_MAX, 1);
        if (n < 0) {
            free_fields(f.argv, f.argc);
            return 1;
        }
        f.argc = n;
    }
    loop_depth++;
    for (int i = 0; i < f.argc; i++) {
        var_set(cmd->var, f.argv[i], 0);
        status = run_list(cmd->body);
        if (loop_should_end())
            break;
    }
    loop_depth--;
    free_fields(f.argv, f.argc);
    return status;
}

static int
run_compound(struct command *cmd)
{
    switch (cmd->kind) {
    case C_IF:
        if (run_list(cmd->cond) == 0)
            return run_list(cmd->body);
        return cmd->otherwise ? run_list(cmd->otherwise) : 0;
    case C_WHILE:
    case C_UNTIL:
        return run_while(cmd);
    case C_FOR:
        return run_for(cmd);
    default:                            /* C_GROUP, C_SUBSHELL (in a child) */
        return run_list(cmd->body);
    }
}

/* ---- jobs, pipelines, lists ---------------------------------------------- */

/* What a pipeline stage does once its process is set up. */
static void
stage_run(struct command *cmd, struct fields *f)
{
    const struct builtin *b;
    int status;

    if (cmd->kind != C_SIMPLE) {
        status = run_compound(cmd);
    } else if (f->argc == 0) {
        status = 0;
    } else if ((b = builtin_find(f->argv[0])) != NULL) {
        status = b->run(f->argc, f->argv);
    } else {
        if (assign_all(cmd, 1) < 0)
            _exit(1);
        exec_command(f->argv);
    }
    fflush(stdout);
    _exit(status);
}

/*
 * In the child of one pipeline stage: enter the job (its process group, the
 * console, default signals), connect stdin to the previous pipe (input, or
 * -1 for the shell's stdin) and stdout to the next (out[1], or -1 for the
 * last stage), close every other pipe end, then redirect and run.  A pipe
 * end left open by mistake would keep a reader from seeing EOF.
 */
static void
job_start_child(struct job *job, struct command *cmd, struct fields *f,
                int input, int out[2])
{
    job_child_enter(job);
    interactive = job_control = 0;  /* the jobs are the shell's, not this copy's */
    job_free(job);                  /* and "jobs | cat" lists only the others */
    if (input >= 0) {
        dup2(input, 0);
        close(input);
    }
    if (out[1] >= 0) {
        dup2(out[1], 1);
        close(out[1]);
        close(out[0]);
    }
    if (redirect_all(cmd->redirects) < 0)
        _exit(1);
    stage_run(cmd, f);
}

/*
 * Forks one process per stage of pl, joined by pipes.  The parent keeps at
 * most the read end of the latest pipe open.  Returns the number of
 * processes started; fewer than pl->ncommands after a failure.
 */
static int
job_start(struct job *job, struct pipeline *pl, struct fields *first)
{
    struct fields f;
    int input = -1, out[2];
    pid_t pid;

    for (struct command *cmd = pl->commands; cmd != NULL; cmd = cmd->next) {
        out[0] = out[1] = -1;
        f.argc = 0;
        if (first && cmd == pl->commands)
            f = *first;             /* expanded already, not run twice */
        else if (cmd->kind == C_SIMPLE && expand_command(cmd, &f) < 0)
            break;
        if (cmd->next != NULL && pipe(out) < 0) {
            fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
            free_fields(f.argv, f.argc);
            break;
        }
        fflush(stdout);             /* or children would print our buffer too */
        if ((pid = fork()) < 0) {
            fprintf(stderr, "sh: fork: %s\n", strerror(errno));
            if (out[0] >= 0) {
                close(out[0]);
                close(out[1]);
            }
            free_fields(f.argv, f.argc);
            break;
        }
        if (pid == 0)
            job_start_child(job, cmd, &f, input, out);
        free_fields(f.argv, f.argc);
        job_add(job, pid);
        if (input >= 0)
            close(input);
        if (out[1] >= 0)
            close(out[1]);
        input = out[0];
    }
    if (input >= 0)             /* only after a failure part-way */
        close(input);
    return job->nprocs;
}

static int
run_job(struct pipeline *pl, int background, struct fields *first)
{
    struct text text = { "", 0 };
    struct job *job;
    int started, code;

    text_pipeline(&text, pl);
    if ((job = job_new(text.buf, background, pl->ncommands)) == NULL) {
        if (first)
            free_fields(first->argv, first->argc);
        return 1;
    }
    if ((started = job_start(job, pl, first)) == 0) {
        job_free(job);
        return 1;
    }
    if (background) {
        last_background = job->procs[job->nprocs - 1].pid;
        job_announce(job);
        return started == pl->ncommands ? 0 : 1;
    }
    code = job_foreground(job, 0);
    return started == pl->ncommands ? code : 1;
}

/* A simple command that needs no process of its own: assignments alone,
 * redirections alone, or a builtin.  Returns -1 if it does need one, with
 * its fields expanded in f. */
static int
run_simple_here(struct command *cmd, struct fields *fp)
{
    const struct builtin *b = NULL;
    struct fields f;
    int saved[3], status = 1;

    if (cmd->nwords == 0) {
        last_status = 0;            /* X=$(false) sets $? */
        if (assign_all(cmd, 0) < 0)
            return 1;
        status = last_status;
    } else {
        if (expand_command(cmd, &f) < 0)
            return 1;
        if (f.argc > 0 && !(b = builtin_find(f.argv[0]))) {
            *fp = f;                /* a program: run_job runs it */
            return -1;
        }
        if (assign_all(cmd, 0) < 0)
            return 1;
    }
    redirect_save(cmd->redirects, saved);
    if (redirect_all(cmd->redirects) == 0)
        status = b ? b->run(f.argc, f.argv) : cmd->nwords ? 0 : status;
    else
        status = 1;
    redirect_restore(cmd->redirects, saved);
    if (cmd->nwords)
        free_fields(f.argv, f.argc);
    return status;
}

static int
run_command_here(struct command *cmd, struct fields *f)
{
    int saved[3], status = 1;

    if (cmd->kind == C_SIMPLE)
        return run_simple_here(cmd, f);
    if (cmd->kind == C_SUBSHELL)
        return -1;
    redirect_save(cmd->redirects, saved);
    if (redirect_all(cmd->redirects) == 0)
        status = run_compound(cmd);
    redirect_restore(cmd->redirects, saved);
    return status;
}

static int
run_pipeline(struct pipeline *pl, int background)
{
    struct fields f;
    int status = -1;

    f.argc = -1;
    if (pl->ncommands == 1 && !background)
        status = run_command_here(pl->commands, &f);
    if (status < 0)
        status = run_job(pl, background, f.argc >= 0 ? &f : NULL);
    return pl->bang ? !status : status;
}

/* a && b || c: each pipeline runs or not depending on the status so far. */
static int
run_and_or(struct pipeline *pl)
{
    int status = 0;

    for (; pl != NULL && !loop_break && !loop_continue; pl = pl->next) {
        if ((pl->op == OP_AND && status != 0) || (pl->op == OP_OR && status == 0))
            continue;
        status = run_pipeline(pl, 0);
        last_status = status;
    }
    return status;
}

/*
 * "a && b &": a chain in the background runs in a forked copy of the shell,
 * one job whose group the copy's children share (the copy does no job
 * control of its own).
 */
static void
run_background(struct list *ao)
{
    struct text text = { "", 0 };
    struct job *job;
    pid_t pid;

    if (ao->pipelines->next == NULL) {
        run_pipeline(ao->pipelines, 1);
        return;
    }
    for (struct pipeline *pl = ao->pipelines; pl != NULL; pl = pl->next) {
        text_put(&text, pl->op == OP_AND ? " && " : pl->op == OP_OR ? " || " : "");
        text_pipeline(&text, pl);
    }
    if ((job = job_new(text.buf, 1, 1)) == NULL)
        return;
    fflush(stdout);
    if ((pid = fork()) < 0) {
        fprintf(stderr, "sh: fork: %s\n", strerror(errno));
        job_free(job);
        return;
    }
    if (pid == 0) {
        job_child_enter(job);
        interactive = job_control = 0;
        jobs_forget();
        _exit(run_and_or(ao->pipelines));
    }
    job_add(job, pid);
    last_background = pid;
    job_announce(job);
}

int
run_list(struct list *list)
{
    for (; list != NULL && !loop_break && !loop_continue; list = list->next) {
        if (list->background) {
            run_background(list);
            last_status = 0;
        } else {
            last_status = run_and_or(list->pipelines);
        }
    }
    return last_status;
}

/* Parses and runs text ($(...), . file, sh -c): its tree goes into the
 * arena after the caller's, which stays intact. */
int
run_text(const char *text)
{
    struct list *list;
    int err = parse_text(text, &list);

    if (err == PARSE_MORE) {
        fprintf(stderr, "sh: syntax error: unexpected end of input\n");
        err = -1;
    }
    if (err < 0)
        return last_status = 2;
    return run_list(list);
}
