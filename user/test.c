/*
 * test, [ -- evaluate an expression; exit 0 if true, 1 if false, 2 on
 * error.  Called as "[" (the shell runs it so), the last argument must be
 * "]".  Primaries: -e -f -d -p -c -r -w -x -s FILE, -n -z STRING, S1 = S2,
 * S1 != S2, N1 -eq -ne -lt -le -gt -ge N2, STRING; ! EXPR, EXPR -a EXPR,
 * EXPR -o EXPR, ( EXPR ).
 */
#include <sys/stat.h>
#include "util.h"

static char **tok;
static int ntok;

static void __attribute__((noreturn))
fail(const char *why)
{
    fprintf(stderr, "test: %s\n", why);
    exit(2);
}

static long
number(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end)
        fail("integer expression expected");
    return v;
}

static int
file_test(char op, const char *path)
{
    struct stat st;
    if (op == 'r' || op == 'w' || op == 'x')
        return access(path, op == 'r' ? R_OK : op == 'w' ? W_OK : X_OK) == 0;
    if (stat(path, &st) < 0)
        return 0;
    switch (op) {
    case 'e': return 1;
    case 'f': return S_ISREG(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 'p': return S_ISFIFO(st.st_mode);
    case 'c': return S_ISCHR(st.st_mode);
    default:  return st.st_size > 0;            /* 's' */
    }
}

static int
binary(const char *a, const char *op, const char *b)
{
    static const char *const ops[] = { "-eq", "-ne", "-lt", "-le", "-gt", "-ge" };
    if (strcmp(op, "=") == 0 || strcmp(op, "==") == 0)
        return strcmp(a, b) == 0;
    if (strcmp(op, "!=") == 0)
        return strcmp(a, b) != 0;
    for (int i = 0; i < 6; i++) {
        if (strcmp(op, ops[i]) == 0) {
            long x = number(a), y = number(b);
            int r[] = { x == y, x != y, x < y, x <= y, x > y, x >= y };
            return r[i];
        }
    }
    fail("unknown binary operator");
}

static int is_binary_op(const char *s)
{
    static const char *const ops[] = { "=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", NULL };
    for (int i = 0; ops[i]; i++)
        if (strcmp(s, ops[i]) == 0)
            return 1;
    return 0;
}

static int expr_or(void);

static int
primary(void)
{
    if (ntok == 0)
        fail("argument expected");
    if (strcmp(tok[0], "!") == 0) {
        tok++, ntok--;
        return !primary();
    }
    if (strcmp(tok[0], "(") == 0) {
        tok++, ntok--;
        int v = expr_or();
        if (ntok == 0 || strcmp(tok[0], ")") != 0)
            fail("')' expected");
        tok++, ntok--;
        return v;
    }
    if (ntok >= 3 && is_binary_op(tok[1])) {
        int v = binary(tok[0], tok[1], tok[2]);
        tok += 3, ntok -= 3;
        return v;
    }
    if (ntok >= 2 && tok[0][0] == '-' && tok[0][1] && !tok[0][2] && strchr("efdpcrwxsnz", tok[0][1])) {
        char op = tok[0][1];
        const char *arg = tok[1];
        tok += 2, ntok -= 2;
        if (op == 'n' || op == 'z')
            return (*arg != '\0') == (op == 'n');
        return file_test(op, arg);
    }
    int v = tok[0][0] != '\0';          /* a lone string: true if not empty */
    tok++, ntok--;
    return v;
}

static int
expr_and(void)
{
    int v = primary();
    while (ntok > 0 && strcmp(tok[0], "-a") == 0) {
        tok++, ntok--;
        v = primary() && v;
    }
    return v;
}

static int
expr_or(void)
{
    int v = expr_and();
    while (ntok > 0 && strcmp(tok[0], "-o") == 0) {
        tok++, ntok--;
        v = expr_and() || v;
    }
    return v;
}

int
main(int argc, char **argv)
{
    const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];

    USAGE(argc, argv, "usage: test EXPRESSION   or   [ EXPRESSION ]\n"
          "  -e -f -d -p -c -r -w -x -s FILE   -n -z STRING   S1 = S2   S1 != S2\n"
          "  N1 -eq -ne -lt -le -gt -ge N2   ! E   E -a E   E -o E   ( E )\n");
    if (strcmp(name, "[") == 0) {
        if (argc < 2 || strcmp(argv[argc - 1], "]") != 0)
            fail("missing ']'");
        argc--;
    }
    tok = argv + 1;
    ntok = argc - 1;
    if (ntok == 0)
        return 1;
    int v = expr_or();
    if (ntok > 0)
        fail("too many arguments");
    return !v;
}
