/*
 * Page tables.  i386 two-level paging: a page directory of 1024 entries,
 * each pointing to a page table of 1024 entries, each mapping 4 KiB.
 *
 * The kernel half (0xC0000000 up) of every directory maps physical memory
 * with 4 MiB pages and is copied from kernel_pgdir when a process is made.
 * User pages are mapped PTE_U.  fork() shares pages copy-on-write: both
 * processes map the frame read-only with PTE_COW, and the first write
 * copies it (vm_handle_fault).  Pages marked PTE_SHARED (shared memory) are
 * never copied: the child maps the same frame.
 */
#include "mm/vm.h"
#include "mm/frame.h"
#include "mm/region.h"
#include "mm/memlayout.h"
#include "arch/x86.h"
#include <parley/limits.h>

#define KERNEL_PDE_FIRST PDX(KERNBASE)

static uint32_t kernel_pgdir[1024] __attribute__((aligned(PAGE_SIZE)));

void
vm_kernel_init(uintptr_t phys_top)
{
    for (uintptr_t pa = 0; pa < phys_top; pa += 0x400000)
        kernel_pgdir[PDX(KERNBASE + pa)] = pa | PTE_PS | PTE_W | PTE_P;
    vm_switch_init(kernel_pgdir);       /* the one directory the CPU uses */
}

int
vm_create(struct vm *vm)
{
    memset(vm, 0, sizeof *vm);
    vm->pgdir = frame_alloc_zeroed();
    if (!vm->pgdir)
        return -ENOMEM;
    memcpy(vm->pgdir + KERNEL_PDE_FIRST, kernel_pgdir + KERNEL_PDE_FIRST,
           (1024 - KERNEL_PDE_FIRST) * sizeof(uint32_t));
    vm->stack_low = USER_STACK_TOP;
    return 0;
}

/* The page-table entry for va; a missing page table is made with
 * new_table, or not at all if it is NULL. */
static uint32_t *
pte_of(struct vm *vm, uintptr_t va, void *(*new_table)(void))
{
    uint32_t *pde = &vm->pgdir[PDX(va)];
    if (!(*pde & PTE_P)) {
        if (!new_table)
            return 0;
        uint32_t *table = new_table();
        if (!table)
            return 0;
        *pde = V2P(table) | PTE_P | PTE_W | PTE_U;
    }
    if (new_table)
        vm_note_pte(vm, PDX(va), PTX(va));
    uint32_t *table = P2V(PTE_ADDR(*pde));
    return &table[PTX(va)];
}

/* The page-table entry for va, making the page table if create is set --
 * from the reserve (see frame.c): copy-on-write and faults must not fail. */
uint32_t *
vm_pte(struct vm *vm, uintptr_t va, bool create)
{
    return pte_of(vm, va, create ? frame_alloc_urgent_zeroed : 0);
}

/* Map one frame at va; the page table holds a new reference to it. */
int
vm_map_frame(struct vm *vm, uintptr_t va, void *frame, uint32_t perm)
{
    uint32_t *pte = vm_pte(vm, va, true);
    if (!pte)
        return -ENOMEM;
    assert(!(*pte & PTE_P));
    *pte = V2P(frame) | perm | PTE_P;
    return 0;
}

/* Map fresh zeroed pages over [start, end).  Growth a caller can refuse
 * (sbrk, exec, the stack) is an ordinary allocation, its page tables
 * included: it stops at the reserve and leaves it whole. */
int
vm_alloc_range(struct vm *vm, uintptr_t start, uintptr_t end, uint32_t perm)
{
    for (uintptr_t va = ROUNDDOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE) {
        uint32_t *pte = pte_of(vm, va, frame_alloc_zeroed);
        if (!pte)
            return -ENOMEM;
        if (*pte & PTE_P)
            continue;
        void *frame = frame_alloc_zeroed();
        if (!frame)
            return -ENOMEM;
        *pte = V2P(frame) | perm | PTE_P;
    }
    return 0;
}

void
vm_unmap_range(struct vm *vm, uintptr_t start, uintptr_t end)
{
    for (uintptr_t va = ROUNDDOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE) {
        uint32_t *pte = vm_pte(vm, va, false);
        if (!pte || !(*pte & PTE_P))
            continue;
        frame_unref(P2V(PTE_ADDR(*pte)));
        *pte = 0;
        invlpg(va);
    }
}

