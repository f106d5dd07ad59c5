/*
 * test_fs -- files and directories, as POSIX describes them: open flags,
 * read/write/lseek, descriptors (dup, dup2), directory operations, stat,
 * readdir and the errors of each.
 *
 * Each case works in a fresh directory /tmp/fs<pid> (its own pid), so cases
 * cannot see each other's files.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"

static char scratch[32];        /* this case's directory */

/* ---- helpers ----------------------------------------------------------- */

static void
enter_scratch(void)
{
    snprintf(scratch, sizeof scratch, "/tmp/fs%d", (int)getpid());
    CHECK_OK(mkdir(scratch, 0755));
    CHECK_OK(chdir(scratch));
}

static void
put_file(const char *name, const char *text)
{
    int fd;

    CHECK_OK(fd = open(name, O_CREAT | O_WRONLY | O_TRUNC, 0644));
    CHECK_EQ(write(fd, text, strlen(text)), strlen(text));
    CHECK_OK(close(fd));
}

/* Reads a whole (small) file into buf as a string. */
static const char *
file_text(const char *name, char *buf, int size)
{
    int fd, n;

    CHECK_OK(fd = open(name, O_RDONLY));
    CHECK_OK(n = read(fd, buf, size - 1));
    buf[n] = '\0';
    close(fd);
    return buf;
}

static long
file_size(const char *name)
{
    struct stat st;

    CHECK_OK(stat(name, &st));
    return st.st_size;
}

/* ---- open flags -------------------------------------------------------- */

static void
case_creat_makes_an_empty_regular_file(void)
{
    struct stat st;
    int fd;

    enter_scratch();
    CHECK_OK(fd = open("new", O_CREAT | O_WRONLY, 0644));
    CHECK(fd >= 0);
    CHECK_OK(fstat(fd, &st));
    CHECK(S_ISREG(st.st_mode));
    CHECK_EQ(st.st_size, 0);
}

static void
case_open_missing_file_is_enoent(void)
{
    enter_scratch();
    CHECK_ERR(open("missing", O_RDONLY), ENOENT);
    CHECK_ERR(open("missing", O_WRONLY), ENOENT);
    CHECK_ERR(open("", O_RDONLY), ENOENT);
    CHECK_ERR(open("nodir/file", O_CREAT | O_WRONLY, 0644), ENOENT);
}

