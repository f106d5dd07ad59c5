/*
 * arith.c -- $((expression)): integer arithmetic, as in POSIX sh.
 *
 * The text between the parentheses has had its $ expansions done; what
 * is left is numbers, variable names (their value, 0 if unset or not a
 * number) and C's operators, by precedence from low to high:
 *
 *   ||   &&   == !=   < <= > >=   + -   * / %   unary - + !   ( )
 *
 * A recursive-descent parser with one function per level.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct arith {
    const char *p;
    int error;
};

static long expr_or(struct arith *a);

static void
skip_blanks(struct arith *a)
{
    while (*a->p == ' ' || *a->p == '\t' || *a->p == '\n')
        a->p++;
}

static int
accept(struct arith *a, const char *op)
{
    skip_blanks(a);
    size_t n = strlen(op);
    if (strncmp(a->p, op, n) != 0)
        return 0;
    /* "<" must not take the first half of "<=", nor "=" of "==" */
    if (n == 1 && (a->p[1] == '=' || (op[0] == '&' && a->p[1] == '&') ||
                   (op[0] == '|' && a->p[1] == '|')))
        return 0;
    a->p += n;
    return 1;
}

static long
primary(struct arith *a)
{
    skip_blanks(a);
    if (accept(a, "(")) {
        long v = expr_or(a);
        if (!accept(a, ")"))
            a->error = 1;
        return v;
    }
    if (accept(a, "-"))
        return -primary(a);
    if (accept(a, "+"))
        return primary(a);
    if (accept(a, "!"))
        return !primary(a);
    if (isdigit((unsigned char)*a->p)) {
        char *end;
        long v = strtol(a->p, &end, 0);
        a->p = end;
        return v;
    }
    if (isalpha((unsigned char)*a->p) || *a->p == '_') {
        char name[64];
        int n = 0;
        while ((isalnum((unsigned char)*a->p) || *a->p == '_') && n < 63)
            name[n++] = *a->p++;
        name[n] = '\0';
        const char *value = var_get(name);
        return value ? strtol(value, NULL, 0) : 0;
    }
    a->error = 1;
    return 0;
}

static long
product(struct arith *a)
{
    long v = primary(a);
    for (;;) {
        if (accept(a, "*"))
            v *= primary(a);
        else if (accept(a, "/") || accept(a, "%")) {
            char op = a->p[-1];
            long d = primary(a);
            if (d == 0) {
                fprintf(stderr, "sh: division by zero\n");
                a->error = 1;
                return 0;
            }
            v = op == '/' ? v / d : v % d;
        } else
            return v;
    }
}

static long
sum(struct arith *a)
{
    long v = product(a);
    for (;;) {
        if (accept(a, "+"))
            v += product(a);
        else if (accept(a, "-"))
            v -= product(a);
        else
            return v;
    }
}

static long
comparison(struct arith *a)
{
    long v = sum(a);
    for (;;) {
        if (accept(a, "<="))      v = v <= sum(a);
        else if (accept(a, ">=")) v = v >= sum(a);
        else if (accept(a, "<"))  v = v < sum(a);
        else if (accept(a, ">"))  v = v > sum(a);
        else if (accept(a, "==")) v = v == sum(a);
        else if (accept(a, "!=")) v = v != sum(a);
        else return v;
    }
}

static long
expr_and(struct arith *a)
{
    long v = comparison(a);
    while (accept(a, "&&"))
        v = comparison(a) && v;
    return v;
}

static long
expr_or(struct arith *a)
{
    long v = expr_and(a);
    while (accept(a, "||"))
        v = expr_and(a) || v;
    return v;
}

/* The value of text; 0 and *ok = 0 after an error (with a message). */
long
arith_eval(const char *text, int *ok)
{
    struct arith a = { text, 0 };
    long v = expr_or(&a);
    skip_blanks(&a);
    *ok = !a.error && *a.p == '\0';
    if (!*ok && !a.error)
        fprintf(stderr, "sh: %s: syntax error in expression\n", text);
    else if (a.error)
        fprintf(stderr, "sh: %s: bad arithmetic expression\n", text);
    return *ok ? v : 0;
}
