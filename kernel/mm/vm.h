#ifndef MM_VM_H
#define MM_VM_H

#include "lib/kernel.h"
#include "mm/memlayout.h"

struct region;

/* Page-table entry bits.  The three "available" bits hold Parley's own flags. */
#define PTE_P       0x001       /* present */
#define PTE_W       0x002       /* writable */
#define PTE_U       0x004       /* user */
#define PTE_A       0x020       /* accessed: set by the CPU when it uses the entry */
#define PTE_D       0x040       /* dirty: set by the CPU on a write */
#define PTE_PS      0x080       /* 4 MiB page (directory entries only) */
#define PTE_COW     0x200       /* copy-on-write: read-only until written */
#define PTE_SHARED  0x400       /* shared memory: fork shares, never copies */
#define PTE_CARRIED 0x800       /* its translation may be cached, left by the last
                                 * process's switch (mm/vm_switch.c) */
#define PTE_ADDR(e) ((e) & ~0xFFFu)
#define PDX(va) (((uintptr_t)(va) >> 22) & 0x3FF)   /* directory index */
#define PTX(va) (((uintptr_t)(va) >> 12) & 0x3FF)   /* table index */

/* One page table of a process and the span of its entries ever made
 * present, [lo, hi): what a switch scans for accessed bits (vm_switch.c). */
struct vm_table {
    uint16_t pdx;               /* its index in the page directory */
    uint16_t lo, hi;
};
#define VM_TABLES_TRACKED 16
#define VM_TABLES_UNTRACKED 0xFF  /* more tables than that: switches flush all */

/*
 * A process's address space: its page directory, the bounds of the parts
 * that grow (heap up, stack down), and the list of mapped regions.  The kernel half of every page
 * directory is the same 4 MiB mappings of physical memory.  The CPU never
 * loads vm->pgdir: it runs on one directory into which a switch copies the
 * user entries of the process that runs (vm_switch.c), found in tables[].
 */
struct vm {
    uint32_t *pgdir;            /* kernel address of the page directory */
    uintptr_t heap_start;       /* end of the loaded program */
    uintptr_t brk;              /* current program break */
    uintptr_t stack_low;        /* lowest mapped stack page */
    struct region *regions;     /* mmap and shmat mappings, by address (region.h) */
    uint8_t ntables;            /* of tables[], or VM_TABLES_UNTRACKED */
    struct vm_table tables[VM_TABLES_TRACKED];
};

/* vm's page table for va (a kernel pointer to its 1024 entries), or NULL
 * if va's directory entry has none.  Inline: the user checks and copies
 * of every system call with a buffer read page tables this way. */
static inline uint32_t *
vm_table_for(const struct vm *vm, uintptr_t va)
{
    uint32_t pde = vm->pgdir[PDX(va)];
    return (pde & PTE_P) ? P2V(PTE_ADDR(pde)) : 0;
}

/* Whether the page at va has an entry with all of need's bits set. */
static inline bool
vm_page_has(const struct vm *vm, uintptr_t va, uint32_t need)
{
    const uint32_t *table = vm_table_for(vm, va);
    return table && (table[PTX(va)] & need) == need;
}

void vm_kernel_init(uintptr_t phys_top);
int  vm_create(struct vm *vm);
void vm_destroy(struct vm *vm);
int  vm_fork(struct vm *child, struct vm *parent);

/* Address-space switches (vm_switch.c). */
void vm_switch_init(uint32_t *kernel_pgdir);
void vm_activate(struct vm *vm);
void vm_activate_kernel(void);
bool vm_is_live(const struct vm *vm);
void vm_note_pte(struct vm *vm, unsigned pdx, unsigned ptx);
void vm_flush_tlb(void);

uint32_t *vm_pte(struct vm *vm, uintptr_t va, bool create);
int  vm_map_frame(struct vm *vm, uintptr_t va, void *frame, uint32_t perm);
int  vm_alloc_range(struct vm *vm, uintptr_t start, uintptr_t end, uint32_t perm);
void vm_unmap_range(struct vm *vm, uintptr_t start, uintptr_t end);
/* A fault (or user_check's access) at addr: 0 if the access may now go on;
 * -ENOMEM if no frame was left even in the reserve (wait and retry);
 * VM_FAULT_SIGBUS for a page of a mapped object wholly past the object's
 * end (SIGBUS, BUS_ADRERR); -EFAULT for anything else (SIGSEGV). */
#define VM_FAULT_SIGBUS (-ENXIO)        /* "no such address", inside the kernel only */
int  vm_handle_fault(struct vm *vm, uintptr_t addr, bool write);
int  vm_break_cow(uint32_t *pte, uintptr_t va);
long vm_sbrk(struct vm *vm, long increment);
unsigned vm_user_bytes(struct vm *vm);
void vm_for_each_page(struct vm *vm, void (*fn)(uintptr_t va, uint32_t pte, void *arg),
                      void *arg);

/* Checking user memory at the system-call boundary (usercopy.c).
 * user_check(uaddr, len, write) itself is inline in proc/proc.h (it reads
 * the current process's page directory); it answers a mapped one-page
 * buffer and calls user_check_pages for anything else. */
int user_check_pages(const void *uaddr, size_t len, bool write);
int user_check_array(const void *uaddr, size_t count, size_t size, bool write);
int copy_from_user(void *dst, const void *usrc, size_t len);
int copy_to_user(void *udst, const void *src, size_t len);
int copy_string_from_user(char *dst, const char *usrc, size_t max);
/* memcpy for user memory checked before a sleep: 0, or -EFAULT if a page
 * went meanwhile and cannot come back (arch/user_copy.S). */
int user_copy(void *dst, const void *src, size_t n);
/* Into a sleeping process's checked buffer, through its page tables (one
 * copy from writer to reader: sockets). */
struct proc;
size_t copy_to_proc(struct proc *p, void *udst, const void *src, size_t n);
bool   proc_range_writable(struct proc *p, const void *udst, size_t n);

#endif