static void
case_creat_excl_on_existing_file_is_eexist(void)
{
    enter_scratch();
    put_file("f", "x");
    CHECK_ERR(open("f", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
    CHECK_OK(open("g", O_CREAT | O_EXCL | O_WRONLY, 0644));
}

static void
case_trunc_empties_the_file(void)
{
    enter_scratch();
    put_file("f", "hello");
    CHECK_OK(open("f", O_WRONLY | O_TRUNC));
    CHECK_EQ(file_size("f"), 0);
}

static void
case_creat_keeps_existing_contents(void)
{
    char buf[16];

    enter_scratch();
    put_file("f", "hello");
    CHECK_OK(open("f", O_CREAT | O_WRONLY, 0644));
    CHECK_STR_EQ(file_text("f", buf, sizeof buf), "hello");
}

/* POSIX: with O_APPEND the offset is set to the end before each write. */
static void
case_append_writes_at_the_end(void)
{
    char buf[16];
    int fd;

    enter_scratch();
    put_file("f", "abc");
    CHECK_OK(fd = open("f", O_WRONLY | O_APPEND));
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    CHECK_EQ(write(fd, "def", 3), 3);
    CHECK_STR_EQ(file_text("f", buf, sizeof buf), "abcdef");
}

static void
case_access_mode_is_enforced_with_ebadf(void)
{
    char c;
    int rd, wr;

    enter_scratch();
    put_file("f", "abc");
    CHECK_OK(rd = open("f", O_RDONLY));
    CHECK_OK(wr = open("f", O_WRONLY));
    CHECK_ERR(write(rd, "x", 1), EBADF);
    CHECK_ERR(read(wr, &c, 1), EBADF);
}

static void
case_closed_or_invalid_fd_is_ebadf(void)
{
    char c;
    int fd;

    enter_scratch();
    put_file("f", "abc");
    CHECK_OK(fd = open("f", O_RDONLY));
    CHECK_OK(close(fd));
    CHECK_ERR(read(fd, &c, 1), EBADF);
    CHECK_ERR(close(fd), EBADF);
    CHECK_ERR(read(-1, &c, 1), EBADF);
    CHECK_ERR(write(1000, "x", 1), EBADF);
    CHECK_ERR(lseek(1000, 0, SEEK_SET), EBADF);
}

/* POSIX: open returns the lowest-numbered descriptor not open. */
static void
case_open_uses_lowest_free_descriptor(void)
{
    int a, b;

    enter_scratch();
    put_file("f", "abc");
    CHECK_OK(a = open("f", O_RDONLY));
    CHECK_OK(b = open("f", O_RDONLY));
    CHECK_EQ(b, a + 1);
    CHECK_OK(close(a));
    CHECK_EQ(open("f", O_RDONLY), a);
}

static void
case_directory_cannot_be_opened_for_writing(void)
{
    enter_scratch();
    CHECK_OK(mkdir("d", 0755));
    CHECK_ERR(open("d", O_WRONLY), EISDIR);
    CHECK_ERR(open("d", O_RDWR), EISDIR);
    CHECK_OK(open("d", O_RDONLY));
}

/* ---- read, write, lseek ------------------------------------------------ */

static void
case_read_returns_what_was_written_then_eof(void)
{
    char buf[100];
    int fd;

    enter_scratch();
    CHECK_OK(fd = open("f", O_CREAT | O_RDWR, 0644));
    CHECK_EQ(write(fd, "0123456789", 10), 10);
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    CHECK_EQ(read(fd, buf, sizeof buf), 10);
    CHECK(memcmp(buf, "0123456789", 10) == 0);
    CHECK_EQ(read(fd, buf, sizeof buf), 0);
    CHECK_EQ(read(fd, buf, 0), 0);
}

static void
case_lseek_set_cur_end(void)
{
    char c;
    int fd;

    enter_scratch();
    put_file("f", "0123456789");
    CHECK_OK(fd = open("f", O_RDONLY));
    CHECK_EQ(lseek(fd, 4, SEEK_SET), 4);
    CHECK_EQ(read(fd, &c, 1), 1);
    CHECK_EQ(c, '4');
    CHECK_EQ(lseek(fd, 2, SEEK_CUR), 7);
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 7);
    CHECK_EQ(lseek(fd, -3, SEEK_END), 7);
    CHECK_EQ(lseek(fd, 0, SEEK_END), 10);
    CHECK_ERR(lseek(fd, -11, SEEK_END), EINVAL);        /* before the start */
    CHECK_ERR(lseek(fd, 0, 99), EINVAL);                 /* no such whence */
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 10);               /* unchanged */
}

/* pread(2), pwrite(2): at the offset given; the file's own offset stays
 * where it was. */
static void
case_pread_and_pwrite_leave_the_offset_alone(void)
{
    char buf[16] = "";
    int fd;

    enter_scratch();
    put_file("f", "0123456789");
    CHECK_OK(fd = open("f", O_RDWR));
    CHECK_EQ(lseek(fd, 2, SEEK_SET), 2);
    CHECK_EQ(pread(fd, buf, 3, 5), 3);
    CHECK(memcmp(buf, "567", 3) == 0);
    CHECK_EQ(pread(fd, buf, sizeof buf, 8), 2);         /* to the end */
    CHECK_EQ(pread(fd, buf, sizeof buf, 10), 0);        /* at the end */
    CHECK_EQ(pread(fd, buf, sizeof buf, 50), 0);        /* past it */
    CHECK_EQ(pwrite(fd, "ab", 2, 0), 2);
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 2);
    CHECK_EQ(read(fd, buf, 3), 3);
    CHECK(memcmp(buf, "234", 3) == 0);
    CHECK_EQ(pwrite(fd, "z", 1, 12), 1);                /* a hole of zeros */
    CHECK_EQ(pread(fd, buf, sizeof buf, 0), 13);
    CHECK(memcmp(buf, "ab23456789\0\0z", 13) == 0);
    CHECK_OK(close(fd));
}

