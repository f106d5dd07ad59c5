/*
 * The C library calls added for a student's first hour, in the guest:
 * access, rename, link, chmod, utimensat (with the kernel's rules and
 * errors), system, popen, pclose, tmpfile, getline, and a sanity check that
 * the i386 build of sscanf, strtod, <math.h> and getopt gives what the
 * host tests proved against glibc.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static void
make_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(fd, text, strlen(text));
    close(fd);
}

static void
case_access_checks_existence_and_modes(void)
{
    CHECK_OK(access("/bin/sh", F_OK));
    CHECK_OK(access("/bin/sh", X_OK | R_OK));
    CHECK_ERR(access("/no/such", F_OK), ENOENT);
    make_file("/tmp/plain", "x");
    CHECK_ERR(access("/tmp/plain", X_OK), EACCES);
    CHECK_ERR(access("/tmp/plain", 0100), EINVAL);
}

static void
case_rename_replaces_the_target(void)
{
    struct stat st;
    make_file("/tmp/r1", "new");
    make_file("/tmp/r2", "old!");
    CHECK_OK(rename("/tmp/r1", "/tmp/r2"));
    CHECK_ERR(stat("/tmp/r1", &st), ENOENT);
    CHECK_OK(stat("/tmp/r2", &st));
    CHECK_EQ(st.st_size, 3);
}

static void
case_rename_errors_follow_posix(void)
{
    mkdir("/tmp/rd", 0755);
    mkdir("/tmp/rd/sub", 0755);
    mkdir("/tmp/full", 0755);
    make_file("/tmp/full/f", "");
    make_file("/tmp/rf", "");
    CHECK_ERR(rename("/tmp/none", "/tmp/x"), ENOENT);
    CHECK_ERR(rename("/tmp/rf", "/tmp/rd"), EISDIR);
    CHECK_ERR(rename("/tmp/rd", "/tmp/rf"), ENOTDIR);
    CHECK_ERR(rename("/tmp/rd", "/tmp/full"), ENOTEMPTY);
    CHECK_ERR(rename("/tmp/rd", "/tmp/rd/sub/inside"), EINVAL);
    CHECK_OK(rename("/tmp/rf", "/tmp/rf"));
}

static void
case_rename_moves_a_directory_and_its_dotdot(void)
{
    struct stat a, b;
    mkdir("/tmp/p1", 0755);
    mkdir("/tmp/p2", 0755);
    mkdir("/tmp/p1/child", 0755);
    CHECK_OK(rename("/tmp/p1/child", "/tmp/p2/child"));
    CHECK_OK(stat("/tmp/p2/child/..", &a));
    CHECK_OK(stat("/tmp/p2", &b));
    CHECK_EQ(a.st_ino, b.st_ino);
}

static void
case_link_counts_names_and_refuses_directories(void)
{
    struct stat st;
    make_file("/tmp/k1", "k");
    CHECK_OK(link("/tmp/k1", "/tmp/k2"));
    CHECK_OK(stat("/tmp/k1", &st));
    CHECK_EQ(st.st_nlink, 2);
    CHECK_ERR(link("/tmp/k1", "/tmp/k2"), EEXIST);
    CHECK_ERR(link("/tmp", "/tmp/k3"), EPERM);
    CHECK_ERR(link("/tmp/none", "/tmp/k4"), ENOENT);
    CHECK_OK(unlink("/tmp/k1"));
    CHECK_OK(stat("/tmp/k2", &st));
    CHECK_EQ(st.st_nlink, 1);
}

static void
case_chmod_sets_permission_bits_only(void)
{
    struct stat st;
    make_file("/tmp/cm", "");
    CHECK_OK(chmod("/tmp/cm", 04751));
    CHECK_OK(stat("/tmp/cm", &st));
    CHECK_EQ(st.st_mode, S_IFREG | 04751);
    CHECK_ERR(chmod("/tmp/none", 0644), ENOENT);
}

static void
case_utimensat_sets_times_or_now(void)
{
    struct timespec times[2] = { { 1000, 0 }, { 2000, 5 } };
    struct stat st;
    make_file("/tmp/ut", "");
    CHECK_OK(utimensat(AT_FDCWD, "/tmp/ut", times, 0));
    CHECK_OK(stat("/tmp/ut", &st));
    CHECK_EQ(st.st_atim.tv_sec, 1000);
    CHECK_EQ(st.st_mtim.tv_sec, 2000);
    CHECK_OK(utimensat(AT_FDCWD, "/tmp/ut", NULL, 0));
    CHECK_OK(stat("/tmp/ut", &st));
    CHECK(st.st_mtim.tv_sec >= time(NULL) - 5);
    times[0].tv_nsec = 2000000000;
    CHECK_ERR(utimensat(AT_FDCWD, "/tmp/ut", times, 0), EINVAL);
}

static void
case_time_is_wall_clock_time(void)
{
    /* 2024-01-01: the CMOS clock set it, not the boot */
    CHECK(time(NULL) > 1704067200);
}

