/*
 * Switching address spaces without writing %cr3.
 *
 * Every process has its own page directory and page tables (vm.c), but
 * the CPU runs on one directory only, the kernel's, loaded into %cr3 at
 * boot and never changed.  Its kernel half is the same in every process;
 * its user half holds a copy of the user entries of the process that runs
 * now, the *live* one.  A switch (vm_activate) does two things:
 *
 *   1. It removes from the TLB every translation the last process may have
 *      left there.  The CPU sets a page-table entry's accessed bit (PTE_A)
 *      whenever it uses the entry to make a translation, so a page whose
 *      bit is clear has no translation cached -- provided that whoever
 *      clears a bit also invalidates the page, which is what this file
 *      does: for each page with the bit set, clear it and `invlpg` it.  The
 *      directory entry has an accessed bit too, so a page table the process
 *      did not use since the last switch is skipped whole.
 *   2. It copies the next process's user directory entries in.  It knows
 *      which they are without reading all 768: each address space lists
 *      its page tables and the span of entries ever made present in each
 *      (vm->tables, kept by vm_note_pte).
 *
 * Why not simply load the next process's directory into %cr3, as every
 * textbook kernel does?  Under QEMU's TCG a %cr3 write empties the whole
 * software TLB -- the kernel's translations too -- and the 4096-entry jump
 * cache of translated code, and everything the kernel and the process touch
 * afterwards must be looked up again: most of what a pipe round trip costs
 * (docs/performance.md, "Switching without %cr3").  A real CPU without PCID
 * pays the same way, less dramatically.  When the scan would cost more than
 * an empty TLB -- an address space with many tables, long spans or many
 * recently touched pages -- the switch falls back to reloading %cr3.
 *
 * The rule everything else keeps: a page table entry that the kernel
 * changes while its process is live is invalidated (invlpg, or
 * vm_flush_tlb), exactly as before; entries of a process that is not live
 * are not in the TLB at all.
 */
#include "mm/vm.h"
#include "mm/memlayout.h"
#include "arch/x86.h"

#define USER_PDES (KERNBASE >> 22)
#define SCAN_BUDGET 512         /* entries scanned at most, else flush all */
#define INVLPG_BUDGET 48        /* pages invalidated at most, else flush all */

static uint32_t *live_pgdir;    /* the directory in %cr3 */
static struct vm *live_vm;      /* whose user entries are in it, or NULL */
static uint32_t *live_master;   /* live_vm->pgdir when it was loaded */

void
vm_switch_init(uint32_t *kernel_pgdir)
{
    live_pgdir = kernel_pgdir;
    load_cr3(V2P(kernel_pgdir));
}

/* Empty the whole TLB (everything but global pages; Parley uses none). */
void
vm_flush_tlb(void)
{
    load_cr3(read_cr3());
}

bool
vm_is_live(const struct vm *vm)
{
    return live_vm == vm && live_master == vm->pgdir;
}

static struct vm_table *
find_table(struct vm *vm, unsigned pdx)
{
    for (unsigned i = 0; i < vm->ntables; i++)
        if (vm->tables[i].pdx == pdx)
            return &vm->tables[i];
    return 0;
}

/* A new slot in vm->tables for pdx, which keeps them in address order. */
static struct vm_table *
insert_table(struct vm *vm, unsigned pdx)
{
    unsigned i = vm->ntables++;
    for (; i > 0 && vm->tables[i - 1].pdx > pdx; i--)
        vm->tables[i] = vm->tables[i - 1];
    return &vm->tables[i];
}

/* vm's entry pdx/ptx is about to be made present (vm_pte): widen the span
 * a switch scans, and give the live directory a new table at once. */
void
vm_note_pte(struct vm *vm, unsigned pdx, unsigned ptx)
{
    if (vm_is_live(vm) && !(live_pgdir[pdx] & PTE_P))
        live_pgdir[pdx] = vm->pgdir[pdx];       /* a new table */
    if (vm->ntables == VM_TABLES_UNTRACKED)
        return;
    struct vm_table *t = find_table(vm, pdx);
    if (!t) {
        if (vm->ntables == VM_TABLES_TRACKED) {
            vm->ntables = VM_TABLES_UNTRACKED;
            return;
        }
        t = insert_table(vm, pdx);
        *t = (struct vm_table){ .pdx = pdx, .lo = ptx, .hi = ptx + 1 };
    }
    t->lo = MIN(t->lo, ptx);
    t->hi = MAX(t->hi, ptx + 1);
}

/* next's page table for directory slot pdx, or NULL (next NULL too). */
static uint32_t *
table_of(struct vm *next, unsigned pdx)
{
    return next ? vm_table_for(next, (uintptr_t)pdx << 22) : 0;
}