/* The errors of pread and pwrite: a negative offset is EINVAL, a pipe
 * cannot seek (ESPIPE), the access mode is checked (EBADF), a directory is
 * EISDIR, a bad buffer EFAULT; with O_APPEND pwrite appends, as on Linux. */
static void
case_pread_and_pwrite_errors_and_append(void)
{
    char buf[4];
    int fd, p[2];

    enter_scratch();
    put_file("f", "abc");
    CHECK_OK(fd = open("f", O_RDONLY));
    CHECK_ERR(pread(fd, buf, 1, -1), EINVAL);
    CHECK_ERR(pwrite(fd, "x", 1, 0), EBADF);
    CHECK_ERR(pread(fd, (char *)4, 1, 0), EFAULT);
    CHECK_OK(close(fd));
    CHECK_ERR(pread(fd, buf, 1, 0), EBADF);
    CHECK_OK(pipe(p));
    CHECK_ERR(pread(p[0], buf, 1, 0), ESPIPE);
    CHECK_ERR(pwrite(p[1], "x", 1, 0), ESPIPE);
    close(p[0]);
    close(p[1]);
    CHECK_OK(fd = open(".", O_RDONLY));
    CHECK_ERR(pread(fd, buf, 1, 0), EISDIR);
    CHECK_OK(close(fd));
    CHECK_OK(fd = open("f", O_WRONLY | O_APPEND));
    CHECK_EQ(pwrite(fd, "d", 1, 0), 1);
    CHECK_EQ(file_size("f"), 4);
    CHECK_OK(close(fd));
}

/* POSIX: bytes in a gap that was never written read back as zeros. */
static void
case_write_after_end_leaves_a_hole_of_zeros(void)
{
    static char buf[10000];
    int fd, i, nonzero = 0;

    enter_scratch();
    CHECK_OK(fd = open("f", O_CREAT | O_RDWR, 0644));
    CHECK_EQ(lseek(fd, 10000, SEEK_SET), 10000);
    CHECK_EQ(file_size("f"), 0);        /* seeking alone writes nothing */
    CHECK_EQ(write(fd, "x", 1), 1);
    CHECK_EQ(file_size("f"), 10001);
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    CHECK_EQ(read(fd, buf, sizeof buf), sizeof buf);
    for (i = 0; i < (int)sizeof buf; i++)
        nonzero += buf[i] != 0;
    CHECK_EQ(nonzero, 0);
}

static unsigned char
big_byte(unsigned long i)
{
    return (unsigned char)(i * 7 + (i >> 9) + (i >> 17));
}

/* Sums bytes with their positions, so a swapped block changes the sum. */
static unsigned long
checksum(unsigned long sum, const unsigned char *p, int n, unsigned long at)
{
    int i;

    for (i = 0; i < n; i++)
        sum = sum * 31 + p[i] + (at + i);
    return sum;
}

/* A file larger than the direct blocks can hold (so an indirect block is
 * used) is written in one size of chunk and read back in another. */
static void
case_big_file_reads_back_intact(void)
{
    enum { SIZE = 200 * 1024 + 123, WCHUNK = 4000, RCHUNK = 1500 };
    static unsigned char buf[WCHUNK];
    unsigned long written = 0, sum_out = 0, sum_in = 0, at = 0;
    int fd, n, i;

    enter_scratch();
    CHECK_OK(fd = open("big", O_CREAT | O_WRONLY, 0644));
    while (written < SIZE) {
        n = SIZE - written < WCHUNK ? SIZE - written : WCHUNK;
        for (i = 0; i < n; i++)
            buf[i] = big_byte(written + i);
        CHECK_EQ(write(fd, buf, n), n);
        sum_out = checksum(sum_out, buf, n, written);
        written += n;
    }
    CHECK_OK(close(fd));
    CHECK_EQ(file_size("big"), SIZE);
    CHECK_OK(fd = open("big", O_RDONLY));
    while ((n = read(fd, buf, RCHUNK)) > 0) {
        sum_in = checksum(sum_in, buf, n, at);
        at += n;
    }
    CHECK_EQ(n, 0);
    CHECK_EQ(at, SIZE);
    CHECK(sum_in == sum_out);
}

