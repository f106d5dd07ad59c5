/*
 * Reproducible interleavings: the same seed gives the same interleaving
 * (and so the same output) every time, different seeds find different
 * outcomes of a racy program, and explore reports them with their seeds.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <parley.h>
#include "check.h"

static char output[4096];

/* Run argv with stdout to a file; returns the output in `output`. */
static void
run_capture(char *const argv[])
{
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open("/tmp/explore.test", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 1);
        close(fd);
        execv(argv[0], argv);
        _exit(127);
    }
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
    int fd = open("/tmp/explore.test", O_RDONLY);
    ssize_t n = read(fd, output, sizeof output - 1);
    CHECK(n > 0);
    output[n] = 0;
    close(fd);
}

/* Replaying one seed twice gives the same racy result both times. */
static void
case_same_seed_same_output(void)
{
    char *argv[] = { "/bin/explore", "-r", "5", "/bin/demo_race", NULL };
    static char first[4096];
    run_capture(argv);
    strcpy(first, output);
    CHECK(strstr(first, "counter = ") != NULL);
    for (int i = 0; i < 3; i++) {
        run_capture(argv);
        CHECK_STR_EQ(output, first);
    }
}

/* Over twelve seeds the unsynchronised counter gives several answers, and
 * at least one of them loses increments. */
static void
case_explore_finds_several_outcomes_of_a_race(void)
{
    char *argv[] = { "/bin/explore", "-n", "12", "/bin/demo_race", NULL };
    run_capture(argv);
    CHECK(strncmp(output, "12 runs, ", 9) == 0);
    CHECK(atoi(output + 9) >= 2);       /* "N distinct outcomes" */
    CHECK(strstr(output, "(expected 40)") != NULL);
}

/* The seed explore names for an outcome replays that very outcome. */
static void
case_a_reported_seed_replays_its_outcome(void)
{
    char *argv[] = { "/bin/explore", "-n", "6", "/bin/demo_race", NULL };
    run_capture(argv);
    char *line = strstr(output, "outcome 1: ");
    CHECK(line != NULL);
    char *text = strstr(line, "output \"");
    char *seeds = strstr(line, "seeds ");
    CHECK(text && seeds);
    char expected[64];
    text += 8;
    snprintf(expected, sizeof expected, "%.*s\n", (int)(strchr(text, '"') - text), text);
    char seed[16];
    snprintf(seed, sizeof seed, "%d", atoi(seeds + 6));
    char *replay[] = { "/bin/explore", "-r", seed, "/bin/demo_race", NULL };
    run_capture(replay);
    CHECK_STR_EQ(output, expected);
}

/* A switch at every call's end still runs a correct program correctly. */
static void
case_every_call_mode_keeps_a_pipeline_correct(void)
{
    char *argv[] = { "/bin/explore", "-e", "/bin/sh", "-c", "echo one two | cat | cat", NULL };
    run_capture(argv);
    CHECK_STR_EQ(output, "one two\n");
}

static void
case_unknown_mode_is_einval(void)
{
    CHECK_ERR(sched_explore(7, 1), EINVAL);
    CHECK_ERR(sched_explore(-1, 1), EINVAL);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(same_seed_same_output),
        CHECK_CASE(explore_finds_several_outcomes_of_a_race),
        CHECK_CASE(a_reported_seed_replays_its_outcome),
        CHECK_CASE(every_call_mode_keeps_a_pipeline_correct),
        CHECK_CASE(unknown_mode_is_einval),
    };
    return check_main("explore", cases, CHECK_NCASES(cases), argc, argv);
}
