#ifndef FS_FS_H
#define FS_FS_H

#include <stddef.h>

void fs_init(void);
void initrd_unpack(const char *image, size_t size);

#endif