static void
case_system_returns_the_wait_status(void)
{
    CHECK_EQ(system("exit 3"), 3 << 8);
    CHECK_EQ(system("true"), 0);
    int s = system("kill -TERM $$");
    CHECK(WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM);
    CHECK_EQ(system(NULL), 1);
}

static void
case_popen_reads_and_writes_a_command(void)
{
    char line[64];
    FILE *f = popen("echo hello; exit 4", "r");
    CHECK(f != NULL);
    CHECK(fgets(line, sizeof line, f) != NULL);
    CHECK_STR_EQ(line, "hello\n");
    CHECK_EQ(pclose(f), 4 << 8);
    f = popen("cat > /tmp/pw", "w");
    CHECK(f != NULL);
    fprintf(f, "written\n");
    CHECK_EQ(pclose(f), 0);
    f = fopen("/tmp/pw", "r");
    CHECK(fgets(line, sizeof line, f) != NULL);
    CHECK_STR_EQ(line, "written\n");
    fclose(f);
    CHECK(popen("true", "x") == NULL);
    CHECK_EQ(errno, EINVAL);
}

static void
case_tmpfile_has_no_name_and_reads_back(void)
{
    char buf[16] = "";
    FILE *f = tmpfile();
    CHECK(f != NULL);
    fputs("temp", f);
    rewind(f);
    CHECK(fgets(buf, sizeof buf, f) != NULL);
    CHECK_STR_EQ(buf, "temp");
    CHECK_OK(fclose(f));
}

static void
case_getline_reads_whole_lines(void)
{
    char *line = NULL;
    size_t size = 0;
    make_file("/tmp/gl", "first\nsecond line\nlast");
    FILE *f = fopen("/tmp/gl", "r");
    CHECK_EQ(getline(&line, &size, f), 6);
    CHECK_EQ(getline(&line, &size, f), 12);
    CHECK_STR_EQ(line, "second line\n");
    CHECK_EQ(getline(&line, &size, f), 4);
    CHECK_EQ(getline(&line, &size, f), -1);
    fclose(f);
    free(line);
}

static void
case_scanf_family_reads_numbers_and_words(void)
{
    int a = 0, b = 0;
    double d = 0;
    char word[16];
    CHECK_EQ(sscanf("12 -7 2.5 end", "%d %d %lf %15s", &a, &b, &d, word), 4);
    CHECK(a == 12 && b == -7 && d == 2.5);
    CHECK_STR_EQ(word, "end");
    make_file("/tmp/sc", "3 4\n");
    FILE *f = fopen("/tmp/sc", "r");
    CHECK_EQ(fscanf(f, "%d %d", &a, &b), 2);
    CHECK_EQ(a * b, 12);
    CHECK_EQ(fscanf(f, "%d", &a), EOF);
    fclose(f);
}

