/*
 * The utilities a student reaches for in the first hour: each case runs
 * a command line through popen and compares its check_output with what the
 * GNU tool prints for the same line (only options both have are used).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define LINES "printf 'pear\\napple\\nfig\\napple\\n10\\n9\\n'"

static void
case_cp_copies_contents_and_into_a_directory(void)
{
    CHECK_OUTPUT("echo data > /tmp/a; cp /tmp/a /tmp/b && cat /tmp/b; mkdir -p /tmp/d; mkdir /tmp/d 2>/dev/null; cp /tmp/a /tmp/b /tmp/d && ls /tmp/d",
                 "data\na\nb\n");
}

static void
case_mv_renames_and_moves_into_a_directory(void)
{
    CHECK_OUTPUT("echo x > /tmp/m1; mv /tmp/m1 /tmp/m2 && cat /tmp/m2; ls /tmp/m1 2>/dev/null || echo gone; mkdir /tmp/md; mv /tmp/m2 /tmp/md && ls /tmp/md",
                 "x\ngone\nm2\n");
}

static void
case_ln_makes_a_second_name(void)
{
    CHECK_OUTPUT("echo s > /tmp/l1; ln /tmp/l1 /tmp/l2 && rm /tmp/l1 && cat /tmp/l2; ln -s /tmp/l2 /tmp/l3 2>/dev/null || echo nosym",
                 "s\nnosym\n");
}

static void
case_head_and_tail_count_lines(void)
{
    CHECK_OUTPUT(LINES " | head -n 2; " LINES " | head -1; " LINES " | tail -n 2; " LINES " | tail -1",
                 "pear\napple\npear\n10\n9\n9\n");
}

static void
case_sort_orders_text_numbers_and_reverse(void)
{
    CHECK_OUTPUT(LINES " | sort | tr '\\n' ' '; echo; " LINES " | sort -n | tr '\\n' ' '; echo; " LINES " | sort -ru | tr '\\n' ' '; echo",
                 "10 9 apple apple fig pear \napple apple fig pear 9 10 \npear fig apple 9 10 \n");
}

static void
case_sort_by_field(void)
{
    CHECK_OUTPUT("printf 'b 2\\na 3\\nc 1\\n' | sort -k 2 -n; printf 'x:2\\ny:1\\n' | sort -t : -k 2",
                 "c 1\nb 2\na 3\ny:1\nx:2\n");
}

static void
case_uniq_collapses_and_counts(void)
{
    CHECK_OUTPUT("printf 'a\\na\\nb\\na\\n' | uniq; printf 'a\\na\\nb\\n' | uniq -c; printf 'a\\na\\nb\\n' | uniq -d",
                 "a\nb\na\n      2 a\n      1 b\na\n");
}

static void
case_cut_fields_and_characters(void)
{
    CHECK_OUTPUT("echo 'a:b:c:d' | cut -d : -f 2,4; echo 'a:b:c:d' | cut -d: -f 2-; echo hello | cut -c 2-4; printf 'x\\ty\\n' | cut -f 2; echo nodelim | cut -d: -f 2",
                 "b:d\nb:c:d\nell\ny\nnodelim\n");
}

static void
case_tr_translates_deletes_and_squeezes(void)
{
    CHECK_OUTPUT("echo hello | tr a-z A-Z; echo hello | tr -d l; echo 'a   b' | tr -s ' '; echo abc | tr abc x",
                 "HELLO\nheo\na b\nxxx\n");
}

static void
case_tee_copies_to_files(void)
{
    CHECK_OUTPUT("echo one | tee /tmp/t1 /tmp/t2; echo two | tee -a /tmp/t1 > /dev/null; cat /tmp/t1 /tmp/t2",
                 "one\none\ntwo\none\n");
}

static void
case_touch_creates_and_updates(void)
{
    struct stat st;
    CHECK_EQ(check_command("rm -f /tmp/tt; touch /tmp/tt"), 0);
    CHECK_OK(stat("/tmp/tt", &st));
    CHECK_EQ(st.st_size, 0);
    CHECK(st.st_mtim.tv_sec > 1600000000);      /* wall-clock time, not uptime */
}

