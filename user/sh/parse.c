/*
 * parse.c -- the shell's lexer and parser: text into a tree (sh.h).
 *
 * Grammar (a subset of POSIX's; the tree's structs mirror it):
 *
 *   program   := list END
 *   list      := { NEWLINE } and_or { sep and_or } [ sep ]    sep: ';' '&' NEWLINE
 *   and_or    := pipeline { ('&&' | '||') { NEWLINE } pipeline }
 *   pipeline  := [ '!' ] command { '|' { NEWLINE } command }
 *   command   := simple | compound { redirect }
 *   simple    := { NAME=value } { WORD | redirect }
 *   compound  := 'if' list 'then' list { 'elif' list 'then' list } [ 'else' list ] 'fi'
 *              | ('while' | 'until') list 'do' list 'done'
 *              | 'for' NAME [ 'in' { WORD } ] sep 'do' list 'done'
 *              | '{' list '}'  |  '(' list ')'
 *   redirect  := ('<' | '>' | '>>' | '2>' | '2>>') WORD  |  '2>&1'  |  '>&2'
 *
 * Words stay as typed, quotes and '$' included; expand.c gives them their
 * meaning just before a command runs, so that "x=1; echo $x" sees the 1.
 * The lexer only has to know where a word ends: at a blank or an operator
 * outside quotes, $(...), ${...} and `...`.  Keywords are words recognised
 * where a command starts, so "echo done" prints done.
 *
 * Text that ends inside a quote or an unfinished compound command is not an
 * error but "more, please" (PARSE_MORE): the reader then asks for another
 * line ("> ") and parses the lot again.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

/* ---- the arena: memory for one complete command -------------------------- */

#define ARENA_SIZE (128 * 1024)

static char arena[ARENA_SIZE];
static unsigned int arena_used;

void
arena_reset(void)
{
    arena_used = 0;
}

/* n bytes from the arena, or NULL (with a message) when it is full. */
void *
arena_alloc(unsigned int n)
{
    void *p;

    n = (n + 7) & ~7u;
    if (n > ARENA_SIZE - arena_used) {
        fprintf(stderr, "sh: command too complex\n");
        return NULL;
    }
    p = arena + arena_used;
    arena_used += n;
    return p;
}