static void
case_strtod_and_math_on_i386(void)
{
    char *end;
    CHECK(strtod("1.5e3xyz", &end) == 1500.0 && strcmp(end, "xyz") == 0);
    CHECK(atof("0.1") == 0.1);
    CHECK(sqrt(2.0) == 1.4142135623730951);
    CHECK(fabs(sin(M_PI / 6) - 0.5) < 1e-15);
    CHECK(pow(2, 10) == 1024);
    CHECK(floor(-2.5) == -3 && ceil(-2.5) == -2 && round(2.5) == 3);
    CHECK(fabs(exp(log(10.0)) - 10.0) < 1e-14);
    CHECK(isnan(sqrt(-1)) && isinf(HUGE_VAL));
}

/* Linux: "#!interp arg" runs interp with { interp, arg, path, argv[1]... };
 * the argument is the rest of the line, one word. */
static void
case_execv_runs_a_hashbang_script_with_its_interpreter(void)
{
    char out[128] = "";
    int fds[2], status;
    make_file("/tmp/hb", "#!/bin/echo  -n  two words \nignored\n");
    CHECK_OK(chmod("/tmp/hb", 0755));
    CHECK_OK(pipe(fds));
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        execl("/tmp/hb", "hb", "x", (char *)NULL);
        _exit(99);
    }
    close(fds[1]);
    CHECK(read(fds[0], out, sizeof out - 1) > 0);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
    CHECK_STR_EQ(out, "-n  two words /tmp/hb x\n");
    make_file("/tmp/hb2", "#!/no/such/interpreter\n");
    CHECK_OK(chmod("/tmp/hb2", 0755));
    CHECK_ERR(execl("/tmp/hb2", "hb2", (char *)NULL), ENOENT);
    make_file("/tmp/hb3", "not a program\n");
    CHECK_OK(chmod("/tmp/hb3", 0755));
    CHECK_ERR(execl("/tmp/hb3", "hb3", (char *)NULL), ENOEXEC);
}

static void
case_getopt_parses_options_and_arguments(void)
{
    char *argv[] = { "prog", "-ab", "-n", "5", "-x", "file", NULL };
    int c, a = 0, b = 0, n = 0, unknown = 0;
    optind = 1;
    opterr = 0;
    while ((c = getopt(6, argv, "abn:")) != -1) {
        if (c == 'a') a = 1;
        else if (c == 'b') b = 1;
        else if (c == 'n') n = atoi(optarg);
        else if (c == '?') unknown = optopt;
    }
    CHECK(a && b && n == 5);
    CHECK_EQ(unknown, 'x');
    CHECK_EQ(optind, 5);
    CHECK_STR_EQ(argv[optind], "file");
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(access_checks_existence_and_modes),
        CHECK_CASE(rename_replaces_the_target),
        CHECK_CASE(rename_errors_follow_posix),
        CHECK_CASE(rename_moves_a_directory_and_its_dotdot),
        CHECK_CASE(link_counts_names_and_refuses_directories),
        CHECK_CASE(chmod_sets_permission_bits_only),
        CHECK_CASE(utimensat_sets_times_or_now),
        CHECK_CASE(time_is_wall_clock_time),
        CHECK_CASE(system_returns_the_wait_status),
        CHECK_CASE(popen_reads_and_writes_a_command),
        CHECK_CASE(tmpfile_has_no_name_and_reads_back),
        CHECK_CASE(getline_reads_whole_lines),
        CHECK_CASE(scanf_family_reads_numbers_and_words),
        CHECK_CASE(strtod_and_math_on_i386),
        CHECK_CASE(execv_runs_a_hashbang_script_with_its_interpreter),
        CHECK_CASE(getopt_parses_options_and_arguments),
    };
    return check_main("libc_more", cases, CHECK_NCASES(cases), argc, argv);
}