/* Whether the last process's entry a and the next one's b translate alike:
 * the same frame with the same rights (a parent and child after fork share
 * their text this way).  The TLB's copy of a is then right for the next
 * process too, and may stay. */
static bool
same_translation(uint32_t a, uint32_t b)
{
    return (b & PTE_P) && ((a ^ b) & ~(PTE_A | PTE_D | PTE_CARRIED)) == 0;
}

/*
 * A translation that stays for the next process is marked PTE_CARRIED in
 * its entry (not PTE_A, which only the CPU's own walks set).  Carried on
 * from process to process, an entry nobody uses would stay forever and be
 * handled at every switch -- after fork, every page parent and child still
 * share, such as a big buffer touched once.  So every SWEEP_EVERY-th
 * switch drops the carried entries that no walk has refreshed: a page
 * still in use is then walked again once (a TLB refill), one nobody uses
 * is gone for good.
 */
#define SWEEP_EVERY 64
static unsigned switches;

struct budget { unsigned scan, pages; };

/* Step 1 above for one page table t of the live process, whose live
 * directory entry was pde: every entry walked (PTE_A) or carried in
 * (PTE_CARRIED) may be cached.  A translation that stays for next is
 * marked carried in next's entry, and its directory entry accessed, so
 * that next's own switch away finds it.  False when the budget runs out. */
static bool
invalidate_table(const struct vm_table *t, uint32_t pde, struct vm *next, struct budget *b)
{
    unsigned span = t->hi - t->lo;
    if (span > b->scan)
        return false;
    b->scan -= span;
    uint32_t *pte = P2V(PTE_ADDR(pde));
    uint32_t *next_pte = table_of(next, t->pdx);
    bool sweep = switches % SWEEP_EVERY == 0;
    for (unsigned j = t->lo; j < t->hi; j++) {
        if (!(pte[j] & (PTE_A | PTE_CARRIED)))
            continue;
        bool walked = pte[j] & PTE_A;
        pte[j] &= ~(PTE_A | PTE_CARRIED);
        if (next_pte && same_translation(pte[j], next_pte[j]) && (walked || !sweep)) {
            next_pte[j] |= PTE_CARRIED;
            next->pgdir[t->pdx] |= PTE_A;       /* copied in by vm_activate */
            continue;
        }
        if (b->pages-- == 0)
            return false;
        invlpg((uint32_t)t->pdx << 22 | j << 12);
    }
    return true;
}

/* Step 1 for the live process vm, next about to run (NULL: nobody's user
 * half), taking vm's tables out of the live directory as it goes.  False
 * when the budget ran out: the caller then empties the whole TLB instead
 * (the bits cleared so far do no harm). */
static bool
invalidate_accessed_pages(struct vm *vm, struct vm *next)
{
    struct budget b = { SCAN_BUDGET, INVLPG_BUDGET };
    bool table_used = false;
    switches++;
    for (unsigned i = 0; i < vm->ntables; i++) {
        const struct vm_table *t = &vm->tables[i];
        uint32_t pde = live_pgdir[t->pdx];
        live_pgdir[t->pdx] = 0;
        vm->pgdir[t->pdx] &= ~PTE_A;    /* if a last switch to vm set it */
        if (!(pde & PTE_A))
            continue;           /* no translation through it since the last switch */
        table_used = true;
        if (!invalidate_table(t, pde, next, &b))
            return false;
    }
    /* A used directory entry may sit in the CPU's paging-structure caches
     * even with no page translated through it; any invlpg empties those. */
    if (table_used && b.pages == INVLPG_BUDGET)
        invlpg(0);
    return true;
}

static void
unload_live(struct vm *next)
{
    struct vm *vm = live_vm;
    if (!vm)
        return;
    assert(live_master == vm->pgdir);   /* replaced while live: see exec_commit */
    live_vm = 0;
    if (vm->ntables == VM_TABLES_UNTRACKED || !invalidate_accessed_pages(vm, next)) {
        memset(live_pgdir, 0, USER_PDES * sizeof(uint32_t));
        vm_flush_tlb();
    }
}

/* Run in vm's address space from now on. */
void
vm_activate(struct vm *vm)
{
    if (vm_is_live(vm))
        return;
    unload_live(vm);
    if (vm->ntables == VM_TABLES_UNTRACKED) {
        memcpy(live_pgdir, vm->pgdir, USER_PDES * sizeof(uint32_t));
    } else {
        for (unsigned i = 0; i < vm->ntables; i++)
            live_pgdir[vm->tables[i].pdx] = vm->pgdir[vm->tables[i].pdx];
    }
    live_vm = vm;
    live_master = vm->pgdir;
}

/* Run in no process's address space (exit, exec, before the first
 * process): the kernel half only. */
void
vm_activate_kernel(void)
{
    unload_live(0);
}
