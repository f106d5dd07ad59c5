/*
 * Checking user memory, once, at the system-call boundary.
 *
 * user_check() makes sure every page of [uaddr, uaddr+len) is mapped for
 * user access in the current process (growing the stack or breaking
 * copy-on-write on the way, as a real fault would).  After a successful
 * check the kernel may read or write that memory directly, because on one
 * CPU with no kernel preemption nothing can unmap it behind our back.
 * Every bad pointer gives EFAULT the same way.
 */
#include "mm/vm.h"
#include "mm/frame.h"
#include "mm/memlayout.h"
#include "proc/proc.h"
#include <parley/limits.h>

/* Whether every page of [start, end) has an entry in vm with all of need's
 * bits set.  Each page table is read along, entry after entry, rather than
 * from the directory down for every page: a 64 KiB buffer is 16 entries
 * side by side. */
static bool
vm_range_has(const struct vm *vm, uintptr_t start, uintptr_t end, uint32_t need)
{
    uintptr_t va = ROUNDDOWN(start, PAGE_SIZE);
    while (va < end) {
        const uint32_t *table = vm_table_for(vm, va);
        if (!table)
            return false;
        do {
            if ((table[PTX(va)] & need) != need)
                return false;
            va += PAGE_SIZE;
        } while (va < end && PTX(va) != 0);
    }
    return true;
}

/* user_check for any range: all mapped already (one walk), or page by
 * page, faulting pages in. */
int
user_check_pages(const void *uaddr, size_t len, bool write)
{
    uintptr_t start = (uintptr_t)uaddr, end = start + len;
    struct vm *vm = &current->vm;

    if (len == 0)
        return 0;
    if (end < start || end > USER_TOP || start < PAGE_SIZE)
        return -EFAULT;
    /* What a present, user (and if asked, writable) entry has set. */
    uint32_t need = PTE_P | PTE_U | (write ? PTE_W : 0);
    if (vm_range_has(vm, start, end, need))
        return 0;
    for (uintptr_t va = ROUNDDOWN(start, PAGE_SIZE); va < end; va += PAGE_SIZE) {
        if (vm_page_has(vm, va, need))
            continue;
        int err = vm_handle_fault(vm, va, write);
        if (err == -ENOMEM && frame_wait_for_memory()) {
            /* Out of memory: as a user fault would, we waited for the
             * victim, and the pages checked so far may have gone
             * meanwhile (a truncated mapping): check again from the start. */
            va = ROUNDDOWN(start, PAGE_SIZE) - PAGE_SIZE;
            continue;
        }
        if (err < 0)
            return -EFAULT;
    }
    return 0;
}

/* An array of count records of size bytes each: the product is checked for
 * overflow first, because a count chosen so that count * size wraps to a
 * small number would otherwise pass the check with a huge array. */
int
user_check_array(const void *uaddr, size_t count, size_t size, bool write)
{
    if (size != 0 && count > SIZE_MAX / size)
        return -EFAULT;
    return user_check(uaddr, count * size, write);
}

int
copy_from_user(void *dst, const void *usrc, size_t len)
{
    if (user_check(usrc, len, false) < 0)
        return -EFAULT;
    memcpy(dst, usrc, len);
    return 0;
}

int
copy_to_user(void *udst, const void *src, size_t len)
{
    if (user_check(udst, len, true) < 0)
        return -EFAULT;
    memcpy(udst, src, len);
    return 0;
}

/* Copy a NUL-terminated string of at most max-1 characters.  Returns its
 * length, -EFAULT, or -ENAMETOOLONG. */
int
copy_string_from_user(char *dst, const char *usrc, size_t max)
{
    uintptr_t va = (uintptr_t)usrc;
    for (size_t i = 0; i < max; i++, va++) {
        if (i == 0 || va % PAGE_SIZE == 0)
            if (user_check((void *)va, 1, false) < 0)
                return -EFAULT;
        dst[i] = *(const char *)va;
        if (dst[i] == 0)
            return (int)i;
    }
    return -ENAMETOOLONG;
}

#define USER_WRITABLE (PTE_P | PTE_W | PTE_U)

/*
 * Where copy_to_proc reads byte sva of its source, and in *run how many
 * bytes follow there in one piece.  Kernel memory is read as it is.  The
 * current process's user memory is read through the kernel's map of its
 * frame, like the destination: no translation of the user address is
 * made, so its accessed bit stays clear and the next switch has no page
 * of the buffer to invalidate (nor to walk again after it).  A page not
 * mapped now is read at its user address, where user_copy's fixup
 * catches the fault.
 */
static const char *
source_at(uintptr_t sva, size_t *run)
{
    if (sva >= USER_TOP) {
        *run = SIZE_MAX;
        return (const char *)sva;
    }
    *run = PAGE_SIZE - sva % PAGE_SIZE;
    const uint32_t *table = vm_table_for(&current->vm, sva);
    uint32_t pte = table ? table[PTX(sva)] : 0;
    if ((pte & (PTE_P | PTE_U)) != (PTE_P | PTE_U))
        return (const char *)sva;
    return (const char *)P2V(PTE_ADDR(pte)) + sva % PAGE_SIZE;
}

/*
 * Copy n bytes from src (kernel memory, or the current process's checked
 * user memory) to udst in another process p, which sleeps: its pages are
 * reached through its own page tables and the kernel's map of physical
 * memory, so one copy goes straight from writer to reader.  Stops at the
 * first page that is not mapped user-writable in p (its user_check of
 * that buffer made them so, but a truncated mapping may have gone since).
 * Returns the bytes copied.
 */
size_t
copy_to_proc(struct proc *p, void *udst, const void *src, size_t n)
{
    uintptr_t va = (uintptr_t)udst, sva = (uintptr_t)src;
    size_t done = 0;
    assert(p != current);
    if (va + n < va || va + n > USER_TOP)
        return 0;
    while (done < n) {
        uint32_t *table = vm_table_for(&p->vm, va);
        uint32_t *pte = table ? &table[PTX(va)] : 0;
        if (!pte || (*pte & USER_WRITABLE) != USER_WRITABLE)
            break;
        size_t src_run;
        const char *from = source_at(sva + done, &src_run);
        size_t chunk = MIN(MIN(n - done, PAGE_SIZE - va % PAGE_SIZE), src_run);
        /* Dirty, as p's own store would have made it; but not accessed:
         * the store goes through the kernel's map, so no translation of
         * va is cached, and the bit would only cost p's next switch an
         * invlpg (mm/vm_switch.c). */
        *pte |= PTE_D;
        if (user_copy((char *)P2V(PTE_ADDR(*pte)) + va % PAGE_SIZE, from, chunk))
            break;                      /* src: a page of ours went while we slept */
        done += chunk;
        va += chunk;
    }
    return done;
}

/* Would copy_to_proc copy all n bytes? */
bool
proc_range_writable(struct proc *p, const void *udst, size_t n)
{
    uintptr_t start = (uintptr_t)udst, end = start + n;
    if (end < start || end > USER_TOP)
        return false;
    return vm_range_has(&p->vm, start, end, USER_WRITABLE);
}
