/*
 * Private to the user library: the raw system-call stubs and the few
 * functions one part of the library calls in another.
 *
 * A system call has the number in %eax and up to five arguments in %ebx,
 * %ecx, %edx, %esi, %edi (see <parley/syscall.h>).  The kernel answers in
 * %eax: a value >= 0, or -errno.  The stubs return that raw value;
 * __syscall_ret() turns it into the POSIX convention (-1 and errno).
 *
 * The kernel takes a call by either of two doors: `int $0x80`, the classic
 * one, or `sysenter`, the fast one, through the __sysenter stub
 * (sysenter.S).  The stubs use SYSCALL_INSN, the faster (see
 * docs/performance.md for the figures); the kernel accepts both, always.
 */
#ifndef LIBC_INTERNAL_H
#define LIBC_INTERNAL_H

#include <parley/syscall.h>

/* `int $0x80` or `call __sysenter`: the same registers in and out. */
#define SYSCALL_INSN "call __sysenter"

static inline long
__syscall0(long n)
{
    long r;
    __asm__ volatile(SYSCALL_INSN : "=a"(r) : "a"(n) : "memory");
    return r;
}

static inline long
__syscall1(long n, long a)
{
    long r;
    __asm__ volatile(SYSCALL_INSN : "=a"(r) : "a"(n), "b"(a) : "memory");
    return r;
}

static inline long
__syscall2(long n, long a, long b)
{
    long r;
    __asm__ volatile(SYSCALL_INSN : "=a"(r) : "a"(n), "b"(a), "c"(b)
                     : "memory");
    return r;
}

static inline long
__syscall3(long n, long a, long b, long c)
{
    long r;
    __asm__ volatile(SYSCALL_INSN : "=a"(r) : "a"(n), "b"(a), "c"(b), "d"(c)
                     : "memory");
    return r;
}

static inline long
__syscall4(long n, long a, long b, long c, long d)
{
    long r;
    __asm__ volatile(SYSCALL_INSN : "=a"(r)
                     : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
    return r;
}

static inline long
__syscall5(long n, long a, long b, long c, long d, long e)
{
    long r;
    __asm__ volatile(SYSCALL_INSN : "=a"(r)
                     : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                     : "memory");
    return r;
}

/* Raw kernel answer -> POSIX answer: -errno becomes -1 with errno set. */
long __syscall_ret(long r);

/* A call that cannot fail hands back the kernel's answer untouched, so its
 * wrapper can end in a jump to the stub instead of a call and a `ret`:
 * declared as a C function taking the call number with regparm(1) (in
 * %eax, where the stub wants it), __sysenter becomes a sibling call, and
 * the stub's own `ret` goes straight back to the wrapper's caller.  Under
 * TCG that is one looked-up return fewer per call; the wrappers sit in the
 * stub's page (user.ld), where the jump is chained.  For getpid and the
 * like: see docs/performance.md. */
long __sysenter(long nr) __attribute__((regparm(1)));
#define SYSCALL_TAIL(type, name) \
    __attribute__((section(".text.sysenter_tail"))) type name(void) { return (type)__sysenter(SYS_##name); }

/* Shorthands for the common case "call, then convert". */
#define SYSCALL0(name)             __syscall_ret(__syscall0(SYS_##name))
#define SYSCALL1(name, a)          __syscall_ret(__syscall1(SYS_##name, (long)(a)))
#define SYSCALL2(name, a, b)       __syscall_ret(__syscall2(SYS_##name, (long)(a), (long)(b)))
#define SYSCALL3(name, a, b, c)    __syscall_ret(__syscall3(SYS_##name, (long)(a), (long)(b), (long)(c)))
#define SYSCALL4(name, a, b, c, d) __syscall_ret(__syscall4(SYS_##name, (long)(a), (long)(b), (long)(c), (long)(d)))
#define SYSCALL5(name, a, b, c, d, e) \
    __syscall_ret(__syscall5(SYS_##name, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e)))

/* stdio: write out every stream's pending output (exit() calls it). */
void __stdio_flush_all(void);

/* signal.c: the code a signal handler returns into; it calls sigreturn. */
void __sigreturn_trampoline(void);

#endif
