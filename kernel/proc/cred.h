/*
 * Credentials: who a process acts for.  The real ids say who started it,
 * the effective ids are what permission checks use, and the saved ids let
 * a process that gave up its privilege take it back (POSIX setuid rules).
 * Every process starts as root (all zero); fork copies them, exec keeps
 * them.
 */
#ifndef PROC_CRED_H
#define PROC_CRED_H

#include <stdbool.h>
#include <parley/types.h>

struct cred {
    uid_t uid, euid, suid;      /* real, effective, saved user id */
    gid_t gid, egid, sgid;      /* real, effective, saved group id */
};

/* The calling process's credentials (proc.c). */
const struct cred *current_cred(void);

/* Root may do what permission checks would refuse anyone else. */
static inline bool
cred_is_root(const struct cred *c)
{
    return c->euid == 0;
}

#endif
