/*
 * grep -- print the lines that match a basic regular expression:
 *   c    the character c (\c: c even if it is special)
 *   .    any character        [abc] [a-z] [^x]   one of a set
 *   x*   zero or more x       ^  the start of the line   $  its end
 * (The matcher is Rob Pike's from "The Practice of Programming", with sets.)
 *   -v   select the lines that do NOT match
 *   -i   ignore the case of letters
 *   -c   print only how many lines were selected
 *   -n   put the line number before each line
 * Reads the files named, or stdin.  With several files each output line
 * starts with "file:".  Exit status: 0 if any line was selected, 1 if none,
 * 2 if an error occurred.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int invert, count_only, number_lines, show_names, ignore_case;
static const char *pattern;

static int
same_char(int a, int b)
{
    return ignore_case ? tolower(a) == tolower(b) : a == b;
}

/* The length of the one-character pattern at re (c, \c, ., [...]). */
static int
atom_length(const char *re)
{
    const char *p = re + 1;
    if (*re == '\\' && re[1])
        return 2;
    if (*re != '[')
        return 1;
    p += *p == '^';
    p += *p == ']';
    while (*p && *p != ']')
        p++;
    return *p ? p - re + 1 : 1;
}

/* Does the atom at re match the character c? */
static int
atom_matches(const char *re, int c)
{
    if (c == '\0')
        return 0;
    if (*re == '.')
        return 1;
    if (*re == '\\' && re[1])
        return same_char(re[1], c);
    if (*re != '[' || atom_length(re) == 1)
        return same_char(*re, c);
    const char *p = re + 1, *end = re + atom_length(re) - 1;
    int negate = *p == '^', found = 0;
    for (p += negate; p < end; p++) {
        if (p + 2 < end && p[1] == '-') {
            found |= (c >= p[0] && c <= p[2]) ||
                     (ignore_case && tolower(c) >= tolower(p[0]) && tolower(c) <= tolower(p[2]));
            p += 2;
        } else {
            found |= same_char(*p, c);
        }
    }
    return found != negate;
}

static int match_here(const char *re, const char *text);

/* x* at the start of re (the atom is n bytes): as many x as possible,
 * then back off until the rest matches. */
static int
match_star(const char *re, int n, const char *text)
{
    const char *t = text;
    while (atom_matches(re, *t))
        t++;
    do {
        if (match_here(re + n + 1, t))
            return 1;
    } while (t-- > text);
    return 0;
}

static int
match_here(const char *re, const char *text)
{
    if (re[0] == '\0')
        return 1;
    int n = atom_length(re);
    if (re[n] == '*')
        return match_star(re, n, text);
    if (re[0] == '$' && re[1] == '\0')
        return *text == '\0';
    if (atom_matches(re, *text))
        return match_here(re + n, text + 1);
    return 0;
}

static int
matches(const char *re, const char *text)
{
    if (re[0] == '^')
        return match_here(re + 1, text);
    do {
        if (match_here(re, text))
            return 1;
    } while (*text++ != '\0');
    return 0;
}

/*
 * Reads one line, of any length, into the malloc'ed *buf (growing it as
 * needed), without its newline.  Returns 1, 0 at the end of the input (or on
 * a read error: see ferror), or -1 if out of memory.
 */
static int
read_line(FILE *f, char **buf, int *capacity)
{
    int c, len = 0;
    char *bigger;

    for (;;) {
        c = getc(f);
        if (c == EOF && len == 0)
            return 0;
        if (len + 1 >= *capacity) {
            *capacity = *capacity ? 2 * *capacity : 256;
            if ((bigger = realloc(*buf, *capacity)) == NULL)
                return -1;
            *buf = bigger;
        }
        if (c == EOF || c == '\n')
            break;
        (*buf)[len++] = c;
    }
    (*buf)[len] = '\0';
    return 1;
}

/* Searches one stream; returns the number of selected lines, or -1. */
static long
grep_stream(FILE *f, const char *name)
{
    static char *line;
    static int capacity;
    long lineno = 0, selected = 0;
    int got;

    while ((got = read_line(f, &line, &capacity)) > 0) {
        lineno++;
        if (matches(pattern, line) == invert)
            continue;
        selected++;
        if (count_only)
            continue;
        if (show_names)
            printf("%s:", name);
        if (number_lines)
            printf("%ld:", lineno);
        printf("%s\n", line);
    }
    if (got < 0 || ferror(f)) {
        fprintf(stderr, "grep: %s: %s\n", name, strerror(got < 0 ? ENOMEM : errno));
        return -1;
    }
    if (count_only) {
        if (show_names)
            printf("%s:", name);
        printf("%ld\n", selected);
    }
    return selected;
}

/* Returns the index of the pattern argument after the flags, or -1. */
static int
parse_flags(int argc, char **argv)
{
    int i;
    char *flag;

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        for (flag = argv[i] + 1; *flag != '\0'; flag++) {
            if (*flag == 'v')
                invert = 1;
            else if (*flag == 'c')
                count_only = 1;
            else if (*flag == 'n')
                number_lines = 1;
            else if (*flag == 'i')
                ignore_case = 1;
            else
                return -1;
        }
    }
    return i < argc ? i : -1;
}

int
main(int argc, char **argv)
{
    int i, error = 0;
    long found = 0, n;
    FILE *f;

    if (argc > 1 && strcmp(argv[1], "--help") == 0) {
        printf("usage: grep [-vcni] PATTERN [FILE...]   (PATTERN: c . [a-z] [^x] x* ^ $ \\c)\n");
        return 0;
    }
    if ((i = parse_flags(argc, argv)) < 0) {
        fprintf(stderr, "usage: grep [-vcni] PATTERN [FILE...]\n");
        return 2;
    }
    pattern = argv[i++];
    show_names = argc - i > 1;
    if (i == argc) {
        n = grep_stream(stdin, "(standard input)");
        return n < 0 ? 2 : n > 0 ? 0 : 1;
    }
    for (; i < argc; i++) {
        f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
            error = 1;
            continue;
        }
        if ((n = grep_stream(f, argv[i])) < 0)
            error = 1;
        else
            found += n;
        if (f != stdin)
            fclose(f);
    }
    return error ? 2 : found > 0 ? 0 : 1;
}
