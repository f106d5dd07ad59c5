/*
 * The credential calls: get and set the real, effective and saved user and
 * group ids, with the POSIX rules.
 *
 *   setuid(u): root sets all three ids to u; anyone else may set the
 *              effective id to its real or saved id, and nothing more.
 *   seteuid(u): the effective id only; anyone else may set it to its real,
 *              saved or present effective id (Linux's setresuid(-1, u, -1)).
 *
 * The group calls follow the same rules, privilege being an effective user
 * id of 0.  (uid_t)-1 is never a valid id: EINVAL.
 */
#include "proc/proc.h"
#include "syscall.h"

#define INVALID_ID ((unsigned)-1)

long sys_getuid(void)  { return current->cred.uid; }
long sys_geteuid(void) { return current->cred.euid; }
long sys_getgid(void)  { return current->cred.gid; }
long sys_getegid(void) { return current->cred.egid; }

/* May a process without privilege switch its effective id to id? */
static bool
may_become(unsigned id, unsigned real, unsigned saved)
{
    return id == real || id == saved;
}

/* The shared shape of setuid and setgid: ids points at {real, eff, saved}. */
static long
set_all_or_effective(unsigned *real, unsigned *eff, unsigned *saved, unsigned id)
{
    if (id == INVALID_ID)
        return -EINVAL;
    if (cred_is_root(&current->cred)) {
        *real = *eff = *saved = id;
        return 0;
    }
    if (!may_become(id, *real, *saved))
        return -EPERM;
    *eff = id;
    return 0;
}

static long
set_effective(unsigned *real, unsigned *eff, unsigned *saved, unsigned id)
{
    if (id == INVALID_ID)
        return -EINVAL;
    if (!cred_is_root(&current->cred) && !may_become(id, *real, *saved) && id != *eff)
        return -EPERM;
    *eff = id;
    return 0;
}

long
sys_setuid(uid_t uid)
{
    struct cred *c = &current->cred;
    return set_all_or_effective(&c->uid, &c->euid, &c->suid, uid);
}

long
sys_setgid(gid_t gid)
{
    struct cred *c = &current->cred;
    return set_all_or_effective(&c->gid, &c->egid, &c->sgid, gid);
}

long
sys_seteuid(uid_t uid)
{
    struct cred *c = &current->cred;
    return set_effective(&c->uid, &c->euid, &c->suid, uid);
}

long
sys_setegid(gid_t gid)
{
    struct cred *c = &current->cred;
    return set_effective(&c->gid, &c->egid, &c->sgid, gid);
}