/*
 * The page tables of vm in address order, one per call: *i starts at 0.
 * For each, the span of entries worth reading -- those ever made present,
 * when vm keeps that list (vm_switch.c), else all 1024.  Fork, exit and
 * pmap read the span, not the whole table: a small process's text and
 * stack tables hold a few dozen entries each.
 */
static bool
vm_next_table(struct vm *vm, unsigned *i, struct vm_table *out)
{
    if (vm->ntables != VM_TABLES_UNTRACKED) {
        if (*i >= vm->ntables)
            return false;
        *out = vm->tables[(*i)++];
        return true;
    }
    for (; *i < KERNEL_PDE_FIRST; ++*i) {
        if (vm->pgdir[*i] & PTE_P) {
            *out = (struct vm_table){ .pdx = *i, .lo = 0, .hi = 1024 };
            ++*i;
            return true;
        }
    }
    return false;
}

static uint32_t *
vm_table_entries(struct vm *vm, const struct vm_table *t)
{
    return P2V(PTE_ADDR(vm->pgdir[t->pdx]));
}

void
vm_destroy(struct vm *vm)
{
    if (!vm->pgdir)
        return;
    assert(!vm_is_live(vm));    /* its tables are about to be freed */
    regions_destroy(vm);
    struct vm_table t;
    for (unsigned i = 0; vm_next_table(vm, &i, &t);) {
        uint32_t *table = vm_table_entries(vm, &t);
        for (unsigned j = t.lo; j < t.hi; j++)
            if (table[j] & PTE_P)
                frame_unref(P2V(PTE_ADDR(table[j])));
        frame_unref(table);
    }
    frame_unref(vm->pgdir);
    vm->pgdir = 0;
}

/* Pages fork write-protects in the parent that it invalidates one by one;
 * past that many it empties the whole TLB instead. */
#define FORK_INVLPG_MAX 32

/* Share one parent page with the child: copy-on-write unless shared.
 * Returns the child's entry; counts in *stale the parent's pages that the
 * TLB may still hold writable. */
static uint32_t
vm_fork_entry(uint32_t *parent_pte, uintptr_t va, unsigned *stale)
{
    uint32_t e = *parent_pte;
    if ((e & PTE_W) && !(e & PTE_SHARED)) {
        e = (e & ~PTE_W) | PTE_COW;
        *parent_pte = e;
        /* Neither bit: untouched since the last switch, not cached. */
        if ((e & (PTE_A | PTE_CARRIED)) && ++*stale <= FORK_INVLPG_MAX)
            invlpg(va);
    }
    frame_ref(P2V(PTE_ADDR(e)));
    return e & ~(PTE_A | PTE_CARRIED);  /* not in the TLB as the child's */
}

/* The child's copy of one of the parent's page tables. */
static int
vm_fork_table(struct vm *child, struct vm *parent, const struct vm_table *t, unsigned *stale)
{
    uintptr_t base = (uintptr_t)t->pdx << 22;
    uint32_t *from = vm_table_entries(parent, t);
    uint32_t *to = vm_pte(child, base | t->lo << 12, true);    /* makes the table */
    if (!to)
        return -ENOMEM;
    to -= t->lo;
    vm_note_pte(child, t->pdx, t->hi - 1);                      /* the whole span */
    for (unsigned j = t->lo; j < t->hi; j++)
        if (from[j] & PTE_P)
            to[j] = vm_fork_entry(&from[j], base | j << 12, stale);
    return 0;
}

static int
vm_fork_pages(struct vm *child, struct vm *parent, unsigned *stale)
{
    struct vm_table t;
    for (unsigned i = 0; vm_next_table(parent, &i, &t);) {
        int err = vm_fork_table(child, parent, &t, stale);
        if (err < 0)
            return err;
    }
    return 0;
}

int
vm_fork(struct vm *child, struct vm *parent)
{
    int err = vm_create(child);
    if (err)
        return err;
    child->heap_start = parent->heap_start;
    child->brk = parent->brk;
    child->stack_low = parent->stack_low;
    if ((err = regions_fork(child, parent)) < 0) {
        vm_destroy(child);
        return err;
    }
    unsigned stale = 0;
    err = vm_fork_pages(child, parent, &stale);
    if (stale > FORK_INVLPG_MAX)
        vm_flush_tlb();         /* too many of the parent's pages are now COW */
    if (err < 0)
        vm_destroy(child);
    return err;
}

