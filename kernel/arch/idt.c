/*
 * The interrupt descriptor table.  Every entry is an interrupt gate, so the
 * CPU clears IF on entry: the kernel always runs with interrupts off (see
 * lib/kernel.h).  Only vector 0x80, the system call, vector 0x81, the null
 * trap (the floor, see trapentry.S), and the breakpoint may be raised from
 * user mode (DPL 3).
 */
#include "lib/kernel.h"
#include "arch/gdt.h"
#include "arch/trapframe.h"

#define NVECTORS 256

struct gate {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t  zero;
    uint8_t  type_attr;
    uint16_t offset_high;
} __attribute__((packed));

static struct gate idt[NVECTORS];
extern uint32_t vectors[];      /* trapentry.S: vectors 0..47 */
extern void vector128(void);
extern void null_trap(void);

static void
idt_set(int n, uint32_t handler, int dpl)
{
    idt[n].offset_low = handler & 0xffff;
    idt[n].offset_high = handler >> 16;
    idt[n].selector = SEG_KCODE;
    idt[n].zero = 0;
    idt[n].type_attr = 0x8E | (dpl << 5);   /* present, 32-bit interrupt gate */
}

void
idt_init(void)
{
    for (int i = 0; i < 48; i++)
        idt_set(i, vectors[i], 0);
    idt_set(T_BRKPT, vectors[T_BRKPT], 3);
    idt_set(T_SYSCALL, (uint32_t)vector128, 3);
    idt_set(T_NULLTRAP, (uint32_t)null_trap, 3);

    struct { uint16_t limit; uint32_t base; } __attribute__((packed))
        idtr = { sizeof idt - 1, (uint32_t)idt };
    __asm__ volatile("lidt %0" : : "m"(idtr));
}
