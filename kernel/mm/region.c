/*
 * Mapped regions (see region.h): the list, its splitting, and the page
 * fault that fills a region's pages on first touch.
 *
 * Regions come from one fixed pool.  A region holds a reference to its
 * object (inode_get) and, for a System V attachment, counts in the
 * segment's shm_nattch; every copy (fork) and every piece of a split takes
 * its own, and freeing the region gives it back.  That one rule is what
 * makes "freed exactly when nothing maps it" true.
 */
#include "mm/region.h"
#include "mm/vm.h"
#include "mm/frame.h"
#include "mm/memlayout.h"
#include "fs/inode.h"
#include "ipc/shm.h"
#include "lib/kstat.h"
#include "proc/proc.h"
#include "arch/x86.h"
#include <parley/mman.h>
#include <parley/limits.h>

#ifdef PARLEY_SMALL
#define NREGION 64
#else
#define NREGION 1024
#endif

static struct region pool[NREGION];
static struct region *free_regions;
static int nfree_regions = -1;          /* -1: pool not threaded yet */

/* Regions left in the pool (threading it on first use). */
static int
regions_available(void)
{
    if (nfree_regions < 0) {
        for (int i = NREGION - 1; i >= 0; i--) {
            pool[i].next = free_regions;
            free_regions = &pool[i];
        }
        nfree_regions = NREGION;
    }
    return nfree_regions;
}

static struct region *
region_alloc(void)
{
    if (regions_available() == 0)
        return 0;
    struct region *r = free_regions;
    free_regions = r->next;
    nfree_regions--;
    kstat_add(KSTAT_regions, +1);
    return r;
}

/* Take the references a live region holds. */
static void
region_hold(struct region *r)
{
    inode_get(r->object);
    if (r->shm)
        shm_region_opened(r->shm);
}

/* Give them back and return r to the pool. */
static void
region_free(struct region *r)
{
    if (r->shm)
        shm_region_closed(r->shm);
    inode_put(r->object);
    memset(r, 0, sizeof *r);
    r->next = free_regions;
    free_regions = r;
    nfree_regions++;
    kstat_add(KSTAT_regions, -1);
}

struct region *
region_find(struct vm *vm, uintptr_t va)
{
    for (struct region *r = vm->regions; r && r->start <= va; r = r->next)
        if (va < r->end)
            return r;
    return 0;
}

/* Cut r in two at `at` (strictly inside it); the upper half follows r. */
static void
region_split(struct region *r, uintptr_t at)
{
    struct region *upper = region_alloc();
    assert(upper);              /* callers reserve with splits_needed */
    *upper = *r;
    upper->start = at;
    upper->pgoff += (at - r->start) / PAGE_SIZE;
    region_hold(upper);
    r->end = at;
    r->next = upper;
}

/* How many new regions cutting [start, end) out of the list costs: one
 * for each end that falls inside a region. */
static int
splits_needed(struct vm *vm, uintptr_t start, uintptr_t end)
{
    struct region *a = region_find(vm, start), *b = region_find(vm, end - 1);
    return (a && a->start < start) + (b && b->end > end);
}

/* Split so that start and end are region boundaries; the link that points
 * at the first region inside [start, end) is returned. */
static struct region **
region_cut(struct vm *vm, uintptr_t start, uintptr_t end)
{
    struct region **pp = &vm->regions;
    while (*pp && (*pp)->end <= start)
        pp = &(*pp)->next;
    if (*pp && (*pp)->start < start) {
        region_split(*pp, start);
        pp = &(*pp)->next;
    }
    struct region *last = region_find(vm, end - 1);
    if (last && last->end > end)
        region_split(last, end);
    return pp;
}

int
region_unmap(struct vm *vm, uintptr_t start, uintptr_t end)
{
    if (splits_needed(vm, start, end) > regions_available())
        return -ENOMEM;
    struct region **pp = region_cut(vm, start, end);
    while (*pp && (*pp)->start < end) {
        struct region *r = *pp;
        vm_unmap_range(vm, r->start, r->end);
        *pp = r->next;
        region_free(r);
    }
    return 0;
}

int
region_check_mapped(struct vm *vm, uintptr_t start, uintptr_t end)
{
    for (uintptr_t va = start; va < end;) {
        struct region *r = region_find(vm, va);
        if (!r)
            return -ENOMEM;
        va = r->end;
    }
    return 0;
}

