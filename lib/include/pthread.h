/*
 * <pthread.h>: POSIX threads.  Parley has no threads yet -- a process is
 * one thread of control with one stack, and the kernel schedules
 * processes -- so there is nothing here to declare.  Rather than a
 * cascade of "undeclared" errors, say so once:
 */
#error "Parley has no threads yet, so <pthread.h> is not provided: use processes (fork), and pipes, messages, semaphores or shared memory between them. See lib/README.md."
