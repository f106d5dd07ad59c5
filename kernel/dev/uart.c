/* The 16550 serial port COM1: console output, and input by interrupt. */
#include "lib/kernel.h"
#include "arch/x86.h"
#include "arch/irq.h"
#include "dev/console.h"

#define COM1        0x3F8
#define UART_DATA   (COM1 + 0)
#define UART_IER    (COM1 + 1)      /* interrupt enable */
#define UART_FCR    (COM1 + 2)      /* FIFO control */
#define UART_LCR    (COM1 + 3)      /* line control */
#define UART_MCR    (COM1 + 4)      /* modem control */
#define UART_LSR    (COM1 + 5)      /* line status */
#define LSR_DATA_READY 0x01
#define LSR_TX_EMPTY   0x20

static bool uart_present;

void
uart_putc(int c)
{
    if (!uart_present)
        return;
    for (int i = 0; i < 100000 && !(inb(UART_LSR) & LSR_TX_EMPTY); i++)
        ;
    outb(UART_DATA, c);
}

static void
uart_interrupt(void)
{
    while (inb(UART_LSR) & LSR_DATA_READY) {
        console_input(inb(UART_DATA));  /* the tty maps CR and DEL */
    }
}

void
uart_init(void)
{
    outb(UART_IER, 0);
    outb(UART_LCR, 0x80);           /* divisor latch: 115200 baud */
    outb(UART_DATA, 1);
    outb(UART_IER, 0);
    outb(UART_LCR, 0x03);           /* 8 data bits, no parity, 1 stop bit */
    outb(UART_FCR, 0xC7);           /* FIFOs on and cleared */
    outb(UART_MCR, 0x0B);           /* DTR, RTS, OUT2 (interrupts on) */
    if (inb(UART_LSR) == 0xFF)
        return;                     /* no port */
    uart_present = true;
}

void
uart_enable_input(void)
{
    if (!uart_present)
        return;
    outb(UART_IER, 0x01);           /* interrupt when data arrives */
    inb(UART_DATA);
    irq_register(IRQ_COM1, uart_interrupt);
}
