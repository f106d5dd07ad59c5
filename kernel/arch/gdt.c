/*
 * Segmentation, set up once and then ignored: flat 4 GiB code and data
 * segments for the kernel (ring 0) and user (ring 3), and the task-state
 * segment that tells the CPU which kernel stack to use on a trap from user
 * mode (task_state.esp0, updated at every context switch).  The kernel keeps the
 * flat user data segment in %ds and %es (ring 0 may use it), so a trap
 * from a well-behaved program reloads no data segment register; only %ss
 * and %cs change with the privilege level (see trapframe.h).
 *
 * The four flat segments sit in the order sysenter/sysexit require: kernel
 * code, kernel data (= code + 8), user code (+ 16), user data (+ 24).
 * sysenter_init() tells the CPU where the fast system call enters.
 */
#include "lib/kernel.h"
#include "arch/gdt.h"
#include "arch/trapframe.h"
#include "arch/x86.h"

struct tss {
    uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2;
    uint32_t cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
    uint32_t es, cs, ss, ds, fs, gs, ldt;
    uint16_t trap, iomap_base;
} __attribute__((packed));

/* Global for sysenter_entry, which loads task_state.esp0 (offset 4). */
struct tss task_state;
static uint64_t gdt[6];

static uint64_t
segment(uint32_t base, uint32_t limit, uint8_t access, uint8_t flags)
{
    uint64_t d = 0;
    d |= limit & 0xffff;
    d |= (uint64_t)(base & 0xffffff) << 16;
    d |= (uint64_t)access << 40;
    d |= (uint64_t)((limit >> 16) & 0xf) << 48;
    d |= (uint64_t)(flags & 0xf) << 52;
    d |= (uint64_t)(base >> 24) << 56;
    return d;
}

void
gdt_init(void)
{
    gdt[0] = 0;
    gdt[1] = segment(0, 0xfffff, 0x9A, 0xC);   /* kernel code */
    gdt[2] = segment(0, 0xfffff, 0x92, 0xC);   /* kernel data */
    gdt[3] = segment(0, 0xfffff, 0xFA, 0xC);   /* user code */
    gdt[4] = segment(0, 0xfffff, 0xF2, 0xC);   /* user data */
    gdt[5] = segment((uint32_t)&task_state, sizeof task_state - 1, 0x89, 0x0);
    task_state.ss0 = SEG_KDATA;
    task_state.iomap_base = sizeof task_state;   /* no I/O permission bitmap */

    struct { uint16_t limit; uint32_t base; } __attribute__((packed))
        gdtr = { sizeof gdt - 1, (uint32_t)gdt };
    __asm__ volatile(
        "lgdt %0\n"
        "movw %1, %%ax\n"
        "movw %%ax, %%ss\n"
        "movw %4, %%ax\n"
        "movw %%ax, %%ds\n movw %%ax, %%es\n"
        "movw %%ax, %%fs\n movw %%ax, %%gs\n"
        "ljmp %2, $1f\n"
        "1:\n"
        "movw %3, %%ax\n"
        "ltr %%ax\n"
        : : "m"(gdtr), "i"(SEG_KDATA), "i"(SEG_KCODE), "i"(SEG_TSS),
            "i"(SEG_UDATA) : "eax");
}

void
tss_set_kernel_stack(uint32_t esp0)
{
    task_state.esp0 = esp0;
}

/* The model-specific registers sysenter reads (Intel SDM vol. 3, 5.8.7). */
#define MSR_SYSENTER_CS  0x174
#define MSR_SYSENTER_ESP 0x175
#define MSR_SYSENTER_EIP 0x176

/* sysenter loads %esp from the MSR; sysenter_entry replaces it with
 * task_state.esp0 at once.  This small stack serves only if a debug trap
 * hits that first instruction (a program that sysenters with TF set). */
static uint8_t sysenter_stack[1024] __attribute__((aligned(16)));

void
sysenter_init(void)
{
    wrmsr(MSR_SYSENTER_CS, SEG_KCODE);
    wrmsr(MSR_SYSENTER_ESP, (uint32_t)(sysenter_stack + sizeof sysenter_stack));
    wrmsr(MSR_SYSENTER_EIP, (uint32_t)sysenter_entry);
}
