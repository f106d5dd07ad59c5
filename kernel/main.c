/*
 * kmain(): from the multiboot loader to the first process.
 */
#include "lib/kernel.h"
#include "arch/gdt.h"
#include "arch/irq.h"
#include "arch/timer.h"
#include "arch/fpu.h"
#include "arch/x86.h"
#include "mm/frame.h"
#include "mm/memlayout.h"
#include "mm/vm.h"
#include "fs/fs.h"
#include "dev/console.h"
#include "dev/tty.h"
#include "dev/rtc.h"
#include "proc/proc.h"
#include "proc/sched.h"

#define MULTIBOOT_LOADER_MAGIC 0x2BADB002
#define MB_INFO_MEMORY  0x001
#define MB_INFO_MODULES 0x008

struct multiboot_info {
    uint32_t flags;
    uint32_t mem_lower, mem_upper;      /* KiB below 1 MiB, KiB above 1 MiB */
    uint32_t boot_device, cmdline;
    uint32_t mods_count, mods_addr;
};

struct multiboot_module {
    uint32_t start, end, name, reserved;
};

extern char end[];                      /* end of the kernel image (kernel.ld) */

void kmain(uint32_t magic, uint32_t info_pa);   /* called from boot/multiboot.S */

void
kmain(uint32_t magic, uint32_t info_pa)
{
    struct multiboot_info *mb = P2V(info_pa);

    console_init();
    if (magic != MULTIBOOT_LOADER_MAGIC)
        panic("not started by a multiboot loader (magic %x)", magic);
    if (!(mb->flags & MB_INFO_MEMORY))
        panic("the loader gave no memory size");
    uint32_t phys_top = MIN(0x100000 + mb->mem_upper * 1024u, KERNEL_PHYS_MAX);
    printk("Parley %s: an x86 teaching kernel about inter-process communication\n",
           PARLEY_VERSION);
    printk("memory: %u KiB\n", (phys_top - 0x100000) / 1024 + 640);

    gdt_init();
    idt_init();
    fpu_init();
    sysenter_init();
    pic_init();
    tty_init();                 /* the terminal takes the console's input */
    console_init_input();       /* keyboard and serial interrupts */

    /* Map all memory; then every frame above the kernel and the initial
     * image is free.  The image's frames are freed once it is unpacked. */
    vm_kernel_init(phys_top);
    uintptr_t image_start = 0, image_end = 0;
    if ((mb->flags & MB_INFO_MODULES) && mb->mods_count > 0) {
        struct multiboot_module *mod = P2V(mb->mods_addr);
        image_start = mod->start;
        image_end = mod->end;
    }
    if (!image_end)
        panic("no initial file system image (multiboot module)");
    uintptr_t kernel_end = ROUNDUP(V2P(end), PAGE_SIZE);
    frame_init(ROUNDUP(MAX(kernel_end, image_end), PAGE_SIZE), phys_top);
    timer_init();
    rtc_init();                 /* the wall clock, from the CMOS clock */

    fs_init();
    initrd_unpack(P2V(image_start), image_end - image_start);
    frame_free_range(kernel_end, ROUNDUP(image_end, PAGE_SIZE));
    printk("memory: %u pages free of %u\n", frame_free_count(), frame_total_count());

    proc_init();
    proc_start_init();
    sched_idle();
}