/* Two open() calls give two independent offsets. */
static void
case_separate_opens_have_separate_offsets(void)
{
    char a, b;
    int fd1, fd2;

    enter_scratch();
    put_file("f", "xy");
    CHECK_OK(fd1 = open("f", O_RDONLY));
    CHECK_OK(fd2 = open("f", O_RDONLY));
    CHECK_EQ(read(fd1, &a, 1), 1);
    CHECK_EQ(read(fd2, &b, 1), 1);
    CHECK_EQ(a, 'x');
    CHECK_EQ(b, 'x');
}

/* ---- dup and dup2 ------------------------------------------------------ */

/* POSIX: a duplicate shares the open file description, and so its offset. */
static void
case_dup_shares_the_offset(void)
{
    int fd, copy;

    enter_scratch();
    CHECK_OK(fd = open("f", O_CREAT | O_RDWR, 0644));
    CHECK_OK(copy = dup(fd));
    CHECK(copy != fd);
    CHECK_EQ(write(fd, "ab", 2), 2);
    CHECK_EQ(lseek(copy, 0, SEEK_CUR), 2);
    CHECK_EQ(write(copy, "cd", 2), 2);
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 4);
    CHECK_OK(close(fd));
    CHECK_EQ(write(copy, "e", 1), 1);           /* still open through copy */
    CHECK_EQ(file_size("f"), 5);
}

static void
case_dup_returns_lowest_free_descriptor(void)
{
    int fd, hole;

    enter_scratch();
    put_file("f", "x");
    CHECK_OK(hole = open("f", O_RDONLY));
    CHECK_OK(fd = open("f", O_RDONLY));
    CHECK_OK(close(hole));
    CHECK_EQ(dup(fd), hole);
}

static void
case_dup2_targets_the_chosen_descriptor(void)
{
    char buf[8];
    int fd, other;

    enter_scratch();
    put_file("other", "zz");
    CHECK_OK(fd = open("f", O_CREAT | O_RDWR, 0644));
    CHECK_OK(other = open("other", O_RDONLY));
    CHECK_EQ(dup2(fd, other), other);           /* closes "other" first */
    CHECK_EQ(write(other, "hi", 2), 2);
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 2);
    CHECK_EQ(dup2(fd, 20), 20);
    CHECK_EQ(lseek(20, 0, SEEK_SET), 0);
    CHECK_EQ(read(fd, buf, 2), 2);
    CHECK(memcmp(buf, "hi", 2) == 0);
    CHECK_EQ(dup2(fd, fd), fd);                 /* POSIX: no-op */
    CHECK_ERR(dup2(1000, 21), EBADF);
    CHECK_ERR(dup(1000), EBADF);
}

/* ---- directories ------------------------------------------------------- */

static void
case_mkdir_and_rmdir(void)
{
    struct stat st;

    enter_scratch();
    CHECK_OK(mkdir("d", 0755));
    CHECK_OK(stat("d", &st));
    CHECK(S_ISDIR(st.st_mode));
    CHECK_ERR(mkdir("d", 0755), EEXIST);
    CHECK_OK(rmdir("d"));
    CHECK_ERR(stat("d", &st), ENOENT);
    CHECK_ERR(rmdir("d"), ENOENT);
}

static void
case_mkdir_over_a_file_is_eexist(void)
{
    enter_scratch();
    put_file("f", "x");
    CHECK_ERR(mkdir("f", 0755), EEXIST);
    CHECK_ERR(mkdir("missing/d", 0755), ENOENT);
}

static void
case_rmdir_of_nonempty_directory_is_enotempty(void)
{
    enter_scratch();
    CHECK_OK(mkdir("d", 0755));
    put_file("d/f", "x");
    CHECK_ERR(rmdir("d"), ENOTEMPTY);
    CHECK_OK(unlink("d/f"));
    CHECK_OK(rmdir("d"));
}

static void
case_rmdir_of_a_file_is_enotdir(void)
{
    enter_scratch();
    put_file("f", "x");
    CHECK_ERR(rmdir("f"), ENOTDIR);
}

static void
case_file_used_as_directory_is_enotdir(void)
{
    struct stat st;

    enter_scratch();
    put_file("f", "x");
    CHECK_ERR(open("f/x", O_RDONLY), ENOTDIR);
    CHECK_ERR(stat("f/x", &st), ENOTDIR);
    CHECK_ERR(mkdir("f/d", 0755), ENOTDIR);
    CHECK_ERR(chdir("f"), ENOTDIR);
}

