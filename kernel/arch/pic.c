/* The two 8259A interrupt controllers, remapped to vectors 32..47. */
#include "lib/kernel.h"
#include "arch/x86.h"
#include "arch/irq.h"
#include "arch/trapframe.h"

#define PIC1_CMD   0x20
#define PIC1_DATA  0x21
#define PIC2_CMD   0xA0
#define PIC2_DATA  0xA1
#define PIC_EOI    0x20

static void (*irq_handlers[NIRQ])(void);
static uint16_t irq_mask = 0xFFFF & ~(1 << 2);  /* all off but the cascade */

static void
pic_write_mask(void)
{
    outb(PIC1_DATA, irq_mask & 0xff);
    outb(PIC2_DATA, irq_mask >> 8);
}

void
pic_init(void)
{
    outb(PIC1_CMD, 0x11);           /* ICW1: edge triggered, cascade, ICW4 */
    outb(PIC2_CMD, 0x11);
    outb(PIC1_DATA, T_IRQ0);        /* ICW2: vector offsets */
    outb(PIC2_DATA, T_IRQ0 + 8);
    outb(PIC1_DATA, 1 << 2);        /* ICW3: slave on IRQ 2 */
    outb(PIC2_DATA, 2);
    outb(PIC1_DATA, 0x01);          /* ICW4: 8086 mode */
    outb(PIC2_DATA, 0x01);
    pic_write_mask();
}

void
pic_eoi(int irq)
{
    if (irq >= 8)
        outb(PIC2_CMD, PIC_EOI);
    outb(PIC1_CMD, PIC_EOI);
}

void
irq_register(int irq, void (*handler)(void))
{
    irq_handlers[irq] = handler;
    irq_mask &= ~(1 << irq);
    pic_write_mask();
}

bool in_interrupt;              /* an interrupt handler runs (for the trace) */

void
irq_dispatch(int irq)
{
    pic_eoi(irq);
    in_interrupt = true;
    if (irq_handlers[irq])
        irq_handlers[irq]();
    in_interrupt = false;
}