static void
case_printf_formats_and_reuses_the_format(void)
{
    CHECK_OUTPUT("printf '%s=%d|%5.2f|%-3s|%x|%c\\n' a 42 3.14159 x 255 Z; printf '%s\\n' 1 2; printf 'a\\tb\\\\n\\n'; printf '%b' 'e\\n'",
                 "a=42| 3.14|x  |ff|Z\n1\n2\na\tb\\n\ne\n");
}

static void
case_test_and_bracket_evaluate_expressions(void)
{
    CHECK_OUTPUT("[ 1 -lt 2 ] && echo a; test -d /bin && echo b; [ -f /bin ] || echo c; [ abc = abc -a -n x ] && echo d; [ ! -e /nope ] && echo e; test; echo $?",
                 "a\nb\nc\nd\ne\n1\n");
    CHECK_EQ(check_command("[ 1 -lt 2 2>/dev/null; echo $?"), 0);
    CHECK_STR_EQ(check_output, "2\n");
}

static void
case_seq_counts(void)
{
    CHECK_OUTPUT("seq 3; seq 2 4 | tr '\\n' ' '; echo; seq 10 -3 1 | tr '\\n' ' '; echo; seq -s , 3; seq 0.5 0.5 1.5",
                 "1\n2\n3\n2 3 4 \n10 7 4 1 \n1,2,3\n0.5\n1\n1.5\n");
}

static void
case_xargs_builds_command_lines(void)
{
    CHECK_OUTPUT("echo 1 2 3 | xargs echo n:; printf 'a\\nb\\nc\\n' | xargs -n 2 echo; echo 'x \"y z\"' | xargs",
                 "n: 1 2 3\na b\nc\nx y z\n");
}

static void
case_which_finds_programs_on_the_path(void)
{
    CHECK_OUTPUT("which ls sh; which no-such 2>&1 || echo missing", "/bin/ls\n/bin/sh\nmissing\n");
}

static void
case_chmod_octal_and_symbolic(void)
{
    struct stat st;
    CHECK_EQ(check_command("echo > /tmp/c; chmod 640 /tmp/c"), 0);
    CHECK_OK(stat("/tmp/c", &st));
    CHECK_EQ(st.st_mode & 0777, 0640);
    CHECK_EQ(check_command("chmod u+x,o+r /tmp/c"), 0);
    CHECK_OK(stat("/tmp/c", &st));
    CHECK_EQ(st.st_mode & 0777, 0744);
    CHECK_EQ(check_command("chmod go= /tmp/c"), 0);
    CHECK_OK(stat("/tmp/c", &st));
    CHECK_EQ(st.st_mode & 0777, 0700);
}

static void
case_stat_reports_size_type_and_links(void)
{
    CHECK_EQ(check_command("printf 12345 > /tmp/s; ln /tmp/s /tmp/s2; stat /tmp/s"), 0);
    CHECK(strstr(check_output, "Size: 5 ") != NULL);
    CHECK(strstr(check_output, "regular file") != NULL);
    CHECK(strstr(check_output, "Links: 2") != NULL);
}

static void
case_hexdump_shows_bytes_and_text(void)
{
    CHECK_OUTPUT("printf 'AB\\001' | hexdump -C",
                 "00000000  41 42 01                                          |AB.|\n00000003\n");
}

static void
case_yes_repeats_until_the_reader_leaves(void)
{
    CHECK_OUTPUT("yes | head -n 3; yes no | head -n 1", "y\ny\ny\nno\n");
}

static void
case_time_reports_real_user_and_sys(void)
{
    CHECK_EQ(check_command("time sleep 1 2>&1"), 0);
    double real = 0;
    char *p = strstr(check_output, "real");
    CHECK(p != NULL);
    CHECK_EQ(sscanf(p, "real %lfs", &real), 1);
    CHECK(real >= 0.9);
    CHECK(strstr(check_output, "user") && strstr(check_output, "sys"));
}

