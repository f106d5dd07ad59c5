/*
 * exec(): replace the calling process's program.
 *
 * A new address space is built completely -- the ELF segments, then a stack
 * holding argc, argv and envp as the i386 System V ABI lays them out --
 * before the old one is thrown away, so a failed exec returns an error to
 * a process that is still intact.  On success: descriptors marked
 * FD_CLOEXEC are closed, caught signals go back to their default action,
 * and the process takes the program's name.
 *
 * A file that starts with "#!interpreter [argument]" is a script: the
 * interpreter (an ELF program, not another script) runs with argv
 * { interpreter, [argument,] path, argv[1], ... }, as on Linux.
 */
#include "proc/proc.h"
#include "proc/elf.h"
#include "fs/file.h"
#include "trace/trace.h"
#include "arch/trapframe.h"
#include "mm/memlayout.h"
#include "arch/x86.h"

#define MAX_ARGS 256

/* Copy n bytes to va in another address space vm (mapped already). */
static void
vm_write(struct vm *vm, uintptr_t va, const void *src, size_t n)
{
    while (n > 0) {
        uint32_t *pte = vm_pte(vm, va, false);
        assert(pte && (*pte & PTE_P));
        size_t chunk = MIN(n, PAGE_SIZE - va % PAGE_SIZE);
        memcpy((char *)P2V(PTE_ADDR(*pte)) + va % PAGE_SIZE, src, chunk);
        va += chunk;
        src = (const char *)src + chunk;
        n -= chunk;
    }
}

/* Load one PT_LOAD segment of ip into vm. */
static int
load_segment(struct vm *vm, struct inode *ip, struct elf_phdr *ph)
{
    if (ph->memsz < ph->filesz || ph->vaddr + ph->memsz < ph->vaddr ||
        ph->vaddr < PAGE_SIZE || ph->vaddr + ph->memsz > USER_MMAP_BASE)
        return -ENOEXEC;
    uint32_t perm = PTE_U | ((ph->flags & PF_W) ? PTE_W : 0);
    int err = vm_alloc_range(vm, ph->vaddr, ph->vaddr + ph->memsz, perm);
    if (err)
        return err;
    for (uint32_t done = 0; done < ph->filesz;) {
        uintptr_t va = ph->vaddr + done;
        uint32_t *pte = vm_pte(vm, va, false);
        size_t chunk = MIN(ph->filesz - done, PAGE_SIZE - va % PAGE_SIZE);
        char *dst = (char *)P2V(PTE_ADDR(*pte)) + va % PAGE_SIZE;
        if (inode_read(ip, dst, ph->offset + done, chunk) != (ssize_t)chunk)
            return -ENOEXEC;
        done += chunk;
    }
    uintptr_t end = ph->vaddr + ph->memsz;
    if (end > vm->heap_start)
        vm->heap_start = vm->brk = ROUNDUP(end, PAGE_SIZE);
    return 0;
}

static int
load_elf(struct vm *vm, struct inode *ip, uint32_t *entry)
{
    struct elf_header eh;
    struct elf_phdr ph;
    if (inode_read(ip, &eh, 0, sizeof eh) != sizeof eh || eh.magic != ELF_MAGIC ||
        eh.ident[0] != ELF_CLASS32 || eh.machine != EM_386 || eh.type != ET_EXEC)
        return -ENOEXEC;
    for (int i = 0; i < eh.phnum; i++) {
        if (inode_read(ip, &ph, eh.phoff + i * sizeof ph, sizeof ph) != sizeof ph)
            return -ENOEXEC;
        if (ph.type != PT_LOAD)
            continue;
        int err = load_segment(vm, ip, &ph);
        if (err)
            return err;
    }
    *entry = eh.entry;
    return 0;
}

/*
 * The argument strings, copied out of the old address space before it goes
 * away.  One static buffer serves every exec: exec never sleeps, and the
 * kernel is never preempted, so no two execs can be using it at once.
 */
static char exec_strings[ARG_MAX];

struct exec_args {
    char    *strings;           /* NUL-separated argv then envp strings */
    size_t   bytes;
    int      argc, envc;
};

static int
collect_strings(struct exec_args *a, char *const *uvec, int *count)
{
    if (!uvec)
        return 0;               /* Linux accepts NULL as an empty vector */
    for (int i = 0;; i++) {
        char *s;
        if (i >= MAX_ARGS)
            return -E2BIG;
        if (copy_from_user(&s, &uvec[i], sizeof s) < 0)
            return -EFAULT;
        if (!s)
            return 0;
        int len = copy_string_from_user(a->strings + a->bytes, s, ARG_MAX - a->bytes);
        if (len < 0)
            return len == -ENAMETOOLONG ? -E2BIG : len;
        a->bytes += len + 1;
        (*count)++;
    }
}

#define SCRIPT_LINE_MAX 128

/* "#!interp [arg]" at the start of ip: 1 with the two words filled in
 * (arg empty if none), 0 if ip is no script. */
static int
script_header(struct inode *ip, char interp[SCRIPT_LINE_MAX], char arg[SCRIPT_LINE_MAX])
{
    char line[SCRIPT_LINE_MAX];
    ssize_t n = inode_read(ip, line, 0, sizeof line - 1);
    if (n < 2 || line[0] != '#' || line[1] != '!')
        return 0;
    line[n] = '\0';
    char *p = line + 2, *word[2] = { interp, arg };
    for (int w = 0; w < 2; w++) {
        while (*p == ' ' || *p == '\t')
            p++;
        int len = 0;
        while (*p && *p != '\n' && (w == 1 || (*p != ' ' && *p != '\t')))
            word[w][len++] = *p++;
        while (len > 0 && (word[w][len - 1] == ' ' || word[w][len - 1] == '\t'))
            len--;                      /* the argument is the rest, trimmed */
        word[w][len] = '\0';
    }
    return interp[0] != '\0';
}

