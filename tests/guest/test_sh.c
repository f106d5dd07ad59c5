/*
 * The shell's language: expansions, quoting, compound commands, scripts
 * and jobs in scripts.  Each case runs a command line with popen (so
 * through "/bin/sh -c") and compares what it prints.  Bash prints the same
 * for every one of these lines.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"


static void
write_file(const char *path, const char *text, mode_t mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    write(fd, text, strlen(text));
    close(fd);
}

static void
make_glob_dir(void)
{
    mkdir("/tmp/g", 0755);
    write_file("/tmp/g/b.c", "", 0644);
    write_file("/tmp/g/a.c", "", 0644);
    write_file("/tmp/g/x.h", "", 0644);
    write_file("/tmp/g/.hidden.c", "", 0644);
}

static void
case_star_matches_sorted_names_but_not_dot_files(void)
{
    make_glob_dir();
    CHECK_OUTPUT("echo /tmp/g/*.c", "/tmp/g/a.c /tmp/g/b.c\n");
    CHECK_OUTPUT("cd /tmp/g && echo *", "a.c b.c x.h\n");
}

static void
case_question_mark_and_brackets_match_one_character(void)
{
    make_glob_dir();
    CHECK_OUTPUT("echo /tmp/g/?.h /tmp/g/[ab].c /tmp/g/[!a].c", "/tmp/g/x.h /tmp/g/a.c /tmp/g/b.c /tmp/g/b.c\n");
}

static void
case_pattern_without_match_stays_as_typed(void)
{
    make_glob_dir();
    CHECK_OUTPUT("echo /tmp/g/*.zz", "/tmp/g/*.zz\n");
}

static void
case_quoted_pattern_is_literal(void)
{
    make_glob_dir();
    CHECK_OUTPUT("echo '/tmp/g/*.c' \"/tmp/g/*\" /tmp/g/\\*", "/tmp/g/*.c /tmp/g/* /tmp/g/*\n");
}

static void
case_assignment_sets_a_variable_that_is_not_exported(void)
{
    CHECK_OUTPUT("X=5; echo $X ${X}x; env | grep '^X=' || echo unexported", "5 5x\nunexported\n");
}

static void
case_prefix_assignment_reaches_only_that_command(void)
{
    CHECK_OUTPUT("Y=7 env | grep '^Y='; echo \"[$Y]\"", "Y=7\n[]\n");
}

static void
case_export_reaches_children(void)
{
    CHECK_OUTPUT("Z=3; export Z; sh -c 'echo $Z'; export W=4; env | grep '^W='", "3\nW=4\n");
}

static void
case_default_value_for_unset_variable(void)
{
    CHECK_OUTPUT("echo ${NOPE:-dflt} ${HOME:-x}", "dflt /\n");
}

static void
case_status_of_the_last_command(void)
{
    CHECK_OUTPUT("false; echo $?; true; echo $?; sh -c 'exit 7'; echo $?", "1\n0\n7\n");
}

static void
case_dollar_dollar_is_the_same_in_a_substitution(void)
{
    CHECK_EQ(check_command("echo $$ $(echo $$) `echo $$`"), 0);
    int a = 0, b = 0, c = 0;
    CHECK_EQ(sscanf(check_output, "%d %d %d", &a, &b, &c), 3);
    CHECK(a > 1);
    CHECK(a == b && b == c);
}

static void
case_bang_is_the_last_background_pid(void)
{
    CHECK_OUTPUT("sleep 5 & kill -0 $! && echo alive; kill $!; wait; echo done", "alive\ndone\n");
}

static void
case_command_substitution_nests_and_drops_trailing_newlines(void)
{
    CHECK_OUTPUT("echo $(echo a $(echo b)) `echo c`; x=$(printf 'l1\\nl2\\n\\n'); echo \"[$x]\"",
                 "a b c\n[l1\nl2]\n");
}

static void
case_unquoted_substitution_is_split_into_words(void)
{
    CHECK_OUTPUT("for w in $(echo 'one  two'); do echo \"<$w>\"; done; for w in \"$(echo 'a b')\"; do echo \"<$w>\"; done",
                 "<one>\n<two>\n<a b>\n");
}

static void
case_tilde_is_home(void)
{
    CHECK_OUTPUT("HOME=/tmp; echo ~ ~/x '~' a~", "/tmp /tmp/x ~ a~\n");
}

static void
case_quoting_rules(void)
{
    CHECK_OUTPUT("X=1; echo 'a $X' \"b $X\" c\\ \\ d \"\\$X\" \"q\\\"q\" ''x", "a $X b 1 c  d $X q\"q x\n");
}

static void
case_arithmetic_expansion(void)
{
    CHECK_OUTPUT("i=4; echo $((i * 2 + 1)) $(( (1 + 2) * 3 % 5 )) $((i > 3 && i < 5))", "9 4 1\n");
}

static void
case_if_elif_else(void)
{
    CHECK_OUTPUT("for n in 1 2 3; do if [ $n = 1 ]; then echo one; elif [ $n = 2 ]; then echo two; else echo other; fi; done",
                 "one\ntwo\nother\n");
}

static void
case_while_and_until_loops(void)
{
    CHECK_OUTPUT("i=0; while [ $i -lt 3 ]; do echo $i; i=$((i + 1)); done; until [ $i -eq 0 ]; do i=$((i - 1)); done; echo $i",
                 "0\n1\n2\n0\n");
}

static void
case_for_loop_over_words_and_names(void)
{
    make_glob_dir();
    CHECK_OUTPUT("for f in x /tmp/g/*.c 'y z'; do echo \"$f\"; done", "x\n/tmp/g/a.c\n/tmp/g/b.c\ny z\n");
}

static void
case_break_and_continue(void)
{
    CHECK_OUTPUT("for i in 1 2 3 4 5; do if [ $i = 2 ]; then continue; fi; if [ $i = 4 ]; then break; fi; echo $i; done",
                 "1\n3\n");
}

static void
case_groups_subshells_and_negation(void)
{
    CHECK_OUTPUT("{ echo a; echo b; } | wc -l; (cd /tmp; pwd); pwd; ! false && echo negated", "2\n/tmp\n/\nnegated\n");
}

static void
case_compound_command_spans_lines(void)
{
    CHECK_OUTPUT("printf 'if true\\nthen\\n  echo yes\\nfi\\nfor i in 1 2\\ndo echo $i\\ndone\\n' | sh", "yes\n1\n2\n");
}

static void
case_script_file_gets_its_arguments(void)
{
    write_file("/tmp/args.sh", "# a comment\necho $# \"$1\" $2\nfor a in \"$@\"; do echo \"<$a>\"; done\nshift\necho $1\n", 0644);
    CHECK_OUTPUT("sh /tmp/args.sh 'a b' c", "2 a b c\n<a b>\n<c>\nc\n");
    write_file("/tmp/dflt.sh", "echo ${1:-none} ${2:-none} ${#}\n", 0644);
    CHECK_OUTPUT("sh /tmp/dflt.sh x", "x none 1\n");
}

static void
case_hashbang_script_runs_as_a_program(void)
{
    write_file("/tmp/hello", "#!/bin/sh\necho hello $1\nexit 3\n", 0755);
    CHECK_EQ(check_command("/tmp/hello world"), 3 << 8);
    CHECK_STR_EQ(check_output, "hello world\n");
}

static void
case_kill_percent_job_in_a_script(void)
{
    /* Without job control a job is its processes: kill %1 kills them, or
     * wait would take 100 s. */
    CHECK_OUTPUT("sleep 100 & kill %1 && echo killed; wait; echo waited", "killed\nwaited\n");
}

