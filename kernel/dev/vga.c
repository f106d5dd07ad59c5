/* The VGA text screen: 80x25 cells at physical 0xB8000, scrolled by hand. */
#include "lib/kernel.h"
#include "arch/x86.h"
#include "mm/memlayout.h"
#include "dev/console.h"

#define VGA_COLS  80
#define VGA_ROWS  25
#define VGA_ATTR  0x0700        /* light grey on black */
#define CRTC_PORT 0x3D4

static uint16_t *const screen = (uint16_t *)P2V(0xB8000);
static int cursor;              /* cell index of the cursor */

static void
vga_move_cursor(void)
{
    outb(CRTC_PORT, 14);
    outb(CRTC_PORT + 1, cursor >> 8);
    outb(CRTC_PORT, 15);
    outb(CRTC_PORT + 1, cursor & 0xff);
}

static void
vga_scroll(void)
{
    memmove(screen, screen + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * 2);
    for (int i = 0; i < VGA_COLS; i++)
        screen[(VGA_ROWS - 1) * VGA_COLS + i] = VGA_ATTR | ' ';
    cursor -= VGA_COLS;
}

void
vga_putc(int c)
{
    if (c == '\n')
        cursor += VGA_COLS - cursor % VGA_COLS;
    else if (c == '\b') {
        if (cursor > 0)
            screen[--cursor] = VGA_ATTR | ' ';
    } else if (c == '\r')
        cursor -= cursor % VGA_COLS;
    else
        screen[cursor++] = VGA_ATTR | (c & 0xff);
    if (cursor >= VGA_ROWS * VGA_COLS)
        vga_scroll();
    vga_move_cursor();
}

void
vga_init(void)
{
    for (int i = 0; i < VGA_ROWS * VGA_COLS; i++)
        screen[i] = VGA_ATTR | ' ';
    cursor = 0;
    vga_move_cursor();
}