static void
case_date_prints_this_year(void)
{
    time_t now = time(NULL);
    struct tm tm;
    char want[16];
    gmtime_r(&now, &tm);
    strftime(want, sizeof want, "%Y-%m\n", &tm);
    CHECK_OUTPUT("date -u +%Y-%m", want);
    CHECK(tm.tm_year + 1900 >= 2024);           /* from the RTC, not 1970 */
}

static void
case_clear_sends_home_and_erase(void)
{
    CHECK_OUTPUT("clear", "\033[H\033[2J");
}

static void
case_more_is_cat_when_not_on_a_terminal(void)
{
    CHECK_OUTPUT("seq 40 | more | wc -l", "40\n");
}

static void
case_man_shows_pages_and_falls_back_to_help(void)
{
    CHECK_EQ(check_command("man pipe | head -1; man cut | head -1"), 0);
    CHECK_STR_EQ(check_output, "pipe - a one-way byte channel between processes (system call)\nusage: cut -f LIST [-d C] [FILE...]\n");
    CHECK_EQ(check_command("man no-such-page 2>/dev/null"), 1 << 8);
}

static void
case_every_new_utility_answers_help(void)
{
    static const char *const names[] = {
        "cp", "mv", "head", "tail", "sort", "uniq", "cut", "tr", "tee", "touch",
        "date", "clear", "more", "printf", "test", "seq", "xargs", "which", "ln",
        "chmod", "stat", "hexdump", "time", "yes", "man", "grep", "sh", "stty",
    };
    char command[64];
    for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++) {
        snprintf(command, sizeof command, "%s --help", names[i]);
        CHECK_EQ(check_command(command), 0);
        CHECK(strncmp(check_output, "usage: ", 7) == 0);
    }
}

static void
case_grep_matches_regular_expressions(void)
{
    CHECK_OUTPUT("printf 'abc\\nxabc\\nABC\\na.c\\n' > /tmp/gr; grep '^abc' /tmp/gr; grep -c 'c$' /tmp/gr; grep -i '^a.c$' /tmp/gr | wc -l; grep 'a\\.c' /tmp/gr; grep 'x*ab[a-c]' /tmp/gr | wc -l",
                 "abc\n3\n3\na.c\n2\n");
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(cp_copies_contents_and_into_a_directory),
        CHECK_CASE(mv_renames_and_moves_into_a_directory),
        CHECK_CASE(ln_makes_a_second_name),
        CHECK_CASE(head_and_tail_count_lines),
        CHECK_CASE(sort_orders_text_numbers_and_reverse),
        CHECK_CASE(sort_by_field),
        CHECK_CASE(uniq_collapses_and_counts),
        CHECK_CASE(cut_fields_and_characters),
        CHECK_CASE(tr_translates_deletes_and_squeezes),
        CHECK_CASE(tee_copies_to_files),
        CHECK_CASE(touch_creates_and_updates),
        CHECK_CASE(printf_formats_and_reuses_the_format),
        CHECK_CASE(test_and_bracket_evaluate_expressions),
        CHECK_CASE(seq_counts),
        CHECK_CASE(xargs_builds_command_lines),
        CHECK_CASE(which_finds_programs_on_the_path),
        CHECK_CASE(chmod_octal_and_symbolic),
        CHECK_CASE(stat_reports_size_type_and_links),
        CHECK_CASE(hexdump_shows_bytes_and_text),
        CHECK_CASE(yes_repeats_until_the_reader_leaves),
        CHECK_CASE(time_reports_real_user_and_sys),
        CHECK_CASE(date_prints_this_year),
        CHECK_CASE(clear_sends_home_and_erase),
        CHECK_CASE(more_is_cat_when_not_on_a_terminal),
        CHECK_CASE(man_shows_pages_and_falls_back_to_help),
        CHECK_CASE(every_new_utility_answers_help),
        CHECK_CASE(grep_matches_regular_expressions),
    };
    return check_main("utils", cases, CHECK_NCASES(cases), argc, argv);
}