/* The page-table bits a page of r gets.  A private page that may be
 * written is mapped copy-on-write: its frame may be a file's, a parent's,
 * or the page's own -- vm_break_cow copies only when it is not alone. */
static uint32_t
region_pte_bits(struct region *r)
{
    uint32_t bits = r->prot == PROT_NONE ? 0 : PTE_U;
    if (r->shared)
        return bits | PTE_SHARED | ((r->prot & PROT_WRITE) ? PTE_W : 0);
    return bits | ((r->prot & PROT_WRITE) ? PTE_COW : 0);
}

/* Give every present page of r the bits its protection now asks for. */
static void
region_reprotect_pages(struct vm *vm, struct region *r)
{
    uint32_t bits = region_pte_bits(r);
    for (uintptr_t va = r->start; va < r->end; va += PAGE_SIZE) {
        uint32_t *pte = vm_pte(vm, va, false);
        if (!pte || !(*pte & PTE_P))
            continue;
        *pte = PTE_ADDR(*pte) | bits | PTE_P;
        invlpg(va);
    }
}

int
region_protect(struct vm *vm, uintptr_t start, uintptr_t end, int prot)
{
    int err = region_check_mapped(vm, start, end);
    if (err)
        return err;
    for (uintptr_t va = start; va < end; va = region_find(vm, va)->end)
        if (prot & ~region_find(vm, va)->maxprot)
            return -EACCES;
    if (splits_needed(vm, start, end) > regions_available())
        return -ENOMEM;
    for (struct region *r = *region_cut(vm, start, end); r && r->start < end; r = r->next) {
        r->prot = prot;
        region_reprotect_pages(vm, r);
    }
    return 0;
}

bool
region_range_free(struct vm *vm, uintptr_t start, size_t len)
{
    if (start < REGION_AREA_START || start > REGION_AREA_END ||
        len > REGION_AREA_END - start)
        return false;
    for (struct region *r = vm->regions; r && r->start < start + len; r = r->next)
        if (r->end > start)
            return false;
    return true;
}

/* The lowest free run of len bytes in the area (first fit), or 0. */
static uintptr_t
find_free_range(struct vm *vm, size_t len)
{
    uintptr_t candidate = REGION_AREA_START;
    for (struct region *r = vm->regions; r; r = r->next) {
        if (r->start >= candidate && r->start - candidate >= len)
            break;
        candidate = MAX(candidate, r->end);
    }
    return region_range_free(vm, candidate, len) ? candidate : 0;
}

static void
region_insert(struct vm *vm, struct region *r)
{
    struct region **pp = &vm->regions;
    while (*pp && (*pp)->start < r->start)
        pp = &(*pp)->next;
    r->next = *pp;
    *pp = r;
}

int
region_map(struct vm *vm, uintptr_t *addr, size_t len, bool fixed,
           const struct region *tmpl)
{
    uintptr_t start = *addr;
    if (fixed) {
        if (start % PAGE_SIZE)
            return -EINVAL;
        if (start < REGION_AREA_START || start > REGION_AREA_END ||
            len > REGION_AREA_END - start)
            return -ENOMEM;     /* outside the area (Linux: past TASK_SIZE) */
    } else if (!region_range_free(vm, start, len) && !(start = find_free_range(vm, len))) {
        return -ENOMEM;
    }
    int err = rlimit_check_as(current, proc_address_space_bytes(current) + len);
    if (err)
        return err;             /* RLIMIT_AS (proc/resource.c) */
    /* Ours, plus the splits of what a fixed mapping replaces. */
    int need = 1 + (fixed ? splits_needed(vm, start, start + len) : 0);
    if (need > regions_available())
        return -ENOMEM;
    if (fixed)
        region_unmap(vm, start, start + len);
    struct region *r = region_alloc();
    *r = *tmpl;
    r->start = start;
    r->end = start + len;
    region_hold(r);
    region_insert(vm, r);
    *addr = start;
    return 0;
}

/* Is page va of r wholly past the end of its object?  (A page the end
 * falls inside is not: its bytes past the end read as zero.) */
static bool
page_past_object_end(const struct region *r, uintptr_t va)
{
    uint32_t page = r->pgoff + (va - r->start) / PAGE_SIZE;
    return (off_t)page >= ROUNDUP(r->object->size, PAGE_SIZE) / PAGE_SIZE;
}

