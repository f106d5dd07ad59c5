#ifndef ARCH_IRQ_H
#define ARCH_IRQ_H

#include <stdbool.h>

#define IRQ_TIMER     0
#define IRQ_KEYBOARD  1
#define IRQ_COM1      4
#define NIRQ         16

void pic_init(void);
void pic_eoi(int irq);
void irq_register(int irq, void (*handler)(void));
void irq_dispatch(int irq);

/* True while an interrupt handler runs: its wake-ups are the kernel's, not
 * the interrupted process's. */
extern bool in_interrupt;

#endif
