#ifndef DEV_POWER_H
#define DEV_POWER_H

/* Status reported to QEMU when the kernel panics: QEMU exits with 0xfd. */
#define POWEROFF_PANIC 0x7e

void machine_poweroff(int status) __attribute__((noreturn));

#endif
