/* The PS/2 keyboard: scan code set 1 to ASCII, with Shift and Ctrl. */
#include "lib/kernel.h"
#include "arch/x86.h"
#include "arch/irq.h"
#include "dev/console.h"

#define KBD_STATUS  0x64
#define KBD_DATA    0x60
#define KBD_HAS_DATA 0x01

#define SC_LSHIFT   0x2A
#define SC_RSHIFT   0x36
#define SC_CTRL     0x1D
#define SC_RELEASE  0x80

static const char normal_map[128] = {
    0, 27, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', '\b',
    '\t', 'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\n',
    0, 'a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`',
    0, '\\', 'z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '/', 0, '*',
    0, ' ',
};
static const char shift_map[128] = {
    0, 27, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', '\b',
    '\t', 'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\n',
    0, 'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~',
    0, '|', 'Z', 'X', 'C', 'V', 'B', 'N', 'M', '<', '>', '?', 0, '*',
    0, ' ',
};

static bool shift, ctrl;

static void
kbd_interrupt(void)
{
    while (inb(KBD_STATUS) & KBD_HAS_DATA) {
        uint8_t sc = inb(KBD_DATA);
        bool released = sc & SC_RELEASE;
        uint8_t key = sc & ~SC_RELEASE;

        if (sc == 0xE0)
            continue;               /* extended prefix: ignore */
        if (key == SC_LSHIFT || key == SC_RSHIFT) {
            shift = !released;
            continue;
        }
        if (key == SC_CTRL) {
            ctrl = !released;
            continue;
        }
        if (released)
            continue;
        int c = (shift ? shift_map : normal_map)[key];
        if (c == 0)
            continue;
        if (ctrl && c >= '@' && c <= '~')
            c &= 0x1f;              /* Ctrl-A is 1, ..., Ctrl-\ is 0x1c */
        console_input(c);
    }
}

void
kbd_init(void)
{
    irq_register(IRQ_KEYBOARD, kbd_interrupt);
}