/* argv[0] becomes "interp [arg] path": the strings are shifted to make
 * room in front. */
static int
script_arguments(struct exec_args *a, const char *interp, const char *arg, const char *path)
{
    size_t old0 = a->argc > 0 ? strlen(a->strings) + 1 : 0;
    size_t li = strlen(interp) + 1, la = arg[0] ? strlen(arg) + 1 : 0, lp = strlen(path) + 1;
    size_t front = li + la + lp;
    if (a->bytes - old0 + front > ARG_MAX)
        return -E2BIG;
    memmove(a->strings + front, a->strings + old0, a->bytes - old0);
    memcpy(a->strings, interp, li);
    memcpy(a->strings + li, arg, la);
    memcpy(a->strings + li + la, path, lp);
    a->bytes += front - old0;
    a->argc += (la ? 3 : 2) - (old0 ? 1 : 0);
    return 0;
}

static int
lookup_executable(const char *path, struct inode **out)
{
    int err = path_lookup(path, out);
    if (err < 0)
        return err;
    if (!S_ISREG((*out)->mode) || !((*out)->mode & 0111)) {
        inode_put(*out);
        return -EACCES;         /* a directory, a device, or not executable */
    }
    return 0;
}

/* If ip is a script, replace it by its interpreter and the arguments by
 * the interpreter's; 0, or -errno. */
static int
exec_script(struct inode **ip, struct exec_args *a, const char *path)
{
    static char interp[SCRIPT_LINE_MAX], arg[SCRIPT_LINE_MAX];
    struct inode *program;
    int err;

    if (!script_header(*ip, interp, arg))
        return 0;
    if ((err = lookup_executable(interp, &program)) < 0)
        return err == -EACCES ? -EACCES : -ENOENT;  /* a missing interpreter is ENOENT */
    if ((err = script_arguments(a, interp, arg, path)) < 0) {
        inode_put(program);
        return err;
    }
    inode_put(*ip);
    *ip = program;
    return 0;
}

/* pid 1's first exec: the vectors are in the kernel. */
static int
collect_kernel_strings(struct exec_args *a, char *const *vec, int *count)
{
    for (; *vec; vec++, (*count)++) {
        size_t len = strlen(*vec) + 1;
        if (a->bytes + len > ARG_MAX)
            return -E2BIG;
        memcpy(a->strings + a->bytes, *vec, len);
        a->bytes += len;
    }
    return 0;
}

/* Lay out the new stack: strings at the top, then the pointer vectors,
 * then argc, where %esp will point. */
static int
build_stack(struct vm *vm, struct exec_args *a, uint32_t *sp_out)
{
    int nptrs = a->argc + 1 + a->envc + 1;
    uintptr_t strings_at = USER_STACK_TOP - ROUNDUP(a->bytes, 4);
    uintptr_t sp = ROUNDDOWN(strings_at - (nptrs + 1) * 4, 16);
    int err = vm_alloc_range(vm, ROUNDDOWN(sp, PAGE_SIZE) - PAGE_SIZE, USER_STACK_TOP,
                             PTE_U | PTE_W);
    if (err)
        return err;
    vm->stack_low = ROUNDDOWN(sp, PAGE_SIZE) - PAGE_SIZE;
    vm_write(vm, strings_at, a->strings, a->bytes);

    uint32_t word = a->argc, ptr_at = sp + 4, str = strings_at;
    vm_write(vm, sp, &word, 4);
    for (int i = 0; i < a->argc + a->envc + 2; i++, ptr_at += 4) {
        bool terminator = i == a->argc || i == a->argc + a->envc + 1;
        word = terminator ? 0 : str;
        vm_write(vm, ptr_at, &word, 4);
        if (!terminator)
            str += strlen(a->strings + (str - strings_at)) + 1;
    }
    *sp_out = sp;
    return 0;
}

static void
exec_commit(struct proc *p, struct vm *new_vm, const char *path, uint32_t entry, uint32_t sp)
{
    vm_activate_kernel();       /* before p->vm, the live one, is overwritten */
    struct vm old = p->vm;
    p->vm = *new_vm;
    vm_activate(&p->vm);
    vm_destroy(&old);

    struct trapframe *tf = p->tf;
    memset(tf, 0, sizeof *tf);
    trapframe_set_user_segments(tf);
    tf->eflags = EFLAGS_IF;    /* user mode always takes interrupts */
    tf->eip = entry;
    tf->esp = sp;

    files_close_on_exec(p);
    signal_exec(p);
    fpu_forget(p);
    proc_set_name(p, path);
    trace_exec(p);
    p->has_execed = true;
}

int
proc_exec(const char *path, char *const argv[], char *const envp[])
{
    struct exec_args a = { exec_strings, 0, 0, 0 };
    struct inode *ip;
    struct vm vm;
    uint32_t entry, sp;
    int err;
    bool from_kernel = current->vm.pgdir == 0;     /* pid 1's first exec */

    if ((err = lookup_executable(path, &ip)) < 0)
        return err;
    if (from_kernel)
        err = collect_kernel_strings(&a, argv, &a.argc) ?:
              collect_kernel_strings(&a, envp, &a.envc);
    else
        err = collect_strings(&a, argv, &a.argc) ?: collect_strings(&a, envp, &a.envc);
    if (!err)
        err = exec_script(&ip, &a, path);
    if (!err)
        err = vm_create(&vm);
    if (!err) {
        err = load_elf(&vm, ip, &entry) ?: build_stack(&vm, &a, &sp);
        if (err)
            vm_destroy(&vm);
        else
            exec_commit(current, &vm, path, entry, sp);
    }
    inode_put(ip);
    return err;
}
