/* Reading directories: opendir/readdir/closedir over getdents. */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>
#include <parley/dirent.h>          /* DT_*, NAME_MAX */

typedef struct __dirstream DIR;     /* opaque */

struct dirent {
    ino_t          d_ino;
    unsigned short d_reclen;
    unsigned char  d_type;          /* DT_REG, DT_DIR, DT_FIFO, ... */
    char           d_name[NAME_MAX + 1];
};

DIR           *opendir(const char *path);
struct dirent *readdir(DIR *dir);   /* NULL at the end (errno unchanged) */
int            closedir(DIR *dir);
void           rewinddir(DIR *dir);
int            dirfd(DIR *dir);

#endif
