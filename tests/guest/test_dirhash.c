/*
 * test_dirhash -- names in one directory, many at a time: every name made
 * (open O_CREAT, mkdir, mkfifo, link, rename, a socket's bind) is found
 * at once, every name removed (unlink, rmdir, rename) is gone at once,
 * and nothing else changes.  The kernel finds names through an index
 * (kernel/fs/dirhash.c, docs/filesystem.md); these cases are what keep that
 * index exact: a stale or missing entry shows as a wrong answer here.
 *
 * Parley-only in two places: the leak checks (kstat, whose dir_names
 * count is the index's size) and colliding_names_*, whose names were
 * chosen to collide under the kernel's hash (FNV-1a, copied below).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <parley/limits.h>

#include "check.h"
#include "kstat_check.h"

/* How many files a case makes: wanted, or half the free inodes (a few
 * kept back) if that is fewer -- make SMALL=1 has INODE_MAX 256, and /bin takes
 * about 150 of them. */
static int
up_to(int wanted)
{
    int half_free = (INODE_MAX - (int)kstat_now().count[KSTAT_inodes] - 8) / 2;

    return half_free < wanted ? half_free : wanted;
}

static char scratch[32];        /* this case's directory */

/* ---- helpers ----------------------------------------------------------- */

static void
enter_scratch(void)
{
    snprintf(scratch, sizeof scratch, "/tmp/dh%d", (int)getpid());
    CHECK_OK(mkdir(scratch, 0755));
    CHECK_OK(chdir(scratch));
}

static void
leave_scratch(void)
{
    CHECK_OK(chdir("/tmp"));
    CHECK_OK(rmdir(scratch));
}

static int count_entries(const char *dir);

/* The counts to compare with at the end of a case.  Taken after the
 * scratch directory has been made and removed once and a directory read,
 * so that /tmp's own entry array and this process's heap are already as
 * large as the case will make them. */
static struct kstat
counts_before(void)
{
    enter_scratch();
    CHECK_EQ(count_entries("."), 0);
    leave_scratch();
    return kstat_now();
}

static void
put_file(const char *name, const char *text)
{
    int fd;

    CHECK_OK(fd = open(name, O_CREAT | O_EXCL | O_WRONLY, 0644));
    CHECK_EQ(write(fd, text, strlen(text)), strlen(text));
    CHECK_OK(close(fd));
}

/* The whole (small) file as a string; "" if it cannot be opened, so that a
 * missing name fails a CHECK_STR_EQ with the name in the message. */
static const char *
text_of(const char *name)
{
    static char buf[64];
    int fd = open(name, O_RDONLY), n = 0;

    if (fd >= 0) {
        CHECK_OK(n = read(fd, buf, sizeof buf - 1));
        close(fd);
    }
    buf[n] = '\0';
    return buf;
}

static bool
exists(const char *name)
{
    struct stat st;

    return stat(name, &st) == 0;
}

/* Entries readdir lists in dir, "." and ".." left out. */
static int
count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    CHECK(d != NULL);
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

/* fmt with i, in one of four buffers taken in turn, so that one call can
 * pass two names: rename(name_of("f%d", i), name_of("r%d", i)). */
static const char *
name_of(const char *fmt, int i)
{
    static char bufs[4][40];
    static int next;
    char *buf = bufs[next++ % 4];

    snprintf(buf, sizeof bufs[0], fmt, i);
    return buf;
}

/* f0 .. f(n-1), each holding its own name. */
static void
make_files(int n)
{
    for (int i = 0; i < n; i++)
        put_file(name_of("f%d", i), name_of("f%d", i));
}

static void
remove_files(const char *fmt, int from, int to)
{
    for (int i = from; i < to; i++)
        CHECK_OK(unlink(name_of(fmt, i)));
}

/* The kernel's name hash (kernel/fs/dirhash.c: dirhash_name). */
static unsigned
fnv1a(const char *name)
{
    unsigned h = 2166136261u;

    for (; *name; name++) {
        h ^= (unsigned char)*name;
        h *= 16777619u;
    }
    return h;
}

