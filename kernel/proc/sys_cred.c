/*
 * The credential calls: get and set the real, effective and saved user and
 * group ids, with the POSIX rules.
 *
 *   setuid(u): root sets all three ids to u; anyone else may set the
 *              effective id to its real or saved id, and nothing more.
 *   seteuid(u): the effective id only; anyone else may set it to its real,
 *              saved or present effective id (Linux's setresuid(-1, u, -1)).
 *
 *   setresuid(r, e, s): each id not given as -1 is set; anyone else may
 *              set each only to one of its present real, effective or
 *              saved ids.
 *   setreuid(r, e): the BSD call, as Linux has it: anyone else may set the
 *              real id to its real or effective id and the effective id to
 *              any of the three; the saved id then follows the effective
 *              one when the real id is set, or the effective id becomes
 *              other than the old real id.
 *
 * The group calls follow the same rules, privilege being an effective user
 * id of 0.  (uid_t)-1 is never a valid id for setuid and seteuid: EINVAL;
 * for the calls that take several, it means "leave this one".
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

/* Is id, unless -1 (leave it), one of a process's present ids? */
static bool
unchanged_or_one_of(unsigned id, const unsigned ids[3])
{
    return id == INVALID_ID || id == ids[0] || id == ids[1] || id == ids[2];
}

static void
set_unless_invalid(unsigned *id, unsigned value)
{
    if (value != INVALID_ID)
        *id = value;
}

/* setresuid and setresgid: checks all three before setting any. */
static long
set_three(unsigned *real, unsigned *eff, unsigned *saved, unsigned r, unsigned e, unsigned s)
{
    const unsigned now[3] = { *real, *eff, *saved };
    if (!cred_is_root(&current->cred) &&
        !(unchanged_or_one_of(r, now) && unchanged_or_one_of(e, now) && unchanged_or_one_of(s, now)))
        return -EPERM;
    set_unless_invalid(real, r);
    set_unless_invalid(eff, e);
    set_unless_invalid(saved, s);
    return 0;
}

/* seteuid and setegid: setresuid(-1, id, -1), but -1 is EINVAL here. */
static long
set_effective(unsigned *real, unsigned *eff, unsigned *saved, unsigned id)
{
    if (id == INVALID_ID)
        return -EINVAL;
    return set_three(real, eff, saved, INVALID_ID, id, INVALID_ID);
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

/* setreuid and setregid. */
static long
set_real_and_effective(unsigned *real, unsigned *eff, unsigned *saved, unsigned r, unsigned e)
{
    const unsigned real_or_eff[3] = { *real, *eff, *eff }, any[3] = { *real, *eff, *saved };
    if (!cred_is_root(&current->cred) &&
        !(unchanged_or_one_of(r, real_or_eff) && unchanged_or_one_of(e, any)))
        return -EPERM;
    unsigned old_real = *real;
    set_unless_invalid(real, r);
    set_unless_invalid(eff, e);
    if (r != INVALID_ID || (e != INVALID_ID && e != old_real))
        *saved = *eff;
    return 0;
}

/* getresuid and getresgid: the three ids, each to its own pointer. */
static long
get_three(unsigned real, unsigned eff, unsigned saved, unsigned *ur, unsigned *ue, unsigned *us)
{
    if (copy_to_user(ur, &real, sizeof real) < 0 || copy_to_user(ue, &eff, sizeof eff) < 0 ||
        copy_to_user(us, &saved, sizeof saved) < 0)
        return -EFAULT;
    return 0;
}

long
sys_setresuid(uid_t r, uid_t e, uid_t s)
{
    struct cred *c = &current->cred;
    return set_three(&c->uid, &c->euid, &c->suid, r, e, s);
}

long
sys_setresgid(gid_t r, gid_t e, gid_t s)
{
    struct cred *c = &current->cred;
    return set_three(&c->gid, &c->egid, &c->sgid, r, e, s);
}

long
sys_setreuid(uid_t r, uid_t e)
{
    struct cred *c = &current->cred;
    return set_real_and_effective(&c->uid, &c->euid, &c->suid, r, e);
}

long
sys_setregid(gid_t r, gid_t e)
{
    struct cred *c = &current->cred;
    return set_real_and_effective(&c->gid, &c->egid, &c->sgid, r, e);
}

long
sys_getresuid(uid_t *ur, uid_t *ue, uid_t *us)
{
    const struct cred *c = &current->cred;
    return get_three(c->uid, c->euid, c->suid, ur, ue, us);
}

long
sys_getresgid(gid_t *ur, gid_t *ue, gid_t *us)
{
    const struct cred *c = &current->cred;
    return get_three(c->gid, c->egid, c->sgid, ur, ue, us);
}
