/*
 * mmap, munmap, mprotect, msync: the system calls over regions (region.c).
 * Arguments are checked here, once, with Linux's error numbers.
 */
#include "mm/region.h"
#include "mm/vm.h"
#include "mm/memlayout.h"
#include "fs/file.h"
#include "proc/proc.h"
#include "proc/resource.h"
#include "syscall.h"
#include <parley/mman.h>

#define PROT_ALL (PROT_READ | PROT_WRITE | PROT_EXEC)

/* [addr, addr + len) as whole pages inside user space, or -EINVAL. */
static int
page_range(unsigned long addr, size_t len, uintptr_t *end)
{
    if (addr % PAGE_SIZE || len == 0 || len > USER_TOP - addr || addr >= USER_TOP)
        return -EINVAL;
    *end = addr + ROUNDUP(len, PAGE_SIZE);
    return 0;
}

/* What a file mapping may be: a regular file, opened for reading, and for
 * writing too (not append-only) if the mapping is shared and may be
 * written. */
static int
file_template(const struct parley_mmap_args *a, struct region *tmpl)
{
    struct file *f = fd_get((int)a->fd);
    if (!f)
        return -EBADF;
    if (!f->inode || !S_ISREG(f->inode->mode))
        return -ENODEV;         /* pipes, the console, directories */
    if (!file_readable(f))
        return -EACCES;
    if (tmpl->shared && (!file_writable(f) || (f->flags & O_APPEND))) {
        if (a->prot & PROT_WRITE)
            return -EACCES;     /* (stores could not honour O_APPEND) */
        tmpl->maxprot &= ~PROT_WRITE;
    }
    tmpl->object = f->inode;
    tmpl->pgoff = a->offset / PAGE_SIZE;
    return 0;
}

/* The address space in use as RLIMIT_AS counts it (Linux's total_vm):
 * program, heap and stack as far as they reach, and every region whole,
 * touched or not. */
static size_t
address_space_bytes(struct vm *vm)
{
    return (ROUNDUP(vm->brk, PAGE_SIZE) - USER_BASE) + (USER_STACK_TOP - vm->stack_low) +
           regions_bytes(vm);
}

static long
do_mmap(const struct parley_mmap_args *a)
{
    int type = a->flags & (MAP_SHARED | MAP_PRIVATE);
    bool anon = a->flags & MAP_ANONYMOUS, fixed = a->flags & MAP_FIXED;
    size_t len = ROUNDUP((size_t)a->len, PAGE_SIZE);
    if (a->len == 0 || type == 0 || type == (MAP_SHARED | MAP_PRIVATE) ||
        (a->prot & ~PROT_ALL) || a->offset % PAGE_SIZE || (fixed && a->addr % PAGE_SIZE))
        return -EINVAL;
    if (len == 0 || len > REGION_AREA_END - REGION_AREA_START)
        return -ENOMEM;         /* (len == 0: rounding up wrapped, as Linux says) */
    int err = rlimit_check_as(current, address_space_bytes(&current->vm) + len);
    if (err)
        return err;
    struct region tmpl = { .prot = (int)a->prot, .maxprot = PROT_ALL,
                           .shared = type == MAP_SHARED };
    struct inode *made = 0;
    if (!anon)
        err = file_template(a, &tmpl);
    else if (tmpl.shared && !(tmpl.object = made = region_anon_object(len)))
        err = -ENOMEM;
    if (err)
        return err;
    uintptr_t addr = ROUNDDOWN(a->addr, PAGE_SIZE);
    err = region_map(&current->vm, &addr, len, fixed, &tmpl);
    inode_put(made);            /* the region holds its own reference */
    return err ? err : (long)addr;
}

long
sys_mmap(const struct parley_mmap_args *uargs)
{
    struct parley_mmap_args a;
    if (copy_from_user(&a, uargs, sizeof a) < 0)
        return -EFAULT;
    return do_mmap(&a);
}

long
sys_munmap(void *uaddr, size_t len)
{
    uintptr_t end;
    int err = page_range((uintptr_t)uaddr, len, &end);
    return err ? err : region_unmap(&current->vm, (uintptr_t)uaddr, end);
}

long
sys_mprotect(void *uaddr, size_t len, int prot)
{
    uintptr_t start = (uintptr_t)uaddr, end;
    if (prot & ~PROT_ALL || start % PAGE_SIZE)
        return -EINVAL;
    if (len == 0)
        return 0;
    int err = page_range(start, len, &end);
    return err ? -ENOMEM : region_protect(&current->vm, start, end, prot);
}

/* The frames of a shared file mapping are the file's own, so a store is in
 * the file at once and there is nothing to write back: msync only checks. */
long
sys_msync(void *uaddr, size_t len, int flags)
{
    uintptr_t start = (uintptr_t)uaddr, end;
    if (start % PAGE_SIZE || (flags & ~(MS_ASYNC | MS_SYNC | MS_INVALIDATE)) ||
        ((flags & MS_ASYNC) && (flags & MS_SYNC)))
        return -EINVAL;
    if (len == 0)
        return 0;
    if (page_range(start, len, &end) < 0)
        return -ENOMEM;
    return region_check_mapped(&current->vm, start, end);
}
