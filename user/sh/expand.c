/*
 * expand.c -- a word as typed into the fields a command receives.
 *
 * In one pass over the word, as POSIX orders it:
 *   ~            at the start: $HOME
 *   $NAME ${NAME} ${NAME:-word}   variables; $? $$ $! $# $0..$9 $@ $*
 *   $(...) `...` the output of a command, trailing newlines removed
 *   '...'        literal;  "..." literal but for $ and `;  \c  c literal
 * Text that came from an unquoted expansion is split into fields at
 * blanks.  Then a field with an unquoted * ? or [...] is a pattern: it
 * becomes the sorted names it matches, or stays as it is if none does.
 *
 * A field is built in a struct field: its bytes, and for each byte whether
 * it was quoted (a quoted '*' is not a pattern).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

struct field {
    char text[LINE_MAX_LEN * 4];
    char quoted[LINE_MAX_LEN * 4];
    int len;
    int started;                /* a quote makes even an empty field */
};

struct fields {
    char **argv;
    int n, max;
    int split;
    int failed;
    struct field f;
};

/* One character of the field being built.  A field longer than the
 * buffer fails the command with a message, rather than running it with
 * the word cut short. */
static void
put(struct fields *out, char c, int quoted)
{
    struct field *f = &out->f;
    if (f->len < (int)sizeof f->text - 1) {
        f->text[f->len] = c;
        f->quoted[f->len++] = quoted;
    } else if (!out->failed) {
        fprintf(stderr, "sh: word longer than %d bytes\n", (int)sizeof f->text - 1);
        out->failed = 1;
    }
    f->started |= quoted;
}

/* ---- globbing ------------------------------------------------------------ */

/* fnmatch without flags: * ? [abc] [a-z] [!x], and \c for a literal c. */
int
glob_match(const char *p, const char *s)
{
    for (; *p; p++, s++) {
        if (*p == '*') {
            while (*p == '*')
                p++;
            if (!*p)
                return 1;
            for (; *s; s++)
                if (glob_match(p, s))
                    return 1;
            return 0;
        }
        if (!*s)
            return 0;
        if (*p == '?')
            continue;
        if (*p == '[') {
            const char *q = p + 1;
            int negate = *q == '!' || *q == '^', found = 0;
            q += negate;
            do {
                if (q[1] == '-' && q[2] && q[2] != ']') {
                    found |= *s >= q[0] && *s <= q[2];
                    q += 3;
                } else {
                    found |= *s == *q++;
                }
            } while (*q && *q != ']');
            if (!*q) {                  /* no ']': a plain '[' */
                if (*s != '[')
                    return 0;
                continue;
            }
            if (found == negate)
                return 0;
            p = q;
            continue;
        }
        if (*p == '\\' && p[1])
            p++;
        if (*p != *s)
            return 0;
    }
    return *s == '\0';
}

static int
has_magic(const char *p, int len)
{
    for (int i = 0; i < len; i++) {
        if (p[i] == '\\')
            i++;
        else if (p[i] == '*' || p[i] == '?' || p[i] == '[')
            return 1;
    }
    return 0;
}

static void
unescape(char *dst, const char *src, int len)
{
    for (int i = 0; i < len; i++) {
        if (src[i] == '\\' && i + 1 < len)
            i++;
        *dst++ = src[i];
    }
    *dst = '\0';
}

static void
add_field(struct fields *out, const char *s)
{
    if (out->n >= out->max) {
        if (!out->failed)
            fprintf(stderr, "sh: too many arguments\n");
        out->failed = 1;
        return;
    }
    if (!(out->argv[out->n] = strdup(s)))
        out->failed = 1;
    else
        out->n++;
}

/* Matches the pattern's components after dir (a path ending in '/', or
 * "") one directory level at a time. */
static void
glob_dir(struct fields *out, const char *dir, const char *pattern)
{
    const char *slash = strchr(pattern, '/');
    int len = slash ? slash - pattern : (int)strlen(pattern);
    char part[256], path[512];
    struct dirent *e;
    DIR *d;

    if (len >= (int)sizeof part)
        return;
    if (!has_magic(pattern, len)) {
        unescape(part, pattern, len);
        snprintf(path, sizeof path, "%s%s%s", dir, part, slash ? "/" : "");
        if (slash)
            glob_dir(out, path, slash + 1);
        else if (access(path, F_OK) == 0)
            add_field(out, path);
        return;
    }
    memcpy(part, pattern, len);
    part[len] = '\0';
    if (!(d = opendir(*dir ? dir : ".")))
        return;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' && part[0] != '.')
            continue;                   /* dot files only when asked for */
        if (!glob_match(part, e->d_name))
            continue;
        snprintf(path, sizeof path, "%s%s%s", dir, e->d_name, slash ? "/" : "");
        if (slash)
            glob_dir(out, path, slash + 1);
        else
            add_field(out, path);
    }
    closedir(d);
}

static int
compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The field as a pattern (quoted bytes escaped) if it has unquoted magic;
 * else as it is. */
