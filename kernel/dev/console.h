#ifndef DEV_CONSOLE_H
#define DEV_CONSOLE_H

/*
 * The console: the screen and serial port that printk writes to, and the
 * keyboard and serial input that interrupts deliver.  It depends on
 * nothing above the hardware, so printk works from the first line of
 * kmain and inside a panic.  The terminal (line discipline, termios, job
 * control) is the tty, dev/tty.c, which registers itself for the input.
 */
#include "lib/kernel.h"

void console_init(void);
void console_init_input(void);      /* keyboard and serial interrupts on */
void console_write(const char *s, size_t n);
void console_putc(int c);           /* a newline is CR LF (printk) */
void console_putc_raw(int c);       /* as it is (the tty's processed output) */
void console_input(int c);          /* from keyboard and serial interrupts */
void console_set_input_handler(void (*handler)(int c));

void vga_init(void);
void vga_putc(int c);
void uart_init(void);
void uart_putc(int c);
void uart_enable_input(void);
void kbd_init(void);

#endif
