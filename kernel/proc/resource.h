/*
 * Resource limits, CPU-time accounting and nice values of a process.
 *
 * Each limit is a soft value, which the kernel enforces, under a hard one,
 * a ceiling the soft value may be raised to; only root raises the hard
 * limit.  Where they are enforced:
 *   RLIMIT_NOFILE  descriptor allocation (fs/file.c): no fd >= the limit
 *   RLIMIT_NPROC   fork: EAGAIN once the real user has that many processes
 *   RLIMIT_AS      wherever user memory grows (sbrk; mmap): ENOMEM
 */
#ifndef PROC_RESOURCE_H
#define PROC_RESOURCE_H

#include <stdint.h>
#include <stddef.h>
#include <parley/resource.h>

struct proc;

struct resources {
    struct rlimit limit[RLIM_NLIMITS];
    int      nice;                      /* -20 (favoured) .. 19 */
    uint32_t user_ticks, system_ticks;  /* CPU time, in timer ticks */
    uint32_t child_user_ticks, child_system_ticks;  /* of waited-for children */
};

void resource_init(struct proc *p);                       /* defaults, for init */
void resource_fork(struct proc *child, const struct proc *parent);
void resource_reap_child(struct proc *parent, const struct proc *child);   /* wait() */
void resource_tick(struct proc *p);                       /* the timer charges one tick */
uint32_t resource_cpu_ticks(const struct proc *p);        /* user + system */

/* What p's children's times grew by since before (wait4's rusage). */
void resource_usage_since(const struct proc *p, const struct resources *before,
                          struct rusage *usage);

/* The limits, as the kernel's checks want them. */
int  rlimit_nofile(const struct proc *p);                  /* descriptors allowed */
int  rlimit_check_nproc(const struct proc *p);             /* fork: 0 or -EAGAIN */
int  rlimit_check_as(const struct proc *p, size_t new_total);  /* 0 or -ENOMEM */
size_t proc_address_space_bytes(const struct proc *p);     /* what RLIMIT_AS counts */

/* The time slice a nice value earns, in ticks. */
int  resource_slice_ticks(const struct proc *p, int base_ticks);

#endif