/* The frame for page va of a region with an object (not past its end),
 * and the page-table bits to map it with; NULL if there is no memory. */
static void *
object_frame(struct region *r, uintptr_t va, uint32_t *bits)
{
    uint32_t page = r->pgoff + (va - r->start) / PAGE_SIZE;
    /* Shared: the object's own frame, made now if it is a hole. */
    char *frame = inode_block(r->object, page, r->shared);
    if (frame) {
        frame_ref(frame);
        return frame;
    }
    /* Private, and a hole in the file: a zero page of our own. */
    *bits = (*bits & ~PTE_COW) | ((r->prot & PROT_WRITE) ? PTE_W : 0);
    return frame_alloc_zeroed();
}

int
region_fault(struct vm *vm, struct region *r, uintptr_t va, bool write)
{
    va = ROUNDDOWN(va, PAGE_SIZE);
    if (r->prot == PROT_NONE || (write && !(r->prot & PROT_WRITE)))
        return -EFAULT;
    uint32_t *pte = vm_pte(vm, va, false);
    if (pte && (*pte & PTE_P)) {
        if (write && (*pte & PTE_COW))
            return vm_break_cow(pte, va);
        return (*pte & PTE_U) && (!write || (*pte & PTE_W)) ? 0 : -EFAULT;
    }
    if (r->object && page_past_object_end(r, va))
        return VM_FAULT_SIGBUS;                 /* as Linux: no page to give */
    uint32_t bits = region_pte_bits(r);
    void *frame;
    if (r->object) {
        frame = object_frame(r, va, &bits);
    } else {
        frame = frame_alloc_zeroed();           /* anonymous: its own page */
        bits = (bits & ~PTE_COW) | ((r->prot & PROT_WRITE) ? PTE_W : 0);
    }
    if (!frame)
        return -EFAULT;
    if (vm_map_frame(vm, va, frame, bits) < 0) {
        frame_unref(frame);
        return -EFAULT;
    }
    /* A write to a file's page in a private mapping copies it at once:
     * user_check expects one call to leave the page writable. */
    if (write && (bits & PTE_COW))
        return vm_break_cow(vm_pte(vm, va, false), va);
    return 0;
}

int
regions_fork(struct vm *child, struct vm *parent)
{
    struct region **tail = &child->regions;
    for (struct region *r = parent->regions; r; r = r->next) {
        struct region *copy = region_alloc();
        if (!copy)
            return -ENOMEM;     /* the caller destroys the partial child */
        *copy = *r;
        copy->next = 0;
        region_hold(copy);
        *tail = copy;
        tail = &copy->next;
    }
    return 0;
}

void
regions_destroy(struct vm *vm)
{
    while (vm->regions) {
        struct region *r = vm->regions;
        vm->regions = r->next;
        region_free(r);
    }
}

/* Unmap r's pages from object page `first` on (they map frames the file
 * is about to free, or private copies of them). */
static void
region_drop_pages_from(struct vm *vm, struct region *r, uint32_t first)
{
    uint32_t pages = (r->end - r->start) / PAGE_SIZE;
    if (r->pgoff + pages <= first)
        return;
    uint32_t skip = first > r->pgoff ? first - r->pgoff : 0;
    vm_unmap_range(vm, r->start + skip * PAGE_SIZE, r->end);
}

void
regions_object_truncated(struct inode *ip, off_t size)
{
    uint32_t first = ROUNDUP(size, PAGE_SIZE) / PAGE_SIZE;
    for (struct proc *p = proc_table; p < proc_table + NPROC; p++) {
        if (p->state == PROC_UNUSED || !p->vm.pgdir)
            continue;
        for (struct region *r = p->vm.regions; r; r = r->next)
            if (r->object == ip)
                region_drop_pages_from(&p->vm, r, first);
    }
}

size_t
regions_bytes(struct vm *vm)
{
    size_t total = 0;
    for (struct region *r = vm->regions; r; r = r->next)
        total += r->end - r->start;
    return total;
}

struct inode *
region_anon_object(size_t len)
{
    struct inode *ip = inode_alloc(S_IFREG | 0600);
    if (ip)
        ip->size = len;
    return ip;
}