static void
case_unlink_removes_the_name(void)
{
    struct stat st;
    int r;

    enter_scratch();
    put_file("f", "x");
    CHECK_OK(unlink("f"));
    CHECK_ERR(stat("f", &st), ENOENT);
    CHECK_ERR(unlink("f"), ENOENT);
    CHECK_OK(mkdir("d", 0755));
    errno = 0;
    r = unlink("d");            /* POSIX says EPERM; Linux says EISDIR */
    CHECK_EQ(r, -1);
    CHECK(errno == EISDIR || errno == EPERM);
}

/* POSIX: the data stays while a descriptor is open after the last unlink. */
static void
case_unlinked_open_file_keeps_its_data(void)
{
    char buf[8];
    int fd;

    enter_scratch();
    put_file("f", "kept");
    CHECK_OK(fd = open("f", O_RDONLY));
    CHECK_OK(unlink("f"));
    CHECK_EQ(read(fd, buf, sizeof buf), 4);
    CHECK(memcmp(buf, "kept", 4) == 0);
}

static void
case_chdir_and_getcwd(void)
{
    char want[64], buf[64];

    enter_scratch();
    CHECK(getcwd(buf, sizeof buf) != NULL);
    CHECK_STR_EQ(buf, scratch);
    CHECK_OK(mkdir("sub", 0755));
    CHECK_OK(chdir("sub"));
    snprintf(want, sizeof want, "%s/sub", scratch);
    CHECK(getcwd(buf, sizeof buf) != NULL);
    CHECK_STR_EQ(buf, want);
    CHECK_OK(chdir(".."));
    CHECK(getcwd(buf, sizeof buf) != NULL);
    CHECK_STR_EQ(buf, scratch);
    CHECK_OK(chdir("/"));
    CHECK(getcwd(buf, sizeof buf) != NULL);
    CHECK_STR_EQ(buf, "/");
    CHECK_ERR(chdir("/no/such/dir"), ENOENT);
}

static void
case_getcwd_with_small_buffer_is_erange(void)
{
    char buf[4];

    enter_scratch();
    errno = 0;
    CHECK(getcwd(buf, sizeof buf) == NULL);
    CHECK_EQ(errno, ERANGE);
}

/* Relative names resolve from the working directory. */
static void
case_relative_and_absolute_paths_agree(void)
{
    char path[64], buf[8];

    enter_scratch();
    CHECK_OK(mkdir("d", 0755));
    put_file("d/f", "same");
    snprintf(path, sizeof path, "%s/d/f", scratch);
    CHECK_STR_EQ(file_text(path, buf, sizeof buf), "same");
    CHECK_OK(chdir("d"));
    CHECK_STR_EQ(file_text("f", buf, sizeof buf), "same");
    CHECK_STR_EQ(file_text("./f", buf, sizeof buf), "same");
    CHECK_STR_EQ(file_text("../d/f", buf, sizeof buf), "same");
}

static void
case_name_longer_than_name_max_is_enametoolong(void)
{
    char name[64];

    enter_scratch();
    memset(name, 'n', 40);              /* NAME_MAX is 27 in Parley */
    name[40] = '\0';
    CHECK_ERR(open(name, O_CREAT | O_WRONLY, 0644), ENAMETOOLONG);
    CHECK_ERR(mkdir(name, 0755), ENAMETOOLONG);
}

/* POSIX: readdir returns every entry once ("." and ".." if they exist). */
static void
case_readdir_lists_created_entries(void)
{
    const char *names[] = { "alpha", "beta", "gamma_dir" };
    int seen[3] = { 0, 0, 0 }, other = 0, i;
    struct dirent *d;
    DIR *dir;

    enter_scratch();
    put_file("alpha", "1");
    put_file("beta", "2");
    CHECK_OK(mkdir("gamma_dir", 0755));
    dir = opendir(".");
    CHECK(dir != NULL);
    while ((d = readdir(dir)) != NULL) {
        for (i = 0; i < 3; i++)
            if (strcmp(d->d_name, names[i]) == 0)
                break;
        if (i < 3)
            seen[i]++;
        else if (strcmp(d->d_name, ".") != 0 && strcmp(d->d_name, "..") != 0)
            other++;
    }
    closedir(dir);
    CHECK_EQ(seen[0], 1);
    CHECK_EQ(seen[1], 1);
    CHECK_EQ(seen[2], 1);
    CHECK_EQ(other, 0);
}

