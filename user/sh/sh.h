/*
 * sh.h -- what the parts of the Parley shell share.
 *
 *   parse.c    text -> tokens -> tree (the grammar is at its top)
 *   expand.c   a word of the tree -> fields: $vars, $(...), ~, quotes, globs
 *   run.c      the tree -> processes; builtins
 *   jobs.c     the job table and job control
 *   vars.c     shell variables and positional parameters
 *   edit.c     the interactive line editor: history, Tab, cursor keys
 *   main.c     options, reading scripts and the terminal
 *
 * Memory: the tree of one complete command lives in an arena emptied before
 * the next one is read; expansions are malloc'd and freed when the simple
 * command they were made for has run.
 */
#ifndef SH_H
#define SH_H

#include <signal.h>
#include <stdio.h>
#include <sys/types.h>

#define LINE_MAX_LEN 1024       /* bytes in one line typed or read */
#define TEXT_MAX     16384      /* bytes in one complete command (with its lines) */
#define ARGS_MAX     2048       /* fields in one command after expansion (exec takes 256) */

extern int last_status;         /* $? */
extern pid_t last_background;   /* $! (0: none yet) */
extern pid_t shell_pid;         /* $$: the shell's pid, also in its subshells */
extern int interactive;         /* reading a terminal: prompt, job control */

/* ---- the arena (parse.c) ------------------------------------------------- */
void  arena_reset(void);
void *arena_alloc(unsigned int n);
char *arena_strdup(const char *s, int len);

/* ---- the tree (parse.c) -------------------------------------------------- */

enum redirect_kind { R_IN, R_OUT, R_APPEND, R_ERR, R_ERR_APPEND, R_ERR_TO_OUT, R_OUT_TO_ERR };

struct redirect {
    enum redirect_kind kind;
    char *word;                 /* the file, unexpanded; NULL for 2>&1 */
    struct redirect *next;
};

enum command_kind { C_SIMPLE, C_IF, C_WHILE, C_UNTIL, C_FOR, C_GROUP, C_SUBSHELL };

struct list;

struct command {
    enum command_kind kind;
    int nwords;
    char **words;               /* C_SIMPLE: the words as typed (quotes and all);
                                   C_FOR: the words after "in" */
    int nassigns;
    char **assigns;             /* C_SIMPLE: NAME=value words before the command */
    char *var;                  /* C_FOR: the loop variable */
    int for_has_in;             /* C_FOR: "in" given (else "$@") */
    struct list *cond;          /* C_IF, C_WHILE, C_UNTIL: the test */
    struct list *body;          /* then, do, { }, ( ) */
    struct list *otherwise;     /* C_IF: else (an elif is an if in here) */
    struct redirect *redirects;
    struct command *next;       /* next stage of the pipeline */
};

enum pipe_op { OP_NONE, OP_AND, OP_OR };

struct pipeline {
    struct command *commands;
    int ncommands;
    int bang;                   /* "! pipeline": status inverted */
    enum pipe_op op;            /* && or || joining it to the previous one */
    struct pipeline *next;
};

struct list {                   /* one and_or of a list, and the next */
    struct pipeline *pipelines;
    int background;             /* ended by '&' */
    struct list *next;
};

/* Parses text (one or more lines) into *out.  Returns 0, -1 after a syntax
 * error (with a message), or PARSE_MORE when the text ends inside a quote
 * or a compound command, so that more lines must be read first. */
#define PARSE_MORE 1
int parse_text(const char *text, struct list **out);
const char *redirect_text(enum redirect_kind kind);
int is_name(const char *s, int len);        /* a valid variable name? */
/* The end of the quote, $(...), ${...} or `...` that starts at p; NULL if
 * the text ends first. */
const char *skip_quoted(const char *p);

/* ---- expansion (expand.c) ------------------------------------------------ */

/* Expands word into fields appended to argv (malloc'd strings); returns
 * the new count, or -1 after a message.  split: field splitting and
 * globbing (not for assignments and redirections). */
int   expand_word(const char *word, char **argv, int n, int max, int split);
char *expand_one(const char *word);         /* one string (malloc'd), or NULL */
void  free_fields(char **argv, int n);
int   glob_match(const char *pattern, const char *name);
/* Runs text in a child with stdout to a pipe; the output, trailing
 * newlines removed (malloc'd). */
char *command_output(const char *text);

/* ---- $((...)) (arith.c) ------------------------------------------------- */
long arith_eval(const char *text, int *ok);

/* ---- variables (vars.c) -------------------------------------------------- */
const char *var_get(const char *name);
int   var_set(const char *name, const char *value, int export);
void  var_unset(const char *name);
int   var_assign(const char *assignment, int export);   /* "NAME=value" */
void  var_export_all(void);                 /* before exec: export marked ones */
void  vars_print(void);
void  positional_set(int argc, char **argv);
int   positional_count(void);
const char *positional_get(int i);          /* $0..$n; NULL past the end */
int   positional_shift(int n);

/* ---- running (run.c) ----------------------------------------------------- */
int  run_list(struct list *list);
int  run_text(const char *text);            /* parse and run; returns $? */
int  builtin_exists(const char *name);
const char *builtin_name(int i);            /* for Tab completion; NULL at the end */
extern int loop_break, loop_continue;       /* break/continue levels pending */

/* ---- line editing (edit.c) ----------------------------------------------- */
/* Reads a line with the editor (fd 0 a terminal); returns its length, -1
 * at end of input, or -3 after ^C. */
int  edit_line(const char *prompt, char *buf, int size);
void history_add(const char *line);
int  builtin_history(int argc, char **argv);

/* ---- jobs (jobs.c) ------------------------------------------------------- */
#define JOBS_MAX      16
#define JOB_TEXT_MAX  80

enum job_state { JOB_RUNNING, JOB_STOPPED, JOB_DONE };

struct job_process {
    pid_t pid;
    enum job_state state;
    int status;                 /* the last wait status seen for it */
};

struct job {
    int number;                 /* %n; 0 marks a free slot */
    pid_t pgid;                 /* its process group; 0 without job control */
    int background;             /* the shell is not waiting for it */
    int changed;                /* stopped or ended, not yet reported */
    int continue_after_kill;    /* stopped and sent TERM or HUP: SIGCONT it */
    unsigned int touched;       /* when last stopped or sent to the
                                   background (0: never): the latest is %+,
                                   the one before %- */
    char text[JOB_TEXT_MAX];    /* the command line, for messages */
    struct job_process *procs;  /* one per started process, in order */
    int nprocs;
};

extern int job_control;
extern volatile sig_atomic_t line_interrupted;

struct job *job_new(const char *text, int background, int nprocs);
void job_free(struct job *job);
void jobs_forget(void);
struct job *job_from_spec(const char *who, const char *spec);
enum job_state job_state(const struct job *job);
void job_child_enter(const struct job *job);
void job_add(struct job *job, pid_t pid);
void job_announce(const struct job *job);
int  job_foreground(struct job *job, int resume);
void jobs_notify(void);
void jobs_init(void);
void jobs_hangup(void);
int  builtin_jobs(int argc, char **argv);
int  builtin_fg(int argc, char **argv);
int  builtin_bg(int argc, char **argv);
int  builtin_wait(int argc, char **argv);

#endif