/* ---- cases ------------------------------------------------------------- */

/* Every one of many names finds its own file, and names never made are
 * not found (ENOENT): a look-up's answer does not depend on how full the
 * directory is. */
static void
case_many_files_each_found_and_others_not(void)
{
    struct kstat before = counts_before();
    int n = up_to(1000);

    enter_scratch();
    make_files(n);
    CHECK_EQ(count_entries("."), n);
    for (int i = 0; i < n; i++)
        CHECK_STR_EQ(text_of(name_of("f%d", i)), name_of("f%d", i));
    CHECK_ERR(open(name_of("f%d", n), O_RDONLY), ENOENT);
    CHECK_ERR(open("F1", O_RDONLY), ENOENT);
    CHECK_ERR(open("f01", O_RDONLY), ENOENT);
    CHECK_ERR(open("f", O_RDONLY), ENOENT);
    CHECK_ERR(open(name_of("f%d", 0), O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
    remove_files("f%d", 0, n);
    leave_scratch();
    check_same_counts(&before);
}

/* Unlinking half of a big directory removes exactly those names; the
 * others still find their files, and a later file takes a freed slot
 * (the directory does not grow). */
static void
case_unlinked_names_go_and_only_they(void)
{
    struct stat st;
    off_t size;
    int n = up_to(1000);

    enter_scratch();
    make_files(n);
    for (int i = 0; i < n; i += 2)
        CHECK_OK(unlink(name_of("f%d", i)));
    CHECK_EQ(count_entries("."), n / 2);
    for (int i = 0; i < n; i++) {
        if (i % 2 == 0)
            CHECK_ERR(open(name_of("f%d", i), O_RDONLY), ENOENT);
        else
            CHECK_STR_EQ(text_of(name_of("f%d", i)), name_of("f%d", i));
    }
    CHECK_ERR(unlink("f0"), ENOENT);
    CHECK_OK(stat(".", &st));
    size = st.st_size;
    for (int i = 0; i < n; i += 2)
        put_file(name_of("g%d", i), name_of("g%d", i));
    CHECK_OK(stat(".", &st));
    CHECK_EQ(st.st_size, size);
    for (int i = 0; i < n; i++)
        CHECK_STR_EQ(text_of(name_of(i % 2 ? "f%d" : "g%d", i)),
                     name_of(i % 2 ? "f%d" : "g%d", i));
    for (int i = 0; i < n; i++)
        CHECK_OK(unlink(name_of(i % 2 ? "f%d" : "g%d", i)));
    CHECK_EQ(count_entries("."), 0);
    leave_scratch();
}

/* A name removed and made again names the new file, with nothing of the
 * old one; O_EXCL succeeds the second time. */
static void
case_removed_name_made_again_is_a_new_file(void)
{
    enter_scratch();
    make_files(50);
    for (int round = 0; round < 20; round++) {
        CHECK_OK(unlink("f25"));
        CHECK(!exists("f25"));
        CHECK_ERR(open("f25", O_RDONLY), ENOENT);
        put_file("f25", name_of("round %d", round));
        CHECK_STR_EQ(text_of("f25"), name_of("round %d", round));
    }
    CHECK_STR_EQ(text_of("f24"), "f24");
    CHECK_STR_EQ(text_of("f26"), "f26");
    CHECK_EQ(count_entries("."), 50);
    remove_files("f%d", 0, 50);
    leave_scratch();
}

/* rename in one directory: the old name goes, the new one finds the file;
 * onto an existing name, that name's old file is replaced. */
static void
case_rename_within_a_directory_moves_the_name(void)
{
    int n = up_to(200), half = n / 2;

    enter_scratch();
    make_files(n);
    for (int i = 0; i < half; i++)
        CHECK_OK(rename(name_of("f%d", i), name_of("r%d", i)));
    for (int i = 0; i < half; i++) {
        CHECK(!exists(name_of("f%d", i)));
        CHECK_STR_EQ(text_of(name_of("r%d", i)), name_of("f%d", i));
    }
    CHECK_OK(rename("r0", name_of("f%d", half)));       /* replaces it */
    CHECK(!exists("r0"));
    CHECK_STR_EQ(text_of(name_of("f%d", half)), "f0");
    CHECK_EQ(count_entries("."), n - 1);
    CHECK_OK(rename(name_of("f%d", half), name_of("f%d", half)));   /* nothing happens */
    CHECK_STR_EQ(text_of(name_of("f%d", half)), "f0");
    remove_files("r%d", 1, half);
    remove_files("f%d", half, n);
    leave_scratch();
}

/* rename across directories: the name leaves one directory's index and
 * joins the other's.  The same name in the two directories names two
 * files; a directory moved takes its files, and its ".." follows it. */
static void
case_rename_across_directories(void)
{
    struct stat dot_dot, b;

    enter_scratch();
    CHECK_OK(mkdir("a", 0755));
    CHECK_OK(mkdir("b", 0755));
    put_file("a/x", "a's x");
    put_file("b/x", "b's x");
    CHECK_OK(rename("a/x", "b/y"));
    CHECK(!exists("a/x"));
    CHECK_STR_EQ(text_of("b/y"), "a's x");
    CHECK_STR_EQ(text_of("b/x"), "b's x");
    CHECK_OK(rename("b/x", "a/x"));
    CHECK_STR_EQ(text_of("a/x"), "b's x");
    CHECK(!exists("b/x"));

    CHECK_OK(mkdir("a/sub", 0755));
    put_file("a/sub/file", "in sub");
    CHECK_OK(rename("a/sub", "b/moved"));
    CHECK(!exists("a/sub"));
    CHECK(!exists("a/sub/file"));
    CHECK_STR_EQ(text_of("b/moved/file"), "in sub");
    CHECK_OK(stat("b/moved/..", &dot_dot));
    CHECK_OK(stat("b", &b));
    CHECK_EQ(dot_dot.st_ino, b.st_ino);
    CHECK_STR_EQ(text_of("b/moved/../y"), "a's x");

    CHECK_OK(unlink("b/moved/file"));
    CHECK_OK(rmdir("b/moved"));
    CHECK_OK(unlink("b/y"));
    CHECK_OK(unlink("a/x"));
    CHECK_OK(rmdir("a"));
    CHECK_OK(rmdir("b"));
    leave_scratch();
}

/* link adds a second name, found like the first; unlinking either leaves
 * the other. */
static void
case_link_names_are_found_and_removed_one_by_one(void)
{
    int n = up_to(100);

    enter_scratch();
    make_files(n);
    for (int i = 0; i < n; i++)
        CHECK_OK(link(name_of("f%d", i), name_of("l%d", i)));
    CHECK_EQ(count_entries("."), 2 * n);
    remove_files("f%d", 0, n);
    for (int i = 0; i < n; i++) {
        CHECK(!exists(name_of("f%d", i)));
        CHECK_STR_EQ(text_of(name_of("l%d", i)), name_of("f%d", i));
    }
    remove_files("l%d", 0, n);
    CHECK_EQ(count_entries("."), 0);
    leave_scratch();
}

/* Names of NAME_MAX (27) bytes that differ only in their last byte are
 * different names; a prefix of one is not it; one byte more is
 * ENAMETOOLONG. */
static void
case_long_names_are_told_apart(void)
{
    char name[NAME_MAX + 2];

    enter_scratch();
    memset(name, 'n', NAME_MAX);
    name[NAME_MAX] = '\0';
    for (int c = 'a'; c <= 'z'; c++) {
        name[NAME_MAX - 1] = (char)c;
        put_file(name, name_of("long %c", c));
    }
    for (int c = 'a'; c <= 'z'; c++) {
        name[NAME_MAX - 1] = (char)c;
        CHECK_STR_EQ(text_of(name), name_of("long %c", c));
    }
    name[NAME_MAX - 1] = '\0';                  /* the 26-byte prefix */
    CHECK_ERR(open(name, O_RDONLY), ENOENT);
    memset(name, 'n', NAME_MAX + 1);
    name[NAME_MAX + 1] = '\0';
    CHECK_ERR(open(name, O_CREAT | O_WRONLY, 0644), ENAMETOOLONG);
    memset(name, 'n', NAME_MAX);
    name[NAME_MAX] = '\0';
    for (int c = 'a'; c <= 'z'; c++) {
        name[NAME_MAX - 1] = (char)c;
        CHECK_OK(unlink(name));
    }
    CHECK_EQ(count_entries("."), 0);
    leave_scratch();
}

/* Pairs of names with the same 32-bit hash (found by a search on the host):
 * the index must compare the names themselves. */
static const char *const colliding[][2] = {
    { "q4usx9ez", "a554mfcj" },
    { "dl9zztf7", "oxdnpxn7" },
    { "0nd4n5ur", "qd9gwy10" },
    /* A common suffix keeps a collision (FNV-1a goes byte by byte), so
     * names of NAME_MAX bytes collide too. */
    { "q2iatfdj_and_a_long_suffix9", "jz4mb7z9_and_a_long_suffix9" },
};

/* Two names with one hash are two names: each finds its own file, neither
 * is found before it is made, and removing one leaves the other. */
static void
case_colliding_names_are_told_apart(void)
{
    struct kstat before = counts_before();
    int n = sizeof colliding / sizeof colliding[0];

    enter_scratch();
    for (int i = 0; i < n; i++)
        CHECK_EQ(fnv1a(colliding[i][0]), fnv1a(colliding[i][1]));
    for (int i = 0; i < n; i++) {
        put_file(colliding[i][0], "first");
        CHECK(!exists(colliding[i][1]));
        CHECK_ERR(unlink(colliding[i][1]), ENOENT);
        put_file(colliding[i][1], "second");
        CHECK_STR_EQ(text_of(colliding[i][0]), "first");
        CHECK_STR_EQ(text_of(colliding[i][1]), "second");
    }
    for (int i = 0; i < n; i++) {
        CHECK_OK(unlink(colliding[i][0]));
        CHECK(!exists(colliding[i][0]));
        CHECK_STR_EQ(text_of(colliding[i][1]), "second");
        put_file(colliding[i][0], "again");
        CHECK_OK(rename(colliding[i][0], colliding[i][1]));
        CHECK(!exists(colliding[i][0]));
        CHECK_STR_EQ(text_of(colliding[i][1]), "again");
        CHECK_OK(unlink(colliding[i][1]));
        CHECK(!exists(colliding[i][1]));
    }
    CHECK_EQ(count_entries("."), 0);
    leave_scratch();
    check_same_counts(&before);
}

/* The same name in many directories names a different file in each. */
static void
case_one_name_in_many_directories(void)
{
    int n = up_to(100);

    enter_scratch();
    for (int i = 0; i < n; i++) {
        CHECK_OK(mkdir(name_of("d%d", i), 0755));
        put_file(name_of("d%d/same", i), name_of("in d%d", i));
    }
    for (int i = 0; i < n; i++)
        CHECK_STR_EQ(text_of(name_of("d%d/same", i)), name_of("in d%d", i));
    for (int i = 0; i < n; i += 2)
        CHECK_OK(unlink(name_of("d%d/same", i)));
    for (int i = 0; i < n; i++)
        CHECK(exists(name_of("d%d/same", i)) == (i % 2 == 1));
    for (int i = 1; i < n; i += 2)
        CHECK_OK(unlink(name_of("d%d/same", i)));
    for (int i = 0; i < n; i++)
        CHECK_OK(rmdir(name_of("d%d", i)));
    leave_scratch();
}

/* rmdir: a directory with any name left is ENOTEMPTY, however its names
 * came and went; once the last goes it is removed, and its name with it. */
static void
case_rmdir_sees_exactly_whether_a_directory_is_empty(void)
{
    enter_scratch();
    CHECK_OK(mkdir("d", 0755));
    CHECK_OK(chdir("d"));
    make_files(30);
    CHECK_OK(chdir(".."));
    for (int i = 0; i < 29; i++) {
        CHECK_OK(unlink(name_of("d/f%d", i)));
        CHECK_ERR(rmdir("d"), ENOTEMPTY);
    }
    CHECK_OK(mkdir("d/sub", 0755));
    CHECK_OK(unlink("d/f29"));
    CHECK_ERR(rmdir("d"), ENOTEMPTY);
    CHECK_OK(rmdir("d/sub"));
    CHECK_OK(rmdir("d"));
    CHECK(!exists("d"));
    CHECK_OK(mkdir("d", 0755));                 /* the name is free again */
    CHECK_OK(rmdir("d"));
    leave_scratch();
}

/* FIFOs and sockets are names like any other: made by mkfifo and bind,
 * found by stat, gone after unlink. */
static void
case_fifo_and_socket_names_come_and_go(void)
{
    struct sockaddr_un a = { .sun_family = AF_UNIX };
    struct stat st;
    int s, n = up_to(100);

    enter_scratch();
    make_files(n);
    CHECK_OK(mkfifo("fifo", 0600));
    snprintf(a.sun_path, sizeof a.sun_path, "%s/sock", scratch);
    CHECK_OK(s = socket(AF_UNIX, SOCK_STREAM, 0));
    CHECK_OK(bind(s, (struct sockaddr *)&a, sizeof a));
    CHECK_OK(stat("fifo", &st));
    CHECK(S_ISFIFO(st.st_mode));
    CHECK_OK(stat("sock", &st));
    CHECK(S_ISSOCK(st.st_mode));
    CHECK_ERR(mkfifo("sock", 0600), EEXIST);
    CHECK_OK(close(s));
    CHECK_OK(unlink("fifo"));
    CHECK_OK(unlink("sock"));
    CHECK(!exists("fifo"));
    CHECK(!exists("sock"));
    CHECK_EQ(count_entries("."), n);
    remove_files("f%d", 0, n);
    leave_scratch();
}

/* Names are a table too (DIRENT_MAX in <parley/limits.h>): hard links to
 * one file until it is full give ENOSPC, and removing them gives every
 * name back. */
static void
case_names_run_out_with_enospc_and_come_back(void)
{
    struct kstat before = counts_before();
    int n = 0;

    enter_scratch();
    put_file("file", "one file");
    while (link("file", name_of("l%d", n)) == 0)
        n++;
    CHECK_EQ(errno, ENOSPC);
    CHECK_EQ(kstat_now().count[KSTAT_dir_names], DIRENT_MAX);
    CHECK(n > DIRENT_MAX / 2);
    CHECK_ERR(open("new", O_CREAT | O_WRONLY, 0644), ENOSPC);
    CHECK_ERR(mkdir("newdir", 0755), ENOSPC);
    CHECK_STR_EQ(text_of(name_of("l%d", n - 1)), "one file");
    remove_files("l%d", 0, n);
    CHECK_OK(unlink("file"));
    leave_scratch();
    check_same_counts(&before);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(many_files_each_found_and_others_not),
        CHECK_CASE(unlinked_names_go_and_only_they),
        CHECK_CASE(removed_name_made_again_is_a_new_file),
        CHECK_CASE(rename_within_a_directory_moves_the_name),
        CHECK_CASE(rename_across_directories),
        CHECK_CASE(link_names_are_found_and_removed_one_by_one),
        CHECK_CASE(long_names_are_told_apart),
        CHECK_CASE(colliding_names_are_told_apart),
        CHECK_CASE(one_name_in_many_directories),
        CHECK_CASE(rmdir_sees_exactly_whether_a_directory_is_empty),
        CHECK_CASE(fifo_and_socket_names_come_and_go),
        CHECK_CASE(names_run_out_with_enospc_and_come_back),
    };
    return check_main("dirhash", cases, CHECK_NCASES(cases), argc, argv);
}