char *
arena_strdup(const char *s, int len)
{
    char *copy = arena_alloc(len + 1);

    if (copy) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

/* ---- lex: text into tokens ----------------------------------------------- */

enum token_kind {
    T_END, T_WORD, T_NEWLINE, T_SEMI, T_AMP, T_PIPE, T_AND, T_OR,
    T_LPAREN, T_RPAREN, T_REDIRECT
};

struct token {
    enum token_kind kind;
    enum redirect_kind redirect;    /* T_REDIRECT */
    char *word;                     /* T_WORD */
};

/* Operators, longest first so that ">>" is not read as ">" ">". */
static const struct {
    const char *text;
    enum token_kind kind;
    enum redirect_kind redirect;
} operators[] = {
    { "2>&1", T_REDIRECT, R_ERR_TO_OUT }, { "1>&2", T_REDIRECT, R_OUT_TO_ERR },
    { ">&2", T_REDIRECT, R_OUT_TO_ERR }, { "2>>", T_REDIRECT, R_ERR_APPEND },
    { "2>", T_REDIRECT, R_ERR }, { ">>", T_REDIRECT, R_APPEND },
    { "1>", T_REDIRECT, R_OUT }, { "&&", T_AND, 0 }, { "||", T_OR, 0 },
    { "|", T_PIPE, 0 }, { "&", T_AMP, 0 }, { ";", T_SEMI, 0 },
    { "<", T_REDIRECT, R_IN }, { ">", T_REDIRECT, R_OUT },
    { "(", T_LPAREN, 0 }, { ")", T_RPAREN, 0 }, { "\n", T_NEWLINE, 0 },
};
#define NOPERATORS (int)(sizeof operators / sizeof operators[0])

const char *
redirect_text(enum redirect_kind kind)
{
    for (int i = 0; i < NOPERATORS; i++)
        if (operators[i].kind == T_REDIRECT && operators[i].redirect == kind)
            return operators[i].text;
    return "?";
}

static int
lex_operator(const char *p, struct token *t)
{
    for (int i = 0; i < NOPERATORS; i++) {
        int len = strlen(operators[i].text);
        if (strncmp(p, operators[i].text, len) == 0) {
            t->kind = operators[i].kind;
            t->redirect = operators[i].redirect;
            return len;
        }
    }
    return 0;
}

static int lex_more;            /* the text ended inside a quote */

/* The end of a quoted or bracketed part starting at p ('\'', '"', '`',
 * "$(", "${"), or NULL if the text ends first. */
const char *
skip_quoted(const char *p)
{
    char close;
    int depth = 1;

    if (*p == '\'' || *p == '"' || *p == '`') {
        close = *p++;
        while (*p && *p != close) {
            if (close != '\'' && *p == '\\' && p[1])
                p++;
            else if (close == '"' && *p == '$' && (p[1] == '(' || p[1] == '{')) {
                if (!(p = skip_quoted(p)))
                    return NULL;
                continue;
            }
            p++;
        }
        return *p ? p + 1 : NULL;
    }
    close = p[1] == '(' ? ')' : '}';   /* "$(" or "${" */
    char open = p[1];
    p += 2;
    while (*p && depth > 0) {
        if (*p == '\'' || *p == '"' || *p == '`') {
            if (!(p = skip_quoted(p)))
                return NULL;
            continue;
        }
        if (*p == '\\' && p[1])
            p++;
        else if (*p == open)
            depth++;
        else if (*p == close)
            depth--;
        p++;
    }
    return depth == 0 ? p : NULL;
}

/* One word starting at p; returns the position after it, NULL at the end
 * of the text inside a quote (lex_more set). */
static const char *
lex_word(const char *p, char **word)
{
    const char *start = p;

    while (*p && !strchr(" \t\r\n|&;<>()", *p)) {
        if (*p == '\'' || *p == '"' || *p == '`' ||
            (*p == '$' && (p[1] == '(' || p[1] == '{'))) {
            if (!(p = skip_quoted(p))) {
                lex_more = 1;
                return NULL;
            }
        } else if (*p == '\\' && p[1]) {
            p += 2;
        } else if (*p == '\\') {
            lex_more = 1;           /* a backslash ends the line: go on */
            return NULL;
        } else {
            p++;
        }
    }
    *word = arena_strdup(start, p - start);
    return *word ? p : NULL;
}

/* All the tokens of text, ending with T_END, in a malloc'd array (every
 * byte may be a token: ";;;"); NULL on failure.  The words themselves are
 * in the arena, so the array can go once the tree is built. */
static struct token *
lex_text(const char *p)
{
    struct token *tokens = malloc((strlen(p) + 2) * sizeof *tokens);
    int n = 0;

    lex_more = 0;
    if (!tokens) {
        fprintf(stderr, "sh: out of memory\n");
        return NULL;
    }
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r' || (*p == '\\' && p[1] == '\n'))
            p += *p == '\\' ? 2 : 1;
        if (*p == '#')                  /* a comment, to the end of the line */
            while (*p && *p != '\n')
                p++;
        if (*p == '\0')
            break;
        int len = lex_operator(p, &tokens[n]);
        if (len > 0) {
            p += len;
        } else {
            tokens[n].kind = T_WORD;
            if (!(p = lex_word(p, &tokens[n].word))) {
                free(tokens);
                return NULL;
            }
        }
        n++;
    }
    tokens[n].kind = T_END;
    return tokens;
}

/* ---- parse: tokens into a tree ------------------------------------------- */

static struct token *tok;       /* the parser's position */
static int parse_failed;        /* -1 error, PARSE_MORE: ran out of text */

static const char *
token_text(const struct token *t)
{
    if (t->kind == T_WORD)
        return t->word;
    if (t->kind == T_NEWLINE)
        return "newline";
    for (int i = 0; i < NOPERATORS; i++)
        if (operators[i].kind == t->kind &&
            (t->kind != T_REDIRECT || operators[i].redirect == t->redirect))
            return operators[i].text;
    return "end of input";
}

/* Fails the parse: for want of text at the end, or a real error. */
static void *
syntax_error(void)
{
    if (parse_failed)
        return NULL;
    if (tok->kind == T_END) {
        parse_failed = PARSE_MORE;
        return NULL;
    }
    fprintf(stderr, "sh: syntax error near '%s'\n", token_text(tok));
    parse_failed = -1;
    return NULL;
}

static int
is_keyword(const char *kw)
{
    return tok->kind == T_WORD && strcmp(tok->word, kw) == 0;
}

static int
expect_keyword(const char *kw)
{
    if (!is_keyword(kw)) {
        syntax_error();
        return 0;
    }
    tok++;
    return 1;
}

static void
skip_newlines(void)
{
    while (tok->kind == T_NEWLINE)
        tok++;
}

/* Where a list stops: the words that close a compound command, ')' and
 * the end. */
