/*
 * Segmentation, set up once and then ignored: flat 4 GiB code and data
 * segments for the kernel (ring 0) and user (ring 3), and the task-state
 * segment that tells the CPU which kernel stack to use on a trap from user
 * mode (tss.esp0, updated at every context switch).  %ds, %es, %fs and %gs
 * hold the user data segment everywhere, kernel included, so that traps
 * need not reload them; only %ss and %cs change with the privilege level.
 */
#include "lib/kernel.h"
#include "arch/gdt.h"
#include "arch/trapframe.h"

struct tss {
    uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2;
    uint32_t cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
    uint32_t es, cs, ss, ds, fs, gs, ldt;
    uint16_t trap, iomap_base;
} __attribute__((packed));

static struct tss tss;
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
    gdt[5] = segment((uint32_t)&tss, sizeof tss - 1, 0x89, 0x0);
    tss.ss0 = SEG_KDATA;
    tss.iomap_base = sizeof tss;   /* no I/O permission bitmap */

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
    tss.esp0 = esp0;
}