/* First write to a copy-on-write page: copy it, unless we hold the only
 * reference, in which case it simply becomes writable again. */
int
vm_break_cow(uint32_t *pte, uintptr_t va)
{
    void *frame = P2V(PTE_ADDR(*pte));
    uint32_t flags = (*pte & 0xFFF & ~PTE_COW) | PTE_W;
    if (frame_refcount(frame) > 1) {
        void *copy = frame_alloc_urgent();   /* the reserve: see frame.c */
        if (!copy)
            return -ENOMEM;
        memcpy(copy, frame, PAGE_SIZE);
        frame_unref(frame);
        frame = copy;
    }
    *pte = V2P(frame) | flags;
    invlpg(va);
    return 0;
}

static bool
is_stack_growth(struct vm *vm, uintptr_t addr)
{
    return addr < vm->stack_low && addr >= USER_STACK_TOP - USER_STACK_MAX &&
           addr >= vm->brk;
}

/*
 * A page fault in user space (or an access checked by user_check): fill a
 * mapped region's page, grow the stack, or break copy-on-write.  Returns 0 if the access may now proceed,
 * -EFAULT if it is a real error.
 */
int
vm_handle_fault(struct vm *vm, uintptr_t addr, bool write)
{
    if (addr >= USER_TOP)
        return -EFAULT;
    struct region *r = region_find(vm, addr);
    if (r)
        return region_fault(vm, r, addr, write);
    uint32_t *pte = vm_pte(vm, addr, false);
    if (pte && (*pte & PTE_P)) {
        if (write && (*pte & PTE_COW))
            return vm_break_cow(pte, ROUNDDOWN(addr, PAGE_SIZE));
        return -EFAULT;
    }
    if (is_stack_growth(vm, addr)) {
        uintptr_t low = ROUNDDOWN(addr, PAGE_SIZE);
        if (vm_alloc_range(vm, low, vm->stack_low, PTE_U | PTE_W) < 0)
            return -EFAULT;
        vm->stack_low = low;
        return 0;
    }
    return -EFAULT;
}

/* sbrk: move the break; new heap pages are zero, freed pages unmapped. */
long
vm_sbrk(struct vm *vm, long increment)
{
    uintptr_t old = vm->brk, new = old + increment;
    if (increment > 0 && (new < old || new > USER_MMAP_BASE))
        return -ENOMEM;
    if (increment < 0 && (new > old || new < vm->heap_start))
        return -EINVAL;
    if (increment > 0) {
        if (vm_alloc_range(vm, ROUNDUP(old, PAGE_SIZE), new, PTE_U | PTE_W) < 0) {
            vm_unmap_range(vm, ROUNDUP(old, PAGE_SIZE), ROUNDUP(new, PAGE_SIZE));
            return -ENOMEM;
        }
    } else {
        vm_unmap_range(vm, ROUNDUP(new, PAGE_SIZE), ROUNDUP(old, PAGE_SIZE));
    }
    vm->brk = new;
    return (long)old;
}

/* Call fn for every present user page, in address order. */
void
vm_for_each_page(struct vm *vm, void (*fn)(uintptr_t va, uint32_t pte, void *arg), void *arg)
{
    if (!vm->pgdir)
        return;
    struct vm_table t;
    for (unsigned i = 0; vm_next_table(vm, &i, &t);) {
        uint32_t *table = vm_table_entries(vm, &t);
        for (unsigned j = t.lo; j < t.hi; j++)
            if (table[j] & PTE_P)
                fn((uintptr_t)t.pdx << 22 | j << 12, table[j], arg);
    }
}

static void
count_page(uintptr_t va, uint32_t pte, void *arg)
{
    (void)va, (void)pte;
    ++*(unsigned *)arg;
}

unsigned
vm_user_bytes(struct vm *vm)
{
    unsigned pages = 0;
    vm_for_each_page(vm, count_page, &pages);
    return pages * PAGE_SIZE;
}
