/*
 * Tracing: a record of what traced processes do, for the `trace` command
 * (system calls, like strace) and the IPC event picture (tools/ipc-diagram).
 *
 * A tracer opens the one tracing session, its child asks to be traced and
 * execs the program; the program and every process it forks then append
 * events to a kernel ring that the tracer reads:
 *
 *     tracectl(TRACE_OPEN, 0, NULL, 0)            tracer: a new, empty ring
 *     tracectl(TRACE_ME, TRACE_SYSCALLS | TRACE_IPC, NULL, 0)   the child
 *     n = tracectl(TRACE_READ, 0, events, max)    tracer: blocks until some
 *                                                 events; 0 when every traced
 *                                                 process has exited
 *     tracectl(TRACE_CLOSE, 0, NULL, 0)
 *
 * The ring never blocks an IPC operation: when it is full, events are
 * dropped and counted (TRACE_LOST), except that a traced process leaving a
 * system call waits for the tracer to catch up, so a syscall trace is
 * complete while the reader keeps reading.
 */
#ifndef PARLEY_TRACE_H
#define PARLEY_TRACE_H

#include <parley/types.h>

/* tracectl operations */
#define TRACE_OPEN   1
#define TRACE_ME     2          /* arg: TRACE_SYSCALLS | TRACE_IPC */
#define TRACE_READ   3          /* buf: struct trace_event[max]; returns the count */
#define TRACE_CLOSE  4
#define TRACE_LOST   5          /* returns events dropped so far */

#define TRACE_SYSCALLS  1
#define TRACE_IPC       2

/* What happened. */
#define PARLEY_TRACE_KINDS(X)                                           \
    X(SYSCALL, "syscall")     /* nr, args, result; text: a path */      \
    X(SEND,    "send")        /* obj; a: bytes, b: stream offset or type */ \
    X(RECV,    "recv")        /* obj; a: bytes, b: offset or type, peer: sender */ \
    X(BLOCK,   "block")       /* text: the wait, as ps shows it */      \
    X(WAKE,    "wake")        /* peer: the process woken */             \
    X(SIGNAL,  "signal")      /* peer: target; a: signal number */      \
    X(DELIVER, "deliver")     /* a: signal; b: 1 handler, 0 default */  \
    X(SEMOP,   "semop")       /* obj; a: sem_num, b: sem_op */          \
    X(ATTACH,  "attach")      /* obj; a: address */                     \
    X(DETACH,  "detach")      /* obj; a: address */                     \
    X(CONNECT, "connect")     /* obj; peer */                           \
    X(ACCEPT,  "accept")      /* obj; peer */                           \
    X(FORK,    "fork")        /* peer: the child */                     \
    X(EXEC,    "exec")        /* text: the program */                   \
    X(EXIT,    "exit")        /* a: wait status */

#define PARLEY_TRACE_ENUM(name, text) TRACE_EV_##name,
enum { PARLEY_TRACE_KINDS(PARLEY_TRACE_ENUM) TRACE_EV_NKINDS };
#undef PARLEY_TRACE_ENUM

/* The object an event is about. */
#define PARLEY_TRACE_OBJECTS(X)                                         \
    X(NONE,    "-")                                                     \
    X(PIPE,    "pipe")                                                  \
    X(FIFO,    "fifo")                                                  \
    X(MSQ,     "msq")                                                   \
    X(MBOX,    "mbox")                                                  \
    X(PORT,    "port")                                                  \
    X(DIRECT,  "direct")                                                \
    X(SEM,     "sem")                                                   \
    X(SHM,     "shm")                                                   \
    X(SOCKET,  "socket")                                                \
    X(CHILD,   "child")

#define PARLEY_TRACE_ENUM(name, text) TRACE_OBJ_##name,
enum { PARLEY_TRACE_OBJECTS(PARLEY_TRACE_ENUM) TRACE_OBJ_NKINDS };
#undef PARLEY_TRACE_ENUM

#define TRACE_TEXT_LEN 40

struct trace_event {
    unsigned long long t_ns;    /* since boot */
    pid_t          pid;         /* who did it */
    unsigned short kind;        /* TRACE_EV_* */
    unsigned short obj_type;    /* TRACE_OBJ_* */
    int            obj_id;
    pid_t          peer;        /* the other process, or 0 */
    long           a, b;        /* per kind, above */
    int            nr;          /* SYSCALL: the call's number */
    long           args[5];
    long           result;
    char           comm[16];    /* the process's name then */
    char           text[TRACE_TEXT_LEN];
};

#endif
