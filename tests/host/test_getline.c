/*
 * Host test of lib/src/getline.c against glibc: the library's getline and
 * getdelim (as parley_*) read the same files as glibc's, through glibc's
 * FILE (the code only calls fgetc), and must give the same lines, lengths
 * and end of file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#define getline parley_getline
#define getdelim parley_getdelim
#include "../../lib/src/getline.c"
#undef getline
#undef getdelim

#include "check.h"

/* Reads text both ways with delimiter delim; 1 if every call agrees. */
static int
agree(const char *text, size_t len, int delim)
{
    FILE *a = fmemopen((void *)text, len, "r"), *b = fmemopen((void *)text, len, "r");
    char *la = NULL, *lb = NULL;
    size_t sa = 0, sb = 0;
    ssize_t na, nb;
    int ok = 1;
    do {
        na = parley_getdelim(&la, &sa, delim, a);
        nb = getdelim(&lb, &sb, delim, b);
        if (na != nb || (na > 0 && memcmp(la, lb, na + 1) != 0))
            ok = 0;
    } while (ok && na >= 0);
    fclose(a);
    fclose(b);
    free(la);
    free(lb);
    return ok;
}

TEST(lines_match_glibc)
{
    CHECK(agree("one\ntwo\nthree\n", 14, '\n'));
    CHECK(agree("no newline at the end", 21, '\n'));
    CHECK(agree("\n\n\n", 3, '\n'));
    CHECK(agree("", 0, '\n'));
    CHECK(agree("a,b,,c", 6, ','));
}

TEST(long_line_grows_the_buffer)
{
    static char text[10001];
    memset(text, 'x', 10000);
    text[9999] = '\n';
    char *line = NULL;
    size_t size = 0;
    FILE *f = fmemopen(text, 10000, "r");
    CHECK_EQ(parley_getline(&line, &size, f), 10000);
    CHECK(size > 10000);
    CHECK_EQ(parley_getline(&line, &size, f), -1);
    fclose(f);
    free(line);
}

TEST(caller_buffer_is_reused)
{
    char *line = malloc(200);
    size_t size = 200;
    char *before = line;
    FILE *f = fmemopen("short\n", 6, "r");
    CHECK_EQ(parley_getline(&line, &size, f), 6);
    CHECK(line == before);
    CHECK_STR_EQ(line, "short\n");
    fclose(f);
    free(line);
}

TEST(null_arguments_give_einval)
{
    size_t size = 0;
    CHECK_EQ(parley_getline(NULL, &size, stdin), -1);
}

int
main(void)
{
    check_begin("getline");
    RUN(lines_match_glibc);
    RUN(long_line_grows_the_buffer);
    RUN(caller_buffer_is_reused);
    RUN(null_arguments_give_einval);
    return check_end();
}
