/*
 * What nearly every kernel file needs: basic types, the error numbers,
 * printing, panic and assertions, and the string routines.
 *
 * Concurrency model (read this once): Parley runs on one CPU and the kernel
 * runs with interrupts disabled.  Interrupts are taken only in user mode and
 * in the idle loop, and a process in the kernel runs until it returns to user
 * mode or sleeps.  So kernel data needs no locks: a check of a condition and
 * the sleep that follows it cannot be split by another process or by an
 * interrupt handler.  See docs/concurrency.md.
 */
#ifndef LIB_KERNEL_H
#define LIB_KERNEL_H

#include <stdint.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdbool.h>
#include <parley/types.h>
#include <parley/errno.h>

#define PARLEY_VERSION "0.1"

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define ROUNDUP(x, n)   (((x) + (n) - 1) / (n) * (n))
#define ROUNDDOWN(x, n) ((x) / (n) * (n))

/* printk.c */
void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int snprintk(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int vsnprintk(char *buf, size_t size, const char *fmt, va_list ap);

/* panic.c */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void backtrace_print(uint32_t ebp);
#define assert(cond) \
    do { if (!(cond)) panic("assertion failed: %s (%s:%d)", #cond, __FILE__, __LINE__); } while (0)

/* Self-checks of the concurrency model above, on in every build: where a
 * test of a condition and what follows must not be split (sleeping, making
 * a process runnable, the IPC entry points), the kernel asserts that
 * interrupts are off. */
static inline bool
interrupts_enabled(void)     /* inline: every system call asks (syscall.c) */
{
    unsigned long eflags;
    __asm__ volatile("pushfl; popl %0" : "=r"(eflags));
    return (eflags & 0x200) != 0;       /* EFLAGS.IF */
}
#define assert_interrupts_off() assert(!interrupts_enabled())

/* string.c */
void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
size_t strlcpy(char *dst, const char *src, size_t size);
char *strchr(const char *s, int c);

#endif
