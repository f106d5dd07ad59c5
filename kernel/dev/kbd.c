/* The PS/2 keyboard: scan code set 1 to the bytes a serial terminal sends:
 * ASCII with Shift and Ctrl, Enter as CR, Backspace as DEL, and the arrow,
 * Home, End and Delete keys as VT100 escape sequences. */
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
    0, 27, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', 0x7f,
    '\t', 'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\r',
    0, 'a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`',
    0, '\\', 'z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '/', 0, '*',
    0, ' ',
};
static const char shift_map[128] = {
    0, 27, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', 0x7f,
    '\t', 'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r',
    0, 'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~',
    0, '|', 'Z', 'X', 'C', 'V', 'B', 'N', 'M', '<', '>', '?', 0, '*',
    0, ' ',
};

static bool shift, ctrl, extended;

/* Keys after the 0xE0 prefix, as the escape sequence a VT100 sends. */
static const char *
extended_key(uint8_t key)
{
    switch (key) {
    case 0x48: return "\033[A";     /* up */
    case 0x50: return "\033[B";     /* down */
    case 0x4D: return "\033[C";     /* right */
    case 0x4B: return "\033[D";     /* left */
    case 0x47: return "\033[H";     /* Home */
    case 0x4F: return "\033[F";     /* End */
    case 0x53: return "\033[3~";    /* Delete */
    case 0x1C: return "\r";         /* keypad Enter */
    default:   return 0;
    }
}

static void
kbd_send(const char *s)
{
    while (*s)
        console_input(*s++);
}

static void
kbd_interrupt(void)
{
    while (inb(KBD_STATUS) & KBD_HAS_DATA) {
        uint8_t sc = inb(KBD_DATA);
        bool released = sc & SC_RELEASE;
        uint8_t key = sc & ~SC_RELEASE;

        if (sc == 0xE0) {
            extended = true;        /* the next code is a grey key */
            continue;
        }
        if (extended) {
            extended = false;
            if (key == SC_CTRL)
                ctrl = !released;   /* right Ctrl */
            else if (!released && extended_key(key))
                kbd_send(extended_key(key));
            continue;
        }
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
