/*
 * panic(): a broken kernel invariant.  Print the message and a symbolised
 * backtrace, then stop the machine.  Never called for a user's mistake.
 *
 * The symbol table comes from the second link of the kernel: the Makefile
 * runs nm over the first link and tools/mksyms turns it into .ksyms.
 */
#include "lib/kernel.h"
#include "arch/x86.h"
#include "mm/memlayout.h"
#include "dev/power.h"

struct ksym {
    uint32_t    addr;
    const char *name;
};
extern const uint32_t ksyms_count;
extern const struct ksym ksyms_table[];
extern char etext[];

static bool panicking;

/* The function containing addr, by binary search over the sorted table. */
static const struct ksym *
ksym_lookup(uint32_t addr)
{
    int lo = 0, hi = (int)ksyms_count - 1, best = -1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (ksyms_table[mid].addr <= addr) {
            best = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    return best < 0 ? 0 : &ksyms_table[best];
}

void
backtrace_print(uint32_t ebp)
{
    printk("backtrace:\n");
    for (int depth = 0; depth < 16 && ebp >= KERNBASE; depth++) {
        uint32_t *frame = (uint32_t *)ebp;
        uint32_t ret = frame[1];
        if (ret < KERNBASE || ret >= (uint32_t)etext)
            break;
        const struct ksym *s = ksym_lookup(ret);
        if (s)
            printk("  %p  %s+0x%x\n", (void *)ret, s->name, ret - s->addr);
        else
            printk("  %p\n", (void *)ret);
        ebp = frame[0];
    }
}

void
panic(const char *fmt, ...)
{
    char buf[256];
    va_list ap;

    cli();
    if (panicking)          /* a panic while panicking: just stop */
        machine_poweroff(POWEROFF_PANIC);
    panicking = true;
    va_start(ap, fmt);
    vsnprintk(buf, sizeof buf, fmt, ap);
    va_end(ap);
    printk("\nKERNEL PANIC: %s\n", buf);
    backtrace_print(read_ebp());
    machine_poweroff(POWEROFF_PANIC);
}
