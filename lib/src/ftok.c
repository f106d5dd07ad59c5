/*
 * ftok: a System V IPC key from a path and a project id, built as glibc
 * does: id (low 8 bits) << 24 | device (low 8 bits) << 16 | inode (low 16
 * bits).  The same file and id always give the same key.
 */
#include <sys/ipc.h>
#include <sys/stat.h>

key_t
ftok(const char *path, int id)
{
    struct stat st;

    if (stat(path, &st) < 0)
        return (key_t)-1;
    return (key_t)(((unsigned)id & 0xff) << 24 | (st.st_dev & 0xff) << 16 |
                   (st.st_ino & 0xffff));
}
