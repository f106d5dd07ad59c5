/*
 * The initial filesystem image, built on the host by tools/mkinitrd and
 * loaded as a multiboot module.  Layout (all integers little-endian):
 *
 *   struct initrd_header
 *   count x { struct initrd_entry, then `size` bytes of data padded to 4 }
 *
 * Entries are in an order where every directory precedes its contents.
 */
#ifndef PARLEY_INITRD_H
#define PARLEY_INITRD_H

#define INITRD_MAGIC     "PARLEYFS"
#define INITRD_PATH_MAX  116

struct initrd_header {
    char         magic[8];
    unsigned int count;
    unsigned int reserved;
};

struct initrd_entry {
    char         path[INITRD_PATH_MAX];  /* absolute, NUL-terminated */
    unsigned int mode;                   /* S_IFDIR or S_IFREG | permissions */
    unsigned int size;                   /* data bytes (0 for directories) */
    unsigned int reserved;
};

#endif
