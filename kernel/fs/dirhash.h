#ifndef FS_DIRHASH_H
#define FS_DIRHASH_H

#include "fs/inode.h"

/*
 * The name hash: an index of every name in every directory, so that a
 * look-up costs the same in a directory of 10 names as in one of 1000.
 * dir.c is its only user; see dirhash.c and docs/filesystem.md.
 */
void     dirhash_init(void);
uint32_t dirhash_name(const char *name);
off_t    dirhash_find(struct inode *dp, const char *name);
int      dirhash_insert(struct inode *dp, const char *name, off_t off);
void     dirhash_remove(struct inode *dp, const char *name, off_t off);

#endif