static int
at_list_end(void)
{
    static const char *const closers[] = {
        "then", "elif", "else", "fi", "do", "done", "}", NULL
    };
    if (tok->kind == T_END || tok->kind == T_RPAREN)
        return 1;
    for (int i = 0; closers[i]; i++)
        if (is_keyword(closers[i]))
            return 1;
    return 0;
}

int
is_name(const char *s, int len)
{
    if (len <= 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
        return 0;
    for (int i = 1; i < len; i++)
        if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
            return 0;
    return 1;
}

static int
is_assignment(const char *word)
{
    const char *eq = strchr(word, '=');
    return eq && is_name(word, eq - word);
}

static struct list *parse_list(void);

static struct command *
command_new(enum command_kind kind)
{
    struct command *cmd = arena_alloc(sizeof *cmd);
    if (cmd) {
        memset(cmd, 0, sizeof *cmd);
        cmd->kind = kind;
    }
    return cmd;
}

static struct redirect *
parse_redirect(void)
{
    struct redirect *r = arena_alloc(sizeof *r);

    if (!r)
        return NULL;
    r->kind = tok++->redirect;
    r->word = NULL;
    r->next = NULL;
    if (r->kind != R_ERR_TO_OUT && r->kind != R_OUT_TO_ERR) {
        if (tok->kind != T_WORD)
            return syntax_error();
        r->word = tok++->word;
    }
    return r;
}

/* Appends redirections at tok to cmd's; returns 0, or -1. */
static int
parse_redirects(struct command *cmd)
{
    struct redirect **tail = &cmd->redirects;
    while (*tail)
        tail = &(*tail)->next;
    while (tok->kind == T_REDIRECT) {
        if (!(*tail = parse_redirect()))
            return -1;
        tail = &(*tail)->next;
    }
    return 0;
}

/* Copies words[0..n) into the arena as a NULL-ended vector. */
static char **
word_vector(char **words, int n)
{
    char **v = arena_alloc((n + 1) * sizeof *v);
    if (v) {
        memcpy(v, words, n * sizeof *v);
        v[n] = NULL;
    }
    return v;
}

static struct command *
parse_simple(void)
{
    static char *words[ARGS_MAX], *assigns[ARGS_MAX];
    struct command *cmd = command_new(C_SIMPLE);
    int nwords = 0, nassigns = 0;

    if (!cmd)
        return NULL;
    for (;;) {
        if (tok->kind == T_WORD) {
            if (nwords == 0 && is_assignment(tok->word) && nassigns < ARGS_MAX)
                assigns[nassigns++] = tok++->word;
            else if (nwords < ARGS_MAX)
                words[nwords++] = tok++->word;
            else {
                fprintf(stderr, "sh: too many words\n");
                parse_failed = -1;
                return NULL;
            }
        } else if (tok->kind == T_REDIRECT) {
            if (parse_redirects(cmd) < 0)
                return NULL;
        } else {
            break;
        }
    }
    if (nwords == 0 && nassigns == 0 && !cmd->redirects)
        return syntax_error();
    cmd->nwords = nwords;
    cmd->nassigns = nassigns;
    cmd->words = word_vector(words, nwords);
    cmd->assigns = word_vector(assigns, nassigns);
    return cmd->words && cmd->assigns ? cmd : NULL;
}

/* if list then list { elif list then list } [ else list ] fi */
static struct command *
parse_if(void)
{
    struct command *cmd = command_new(C_IF);

    tok++;                              /* "if" or "elif" */
    if (!cmd || !(cmd->cond = parse_list()) || !expect_keyword("then") ||
        !(cmd->body = parse_list()))
        return NULL;
    if (is_keyword("elif")) {
        struct command *elif = parse_if();      /* takes the "fi" too */
        if (!elif || !(cmd->otherwise = arena_alloc(sizeof *cmd->otherwise)) ||
            !(cmd->otherwise->pipelines = arena_alloc(sizeof(struct pipeline))))
            return NULL;
        cmd->otherwise->background = 0;
        cmd->otherwise->next = NULL;
        memset(cmd->otherwise->pipelines, 0, sizeof(struct pipeline));
        cmd->otherwise->pipelines->commands = elif;
        cmd->otherwise->pipelines->ncommands = 1;
        return cmd;
    }
    if (is_keyword("else")) {
        tok++;
        if (!(cmd->otherwise = parse_list()))
            return NULL;
    }
    return expect_keyword("fi") ? cmd : NULL;
}

/* while/until list do list done */
static struct command *
parse_loop(enum command_kind kind)
{
    struct command *cmd = command_new(kind);

    tok++;
    if (!cmd || !(cmd->cond = parse_list()) || !expect_keyword("do") ||
        !(cmd->body = parse_list()) || !expect_keyword("done"))
        return NULL;
    return cmd;
}

/* for NAME [ in WORD... ] sep do list done */
static struct command *
parse_for(void)
{
    static char *words[ARGS_MAX];
    struct command *cmd = command_new(C_FOR);
    int n = 0;

    tok++;
    if (!cmd)
        return NULL;
    if (tok->kind != T_WORD || !is_name(tok->word, strlen(tok->word)))
        return syntax_error();
    cmd->var = tok++->word;
    skip_newlines();
    if (is_keyword("in")) {
        cmd->for_has_in = 1;
        for (tok++; tok->kind == T_WORD && n < ARGS_MAX; tok++)
            words[n++] = tok->word;
    }
    if (tok->kind == T_SEMI)
        tok++;
    skip_newlines();
    cmd->nwords = n;
    if (!(cmd->words = word_vector(words, n)) || !expect_keyword("do") ||
        !(cmd->body = parse_list()) || !expect_keyword("done"))
        return NULL;
    return cmd;
}

/* { list }  or  ( list ) */
static struct command *
parse_group(enum command_kind kind)
{
    struct command *cmd = command_new(kind);

    tok++;
    if (!cmd || !(cmd->body = parse_list()))
        return NULL;
    if (kind == C_GROUP)
        return expect_keyword("}") ? cmd : NULL;
    if (tok->kind != T_RPAREN)
        return syntax_error();
    tok++;
    return cmd;
}

static struct command *
parse_command(void)
{
    struct command *cmd;

    if (is_keyword("if"))
        cmd = parse_if();
    else if (is_keyword("while"))
        cmd = parse_loop(C_WHILE);
    else if (is_keyword("until"))
        cmd = parse_loop(C_UNTIL);
    else if (is_keyword("for"))
        cmd = parse_for();
    else if (is_keyword("{"))
        cmd = parse_group(C_GROUP);
    else if (tok->kind == T_LPAREN)
        cmd = parse_group(C_SUBSHELL);
    else if (at_list_end() && tok->kind != T_END)
        return syntax_error();
    else
        return parse_simple();
    if (cmd && parse_redirects(cmd) < 0)
        return NULL;
    return cmd;
}

static struct pipeline *
parse_pipeline(void)
{
    struct pipeline *pl = arena_alloc(sizeof *pl);
    struct command **tail, *cmd;

    if (!pl)
        return NULL;
    memset(pl, 0, sizeof *pl);
    if (is_keyword("!")) {
        pl->bang = 1;
        tok++;
    }
    tail = &pl->commands;
    for (;;) {
        if (!(cmd = parse_command()))
            return NULL;
        *tail = cmd;
        tail = &cmd->next;
        pl->ncommands++;
        if (tok->kind != T_PIPE)
            return pl;
        tok++;
        skip_newlines();
    }
}

static struct list *
parse_and_or(void)
{
    struct list *ao = arena_alloc(sizeof *ao);
    struct pipeline **tail, *pl;
    enum pipe_op op = OP_NONE;

    if (!ao)
        return NULL;
    ao->background = 0;
    ao->next = NULL;
    tail = &ao->pipelines;
    for (;;) {
        if (!(pl = parse_pipeline()))
            return NULL;
        pl->op = op;
        *tail = pl;
        tail = &pl->next;
        if (tok->kind != T_AND && tok->kind != T_OR)
            return ao;
        op = tok++->kind == T_AND ? OP_AND : OP_OR;
        skip_newlines();
    }
}

/* A list up to a closing keyword, ')' or the end; an empty one is an
 * error (POSIX has no empty "then" or "do"). */
static struct list *
parse_list(void)
{
    struct list *list = NULL, **tail = &list, *ao;

    skip_newlines();
    while (!at_list_end()) {
        if (!(ao = parse_and_or()))
            return NULL;
        if (tok->kind == T_AMP)
            ao->background = 1;
        if (tok->kind == T_SEMI || tok->kind == T_AMP || tok->kind == T_NEWLINE)
            tok++;
        else if (!at_list_end())
            return syntax_error();
        skip_newlines();
        *tail = ao;
        tail = &ao->next;
    }
    return list ? list : syntax_error();
}

int
parse_text(const char *text, struct list **out)
{
    struct token *tokens = lex_text(text);

    *out = NULL;
    if (!tokens)
        return lex_more ? PARSE_MORE : -1;
    tok = tokens;
    parse_failed = 0;
    skip_newlines();
    if (tok->kind == T_END) {
        free(tokens);
        return 0;                       /* nothing but blanks and comments */
    }
    *out = parse_list();
    if (*out && tok->kind != T_END)
        syntax_error();
    free(tokens);
    return parse_failed;
}
