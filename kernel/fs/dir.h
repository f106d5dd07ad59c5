#ifndef FS_DIR_H
#define FS_DIR_H

#include "fs/inode.h"
#include <parley/dirent.h>

/* A directory's data is an array of these; ino 0 marks a free entry. */
struct dir_entry {
    ino_t ino;
    char  name[NAME_MAX + 1];
};

struct inode *dir_lookup(struct inode *dp, const char *name);
int  dir_add(struct inode *dp, const char *name, struct inode *ip);
int  dir_remove(struct inode *dp, const char *name);
bool dir_is_empty(struct inode *dp);
int  dir_read_entry(struct inode *dp, off_t *pos, struct parley_dirent *out);
struct inode *dir_create(struct inode *parent, mode_t mode);
void dir_unlink_dots(struct inode *dp);

/* path.c */
struct inode *fs_root(void);
void fs_set_root(struct inode *root);
int path_lookup(const char *path, struct inode **out);
int path_lookup_parent(const char *path, char *name, struct inode **dir_out);

#endif
