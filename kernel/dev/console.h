#ifndef DEV_CONSOLE_H
#define DEV_CONSOLE_H

#include "lib/kernel.h"

struct inode;
struct file;

#define CONSOLE_DEV 0x0501          /* major 5, minor 1, as /dev/console on Linux */

void console_init(void);
void console_init_input(void);
void console_write_kernel(const char *s, size_t n);
void console_input(int c);          /* from keyboard and serial interrupts */
int  console_open(struct inode *ip, int flags, struct file **out);
bool file_is_console(struct file *f);
pid_t console_foreground(void);
void console_set_foreground(pid_t pgid);

void vga_init(void);
void vga_putc(int c);
void uart_init(void);
void uart_putc(int c);
void uart_enable_input(void);
void kbd_init(void);

#endif
