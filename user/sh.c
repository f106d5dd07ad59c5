/*
 * sh -- the Parley shell.
 *
 *   sh                  read commands from stdin ("$ " prompt on a terminal)
 *   sh script           read commands from a file
 *   sh -c 'line'        run one command line
 *
 * A command line goes through three stages, each a group of functions below:
 *
 *   1. lex     line   -> tokens      quotes, backslash, $, comments, operators
 *   2. parse   tokens -> tree        one struct per grammar rule
 *   3. run     tree   -> processes   fork, pipe, dup2, execv, waitpid
 *
 * Grammar (the tree mirrors it):
 *
 *   list      := and_or { (';' | '&') and_or } [ ';' | '&' ]
 *   and_or    := pipeline { ('&&' | '||') pipeline }
 *   pipeline  := command { '|' command }
 *   command   := { WORD | redirect }
 *   redirect  := ('<' | '>' | '>>' | '2>') WORD  |  '2>&1'
 *
 * Everything parsed from one line lives in one arena that is emptied before
 * the next line, so no node is ever freed on its own.  "$?" is expanded when a
 * command is about to run, not when the line is read, so "false; echo $?"
 * prints 1.
 *
 * Jobs.  A pipeline runs as a struct job (sh_jobs.h) that records its
 * processes.  An interactive shell does job control: each job in its own
 * process group, the console's foreground group given to the job that runs
 * in the foreground, Ctrl-Z stops it, and jobs, fg and bg manage the rest.
 * See sh_jobs.h and docs/shell.md.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/wait.h>
#include <unistd.h>

#define LINE_MAX_LEN 1024       /* bytes in one command line */
#define TOKENS_MAX   256        /* tokens in one command line */
#define ARGS_MAX     64         /* words in one command */
#define ARENA_SIZE   (64 * 1024)

/* Marks an unquoted or double-quoted "$?" inside a word until it runs. */
#define STATUS_MARK  '\001'

static int last_status;         /* $?: status of the last foreground command */
static int interactive;         /* reading a terminal: prompt, job control */

#include "sh_jobs.h"

/* ---- the arena: memory for one command line ------------------------------ */

static char arena[ARENA_SIZE];
static unsigned int arena_used;

static void
arena_reset(void)
{
    arena_used = 0;
}

/* Returns n bytes from the arena, or NULL (with a message) if it is full. */
static void *
arena_alloc(unsigned int n)
{
    void *p;

    n = (n + 7) & ~7u;
    if (n > ARENA_SIZE - arena_used) {
        fprintf(stderr, "sh: command line too complex\n");
        return NULL;
    }
    p = arena + arena_used;
    arena_used += n;
    return p;
}

