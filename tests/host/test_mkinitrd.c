/*
 * Host tests of tools/mkinitrd: the images it writes follow
 * kernel/uapi/parley/initrd.h and it refuses names the kernel cannot hold.
 * Runs build/mkinitrd (tests/run.py builds it first) from the top of the tree.
 */
// cflags: -Ikernel/uapi
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <parley/initrd.h>

#include "check.h"

#define MKINITRD "build/mkinitrd"

static char scratch[64];        /* a fresh host directory for each case */
static char image[4096 * 16];   /* the last image read back */
static long image_size;

/* ---- helpers ----------------------------------------------------------- */

static void
write_host_file(const char *name, const char *text, int mode)
{
    char path[256];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", scratch, name);
    f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    chmod(path, mode);
}

static void
make_host_dir(const char *name)
{
    char path[256];

    snprintf(path, sizeof path, "%s/%s", scratch, name);
    mkdir(path, 0700);
}

/* Runs mkinitrd with args (where %s is the scratch directory) and reads the
 * image into `image`; returns mkinitrd's exit status. */
static int
run_mkinitrd(const char *args)
{
    char cmd[1024], expanded[768], path[128];
    FILE *f;
    int status;

    snprintf(expanded, sizeof expanded, args, scratch, scratch, scratch);
    snprintf(path, sizeof path, "%s/out.img", scratch);
    snprintf(cmd, sizeof cmd, "%s %s %s 2>/dev/null", MKINITRD, path,
             expanded);
    status = system(cmd);
    image_size = 0;
    if ((f = fopen(path, "rb")) != NULL) {
        image_size = fread(image, 1, sizeof image, f);
        fclose(f);
    }
    return status;
}

/* The idx'th entry of the image, or NULL; *data is set to its bytes. */
static const struct initrd_entry *
image_entry(int idx, const char **data)
{
    long off = sizeof(struct initrd_header);
    const struct initrd_entry *e;
    int i;

    for (i = 0; off + (long)sizeof *e <= image_size; i++) {
        e = (const struct initrd_entry *)(image + off);
        *data = image + off + sizeof *e;
        if (i == idx)
            return e;
        off += sizeof *e + ((e->size + 3) & ~3u);
    }
    return NULL;
}

static int
image_count(void)
{
    return ((const struct initrd_header *)image)->count;
}

/* Index of the entry with this path, or -1. */
static int
image_find(const char *path)
{
    const char *data;
    int i;

    for (i = 0; i < image_count(); i++)
        if (strcmp(image_entry(i, &data)->path, path) == 0)
            return i;
    return -1;
}

static void
remove_scratch(void)
{
    char cmd[128];

    if (scratch[0]) {
        snprintf(cmd, sizeof cmd, "rm -rf %s", scratch);
        system(cmd);
    }
}

static void
new_scratch(void)
{
    remove_scratch();
    strcpy(scratch, "/tmp/mkinitrd-test-XXXXXX");
    if (!mkdtemp(scratch))
        abort();
}

/* ---- cases ------------------------------------------------------------- */

TEST(empty_image_has_standard_directories)
{
    const char *want[] = { "/", "/bin", "/dev", "/etc", "/tmp" };
    const struct initrd_entry *e;
    const char *data;
    int i;

    new_scratch();
    CHECK_EQ(run_mkinitrd(""), 0);
    CHECK_MEM_EQ(image, INITRD_MAGIC, 8);
    CHECK_EQ(image_count(), 5);
    for (i = 0; i < 5; i++) {
        e = image_entry(i, &data);
        CHECK(e != NULL);
        CHECK_STR_EQ(e->path, want[i]);
        CHECK_EQ(e->mode, S_IFDIR | 0755);
        CHECK_EQ(e->size, 0);
    }
    CHECK_EQ(image_size, (long)(sizeof(struct initrd_header) +
                                5 * sizeof(struct initrd_entry)));
}

