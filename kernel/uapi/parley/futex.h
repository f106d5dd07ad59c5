/*
 * futex(addr, op, val, timeout): wait on an address, the kernel half of
 * <semaphore.h>.  The operation numbers are Linux's.
 *
 *   FUTEX_WAIT  if *addr == val, sleep until a FUTEX_WAKE on the same word,
 *               a signal (EINTR) or the relative timeout (ETIMEDOUT; NULL:
 *               none); if *addr != val at once, EAGAIN.  Returns 0 if woken.
 *   FUTEX_WAKE  wake up to val processes sleeping on the word, oldest
 *               first; returns how many were woken.
 *
 * The word is named by where it is in physical memory (its page frame and
 * offset), so two processes that map the same shared page wait on the same
 * word at whatever addresses they map it.  addr must be 4-byte aligned
 * (EINVAL) and writable (EFAULT).
 */
#ifndef PARLEY_FUTEX_H
#define PARLEY_FUTEX_H

#define FUTEX_WAIT  0
#define FUTEX_WAKE  1

#endif
