/* <sys/stat.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/stat.h>

static volatile int never;

int
main(void)
{
    struct stat st; mode_t m[] = { S_IFMT, S_IFREG, S_IFDIR, S_IFIFO, S_IRWXU, S_IRUSR, S_IWUSR, S_IXUSR, S_IRWXG, S_IRWXO };
    if (never) {
        stat("/", &st); fstat(0, &st); lstat("/", &st); mkdir("/x", 0700); mkfifo("/f", 0600); mknod("/n", S_IFIFO | 0600, 0); umask(022); (void)S_ISDIR(st.st_mode); (void)S_ISREG(st.st_mode); (void)S_ISFIFO(st.st_mode); (void)st.st_size; (void)st.st_ino; (void)st.st_nlink; (void)m;
    }
    return 0;
}
