/*
 * vmpages(pid, buf, max): what pmap prints.  Every present page of a
 * process, with the physical frame behind it and that frame's reference
 * count, so two processes' entries naming one frame show sharing (System V
 * segments, MAP_SHARED, pages not yet copied after fork) directly.
 */
#include "mm/region.h"
#include "mm/vm.h"
#include "mm/frame.h"
#include "mm/memlayout.h"
#include "fs/inode.h"
#include "ipc/shm.h"
#include "proc/proc.h"
#include "syscall.h"
#include <parley/mman.h>

struct vmpages_walk {
    struct vm            *vm;
    struct parley_vmpage *ubuf;
    int                   max, count, err;
};

/* What page va belongs to: a region, the stack, or the program. */
static void
describe_page(struct vm *vm, uintptr_t va, struct parley_vmpage *e)
{
    struct region *r = region_find(vm, va);
    e->object = -1;
    if (r) {
        e->kind = r->shm ? VMPAGE_SHM : r->object && !r->shared ? VMPAGE_FILE :
                  r->object && r->object->nlink ? VMPAGE_FILE : VMPAGE_ANON;
        e->prot = (unsigned char)r->prot;
        e->region_start = r->start;
        e->region_end = r->end;
        if (r->shm)
            e->object = r->shm->obj.id;
        else if (e->kind == VMPAGE_FILE)
            e->object = (long)r->object->ino;
    } else if (va >= vm->stack_low) {
        e->kind = VMPAGE_STACK;
        e->prot = PROT_READ | PROT_WRITE;
        e->region_start = vm->stack_low;
        e->region_end = USER_STACK_TOP;
    } else {
        e->kind = VMPAGE_PROGRAM;
        e->prot = PROT_READ | PROT_WRITE;
        e->region_start = USER_BASE;
        e->region_end = ROUNDUP(vm->brk, PAGE_SIZE);
    }
}

static void
report_page(uintptr_t va, uint32_t pte, void *arg)
{
    struct vmpages_walk *w = arg;
    if (w->count++ >= w->max || w->err)
        return;
    struct parley_vmpage e = {
        .addr = va,
        .frame = PTE_ADDR(pte),
        .refs = (unsigned short)frame_refcount(P2V(PTE_ADDR(pte))),
        .flags = ((pte & PTE_W) ? VMPAGE_WRITABLE : 0) | ((pte & PTE_COW) ? VMPAGE_COW : 0) |
                 ((pte & PTE_SHARED) ? VMPAGE_SHARED : 0) | ((pte & PTE_U) ? VMPAGE_USER : 0),
    };
    describe_page(w->vm, va, &e);
    if (copy_to_user(&w->ubuf[w->count - 1], &e, sizeof e) < 0)
        w->err = -EFAULT;
}

long
sys_vmpages(pid_t pid, struct parley_vmpage *ubuf, int max)
{
    struct proc *p = pid == 0 ? current : proc_find(pid);
    if (!p || p->state == PROC_ZOMBIE)
        return -ESRCH;
    if (max < 0)
        return -EINVAL;
    struct vmpages_walk w = { &p->vm, ubuf, max, 0, 0 };
    vm_for_each_page(&p->vm, report_page, &w);
    return w.err ? w.err : w.count;
}
