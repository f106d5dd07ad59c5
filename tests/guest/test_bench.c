/*
 * test_bench -- the benchmark program runs and says something well formed.
 *
 * Not a benchmark: no figure is judged (timing is never pass/fail).  This
 * runs `bench -q` (few iterations) and checks that it exits 0 and that every
 * line it prints is `name value unit` or `name n/a unit # why`, with the
 * figures tools/bench draws present.
 */
#include "check.h"
#include <ctype.h>

static char output[32768];

/* Run /bin/bench with args, its output in `output`; returns its status. */
static int
run_bench(char *const argv[])
{
    int fds[2], status;
    size_t got = 0;
    ssize_t r;
    if (pipe(fds) < 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        execv("/bin/bench", argv);
        _exit(127);
    }
    close(fds[1]);
    while (got < sizeof output - 1 && (r = read(fds[0], output + got, sizeof output - 1 - got)) > 0)
        got += (size_t)r;
    output[got] = 0;
    close(fds[0]);
    waitpid(pid, &status, 0);
    return status;
}

static int
is_word(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_')
            return 0;
    return 1;
}

/* digits, a point, digits (as printf's %.3f writes them) */
static int
is_decimal(const char *s, size_t n)
{
    size_t i = 0, digits_before, digits_after;
    while (i < n && isdigit((unsigned char)s[i]))
        i++;
    digits_before = i;
    if (i == n || s[i++] != '.')
        return 0;
    while (i < n && isdigit((unsigned char)s[i]))
        i++;
    digits_after = i - digits_before - 1;
    return i == n && digits_before > 0 && digits_after > 0;
}

/* "name value unit" with value a decimal number, or "name n/a unit # why". */
static int
well_formed(const char *line)
{
    const char *sp1 = strchr(line, ' ');
    if (!sp1 || !is_word(line, (size_t)(sp1 - line)))
        return 0;
    const char *value = sp1 + 1, *sp2 = strchr(value, ' ');
    if (!sp2)
        return 0;
    const char *unit = sp2 + 1;
    int na = strncmp(value, "n/a ", 4) == 0;
    if (!na && !is_decimal(value, (size_t)(sp2 - value)))
        return 0;
    size_t ulen = strcspn(unit, " ");
    if (!((ulen == 2 && (!strncmp(unit, "ns", 2) || !strncmp(unit, "us", 2))) ||
          (ulen == 5 && !strncmp(unit, "MiB/s", 5))))
        return 0;
    if (unit[ulen] == 0)
        return !na;                     /* a figure needs nothing after */
    return na && strncmp(unit + ulen, " # ", 3) == 0 && unit[ulen + 3] != 0;
}

/* Every line well formed, and the figures the chart needs are there. */
static void
case_bench_prints_only_well_formed_lines(void)
{
    char *argv[] = { "bench", "-q", "trap", "proc", "pipe", "signal", "msg", 0 };
    int status = run_bench(argv);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
    int lines = 0;
    for (char *line = strtok(output, "\n"); line; line = strtok(0, "\n"), lines++)
        if (!well_formed(line))
            check_fail(__FILE__, __LINE__, "badly formed line: '%s'", line);
    CHECK(lines >= 20);
}

static void
case_bench_measures_the_floor_and_pipes(void)
{
    char *argv[] = { "bench", "-q", "trap", "pipe", 0 };
    CHECK_EQ(run_bench(argv), 0);
    static const char *const names[] = {
        "trap_null_int_ns ", "trap_null_sysenter_ns ", "getpid_ns ", "getpid_int80_ns ",
        "pipe_rtt_us ", "pipe_rtt_64_us ", "pipe_tput_65536_mibs ",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char *at = strstr(output, names[i]);
        if (!at || (at != output && at[-1] != '\n'))
            check_fail(__FILE__, __LINE__, "no figure %s", names[i]);
        CHECK(strncmp(at + strlen(names[i]), "n/a", 3) != 0);   /* these exist */
    }
}

/* An unknown group is a usage error, not a silent empty run. */
static void
case_bench_rejects_an_unknown_group(void)
{
    char *argv[] = { "bench", "-q", "no_such_group", 0 };
    int status = run_bench(argv);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 2);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(bench_prints_only_well_formed_lines),
        CHECK_CASE(bench_measures_the_floor_and_pipes),
        CHECK_CASE(bench_rejects_an_unknown_group),
    };
    return check_main("bench", cases, CHECK_NCASES(cases), argc, argv);
}
