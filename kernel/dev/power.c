/*
 * Turning the (virtual) machine off.  Under QEMU with
 * -device isa-debug-exit,iobase=0xf4, a write of v to port 0xf4 makes QEMU
 * exit with status (v << 1) | 1: this is how the test harness learns a guest
 * command's exit status.  Otherwise try QEMU's ACPI power-off port, and halt.
 */
#include "lib/kernel.h"
#include "arch/x86.h"
#include "dev/power.h"

#define DEBUG_EXIT_PORT 0xf4
#define QEMU_ACPI_PM1A  0x604
#define ACPI_SLP_EN_S5  0x2000

void
machine_poweroff(int status)
{
    cli();
    outl(DEBUG_EXIT_PORT, (uint32_t)status & 0xff);
    outw(QEMU_ACPI_PM1A, ACPI_SLP_EN_S5);
    for (;;)
        hlt();
}
