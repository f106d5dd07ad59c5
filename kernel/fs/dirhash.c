/*
 * The name hash: every name in every directory, found in constant time.
 *
 * A directory's entry array (dir.c) stays the truth; this is an index on
 * it.  Each used entry has one node here, keyed by (directory inode number,
 * name), that records where the entry is in its directory.  A look-up
 * hashes the name, walks one short chain, and reads the entry a matching
 * node points at to confirm the name -- instead of reading the whole array.
 *
 * The index is complete, not a cache: dir_add() and dir_remove() are the
 * only code that changes an entry, and each updates the index in the same
 * step.  So a miss means the name is not there, with no scan to make sure,
 * and nothing ever needs to be evicted or revalidated.  A directory only
 * dies once it is empty (rmdir takes "." and ".." away first), so no node
 * outlives its directory and a reused inode number finds no old names.
 *
 * Nodes come from a fixed pool of DIRENT_MAX (<parley/limits.h>); when it
 * is empty, making a name fails with ENOSPC, as when the inode table is
 * full.  A directory takes three nodes (its name, "." and ".."), a file
 * one per link, so the pool of four per inode runs out only through hard
 * links.
 */
#include "fs/dir.h"
#include "fs/dirhash.h"
#include "lib/kstat.h"

#define NNODES   DIRENT_MAX
#define NBUCKETS (DIRENT_MAX / 2)      /* a power of two: chains average <= 2 */

_Static_assert((NBUCKETS & (NBUCKETS - 1)) == 0, "NBUCKETS must be a power of two");

struct dirhash_node {
    struct dirhash_node *next;          /* in its bucket's chain, or in the free list */
    ino_t    dir;                       /* the directory's inode number */
    uint32_t hash;                      /* dirhash_name() of the name */
    off_t    off;                       /* the entry's offset in the directory */
};

static struct dirhash_node  nodes[NNODES];
static struct dirhash_node *buckets[NBUCKETS];
static struct dirhash_node *free_nodes;

void
dirhash_init(void)
{
    memset(buckets, 0, sizeof buckets);
    free_nodes = 0;
    for (int i = NNODES - 1; i >= 0; i--) {
        nodes[i].next = free_nodes;
        free_nodes = &nodes[i];
    }
}

/* FNV-1a over the name's bytes (at most NAME_MAX, as a stored entry keeps):
 * short, and good enough that similar names ("f1", "f2", ...) spread out. */
uint32_t
dirhash_name(const char *name)
{
    uint32_t h = 2166136261u;
    for (int i = 0; i < NAME_MAX && name[i]; i++) {
        h ^= (unsigned char)name[i];
        h *= 16777619u;
    }
    return h;
}

/* The chain for hash in directory dir: the directory's number, multiplied by
 * a large odd constant, moves each directory's names to other buckets, so
 * that "." of every directory does not land in one chain. */
static struct dirhash_node **
bucket_of(ino_t dir, uint32_t hash)
{
    return &buckets[(hash + dir * 2654435761u) & (NBUCKETS - 1)];
}

/* Does the entry at off in dp hold name? */
static bool
entry_is(struct inode *dp, off_t off, const char *name)
{
    struct dir_entry e;
    if (inode_read(dp, &e, off, sizeof e) != sizeof e)
        return false;
    assert(e.ino != 0);                 /* an indexed entry is a used one */
    return strncmp(e.name, name, NAME_MAX) == 0;
}

/* The offset of the entry called name in dp, or -1 if there is none. */
off_t
dirhash_find(struct inode *dp, const char *name)
{
    uint32_t hash = dirhash_name(name);
    for (struct dirhash_node *n = *bucket_of(dp->ino, hash); n; n = n->next)
        if (n->dir == dp->ino && n->hash == hash && entry_is(dp, n->off, name))
            return n->off;
    return -1;
}

/* Index the entry at off in dp, which is (or is about to be) called name.
 * -ENOSPC if the pool is empty; the caller must not write the entry then. */
int
dirhash_insert(struct inode *dp, const char *name, off_t off)
{
    struct dirhash_node *n = free_nodes;
    if (!n)
        return -ENOSPC;
    free_nodes = n->next;
    n->dir = dp->ino;
    n->hash = dirhash_name(name);
    n->off = off;
    struct dirhash_node **head = bucket_of(n->dir, n->hash);
    n->next = *head;
    *head = n;
    kstat_add(KSTAT_dir_names, +1);
    return 0;
}

/* Forget the entry at off in dp, called name.  It must be indexed. */
void
dirhash_remove(struct inode *dp, const char *name, off_t off)
{
    struct dirhash_node **link = bucket_of(dp->ino, dirhash_name(name));
    while (*link && ((*link)->dir != dp->ino || (*link)->off != off))
        link = &(*link)->next;
    struct dirhash_node *n = *link;
    assert(n);                          /* else the index had lost the name */
    *link = n->next;
    n->next = free_nodes;
    free_nodes = n;
    kstat_add(KSTAT_dir_names, -1);
}
