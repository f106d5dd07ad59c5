#ifndef ARCH_GDT_H
#define ARCH_GDT_H

#include <stdint.h>

void gdt_init(void);
void tss_set_kernel_stack(uint32_t esp0);
void idt_init(void);
void sysenter_init(void);
void sysenter_entry(void);     /* trapentry.S */

#endif
