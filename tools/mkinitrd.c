/*
 * mkinitrd -- pack files into Parley's initial filesystem image.
 *
 *   mkinitrd OUT [ROOTDIR] [--dir GUESTDIR FILE...]
 *                          [--file GUESTPATH HOSTFILE]...
 *
 *   ROOTDIR                      its whole tree becomes the image's "/"
 *   --dir GUESTDIR FILE...       each FILE goes in GUESTDIR under its
 *                                basename, mode 0755 (the list ends at the
 *                                next option)
 *   --file GUESTPATH HOSTFILE    one file at GUESTPATH, with HOSTFILE's
 *                                permission bits
 *
 * The image format is kernel/uapi/parley/initrd.h: a header, then one
 * struct initrd_entry per file or directory, each followed by its data
 * padded to 4 bytes.  The kernel creates entries in image order, so every
 * directory must come before its contents: entries are kept in a list in
 * the order they were first named, and a file's missing parent directories
 * are added just before it.  "/", "/bin", "/dev", "/etc" and "/tmp" always
 * exist.  A path named twice keeps its first place and its last content,
 * so a later --file can replace a file from ROOTDIR.
 *
 * Runs on the host; the image is written to OUT.tmp and renamed, so a
 * failure never leaves a half-written image behind.
 */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <parley/initrd.h>

/* The guest's NAME_MAX (parley/limits.h).  That header cannot be included
 * here: its PATH_MAX and NAME_MAX would clash with the host's. */
#define GUEST_NAME_MAX 27

#define DIR_MODE  (S_IFDIR | 0755)
#define PROG_MODE (S_IFREG | 0755)

struct entry {
    char         path[INITRD_PATH_MAX];
    unsigned int mode;
    const char  *hostfile;      /* data source; NULL for a directory */
};

static struct entry *entries;
static int nentries, capacity;
static const char *outname;
static char *tmpname;           /* removed if we die while writing it */

static void
die(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "mkinitrd: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    if (tmpname)
        remove(tmpname);
    exit(1);
}

static void
usage(void)
{
    die("usage: mkinitrd OUT [ROOTDIR] [--dir GUESTDIR FILE...] "
        "[--file GUESTPATH HOSTFILE]...");
}

/* ---- checking and joining guest paths ---------------------------------- */

/* The kernel's limits, checked here so a bad name fails the build, not the
 * boot: absolute, short enough for the entry, every component <= NAME_MAX. */
static void
path_check(const char *path)
{
    size_t pathlen = strlen(path), len;
    const char *p;

    if (path[0] != '/')
        die("%s: guest paths must be absolute", path);
    if (pathlen >= INITRD_PATH_MAX)
        die("%s: path too long (%zu bytes, the image allows %d)",
            path, pathlen, INITRD_PATH_MAX - 1);
    if (pathlen > 1 && path[pathlen - 1] == '/')
        die("%s: trailing slash", path);
    for (p = path + 1; *p; p += len + (p[len] == '/')) {
        len = strcspn(p, "/");
        if (len == 0)
            die("%s: empty path component", path);
        if (len > GUEST_NAME_MAX)
            die("%s: name \"%.*s\" too long (%zu bytes, NAME_MAX is %d)",
                path, (int)len, p, len, GUEST_NAME_MAX);
        if ((len == 1 && p[0] == '.') ||
            (len == 2 && strncmp(p, "..", 2) == 0))
            die("%s: \".\" and \"..\" are not allowed", path);
    }
}

/* dir + "/" + name into out, which holds INITRD_PATH_MAX bytes. */
static void
path_join(char *out, const char *dir, const char *name)
{
    const char *sep = dir[strlen(dir) - 1] == '/' ? "" : "/";

    if (snprintf(out, INITRD_PATH_MAX, "%s%s%s", dir, sep, name)
        >= INITRD_PATH_MAX)
        die("%s%s%s: path too long (the image allows %d bytes)",
            dir, sep, name, INITRD_PATH_MAX - 1);
}

