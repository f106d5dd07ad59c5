/* The VGA text screen: 80x25 cells at physical 0xB8000, scrolled by hand.
 * It understands the few VT100 sequences a line editor sends, so the
 * screen and a serial terminal show the same thing: ESC[nA/B/C/D (move),
 * ESC[H (home), ESC[2J (clear), ESC[J (erase to the end of the screen),
 * ESC[K (erase to the end of the line).  As on a terminal, a line feed
 * only moves down and a carriage return goes back to column 0. */
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

static void
vga_clear(int from, int to)
{
    for (int i = from; i < to; i++)
        screen[i] = VGA_ATTR | ' ';
}

/* The final byte of ESC [ n X: cursor motion and erasing. */
static void
vga_escape(int final, int n)
{
    int col = cursor % VGA_COLS, count = n ? n : 1;
    switch (final) {
    case 'A': cursor -= VGA_COLS * MIN(count, cursor / VGA_COLS); break;
    case 'B': cursor += VGA_COLS * MIN(count, VGA_ROWS - 1 - cursor / VGA_COLS); break;
    case 'C': cursor += MIN(count, VGA_COLS - 1 - col); break;
    case 'D': cursor -= MIN(count, col); break;
    case 'H': cursor = 0; break;
    case 'J': if (n == 0 || n == 2) vga_clear(n ? 0 : cursor, VGA_ROWS * VGA_COLS); break;
    case 'K': vga_clear(cursor, cursor - col + VGA_COLS); break;
    }
}

/* Returns true while c is part of an escape sequence. */
static bool
vga_in_escape(int c)
{
    static enum { PLAIN, ESC, CSI } state;
    static int n;
    if (state == PLAIN && c == 033) {
        state = ESC;
        return true;
    }
    if (state == ESC) {
        state = c == '[' ? CSI : PLAIN;
        n = 0;
        return true;
    }
    if (state == CSI) {
        if (c >= '0' && c <= '9')
            n = n * 10 + c - '0';
        else if (c != ';' && c != '?') {
            vga_escape(c, n);
            state = PLAIN;
        }
        return true;
    }
    return false;
}

void
vga_putc(int c)
{
    if (vga_in_escape(c))
        ;
    else if (c == '\n')
        cursor += VGA_COLS;         /* line feed: down; CR is separate */
    else if (c == '\b') {
        if (cursor % VGA_COLS > 0)
            cursor--;               /* moves back; "\b \b" erases */
    } else if (c == '\r')
        cursor -= cursor % VGA_COLS;
    else if (c == '\a' || c == 033)
        ;
    else
        screen[cursor++] = VGA_ATTR | (c & 0xff);
    if (cursor >= VGA_ROWS * VGA_COLS)
        vga_scroll();
    vga_move_cursor();
}

void
vga_init(void)
{
    vga_clear(0, VGA_ROWS * VGA_COLS);
    cursor = 0;
    vga_move_cursor();
}
