/*
 * The console's output path: every byte goes to the VGA screen and the
 * serial port.  printk uses it, so it depends on nothing but the two
 * drivers.  Both screens are terminals: a line feed only moves down, a
 * carriage return goes to the left edge.  printk's newline is CR LF; the
 * tty sends bytes as they are (console_putc_raw) after its own output
 * processing (OPOST, ONLCR).  Input from the keyboard and the serial port
 * is handed to whoever registered for it (the tty); before that it is
 * dropped.
 */
#include "dev/console.h"

static void (*input_handler)(int c);

void
console_putc_raw(int c)
{
    uart_putc(c);
    vga_putc(c);
}

void
console_putc(int c)
{
    if (c == '\n')
        console_putc_raw('\r');
    console_putc_raw(c);
}

void
console_write(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        console_putc(s[i]);
}

void
console_set_input_handler(void (*handler)(int c))
{
    input_handler = handler;
}

void
console_input(int c)
{
    if (input_handler)
        input_handler(c);
}

void
console_init(void)
{
    vga_init();
    uart_init();
    /* The firmware may have left colours set and line wrapping off. */
    for (const char *reset = "\033[0m\033[?7h"; *reset; reset++)
        uart_putc(*reset);
}

void
console_init_input(void)
{
    uart_enable_input();
    kbd_init();
}
