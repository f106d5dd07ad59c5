/*
 * vars.c -- shell variables and the positional parameters.
 *
 * A variable is a name, a value and an export flag.  The environment the
 * shell was started with is imported as exported variables; before a
 * program is exec'd the exported ones are put into environ (setenv), so
 * "X=5" stays in the shell and "export X" reaches its children.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

#define VARS_MAX 128

static struct var {
    char *name;
    char *value;
    int exported;
} vars[VARS_MAX];

static int positional_n;
static char **positional;       /* $0 .. $positional_n */

static struct var *
var_find(const char *name)
{
    for (int i = 0; i < VARS_MAX; i++)
        if (vars[i].name && strcmp(vars[i].name, name) == 0)
            return &vars[i];
    return NULL;
}

const char *
var_get(const char *name)
{
    struct var *v = var_find(name);
    return v ? v->value : getenv(name);
}

/* export: 1 marks it exported, 0 keeps the mark as it was.  0 or -1. */
int
var_set(const char *name, const char *value, int export)
{
    struct var *v = var_find(name);
    char *copy = strdup(value);

    if (!copy)
        return -1;
    for (int i = 0; !v && i < VARS_MAX; i++)
        if (!vars[i].name && (vars[i].name = strdup(name))) {
            v = &vars[i];
            v->exported = getenv(name) != NULL;
        }
    if (!v) {
        free(copy);
        fprintf(stderr, "sh: too many variables\n");
        return -1;
    }
    free(v->value);
    v->value = copy;
    v->exported |= export;
    if (v->exported)
        setenv(name, value, 1);
    return 0;
}

void
var_unset(const char *name)
{
    struct var *v = var_find(name);
    if (v) {
        free(v->name);
        free(v->value);
        v->name = v->value = NULL;
    }
    unsetenv(name);
}

int
var_assign(const char *assignment, int export)
{
    const char *eq = strchr(assignment, '=');
    char name[64];

    if (!eq || eq - assignment >= (int)sizeof name)
        return -1;
    memcpy(name, assignment, eq - assignment);
    name[eq - assignment] = '\0';
    return var_set(name, eq + 1, export);
}

void
var_export_all(void)
{
    for (int i = 0; i < VARS_MAX; i++)
        if (vars[i].name && vars[i].exported)
            setenv(vars[i].name, vars[i].value, 1);
}

/* set: every variable, NAME=value, the shell's and the environment's. */
void
vars_print(void)
{
    for (int i = 0; i < VARS_MAX; i++)
        if (vars[i].name && !vars[i].exported)
            printf("%s=%s\n", vars[i].name, vars[i].value);
    for (char **e = environ; e && *e; e++)
        printf("%s\n", *e);
}

void
positional_set(int argc, char **argv)
{
    positional = argv;
    positional_n = argc - 1;
}

int positional_count(void) { return positional_n; }

const char *
positional_get(int i)
{
    if (i < 0 || i > positional_n || !positional)
        return NULL;
    return positional[i];
}

/* shift n: $n+1 becomes $1; -1 if there are fewer than n. */
int
positional_shift(int n)
{
    if (n > positional_n)
        return -1;
    positional[n] = positional[0];
    positional += n;
    positional_n -= n;
    return 0;
}
