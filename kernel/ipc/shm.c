/*
 * System V shared memory: shmget, shmat, shmdt, shmctl.
 *
 * A segment owns an unnamed inode whose data blocks are the segment's
 * frames, allocated (zeroed) by shmget.  shmat maps those frames into the
 * caller with a shared region; fork copies the region, so the child maps
 * the very same frames.  Keys, ids and permissions are the ids layer's
 * (ipc/ids.c).
 *
 * Lifetime, as on Linux: IPC_RMID of an attached segment only marks it
 * SHM_DEST and hides its key; the id keeps working (shmat, IPC_STAT) until
 * the last region mapping it goes, and then the segment and its frames are
 * freed.  A segment nobody maps is freed by IPC_RMID at once.
 */
#include "ipc/shm.h"
#include "mm/region.h"
#include "mm/vm.h"
#include "mm/frame.h"
#include "mm/memlayout.h"
#include "fs/inode.h"
#include "proc/proc.h"
#include "lib/kstat.h"
#include "syscall.h"
#include <parley/mman.h>
#include "trace/trace.h"

#ifdef PARLEY_SMALL
#define NSEGMENTS 8
#else
#define NSEGMENTS SHMMNI
#endif

IPC_IDS_DEFINE(shm_ids, "shm", NSEGMENTS);
static struct shm_segment segments[NSEGMENTS];
static unsigned long shm_pages_total;  /* for SHM_INFO and SHMALL */

static size_t
segment_pages(const struct shm_segment *seg)
{
    return ROUNDUP(seg->segsz, PAGE_SIZE) / PAGE_SIZE;
}

static struct shm_segment *
segment_alloc(void)
{
    for (struct shm_segment *s = segments; s < segments + NSEGMENTS; s++)
        if (!s->in_use) {
            memset(s, 0, sizeof *s);
            s->in_use = true;
            return s;
        }
    return 0;
}

static void
segment_free(struct shm_segment *seg)
{
    kstat_add(KSTAT_shm_frames, -(int)segment_pages(seg));
    kstat_add(KSTAT_shm_segments, -1);
    shm_pages_total -= segment_pages(seg);
    inode_put(seg->ip);         /* the frames go with the last mapping */
    seg->in_use = false;
}

/* Remove a segment from the table and free it. */
static void
segment_destroy(struct shm_segment *seg)
{
    ipc_remove(&shm_ids, &seg->obj);
    segment_free(seg);
}

/* An unnamed inode of `pages` zeroed blocks, or NULL (out of memory). */
static struct inode *
frames_object(size_t pages)
{
    if (pages > frame_free_count())
        return 0;               /* fail before taking anything */
    struct inode *ip = inode_alloc(S_IFREG | 0600);
    if (!ip)
        return 0;
    ip->size = pages * PAGE_SIZE;
    for (size_t n = 0; n < pages; n++)
        if (!inode_block(ip, n, true)) {
            inode_put(ip);
            return 0;
        }
    return ip;
}

/* ---- shmget ------------------------------------------------------------- */

static struct ipc_object *
shm_create(void *arg, int *err)
{
    size_t size = *(size_t *)arg;
    size_t pages = ROUNDUP(size, PAGE_SIZE) / PAGE_SIZE;
    if (size < SHMMIN || size > SHMMAX) {
        *err = -EINVAL;
        return 0;
    }
    if (shm_pages_total + pages > SHMALL) {
        *err = -ENOSPC;
        return 0;
    }
    struct shm_segment *seg = segment_alloc();
    if (!seg || !(seg->ip = frames_object(pages))) {
        if (seg)
            seg->in_use = false;
        *err = -ENOMEM;
        return 0;
    }
    seg->segsz = size;
    seg->cpid = current->pid;
    shm_pages_total += pages;
    kstat_add(KSTAT_shm_segments, +1);
    kstat_add(KSTAT_shm_frames, (int)pages);
    return &seg->obj;
}

static int
shm_fits(struct ipc_object *obj, void *arg)
{
    struct shm_segment *seg = (struct shm_segment *)obj;
    return *(size_t *)arg > seg->segsz ? -EINVAL : 0;
}

static const struct ipc_get_ops shm_get_ops = { shm_create, shm_fits };

long
sys_shmget(key_t key, size_t size, int flags)
{
    return ipc_get(&shm_ids, key, flags, &shm_get_ops, &size);
}

/* ---- attachments ---------------------------------------------------------- */

void
shm_region_opened(struct shm_segment *seg)
{
    seg->nattch++;
    seg->atime = ipc_now();
    seg->lpid = current->pid;
}

void
shm_region_closed(struct shm_segment *seg)
{
    assert(seg->nattch > 0);
    seg->nattch--;
    seg->dtime = ipc_now();
    seg->lpid = current->pid;
    if (seg->nattch == 0 && (seg->obj.perm.mode & SHM_DEST))
        segment_destroy(seg);
}

static struct shm_segment *
shm_find(int shmid)
{
    return (struct shm_segment *)ipc_find(&shm_ids, shmid);
}

/* The address shmat should use: 0 for "choose", else aligned by SHM_RND. */
static long
attach_address(uintptr_t addr, int flags)
{
    if (addr % SHMLBA) {
        if (!(flags & SHM_RND))
            return -EINVAL;
        addr = ROUNDDOWN(addr, SHMLBA);
    }
    return (long)addr;
}