static void
field_end(struct fields *out)
{
    struct field *f = &out->f;
    char pattern[sizeof f->text * 2];
    int len = 0, magic = 0, first = out->n;

    if (f->len == 0 && !f->started)
        return;
    for (int i = 0; i < f->len; i++) {
        char c = f->text[i];
        if (f->quoted[i] && strchr("*?[\\", c))
            pattern[len++] = '\\';
        else if (!f->quoted[i] && strchr("*?[", c))
            magic = 1;
        pattern[len++] = c;
    }
    pattern[len] = '\0';
    if (out->split && magic) {
        glob_dir(out, pattern[0] == '/' ? "/" : "", pattern + (pattern[0] == '/'));
        if (out->n > first) {
            qsort(out->argv + first, out->n - first, sizeof(char *), compare_strings);
            f->len = f->started = 0;
            return;
        }
    }
    f->text[f->len] = '\0';
    add_field(out, f->text);
    f->len = f->started = 0;
}

/* ---- $ and ` ------------------------------------------------------------- */

/* Text from an expansion: split at blanks unless quoted. */
static void
put_expansion(struct fields *out, const char *value, int quoted)
{
    for (; value && *value; value++) {
        if (!quoted && out->split && strchr(" \t\n", *value))
            field_end(out);
        else
            put(out, *value, quoted);
    }
}