static const char *
path_basename(const char *hostpath)
{
    const char *slash = strrchr(hostpath, '/');

    return slash ? slash + 1 : hostpath;
}

/* ---- the entry list ---------------------------------------------------- */

static struct entry *
entry_find(const char *path)
{
    int i;

    for (i = 0; i < nentries; i++)
        if (strcmp(entries[i].path, path) == 0)
            return &entries[i];
    return NULL;
}

static struct entry *
entry_append(const char *path)
{
    if (nentries == capacity) {
        capacity = capacity ? 2 * capacity : 64;
        entries = realloc(entries, capacity * sizeof *entries);
        if (!entries)
            die("out of memory");
    }
    memset(&entries[nentries], 0, sizeof entries[nentries]);
    strcpy(entries[nentries].path, path);
    return &entries[nentries++];
}

static void
entry_add_dir(const char *path)
{
    struct entry *e;

    path_check(path);
    e = entry_find(path);
    if (e && e->hostfile)
        die("%s: both a file and a directory", path);
    if (!e) {
        e = entry_append(path);
        e->mode = DIR_MODE;
    }
}

/* Adds every directory above path, outermost first. */
static void
entry_add_parents(const char *path)
{
    char dir[INITRD_PATH_MAX];
    char *slash;

    strcpy(dir, path);
    for (slash = strchr(dir + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        entry_add_dir(dir);
        *slash = '/';
    }
}

static void
entry_add_file(const char *path, unsigned int mode, const char *hostfile)
{
    struct entry *e;

    path_check(path);
    entry_add_parents(path);
    e = entry_find(path);
    if (e && !e->hostfile)
        die("%s: both a directory and a file", path);
    if (!e)
        e = entry_append(path);
    e->mode = mode;
    e->hostfile = hostfile;
}

/* ---- collecting entries from the command line -------------------------- */

static int
name_compare(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int
name_wanted(const struct dirent *d)
{
    return strcmp(d->d_name, ".") != 0 && strcmp(d->d_name, "..") != 0;
}

static char *
host_join(const char *dir, const char *name)
{
    char *s = malloc(strlen(dir) + strlen(name) + 2);

    if (!s)
        die("out of memory");
    sprintf(s, "%s/%s", dir, name);
    return s;
}

/* Adds the tree under hostdir as guestdir, in sorted order so that the same
 * tree always gives the same image. */
static void
collect_tree(const char *hostdir, const char *guestdir)
{
    struct dirent **names;
    char guest[INITRD_PATH_MAX];
    struct stat st;
    char *host;
    int i, n;

    n = scandir(hostdir, &names, name_wanted, name_compare);
    if (n < 0)
        die("%s: %s", hostdir, strerror(errno));
    for (i = 0; i < n; i++) {
        host = host_join(hostdir, names[i]->d_name);
        path_join(guest, guestdir, names[i]->d_name);
        if (lstat(host, &st) < 0)
            die("%s: %s", host, strerror(errno));
        if (S_ISDIR(st.st_mode)) {
            entry_add_dir(guest);
            collect_tree(host, guest);
            free(host);
        } else if (S_ISREG(st.st_mode)) {
            entry_add_file(guest, S_IFREG | (st.st_mode & 0777), host);
        } else {
            fprintf(stderr, "mkinitrd: %s: not a file or directory, skipped\n",
                    host);
            free(host);
        }
        free(names[i]);
    }
    free(names);
}

static unsigned int
host_file_mode(const char *hostfile)
{
    struct stat st;

    if (stat(hostfile, &st) < 0)
        die("%s: %s", hostfile, strerror(errno));
    if (!S_ISREG(st.st_mode))
        die("%s: not a regular file", hostfile);
    return S_IFREG | (st.st_mode & 0777);
}

static void
collect_arguments(int argc, char **argv)
{
    char guest[INITRD_PATH_MAX];
    int i = 2;

    if (i < argc && strncmp(argv[i], "--", 2) != 0) {
        collect_tree(argv[i], "/");
        i++;
    }
    while (i < argc) {
        if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
            const char *dir = argv[i + 1];

            if (strcmp(dir, "/") != 0) {
                entry_add_parents(dir);
                entry_add_dir(dir);
            }
            for (i += 2; i < argc && strncmp(argv[i], "--", 2) != 0; i++) {
                host_file_mode(argv[i]);        /* exists and is a file */
                path_join(guest, dir, path_basename(argv[i]));
                entry_add_file(guest, PROG_MODE, argv[i]);
            }
        } else if (strcmp(argv[i], "--file") == 0 && i + 2 < argc) {
            entry_add_file(argv[i + 1], host_file_mode(argv[i + 2]),
                           argv[i + 2]);
            i += 3;
        } else {
            usage();
        }
    }
}

/* ---- writing the image ------------------------------------------------- */

static void
put_le32(unsigned int *field, unsigned int value)
{
    unsigned char *b = (unsigned char *)field;

    b[0] = value;
    b[1] = value >> 8;
    b[2] = value >> 16;
    b[3] = value >> 24;
}

static void
write_bytes(FILE *out, const void *buf, size_t n)
{
    if (fwrite(buf, 1, n, out) != n)
        die("%s: write failed: %s", outname, strerror(errno));
}

/* Reads the whole host file; its size is what goes in the entry. */
static unsigned char *
read_host_file(const char *hostfile, unsigned int *size)
{
    FILE *f = fopen(hostfile, "rb");
    unsigned char *data = NULL;
    size_t len = 0, cap = 0, n;

    if (!f)
        die("%s: %s", hostfile, strerror(errno));
    do {
        if (len == cap) {
            cap = cap ? 2 * cap : 65536;
            if (!(data = realloc(data, cap)))
                die("out of memory");
        }
        n = fread(data + len, 1, cap - len, f);
        len += n;
    } while (n > 0);
    if (ferror(f))
        die("%s: read error", hostfile);
    fclose(f);
    if (len > 0xffffffffu)
        die("%s: too large", hostfile);
    *size = len;
    return data;
}

static void
write_entry(FILE *out, const struct entry *e)
{
    static const unsigned char zeros[4];
    struct initrd_entry rec;
    unsigned char *data = NULL;
    unsigned int size = 0;

    if (e->hostfile)
        data = read_host_file(e->hostfile, &size);
    memset(&rec, 0, sizeof rec);
    strcpy(rec.path, e->path);
    put_le32(&rec.mode, e->mode);
    put_le32(&rec.size, size);
    write_bytes(out, &rec, sizeof rec);
    write_bytes(out, data, size);
    write_bytes(out, zeros, (4 - size % 4) % 4);
    free(data);
}

static void
write_image(void)
{
    struct initrd_header header;
    FILE *out = fopen(tmpname, "wb");
    int i;

    if (!out)
        die("%s: %s", tmpname, strerror(errno));
    memset(&header, 0, sizeof header);
    memcpy(header.magic, INITRD_MAGIC, sizeof header.magic);
    put_le32(&header.count, nentries);
    write_bytes(out, &header, sizeof header);
    for (i = 0; i < nentries; i++)
        write_entry(out, &entries[i]);
    if (fclose(out) != 0)
        die("%s: %s", tmpname, strerror(errno));
}

int
main(int argc, char **argv)
{
    static const char *always[] = { "/", "/bin", "/dev", "/etc", "/tmp" };
    unsigned int i;

    if (argc < 2 || argv[1][0] == '-')
        usage();
    outname = argv[1];
    for (i = 0; i < sizeof always / sizeof always[0]; i++)
        entry_add_dir(always[i]);
    collect_arguments(argc, argv);

    if (!(tmpname = malloc(strlen(outname) + sizeof ".tmp")))
        die("out of memory");
    sprintf(tmpname, "%s.tmp", outname);
    write_image();
    if (rename(tmpname, outname) < 0)
        die("%s: %s", outname, strerror(errno));
    return 0;
}
