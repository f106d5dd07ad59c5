/*
 * Host test of lib/src/getopt.c against glibc: each case parses the same
 * argument vector with the library's getopt (compiled as parley_getopt,
 * with its own optind and optarg) and with glibc's (POSIXLY_CORRECT, so
 * glibc does not reorder), and compares every returned option, optarg,
 * optopt and the final optind.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define getopt parley_getopt
#define optarg parley_optarg
#define optind parley_optind
#define opterr parley_opterr
#define optopt parley_optopt
#include "../../lib/src/getopt.c"
#undef getopt
#undef optarg
#undef optind
#undef opterr
#undef optopt

#include "check.h"

/* Runs both over argv (NULL-ended); 1 if they agree throughout. */
static int
agree(const char *optstring, char **argv)
{
    int argc = 0, a, b;
    while (argv[argc])
        argc++;
    char *copy[32];
    memcpy(copy, argv, (argc + 1) * sizeof *argv);
    parley_optind = 1;
    optind = 1;
    parley_opterr = opterr = 0;
    do {
        a = parley_getopt(argc, copy, optstring);
        b = getopt(argc, argv, optstring);
        if (a != b || parley_optind != optind ||
            (a != -1 && (parley_optarg ? !optarg || strcmp(parley_optarg, optarg) : !!optarg)) ||
            (a == '?' && parley_optopt != optopt)) {
            printf("  %s: library %d (optind %d), glibc %d (optind %d)\n",
                   optstring, a, parley_optind, b, optind);
            return 0;
        }
    } while (a != -1);
    return 1;
}

#define ARGV(...) ((char *[]){ "prog", __VA_ARGS__, NULL })

TEST(flags_separate_and_grouped)
{
    CHECK(agree("abc", ARGV("-a", "-b", "file")));
    CHECK(agree("abc", ARGV("-abc", "file")));
    CHECK(agree("abc", ARGV("-ca")));
    CHECK(agree("abc", ARGV("file", "-a")));
}

TEST(arguments_attached_and_separate)
{
    CHECK(agree("n:v", ARGV("-n", "5", "-v")));
    CHECK(agree("n:v", ARGV("-n5", "x")));
    CHECK(agree("n:v", ARGV("-vn", "7")));
    CHECK(agree("n:v", ARGV("-vn7")));
    CHECK(agree("n:", ARGV("-n", "-v")));
}

TEST(errors_unknown_and_missing)
{
    CHECK(agree("ab", ARGV("-x", "-a")));
    CHECK(agree("n:", ARGV("-n")));
    CHECK(agree(":n:", ARGV("-n")));
    CHECK(agree(":a", ARGV("-z")));
}

TEST(double_dash_and_lone_dash_end_options)
{
    CHECK(agree("a", ARGV("-a", "--", "-a")));
    CHECK(agree("a", ARGV("-", "-a")));
    CHECK(agree("a", ARGV("-a")));
}

int
main(void)
{
    setenv("POSIXLY_CORRECT", "1", 1);
    check_begin("getopt");
    RUN(flags_separate_and_grouped);
    RUN(arguments_attached_and_separate);
    RUN(errors_unknown_and_missing);
    RUN(double_dash_and_lone_dash_end_options);
    return check_end();
}