static char *
arena_strdup(const char *s, int len)
{
    char *copy = arena_alloc(len + 1);

    if (copy) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

/* ---- 1. lex: split a line into words and operators ----------------------- */

enum token_kind {
    T_END, T_WORD, T_PIPE, T_OR, T_AMP, T_AND, T_SEMI,
    T_IN, T_OUT, T_APPEND, T_ERR, T_ERR_TO_OUT
};

struct token {
    enum token_kind kind;
    char *word;                 /* T_WORD only */
};

/* Operators, longest first so that ">>" is not read as ">" ">". */
static const struct {
    const char *text;
    enum token_kind kind;
} operators[] = {
    { "2>&1", T_ERR_TO_OUT }, { "2>", T_ERR }, { ">>", T_APPEND },
    { "||", T_OR }, { "&&", T_AND }, { "|", T_PIPE }, { "&", T_AMP },
    { ";", T_SEMI }, { "<", T_IN }, { ">", T_OUT },
};
#define NOPERATORS (int)(sizeof operators / sizeof operators[0])

static const char *
token_text(const struct token *t)
{
    int i;

    if (t->kind == T_WORD)
        return t->word;
    for (i = 0; i < NOPERATORS; i++)
        if (operators[i].kind == t->kind)
            return operators[i].text;
    return "newline";
}

static int
is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* If an operator starts at p, stores its kind and returns its length. */
static int
lex_operator(const char *p, enum token_kind *kind)
{
    int i, len;

    for (i = 0; i < NOPERATORS; i++) {
        len = strlen(operators[i].text);
        if (strncmp(p, operators[i].text, len) == 0) {
            *kind = operators[i].kind;
            return len;
        }
    }
    return 0;
}

struct word_buffer {
    char text[LINE_MAX_LEN];
    int len;
};

static void
word_put(struct word_buffer *w, char c)
{
    if (w->len < LINE_MAX_LEN - 1)   /* longer words are cut short */
        w->text[w->len++] = c;
}

static void
word_put_string(struct word_buffer *w, const char *s)
{
    while (*s != '\0')
        word_put(w, *s++);
}

/*
 * Expands the '$' at p into w; returns the characters used.
 *   $?      a STATUS_MARK, replaced by the status when the command runs
 *   $$      the shell's process id
 *   $NAME   the environment variable NAME, or nothing
 * Any other '$' stays as it is.
 */
static int
lex_dollar(const char *p, struct word_buffer *w)
{
    char name[64], pid[16];
    const char *value;
    int len = 0;

    if (p[1] == '?') {
        word_put(w, STATUS_MARK);
        return 2;
    }
    if (p[1] == '$') {
        snprintf(pid, sizeof pid, "%d", getpid());
        word_put_string(w, pid);
        return 2;
    }
    while (len < (int)sizeof name - 1 &&
           (isalpha((unsigned char)p[1 + len]) || p[1 + len] == '_' ||
            (len > 0 && isdigit((unsigned char)p[1 + len])))) {
        name[len] = p[1 + len];
        len++;
    }
    if (len == 0) {
        word_put(w, '$');
        return 1;
    }
    name[len] = '\0';
    if ((value = getenv(name)) != NULL)
        word_put_string(w, value);
    return 1 + len;
}

/*
 * Reads one word starting at p into *word; returns the position after it, or
 * NULL on an unterminated quote.  Quoting rules are the shell's:
 *   'single'   everything literal
 *   "double"   literal except $ (see lex_dollar) and a backslash before
 *              " \ $ or `
 *   \c         c literal, outside quotes
 */
static const char *
lex_word(const char *p, char **word)
{
    static struct word_buffer w;
    char quote;

    w.len = 0;
    while (*p != '\0' && !is_blank(*p) && strchr("|&;<>", *p) == NULL) {
        if (*p == '\'' || *p == '"') {
            quote = *p++;
            while (*p != '\0' && *p != quote) {
                if (quote == '"' && *p == '$') {
                    p += lex_dollar(p, &w);
                    continue;
                }
                if (quote == '"' && *p == '\\' && p[1] != '\0' &&
                    strchr("\"\\$`", p[1]) != NULL)
                    p++;
                word_put(&w, *p++);
            }
            if (*p == '\0') {
                fprintf(stderr, "sh: syntax error: unterminated %c\n", quote);
                return NULL;
            }
            p++;
        } else if (*p == '\\') {
            if (p[1] != '\0')
                p++;
            word_put(&w, *p++);
        } else if (*p == '$') {
            p += lex_dollar(p, &w);
        } else {
            word_put(&w, *p++);
        }
    }
    *word = arena_strdup(w.text, w.len);
    return *word ? p : NULL;
}

/* Splits line into tokens, ending with T_END.  Returns 0, or -1 on error. */
static int
lex_line(const char *p, struct token *tokens)
{
    int n = 0, len;

    for (;;) {
        while (is_blank(*p))
            p++;
        if (*p == '\0' || *p == '#')        /* '#' starts a comment */
            break;
        if (n == TOKENS_MAX - 1) {
            fprintf(stderr, "sh: too many words\n");
            return -1;
        }
        len = lex_operator(p, &tokens[n].kind);
        if (len > 0) {
            p += len;
        } else {
            tokens[n].kind = T_WORD;
            if ((p = lex_word(p, &tokens[n].word)) == NULL)
                return -1;
        }
        n++;
    }
    tokens[n].kind = T_END;
    return 0;
}

/* ---- 2. parse: tokens into a tree ---------------------------------------- */

struct redirect {
    enum token_kind kind;       /* T_IN, T_OUT, T_APPEND, T_ERR, T_ERR_TO_OUT */
    char *path;                 /* NULL for T_ERR_TO_OUT */
    struct redirect *next;
};

struct command {
    int argc;
    char **argv;                /* argc words, then NULL */
    struct redirect *redirects; /* applied in order, after the pipe's dup2s */
    struct command *next;       /* next stage of the pipeline */
};

struct pipeline {
    struct command *commands;
    int ncommands;
    enum token_kind op;         /* T_AND / T_OR joining it to the previous one */
    struct pipeline *next;
};

struct and_or {
    struct pipeline *pipelines;
    int background;             /* ended by '&' */
    struct and_or *next;
};

static struct token *tok;       /* the parser's position */

static void
syntax_error(void)
{
    fprintf(stderr, "sh: syntax error near '%s'\n", token_text(tok));
}

static int
is_redirect(enum token_kind kind)
{
    return kind == T_IN || kind == T_OUT || kind == T_APPEND ||
           kind == T_ERR || kind == T_ERR_TO_OUT;
}

static struct redirect *
parse_redirect(void)
{
    struct redirect *r = arena_alloc(sizeof *r);

    if (r == NULL)
        return NULL;
    r->kind = tok++->kind;
    r->path = NULL;
    r->next = NULL;
    if (r->kind != T_ERR_TO_OUT) {
        if (tok->kind != T_WORD) {
            syntax_error();
            return NULL;
        }
        r->path = tok++->word;
    }
    return r;
}

static struct command *
parse_command(void)
{
    char *words[ARGS_MAX];
    struct redirect *redirects = NULL, **tail = &redirects, *r;
    struct command *cmd;
    int argc = 0;

    for (;;) {
        if (tok->kind == T_WORD) {
            if (argc == ARGS_MAX) {
                fprintf(stderr, "sh: too many arguments\n");
                return NULL;
            }
            words[argc++] = tok++->word;
        } else if (is_redirect(tok->kind)) {
            if ((r = parse_redirect()) == NULL)
                return NULL;
            *tail = r;
            tail = &r->next;
        } else {
            break;
        }
    }
    if (argc == 0 && redirects == NULL) {
        syntax_error();
        return NULL;
    }
    cmd = arena_alloc(sizeof *cmd);
    if (cmd == NULL || (cmd->argv = arena_alloc((argc + 1) * sizeof(char *))) == NULL)
        return NULL;
    memcpy(cmd->argv, words, argc * sizeof(char *));
    cmd->argv[argc] = NULL;
    cmd->argc = argc;
    cmd->redirects = redirects;
    cmd->next = NULL;
    return cmd;
}

static struct pipeline *
parse_pipeline(void)
{
    struct pipeline *pl = arena_alloc(sizeof *pl);
    struct command **tail, *cmd;

    if (pl == NULL)
        return NULL;
    pl->ncommands = 0;
    pl->op = T_END;
    pl->next = NULL;
    tail = &pl->commands;
    for (;;) {
        if ((cmd = parse_command()) == NULL)
            return NULL;
        *tail = cmd;
        tail = &cmd->next;
        pl->ncommands++;
        if (tok->kind != T_PIPE)
            return pl;
        tok++;
    }
}

static struct and_or *
parse_and_or(void)
{
    struct and_or *ao = arena_alloc(sizeof *ao);
    struct pipeline **tail, *pl;
    enum token_kind op = T_END;

    if (ao == NULL)
        return NULL;
    ao->background = 0;
    ao->next = NULL;
    tail = &ao->pipelines;
    for (;;) {
        if ((pl = parse_pipeline()) == NULL)
            return NULL;
        pl->op = op;
        *tail = pl;
        tail = &pl->next;
        if (tok->kind != T_AND && tok->kind != T_OR)
            return ao;
        op = tok++->kind;
    }
}

/* Parses a whole line into *list (NULL for an empty line); 0 or -1. */
static int
parse_line(struct token *tokens, struct and_or **list)
{
    struct and_or **tail = list, *ao;

    tok = tokens;
    *list = NULL;
    while (tok->kind != T_END) {
        if ((ao = parse_and_or()) == NULL)
            return -1;
        if (tok->kind == T_AMP)
            ao->background = 1;
        else if (tok->kind != T_SEMI && tok->kind != T_END) {
            syntax_error();
            return -1;
        }
        if (tok->kind != T_END)
            tok++;
        *tail = ao;
        tail = &ao->next;
    }
    return 0;
}

/* ---- 3. run: builtins ---------------------------------------------------- */

/* Builtins take the words of their command; job control's are in sh_jobs.h. */

static int
builtin_cd(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : getenv("HOME");

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
    exit(n & 0xff);
}

/* A command made only of redirections ("> file") just performs them. */
static int
builtin_none(int argc, char **argv)
{
    return 0;
}

static void
help_list_programs(void)
{
    DIR *dir = opendir("/bin");
    struct dirent *entry;
    int column = 0;

    if (dir == NULL)
        return;
    printf("Programs in /bin:\n");
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
    printf("Parley shell.  Command lines:\n"
           "  prog args...          run /bin/prog (or a path with a '/')\n"
           "  'one' \"two\" three\\ four   quoting\n"
           "  $? last exit status   $$ the shell's pid   $NAME environment\n"
           "  < in  > out  >> out  2> err  2>&1   redirections\n"
           "  a | b | c             pipeline\n"
           "  a ; b    a &          one after the other; a in the background\n"
           "  a && b   a || b       b only if a succeeded / failed\n"
           "  # ...                 comment\n"
           "Builtins: cd [dir], exit [n], help, jobs, fg [%%n], bg [%%n], wait\n"
           "  kill [-SIG] pid|%%n   (/bin/kill; the shell turns %%n into a group)\n"
           "Keys: Ctrl-C interrupts and Ctrl-Z stops the foreground job,\n"
           "      Ctrl-D ends the shell, Ctrl-P lists processes.\n");
    help_list_programs();
    return 0;
}

static const struct builtin {
    const char *name;
    int (*run)(int argc, char **argv);
} builtins[] = {
    { "bg", builtin_bg },
    { "cd", builtin_cd },
    { "exit", builtin_exit },
    { "fg", builtin_fg },
    { "help", builtin_help },
    { "jobs", builtin_jobs },
    { "wait", builtin_wait },
};

static const struct builtin *
builtin_find(struct command *cmd)
{
    static const struct builtin none = { "", builtin_none };
    unsigned int i;

    if (cmd->argc == 0)
        return &none;
    for (i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (strcmp(cmd->argv[0], builtins[i].name) == 0)
            return &builtins[i];
    return NULL;
}

/* ---- 3. run: redirections, exec, signals --------------------------------- */

/* Replaces each STATUS_MARK in word by $?; returns the new word or NULL. */
static char *
expand_word(char *word)
{
    char buf[LINE_MAX_LEN + 16];
    int len = 0;

    if (strchr(word, STATUS_MARK) == NULL)
        return word;
    for (; *word != '\0' && len < LINE_MAX_LEN; word++) {
        if (*word == STATUS_MARK)
            len += snprintf(buf + len, sizeof buf - len, "%d", last_status);
        else
            buf[len++] = *word;
    }
    return arena_strdup(buf, len);
}

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

/*
 * kill %n: /bin/kill knows nothing of jobs, so (like bash's builtin kill)
 * the shell turns a job into its process group, "-pgid", with a "--" in
 * front of the process ids so that "-pgid" is not read as a signal.
 */
static int
expand_kill_jobs(struct command *cmd)
{
    int first = kill_first_operand(cmd->argc, cmd->argv), i, n = 0, jobs = 0;
    char **argv, number[16];
    struct job *job;

    for (i = first; i < cmd->argc; i++)
        jobs += cmd->argv[i][0] == '%';
    if (jobs == 0)
        return 0;
    if ((argv = arena_alloc((cmd->argc + 2) * sizeof(char *))) == NULL)
        return -1;
    for (i = 0; i < cmd->argc; i++) {
        if (i == first && strcmp(cmd->argv[i - 1], "--") != 0)
            argv[n++] = "--";
        if (i < first || cmd->argv[i][0] != '%') {
            argv[n++] = cmd->argv[i];
            continue;
        }
        if ((job = job_from_spec("kill", cmd->argv[i])) == NULL)
            return -1;
        if (job->pgid == 0) {
            fprintf(stderr, "sh: kill: %s: no job control\n", cmd->argv[i]);
            return -1;
        }
        snprintf(number, sizeof number, "-%d", job->pgid);
        if ((argv[n++] = arena_strdup(number, strlen(number))) == NULL)
            return -1;
    }
    argv[n] = NULL;
    cmd->argv = argv;
    cmd->argc = n;
    return 0;
}

/* $? and kill's job names, just before the command runs. */
static int
expand_command(struct command *cmd)
{
    struct redirect *r;
    int i;

    for (i = 0; i < cmd->argc; i++)
        if ((cmd->argv[i] = expand_word(cmd->argv[i])) == NULL)
            return -1;
    for (r = cmd->redirects; r != NULL; r = r->next)
        if (r->path != NULL && (r->path = expand_word(r->path)) == NULL)
            return -1;
    if (cmd->argc > 0 && strcmp(cmd->argv[0], "kill") == 0)
        return expand_kill_jobs(cmd);
    return 0;
}

/* Performs one redirection in this process; 0, or -1 after a message. */
static int
redirect_apply(struct redirect *r)
{
    int fd, target, flags;

    switch (r->kind) {
    case T_IN:     target = 0; flags = O_RDONLY; break;
    case T_OUT:    target = 1; flags = O_WRONLY | O_CREAT | O_TRUNC; break;
    case T_APPEND: target = 1; flags = O_WRONLY | O_CREAT | O_APPEND; break;
    case T_ERR:    target = 2; flags = O_WRONLY | O_CREAT | O_TRUNC; break;
    default:       /* T_ERR_TO_OUT */
        return dup2(1, 2) < 0 ? -1 : 0;
    }
    if ((fd = open(r->path, flags, 0666)) < 0) {
        fprintf(stderr, "sh: %s: %s\n", r->path, strerror(errno));
        return -1;
    }
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

/*
 * Runs a builtin inside the shell itself, so that cd and exit take effect.
 * Its redirections must not outlive it: fds 0-2 are saved and put back.
 */
static int
builtin_run_here(const struct builtin *b, struct command *cmd)
{
    int saved[3], fd, status = 1;

    fflush(stdout);
    for (fd = 0; fd < 3; fd++)
        saved[fd] = cmd->redirects ? dup(fd) : -1;
    if (redirect_all(cmd->redirects) == 0)
        status = b->run(cmd->argc, cmd->argv);
    fflush(stdout);
    for (fd = 0; fd < 3 && cmd->redirects; fd++) {
        if (saved[fd] >= 0) {
            dup2(saved[fd], fd);
            close(saved[fd]);
        } else {
            close(fd);
        }
    }
    return status;
}

/* Commands without a '/' are looked up in /bin, Parley's only search path. */
static void
exec_command(char **argv)
{
    char path[256];

    if (strchr(argv[0], '/') != NULL)
        execv(argv[0], argv);
    else if (snprintf(path, sizeof path, "/bin/%s", argv[0]) < (int)sizeof path)
        execv(path, argv);
    else
        errno = ENAMETOOLONG;
    if (errno == ENOENT) {
        fprintf(stderr, "sh: %s: not found\n", argv[0]);
        _exit(127);
    }
    fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(errno));
    _exit(126);
}

/* ---- 3. run: the text of a job, for its messages ------------------------- */

struct text {
    char buf[JOB_TEXT_MAX];
    int len;
};

/* Appends s, with "$?" for a STATUS_MARK; a long line is cut short. */
static void
text_put(struct text *t, const char *s)
{
    for (; *s != '\0'; s++) {
        if (*s == STATUS_MARK)
            text_put(t, "$?");
        else if (t->len < JOB_TEXT_MAX - 1)
            t->buf[t->len++] = *s;
    }
    t->buf[t->len] = '\0';
}

/* "cat < in | wc -l > out": the pipeline, rebuilt from its tree. */
static void
text_pipeline(struct text *t, struct pipeline *pl)
{
    struct command *cmd;
    struct redirect *r;
    struct token op = { T_END, NULL };
    int i;

    for (cmd = pl->commands; cmd != NULL; cmd = cmd->next) {
        for (i = 0; i < cmd->argc; i++) {
            text_put(t, i > 0 ? " " : "");
            text_put(t, cmd->argv[i]);
        }
        for (r = cmd->redirects; r != NULL; r = r->next) {
            op.kind = r->kind;
            text_put(t, cmd->argc > 0 || r != cmd->redirects ? " " : "");
            text_put(t, token_text(&op));
            text_put(t, r->path ? " " : "");
            text_put(t, r->path ? r->path : "");
        }
        text_put(t, cmd->next ? " | " : "");
    }
}

/* ---- 3. run: jobs, pipelines, lists -------------------------------------- */

/*
 * In the child of one pipeline stage: enter the job (its process group, the
 * console, default signals), connect stdin to the previous pipe (input, or
 * -1 for the shell's stdin) and stdout to the next (out[1], or -1 for the
 * last stage), close every other pipe end, then redirect and exec.  A pipe
 * end left open by mistake would keep a reader from seeing EOF.
 */
static void
job_start_child(struct job *job, struct command *cmd, int input, int out[2])
{
    const struct builtin *b;

    job_child_enter(job);
    job_control = 0;            /* the jobs are the shell's, not this copy's */
    job_free(job);              /* and "jobs | cat" lists only the others */
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
    if ((b = builtin_find(cmd)) != NULL) {
        int status = b->run(cmd->argc, cmd->argv);
        fflush(stdout);
        _exit(status);
    }
    exec_command(cmd->argv);
}

/*
 * Forks one process per stage of pl, joined by pipes.  The parent keeps at
 * most the read end of the latest pipe open.  Returns the number of
 * processes started; fewer than pl->ncommands after a failure.
 */
static int
job_start(struct job *job, struct pipeline *pl)
{
    struct command *cmd;
    int input = -1, out[2];
    pid_t pid;

    fflush(stdout);             /* or children would print our buffer too */
    for (cmd = pl->commands; cmd != NULL; cmd = cmd->next) {
        out[0] = out[1] = -1;
        if (expand_command(cmd) < 0)
            break;
        if (cmd->next != NULL && pipe(out) < 0) {
            fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
            break;
        }
        if ((pid = fork()) < 0) {
            fprintf(stderr, "sh: fork: %s\n", strerror(errno));
            if (out[0] >= 0) {
                close(out[0]);
                close(out[1]);
            }
            break;
        }
        if (pid == 0)
            job_start_child(job, cmd, input, out);
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
run_pipeline(struct pipeline *pl, int background)
{
    const struct builtin *b;
    struct text text = { "", 0 };
    struct job *job;
    int started, code;

    if (pl->ncommands == 1 && !background &&
        (b = builtin_find(pl->commands)) != NULL) {
        if (expand_command(pl->commands) < 0)
            return 1;
        return builtin_run_here(b, pl->commands);
    }
    text_pipeline(&text, pl);
    if ((job = job_new(text.buf, background, pl->ncommands)) == NULL)
        return 1;
    if ((started = job_start(job, pl)) == 0) {
        job_free(job);
        return 1;
    }
    if (background) {
        job_announce(job);
        return started == pl->ncommands ? 0 : 1;
    }
    code = job_foreground(job, 0);
    return started == pl->ncommands ? code : 1;
}

/* a && b || c: each pipeline runs or not depending on the status so far. */
static int
run_and_or(struct and_or *ao)
{
    struct pipeline *pl;
    int status = 0;

    for (pl = ao->pipelines; pl != NULL; pl = pl->next) {
        if ((pl->op == T_AND && status != 0) || (pl->op == T_OR && status == 0))
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
run_background(struct and_or *ao)
{
    struct text text = { "", 0 };
    struct pipeline *pl;
    struct job *job;
    pid_t pid;

    if (ao->pipelines->next == NULL) {
        run_pipeline(ao->pipelines, 1);
        return;
    }
    for (pl = ao->pipelines; pl != NULL; pl = pl->next) {
        text_put(&text, pl->op == T_AND ? " && " : pl->op == T_OR ? " || " : "");
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
        _exit(run_and_or(ao));
    }
    job_add(job, pid);
    job_announce(job);
}

static void
run_list(struct and_or *list)
{
    for (; list != NULL; list = list->next) {
        if (list->background) {
            run_background(list);
            last_status = 0;
        } else {
            last_status = run_and_or(list);
        }
    }
}

/* ---- reading input and main ---------------------------------------------- */

/* Lexes, parses and runs one line; returns $?. */
static int
run_line(const char *line)
{
    static struct token tokens[TOKENS_MAX];
    struct and_or *list;

    arena_reset();
    if (lex_line(line, tokens) < 0 || parse_line(tokens, &list) < 0)
        return last_status = 2;
    run_list(list);
    return last_status;
}

/*
 * Reads one line from fd, a byte at a time so that nothing past the newline
 * is consumed: commands started from a script share its input.  Returns the
 * length, -1 at end of input, -2 for an over-long line (skipped), or -3 if
 * a keyboard signal interrupted the read at the prompt (^C: the console has
 * already thrown the line away).
 */
static int
read_line(int fd, char *buf, int size)
{
    int len = 0, too_long = 0, n;
    char c;

    for (;;) {
        n = read(fd, &c, 1);
        if (n < 0 && errno == EINTR) {
            if (line_interrupted)
                return -3;
            continue;
        }
        if (n <= 0) {
            if (len == 0 && !too_long)
                return -1;
            break;
        }
        if (c == '\n')
            break;
        if (len < size - 1)
            buf[len++] = c;
        else
            too_long = 1;
    }
    buf[len] = '\0';
    return too_long ? -2 : len;
}

int
main(int argc, char **argv)
{
    static char line[LINE_MAX_LEN];
    int fd = 0, len;

    if (argc > 1 && strcmp(argv[1], "-c") == 0) {
        if (argc < 3) {
            fprintf(stderr, "sh: -c: option requires an argument\n");
            return 2;
        }
        if (strlen(argv[2]) >= LINE_MAX_LEN) {
            fprintf(stderr, "sh: -c: line too long\n");
            return 2;
        }
        return run_line(argv[2]);
    }
    if (argc > 1 && (fd = open(argv[1], O_RDONLY | O_CLOEXEC)) < 0) {
        fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
        return 127;
    }
    interactive = fd == 0 && isatty(0);
    if (interactive)
        jobs_init();
    for (;;) {
        jobs_notify();
        line_interrupted = 0;
        if (interactive)
            write(2, "$ ", 2);
        len = read_line(fd, line, sizeof line);
        if (len == -1)
            break;
        if (len == -3) {                /* ^C at the prompt: $? is 130 */
            if (line_interrupted == SIGINT)
                last_status = 128 + SIGINT;
            continue;
        }
        if (len == -2) {
            fprintf(stderr, "sh: line too long\n");
            last_status = 2;
            continue;
        }
        run_line(line);
    }
    if (interactive)
        write(2, "\n", 1);
    jobs_hangup();
    return last_status;
}