char *
command_output(const char *text)
{
    char *copy = strdup(text), *buf = NULL;
    int fds[2], len = 0, cap = 0, status, n;
    pid_t pid;

    if (!copy || pipe(fds) < 0)
        goto fail;
    fflush(stdout);
    if ((pid = fork()) < 0) {
        close(fds[0]);
        close(fds[1]);
        goto fail;
    }
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 1);
        close(fds[1]);
        interactive = job_control = 0;
        jobs_forget();
        status = run_text(copy);
        fflush(stdout);
        _exit(status);
    }
    close(fds[1]);
    for (;;) {
        if (len + 512 > cap) {
            char *more = realloc(buf, cap = cap * 2 + 512);
            if (!more)
                break;
            buf = more;
        }
        if ((n = read(fds[0], buf + len, cap - len - 1)) < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += n;
    }
    close(fds[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    last_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    while (len > 0 && buf[len - 1] == '\n')
        len--;
    if (buf)
        buf[len] = '\0';
    free(copy);
    return buf ? buf : strdup("");
fail:
    fprintf(stderr, "sh: command substitution: %s\n", strerror(errno));
    free(copy);
    return strdup("");
}

/* "$@" and "$*": each parameter; quoted "$@" keeps them apart. */
static void
put_parameters(struct fields *out, int quoted, int separate)
{
    for (int i = 1; i <= positional_count(); i++) {
        if (i > 1) {
            if (quoted && separate)
                field_end(out);
            else
                put_expansion(out, " ", quoted);
        }
        put_expansion(out, positional_get(i), quoted);
        if (quoted)
            out->f.started = 1;
    }
}

/* The value of a special parameter ($? $$ $! $# $0-9) into buf. */
static const char *
special_value(char c, char *buf, int size)
{
    switch (c) {
    case '?': snprintf(buf, size, "%d", last_status); return buf;
    case '$': snprintf(buf, size, "%d", shell_pid); return buf;
    case '!':
        if (!last_background)
            return "";
        snprintf(buf, size, "%d", last_background);
        return buf;
    case '#': snprintf(buf, size, "%d", positional_count()); return buf;
    default:  return positional_get(c - '0');
    }
}

/* ${NAME} and ${NAME:-word}; returns the length used, 0 if malformed. */
static int
put_braced(struct fields *out, const char *p, int quoted)
{
    const char *end = skip_quoted(p), *colon;
    char name[64];
    int len;

    if (!end)
        return 0;
    colon = strstr(p + 2, ":-");
    len = (colon && colon < end ? colon : end - 1) - (p + 2);
    if (len <= 0 || len >= (int)sizeof name)
        return 0;
    memcpy(name, p + 2, len);
    name[len] = '\0';
    char buf[24];
    const char *value;
    if (isdigit((unsigned char)name[0]))
        value = positional_get(atoi(name));         /* ${1}, ${10} */
    else if (len == 1 && strchr("?$!#", name[0]))
        value = special_value(name[0], buf, sizeof buf);
    else
        value = var_get(name);
    if ((!value || !*value) && colon && colon < end) {
        char word[LINE_MAX_LEN];
        int wlen = end - 1 - (colon + 2);
        if (wlen >= (int)sizeof word)
            wlen = sizeof word - 1;
        memcpy(word, colon + 2, wlen);
        word[wlen] = '\0';
        char *v = expand_one(word);
        put_expansion(out, v, quoted);
        free(v);
    } else {
        put_expansion(out, value, quoted);
    }
    return end - p;
}

/* $((expression)) at p; returns the length used. */
static int
put_arithmetic(struct fields *out, const char *p, int quoted)
{
    const char *end = skip_quoted(p + 1);       /* the "((...))" */
    char text[LINE_MAX_LEN], buf[24], *expanded;
    int ok, len;

    if (!end || end[-1] != ')' || end - p < 5)
        return 0;
    end++;                                      /* the outer ')' */
    len = end - p - 5;
    if (len >= (int)sizeof text)
        return 0;
    memcpy(text, p + 3, len);
    text[len] = '\0';
    if (!(expanded = expand_one(text)))
        return end - p;
    snprintf(buf, sizeof buf, "%ld", arith_eval(expanded, &ok));
    free(expanded);
    if (!ok)
        last_status = 1;
    put_expansion(out, buf, quoted);
    return end - p;
}

/* A substitution, $(...) or `...`, at p; returns the length used. */
static int
put_command(struct fields *out, const char *p, int quoted)
{
    const char *end = skip_quoted(p);
    int skip = *p == '`' ? 1 : 2;
    char *text, *value;

    if (!end)
        return strlen(p);
    if (!(text = strndup(p + skip, end - p - skip - 1)))
        return end - p;
    value = command_output(text);
    put_expansion(out, value, quoted);
    free(value);
    free(text);
    return end - p;
}

/* The $ at p; returns the characters used. */
static int
put_dollar(struct fields *out, const char *p, int quoted)
{
    char buf[24], name[64];
    int len = 0;

    if (p[1] == '(' && p[2] == '(') {
        int used = put_arithmetic(out, p, quoted);
        if (used)
            return used;
    }
    if (p[1] == '(')
        return put_command(out, p, quoted);
    if (p[1] == '{') {
        int used = put_braced(out, p, quoted);
        if (used)
            return used;
    }
    if (p[1] == '@' || p[1] == '*') {
        put_parameters(out, quoted, p[1] == '@');
        return 2;
    }
    if (p[1] && strchr("?$!#0123456789", p[1])) {
        put_expansion(out, special_value(p[1], buf, sizeof buf), quoted);
        return 2;
    }
    while (len < (int)sizeof name - 1 && (isalnum((unsigned char)p[1 + len]) ||
                                          p[1 + len] == '_'))
        len++;
    if (len == 0 || isdigit((unsigned char)p[1])) {
        put(out, '$', quoted);
        return 1;
    }
    memcpy(name, p + 1, len);
    name[len] = '\0';
    put_expansion(out, var_get(name), quoted);
    return 1 + len;
}

/* Inside "...": returns the position after the closing quote. */
static const char *
put_double_quoted(struct fields *out, const char *p)
{
    out->f.started = 1;
    for (p++; *p && *p != '"';) {
        if (*p == '\\' && p[1] && strchr("\"\\$`\n", p[1])) {
            if (p[1] != '\n')
                put(out, p[1], 1);
            p += 2;
        } else if (*p == '$') {
            p += put_dollar(out, p, 1);
        } else if (*p == '`') {
            p += put_command(out, p, 1);
        } else {
            put(out, *p++, 1);
        }
    }
    return *p ? p + 1 : p;
}

static void
put_tilde(struct fields *out, const char **p)
{
    const char *home = var_get("HOME");
    if ((*p)[1] == '\0' || (*p)[1] == '/') {
        put_expansion(out, home ? home : "/", 1);
        (*p)++;
    }
}

static void
expand_into(struct fields *out, const char *p)
{
    if (*p == '~')
        put_tilde(out, &p);
    while (*p) {
        if (*p == '\'') {
            out->f.started = 1;
            for (p++; *p && *p != '\''; p++)
                put(out, *p, 1);
            p += *p != '\0';
        } else if (*p == '"') {
            p = put_double_quoted(out, p);
        } else if (*p == '\\') {
            if (p[1])
                put(out, p[1], 1);
            p += p[1] ? 2 : 1;
        } else if (*p == '$') {
            p += put_dollar(out, p, 0);
        } else if (*p == '`') {
            p += put_command(out, p, 0);
        } else {
            put(out, *p++, 0);
        }
    }
    field_end(out);
}

int
expand_word(const char *word, char **argv, int n, int max, int split)
{
    static struct fields *out;  /* big: not on the stack; expand_one nests */
    struct fields *saved = out;
    int count;

    if (!(out = malloc(sizeof *out))) {
        out = saved;
        fprintf(stderr, "sh: out of memory\n");
        return -1;
    }
    out->argv = argv;
    out->n = n;
    out->max = max;
    out->split = split;
    out->failed = 0;
    out->f.len = out->f.started = 0;
    expand_into(out, word);
    count = out->failed ? -1 : out->n;
    if (count < 0)
        free_fields(argv + n, out->n - n);
    free(out);
    out = saved;
    return count;
}

/* For assignments, redirections and case words: one string, no fields. */
char *
expand_one(const char *word)
{
    char *argv[2];
    int n = expand_word(word, argv, 0, 1, 0);
    if (n < 0)
        return NULL;
    return n == 0 ? strdup("") : argv[0];
}

void
free_fields(char **argv, int n)
{
    for (int i = 0; i < n; i++)
        free(argv[i]);
}