TEST(root_tree_is_packed_with_modes_and_data)
{
    const struct initrd_entry *e;
    const char *data;

    new_scratch();
    make_host_dir("root");
    make_host_dir("root/etc");
    make_host_dir("root/usr");
    make_host_dir("root/usr/share");
    write_host_file("root/etc/motd", "hello\n", 0644);
    write_host_file("root/usr/share/x", "abcde", 0600);
    CHECK_EQ(run_mkinitrd("%s/root"), 0);
    e = image_entry(image_find("/etc/motd"), &data);
    CHECK(e != NULL);
    CHECK_EQ(e->mode, S_IFREG | 0644);
    CHECK_EQ(e->size, 6);
    CHECK_MEM_EQ(data, "hello\n", 6);
    e = image_entry(image_find("/usr/share/x"), &data);
    CHECK(e != NULL);
    CHECK_EQ(e->mode, S_IFREG | 0600);
    CHECK_MEM_EQ(data, "abcde\0\0\0", 8);       /* padded with zeros to 4 */
    CHECK(image_find("/usr") >= 0);
    CHECK(image_find("/usr") < image_find("/usr/share"));
    CHECK(image_find("/usr/share") < image_find("/usr/share/x"));
}

TEST(dir_option_uses_basenames_and_mode_0755)
{
    const struct initrd_entry *e;
    const char *data;

    new_scratch();
    write_host_file("prog", "\177ELF", 0600);
    CHECK_EQ(run_mkinitrd("--dir /bin %s/prog"), 0);
    e = image_entry(image_find("/bin/prog"), &data);
    CHECK(e != NULL);
    CHECK_EQ(e->mode, S_IFREG | 0755);
    CHECK_EQ(e->size, 4);
}

TEST(file_option_adds_parents_first)
{
    new_scratch();
    write_host_file("f", "x", 0644);
    CHECK_EQ(run_mkinitrd("--file /a/b/c %s/f"), 0);
    CHECK(image_find("/a") > image_find("/"));
    CHECK(image_find("/a/b") > image_find("/a"));
    CHECK(image_find("/a/b/c") > image_find("/a/b"));
}

TEST(later_file_replaces_earlier_one)
{
    const struct initrd_entry *e;
    const char *data;

    new_scratch();
    write_host_file("one", "1", 0644);
    write_host_file("two", "22", 0644);
    CHECK_EQ(run_mkinitrd("--file /etc/x %s/one --file /etc/x %s/two"), 0);
    CHECK_EQ(image_count(), 6);
    e = image_entry(image_find("/etc/x"), &data);
    CHECK_EQ(e->size, 2);
}

/* NAME_MAX is 27: a 27-byte name fits, a 28-byte one does not. */
TEST(too_long_name_is_refused)
{
    char name[29], args[100];

    new_scratch();
    write_host_file("f", "x", 0644);
    memset(name, 'n', 28);
    name[28] = '\0';
    snprintf(args, sizeof args, "--file /etc/%s %%s/f", name);
    CHECK(run_mkinitrd(args) != 0);
    name[27] = '\0';
    snprintf(args, sizeof args, "--file /etc/%s %%s/f", name);
    CHECK_EQ(run_mkinitrd(args), 0);
}

TEST(too_long_path_is_refused)
{
    char args[300];

    new_scratch();
    write_host_file("f", "x", 0644);
    /* 6 x 21 bytes: each name fits NAME_MAX, the path (132 bytes) does not
     * fit INITRD_PATH_MAX. */
    snprintf(args, sizeof args, "--file /%s/%s/%s/%s/%s/%s %%s/f",
             "aaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbb",
             "ccccccccccccccccccccc", "ddddddddddddddddddddd",
             "eeeeeeeeeeeeeeeeeeeee", "fffffffffffffffffffff");
    CHECK(run_mkinitrd(args) != 0);
    CHECK_EQ(image_size, 0);                    /* no image left behind */
}

TEST(relative_path_is_refused)
{
    new_scratch();
    write_host_file("f", "x", 0644);
    CHECK(run_mkinitrd("--file etc/x %s/f") != 0);
}

int
main(void)
{
    check_begin("mkinitrd");
    RUN(empty_image_has_standard_directories);
    RUN(root_tree_is_packed_with_modes_and_data);
    RUN(dir_option_uses_basenames_and_mode_0755);
    RUN(file_option_adds_parents_first);
    RUN(later_file_replaces_earlier_one);
    RUN(too_long_name_is_refused);
    RUN(too_long_path_is_refused);
    RUN(relative_path_is_refused);
    remove_scratch();
    return check_end();
}