long
sys_shmat(int shmid, const void *uaddr, int flags)
{
    struct shm_segment *seg = shm_find(shmid);
    if (!seg)
        return -EINVAL;
    bool rdonly = flags & SHM_RDONLY;
    int err = ipc_check_access(&seg->obj, IPC_ACCESS_READ | (rdonly ? 0 : IPC_ACCESS_WRITE));
    if (err)
        return err;
    long at = attach_address((uintptr_t)uaddr, flags);
    if (at < 0)
        return at;
    size_t len = segment_pages(seg) * PAGE_SIZE;
    uintptr_t addr = (uintptr_t)at;
    if (addr && !region_range_free(&current->vm, addr, len))
        return -EINVAL;         /* a given address must be free (no SHM_REMAP) */
    int prot = PROT_READ | (rdonly ? 0 : PROT_WRITE);
    struct region tmpl = { .prot = prot, .maxprot = prot, .shared = true,
                           .object = seg->ip, .shm = seg };
    err = region_map(&current->vm, &addr, len, false, &tmpl);
    if (err)
        return err;
    if (trace_ipc_on(current))
        trace_ipc(TRACE_EV_ATTACH, TRACE_OBJ_SHM, shmid, 0, (long)addr, len, NULL);
    return (long)addr;
}

/* shmdt: addr must be where an attachment starts.  Its pieces (an mprotect
 * inside it splits it) go too, as Linux's shmdt takes them all. */
long
sys_shmdt(const void *uaddr)
{
    struct vm *vm = &current->vm;
    uintptr_t start = (uintptr_t)uaddr;
    struct region *r = region_find(vm, start);
    if (!r || r->start != start || !r->shm || r->pgoff != 0)
        return -EINVAL;
    struct shm_segment *seg = r->shm;
    uintptr_t end = r->end;
    for (struct region *n = r->next; n && n->start == end && n->shm == seg &&
         n->pgoff == (end - start) / PAGE_SIZE; n = n->next)
        end = n->end;
    if (trace_ipc_on(current))
        trace_ipc(TRACE_EV_DETACH, TRACE_OBJ_SHM, seg->obj.id, 0, (long)start, end - start, NULL);
    return region_unmap(vm, start, end);
}

/* ---- shmctl --------------------------------------------------------------- */

static void
shm_fill_stat(struct shm_segment *seg, struct shmid_ds *ds)
{
    memset(ds, 0, sizeof *ds);
    ds->shm_perm = seg->obj.perm;
    ds->shm_segsz = seg->segsz;
    ds->shm_atime = seg->atime;
    ds->shm_dtime = seg->dtime;
    ds->shm_ctime = seg->obj.ctime;
    ds->shm_cpid = seg->cpid;
    ds->shm_lpid = seg->lpid;
    ds->shm_nattch = seg->nattch;
}

static long
shm_stat(struct shm_segment *seg, struct shmid_ds *ubuf, bool check, long ret)
{
    struct shmid_ds ds;
    int err = check ? ipc_check_access(&seg->obj, IPC_ACCESS_READ) : 0;
    if (err)
        return err;
    shm_fill_stat(seg, &ds);
    return copy_to_user(ubuf, &ds, sizeof ds) < 0 ? -EFAULT : ret;
}

static long
shm_set(struct shm_segment *seg, struct shmid_ds *ubuf)
{
    struct shmid_ds ds;
    if (copy_from_user(&ds, ubuf, sizeof ds) < 0)
        return -EFAULT;
    return ipc_set(&seg->obj, &ds.shm_perm);
}

static long
shm_remove(struct shm_segment *seg)
{
    int err = ipc_check_owner(&seg->obj);
    if (err)
        return err;
    if (seg->nattch == 0) {
        segment_destroy(seg);
    } else {
        seg->obj.perm.mode |= SHM_DEST;
        seg->obj.perm.__key = IPC_PRIVATE;     /* the key finds it no more */
    }
    return 0;
}

static long
shm_info(int cmd, void *ubuf)
{
    if (cmd == IPC_INFO) {
        struct shminfo info = { SHMMAX, SHMMIN, NSEGMENTS, NSEGMENTS, SHMALL };
        if (copy_to_user(ubuf, &info, sizeof info) < 0)
            return -EFAULT;
    } else {
        struct shm_info info = { .used_ids = ipc_count(&shm_ids),
                                 .shm_tot = shm_pages_total,
                                 .shm_rss = shm_pages_total };
        if (copy_to_user(ubuf, &info, sizeof info) < 0)
            return -EFAULT;
    }
    int max = ipc_max_index(&shm_ids);
    return max < 0 ? 0 : max;
}

long
sys_shmctl(int shmid, int cmd, struct shmid_ds *ubuf)
{
    if (cmd == IPC_INFO || cmd == SHM_INFO)
        return shm_info(cmd, ubuf);
    if (cmd == SHM_STAT || cmd == SHM_STAT_ANY) {
        struct shm_segment *seg = (struct shm_segment *)ipc_at_index(&shm_ids, shmid);
        return seg ? shm_stat(seg, ubuf, cmd == SHM_STAT, seg->obj.id) : -EINVAL;
    }
    struct shm_segment *seg = shm_find(shmid);
    if (!seg)
        return -EINVAL;
    switch (cmd) {
    case IPC_STAT: return shm_stat(seg, ubuf, true, 0);
    case IPC_SET:  return shm_set(seg, ubuf);
    case IPC_RMID: return shm_remove(seg);
    default:       return -EINVAL;
    }
}
