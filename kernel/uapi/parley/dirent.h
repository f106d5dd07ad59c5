/* getdents(fd, buf, nbytes) fills buf with whole records of this shape. */
#ifndef PARLEY_DIRENT_H
#define PARLEY_DIRENT_H

#include <parley/types.h>
#include <parley/limits.h>

#define DT_UNKNOWN 0
#define DT_FIFO    1
#define DT_CHR     2
#define DT_DIR     4
#define DT_REG     8

struct parley_dirent {
    ino_t          d_ino;
    unsigned short d_reclen;    /* always sizeof(struct parley_dirent) */
    unsigned char  d_type;
    unsigned char  d_pad;
    char           d_name[NAME_MAX + 1];
};

#endif
