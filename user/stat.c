/* stat -- what the file system knows about a file. */
#include <sys/stat.h>
#include <time.h>
#include "util.h"

static const char *
type_name(mode_t m)
{
    return S_ISREG(m) ? "regular file" : S_ISDIR(m) ? "directory" :
           S_ISFIFO(m) ? "fifo" : S_ISCHR(m) ? "character device" : "other";
}

static void
print_mode(mode_t m)
{
    const char *rwx = "rwxrwxrwx";
    putchar(S_ISDIR(m) ? 'd' : S_ISFIFO(m) ? 'p' : S_ISCHR(m) ? 'c' : '-');
    for (int i = 0; i < 9; i++)
        putchar(m & (0400 >> i) ? rwx[i] : '-');
}

int
main(int argc, char **argv)
{
    struct stat st;
    int status = 0;

    USAGE(argc, argv, "usage: stat FILE...\n");
    if (argc < 2)
        usage();
    for (int i = 1; i < argc; i++) {
        if (stat(argv[i], &st) < 0) {
            status = complain("stat", argv[i]);
            continue;
        }
        printf("  File: %s\n  Size: %-10lld Blocks: %-8lld %s\n", argv[i],
               (long long)st.st_size, (long long)st.st_blocks, type_name(st.st_mode));
        printf(" Inode: %-10lu Links: %u", (unsigned long)st.st_ino, (unsigned)st.st_nlink);
        if (S_ISCHR(st.st_mode))
            printf("  Device: %u,%u", (unsigned)st.st_rdev >> 8, (unsigned)st.st_rdev & 0xff);
        printf("\nAccess: (%04o/", (unsigned)st.st_mode & 07777);
        print_mode(st.st_mode);
        printf(")  Uid: %u  Gid: %u\n", (unsigned)st.st_uid, (unsigned)st.st_gid);
        printf("Access: %lld\nModify: %lld\nChange: %lld   (seconds since 1970)\n",
               (long long)st.st_atim.tv_sec, (long long)st.st_mtim.tv_sec,
               (long long)st.st_ctim.tv_sec);
    }
    return status;
}