static void
case_wait_waits_for_every_background_job(void)
{
    CHECK_OUTPUT("(sleep 1; echo late) & echo early; wait; echo after", "early\nlate\nafter\n");
}

static void
case_read_splits_a_line_into_variables(void)
{
    CHECK_OUTPUT("echo 'a b  c d' | { read x y; echo \"$x|$y\"; }; printf 'l1\\nl2\\n' | while read l; do echo \"<$l>\"; done",
                 "a|b  c d\n<l1>\n<l2>\n");
}

static void
case_redirections_to_stderr_and_appending(void)
{
    CHECK_OUTPUT("echo err >&2 2>/dev/null; (echo e1 >&2) 2>/tmp/e; echo e2 2>>/tmp/e >&2; cat /tmp/e", "e1\ne2\n");
}

static void
case_syntax_error_is_status_two(void)
{
    CHECK_EQ(check_command("sh -c 'if true; then echo x' 2>/dev/null; echo $?"), 0);
    CHECK_STR_EQ(check_output, "2\n");
    CHECK_EQ(check_command("sh -c 'echo a; fi' 2>&1"), 2 << 8);
    CHECK_STR_EQ(check_output, "sh: syntax error near 'fi'\n");
}

static void
case_command_not_found_is_127(void)
{
    CHECK_EQ(check_command("no-such-command 2>/dev/null; echo $?"), 0);
    CHECK_STR_EQ(check_output, "127\n");
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(star_matches_sorted_names_but_not_dot_files),
        CHECK_CASE(question_mark_and_brackets_match_one_character),
        CHECK_CASE(pattern_without_match_stays_as_typed),
        CHECK_CASE(quoted_pattern_is_literal),
        CHECK_CASE(assignment_sets_a_variable_that_is_not_exported),
        CHECK_CASE(prefix_assignment_reaches_only_that_command),
        CHECK_CASE(export_reaches_children),
        CHECK_CASE(default_value_for_unset_variable),
        CHECK_CASE(status_of_the_last_command),
        CHECK_CASE(dollar_dollar_is_the_same_in_a_substitution),
        CHECK_CASE(bang_is_the_last_background_pid),
        CHECK_CASE(command_substitution_nests_and_drops_trailing_newlines),
        CHECK_CASE(unquoted_substitution_is_split_into_words),
        CHECK_CASE(tilde_is_home),
        CHECK_CASE(quoting_rules),
        CHECK_CASE(arithmetic_expansion),
        CHECK_CASE(if_elif_else),
        CHECK_CASE(while_and_until_loops),
        CHECK_CASE(for_loop_over_words_and_names),
        CHECK_CASE(break_and_continue),
        CHECK_CASE(groups_subshells_and_negation),
        CHECK_CASE(compound_command_spans_lines),
        CHECK_CASE(script_file_gets_its_arguments),
        CHECK_CASE(hashbang_script_runs_as_a_program),
        CHECK_CASE(kill_percent_job_in_a_script),
        CHECK_CASE(wait_waits_for_every_background_job),
        CHECK_CASE(read_splits_a_line_into_variables),
        CHECK_CASE(redirections_to_stderr_and_appending),
        CHECK_CASE(syntax_error_is_status_two),
        CHECK_CASE(command_not_found_is_127),
    };
    return check_main("sh", cases, CHECK_NCASES(cases), argc, argv);
}