static void
case_readdir_does_not_list_removed_entries(void)
{
    struct dirent *d;
    int found = 0;
    DIR *dir;

    enter_scratch();
    put_file("gone", "1");
    CHECK_OK(unlink("gone"));
    dir = opendir(".");
    CHECK(dir != NULL);
    while ((d = readdir(dir)) != NULL)
        found += strcmp(d->d_name, "gone") == 0;
    closedir(dir);
    CHECK_EQ(found, 0);
}

/* ---- stat -------------------------------------------------------------- */

static void
case_stat_reports_size_and_type(void)
{
    static char data[1234];
    struct stat st, fst;
    int fd;

    enter_scratch();
    CHECK_OK(fd = open("f", O_CREAT | O_RDWR, 0644));
    CHECK_EQ(write(fd, data, sizeof data), sizeof data);
    CHECK_OK(stat("f", &st));
    CHECK(S_ISREG(st.st_mode));
    CHECK_EQ(st.st_size, 1234);
    CHECK_OK(fstat(fd, &fst));
    CHECK_EQ(fst.st_ino, st.st_ino);
    CHECK_EQ(fst.st_size, 1234);
    CHECK_OK(mkdir("d", 0755));
    CHECK_OK(stat("d", &st));
    CHECK(S_ISDIR(st.st_mode));
    CHECK(st.st_ino != fst.st_ino);
    CHECK_OK(stat("/", &st));
    CHECK(S_ISDIR(st.st_mode));
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(creat_makes_an_empty_regular_file),
        CHECK_CASE(open_missing_file_is_enoent),
        CHECK_CASE(creat_excl_on_existing_file_is_eexist),
        CHECK_CASE(trunc_empties_the_file),
        CHECK_CASE(creat_keeps_existing_contents),
        CHECK_CASE(append_writes_at_the_end),
        CHECK_CASE(access_mode_is_enforced_with_ebadf),
        CHECK_CASE(closed_or_invalid_fd_is_ebadf),
        CHECK_CASE(open_uses_lowest_free_descriptor),
        CHECK_CASE(directory_cannot_be_opened_for_writing),
        CHECK_CASE(read_returns_what_was_written_then_eof),
        CHECK_CASE(lseek_set_cur_end),
        CHECK_CASE(pread_and_pwrite_leave_the_offset_alone),
        CHECK_CASE(pread_and_pwrite_errors_and_append),
        CHECK_CASE(write_after_end_leaves_a_hole_of_zeros),
        CHECK_CASE(big_file_reads_back_intact),
        CHECK_CASE(separate_opens_have_separate_offsets),
        CHECK_CASE(dup_shares_the_offset),
        CHECK_CASE(dup_returns_lowest_free_descriptor),
        CHECK_CASE(dup2_targets_the_chosen_descriptor),
        CHECK_CASE(mkdir_and_rmdir),
        CHECK_CASE(mkdir_over_a_file_is_eexist),
        CHECK_CASE(rmdir_of_nonempty_directory_is_enotempty),
        CHECK_CASE(rmdir_of_a_file_is_enotdir),
        CHECK_CASE(file_used_as_directory_is_enotdir),
        CHECK_CASE(unlink_removes_the_name),
        CHECK_CASE(unlinked_open_file_keeps_its_data),
        CHECK_CASE(chdir_and_getcwd),
        CHECK_CASE(getcwd_with_small_buffer_is_erange),
        CHECK_CASE(relative_and_absolute_paths_agree),
        CHECK_CASE(name_longer_than_name_max_is_enametoolong),
        CHECK_CASE(readdir_lists_created_entries),
        CHECK_CASE(readdir_does_not_list_removed_entries),
        CHECK_CASE(stat_reports_size_and_type),
    };

    return check_main("fs", cases, CHECK_NCASES(cases), argc, argv);
}
