/*
 * Credentials: real, effective and saved user and group ids with the POSIX
 * setuid rules.  Each case runs in its own child, so dropping privilege in
 * one case does not affect the next.
 */
#define _GNU_SOURCE                     /* setresuid, getresuid on Linux */
#include <unistd.h>
#include "check.h"

/* Every process starts as root. */
static void
case_processes_start_as_root(void)
{
    CHECK_EQ(getuid(), 0);
    CHECK_EQ(geteuid(), 0);
    CHECK_EQ(getgid(), 0);
    CHECK_EQ(getegid(), 0);
}

/* POSIX: setuid by a privileged process sets the real, effective and saved
 * ids, so the privilege cannot be taken back. */
static void
case_root_setuid_sets_every_user_id(void)
{
    CHECK_OK(setuid(1000));
    CHECK_EQ(getuid(), 1000);
    CHECK_EQ(geteuid(), 1000);
    CHECK_ERR(setuid(0), EPERM);
    CHECK_ERR(seteuid(0), EPERM);
}

/* POSIX: an unprivileged setuid to an id that is neither its real nor its
 * saved id fails with EPERM and changes nothing. */
static void
case_unprivileged_setuid_to_a_stranger_is_eperm(void)
{
    CHECK_OK(setuid(1000));
    CHECK_ERR(setuid(2000), EPERM);
    CHECK_EQ(getuid(), 1000);
    CHECK_EQ(geteuid(), 1000);
}

/* seteuid keeps the saved id, so root can drop privilege for a while and
 * take it back. */
static void
case_seteuid_drops_and_regains_privilege(void)
{
    CHECK_OK(seteuid(1000));
    CHECK_EQ(geteuid(), 1000);
    CHECK_EQ(getuid(), 0);
    CHECK_OK(seteuid(0));
    CHECK_EQ(geteuid(), 0);
}

/* With the effective id dropped, setuid to the real id is allowed: it
 * changes only the effective id. */
static void
case_unprivileged_setuid_to_real_id_sets_effective_only(void)
{
    CHECK_OK(setgid(50));
    CHECK_OK(seteuid(1000));
    CHECK_OK(setuid(0));
    CHECK_EQ(geteuid(), 0);
    CHECK_EQ(getuid(), 0);
}

static void
case_group_ids_follow_the_same_rules(void)
{
    CHECK_OK(setgid(50));
    CHECK_EQ(getgid(), 50);
    CHECK_EQ(getegid(), 50);
    CHECK_OK(setuid(1000));
    CHECK_ERR(setgid(60), EPERM);
    CHECK_OK(setegid(50));
    CHECK_ERR(setegid(0), EPERM);
}

/* POSIX setgid: without privilege, setgid to the real (or saved) group id
 * sets the effective group id and nothing else.  Here the effective gid (60)
 * differs from the real one (50): setgid(60) is EPERM although 60 is the
 * effective gid -- the rule names the real and saved ids -- and setgid(50)
 * brings the effective gid back to 50, after which 60 is no id of the
 * process and setegid(60) is refused too. */
static void
case_unprivileged_setgid_to_real_gid_sets_effective_gid(void)
{
    CHECK_OK(setgid(50));
    CHECK_OK(setegid(60));
    CHECK_OK(setuid(1000));
    CHECK_EQ(getgid(), 50);
    CHECK_EQ(getegid(), 60);
    CHECK_ERR(setgid(60), EPERM);
    CHECK_EQ(getegid(), 60);
    CHECK_OK(setgid(50));
    CHECK_EQ(getgid(), 50);
    CHECK_EQ(getegid(), 50);
    CHECK_EQ(getuid(), 1000);
    CHECK_EQ(geteuid(), 1000);
    CHECK_ERR(setegid(60), EPERM);
    CHECK_ERR(setgid(0), EPERM);
}

/* POSIX setgid: with privilege it sets the real, effective and saved group
 * ids, so once the privilege (an effective uid of 0) is gone too, group 0
 * cannot be had back by setgid or setegid. */
static void
case_root_setgid_sets_every_group_id(void)
{
    CHECK_OK(setgid(50));
    CHECK_EQ(getgid(), 50);
    CHECK_EQ(getegid(), 50);
    CHECK_OK(setuid(1000));
    CHECK_ERR(setegid(0), EPERM);
    CHECK_ERR(setgid(0), EPERM);
    CHECK_EQ(getgid(), 50);
    CHECK_EQ(getegid(), 50);
}

/* setegid changes the effective group id only: the real and saved gids stay
 * 0, so after dropping the user privilege the process may still go back to
 * effective gid 0 (setegid or setgid), but no longer to 50. */
static void
case_root_setegid_keeps_group_zero_reachable(void)
{
    CHECK_OK(setegid(50));
    CHECK_EQ(getgid(), 0);
    CHECK_EQ(getegid(), 50);
    CHECK_OK(setuid(1000));
    CHECK_OK(setegid(0));
    CHECK_EQ(getegid(), 0);
    CHECK_ERR(setegid(50), EPERM);
    CHECK_OK(setgid(0));
    CHECK_EQ(getgid(), 0);
    CHECK_EQ(getegid(), 0);
}

/* An unprivileged process whose real and effective uids differ (real and
 * saved 0, effective 1000).  POSIX setuid judges by the real and saved ids,
 * not the effective one: setuid(1000) -- its own effective uid -- is EPERM,
 * as is any stranger, and nothing changes.  Privilege is the effective uid,
 * so setgid to a stranger is EPERM too although the real uid is 0.
 * setuid(0), to the real uid, sets the effective uid back to 0.  (That an
 * unprivileged setuid leaves the saved id is case_setreuid_and_the_saved_id.) */
static void
case_unprivileged_setuid_checks_real_and_saved_not_effective(void)
{
    CHECK_OK(seteuid(1000));
    CHECK_EQ(getuid(), 0);
    CHECK_EQ(geteuid(), 1000);
    CHECK_ERR(setuid(1000), EPERM);
    CHECK_ERR(setuid(2000), EPERM);
    CHECK_ERR(setgid(5), EPERM);
    CHECK_EQ(getuid(), 0);
    CHECK_EQ(geteuid(), 1000);
    CHECK_EQ(getgid(), 0);
    CHECK_OK(setuid(0));
    CHECK_EQ(getuid(), 0);
    CHECK_EQ(geteuid(), 0);
}

/* seteuid(2), Linux: an unprivileged process may also "set" its effective
 * id to the one it has (setresuid(-1, e, -1) accepts the real, effective
 * or saved id), though it is neither its real nor its saved id. */
static void
case_unprivileged_seteuid_to_its_own_effective_id(void)
{
    CHECK_OK(setegid(60));
    CHECK_OK(seteuid(1000));                    /* now unprivileged */
    CHECK_OK(seteuid(1000));
    CHECK_OK(setegid(60));
    CHECK_EQ(geteuid(), 1000);
    CHECK_EQ(getegid(), 60);
    CHECK_ERR(seteuid(2000), EPERM);
    CHECK_ERR(setegid(61), EPERM);
}

#define CHECK_RES_UIDS(r, e, s) do {                                        \
    uid_t r_, e_, s_;                                                       \
    CHECK_OK(getresuid(&r_, &e_, &s_));                                     \
    CHECK_EQ(r_, r); CHECK_EQ(e_, e); CHECK_EQ(s_, s);                      \
} while (0)
#define CHECK_RES_GIDS(r, e, s) do {                                        \
    gid_t r_, e_, s_;                                                       \
    CHECK_OK(getresgid(&r_, &e_, &s_));                                     \
    CHECK_EQ(r_, r); CHECK_EQ(e_, e); CHECK_EQ(s_, s);                      \
} while (0)

/* setreuid(2), Linux: setting the real id makes the saved id follow the
 * new effective one; an unprivileged setuid then sets only the effective
 * id, so the saved one is still there to go back to. */
static void
case_setreuid_and_the_saved_id(void)
{
    CHECK_OK(setreuid(1000, 2000));
    CHECK_RES_UIDS(1000, 2000, 2000);
    CHECK_OK(setuid(1000));                     /* unprivileged: the real id */
    CHECK_RES_UIDS(1000, 1000, 2000);
    CHECK_OK(seteuid(2000));                    /* the saved one */
    CHECK_RES_UIDS(1000, 2000, 2000);
    CHECK_ERR(setuid(3000), EPERM);
    CHECK_OK(setreuid(2000, (uid_t)-1));        /* real to the effective id */
    CHECK_RES_UIDS(2000, 2000, 2000);
    CHECK_ERR(setreuid(1000, (uid_t)-1), EPERM);    /* 1000 is no longer any of them */
    CHECK_OK(setreuid((uid_t)-1, (uid_t)-1));
    CHECK_RES_UIDS(2000, 2000, 2000);
}

/* setreuid(2): an effective id set to the old real id leaves the saved id
 * alone; to another id, the saved id follows. */
static void
case_setreuid_effective_only_and_the_saved_id(void)
{
    CHECK_OK(setresuid(1000, 1000, 3000));
    CHECK_OK(setreuid((uid_t)-1, 3000));        /* not the real id: saved follows */
    CHECK_RES_UIDS(1000, 3000, 3000);
    CHECK_OK(setreuid((uid_t)-1, 1000));        /* the real id: saved stays */
    CHECK_RES_UIDS(1000, 1000, 3000);
}

/* setresuid(2): -1 leaves an id; an unprivileged process may set each id
 * only to one of its present three, and a refused call changes none. */
static void
case_setresuid_rules(void)
{
    CHECK_OK(setresuid(1, 2, 3));
    CHECK_RES_UIDS(1, 2, 3);
    CHECK_OK(setresuid(3, (uid_t)-1, 1));
    CHECK_RES_UIDS(3, 2, 1);
    CHECK_ERR(setresuid(2, 4, (uid_t)-1), EPERM);
    CHECK_RES_UIDS(3, 2, 1);
    CHECK_ERR(setuid(0), EPERM);
}

/* setresgid(2) and setregid(2): the same rules for the group ids, with
 * privilege from the effective user id. */
static void
case_setresgid_and_setregid(void)
{
    CHECK_OK(setresgid(10, 20, 30));
    CHECK_RES_GIDS(10, 20, 30);
    CHECK_OK(setregid(20, 40));                 /* root: anything */
    CHECK_RES_GIDS(20, 40, 40);
    CHECK_OK(seteuid(1000));                    /* now unprivileged */
    CHECK_OK(setregid((gid_t)-1, 20));
    CHECK_RES_GIDS(20, 20, 40);
    CHECK_ERR(setregid(40, (gid_t)-1), EPERM);  /* real: only the real or effective id */
    CHECK_ERR(setresgid(50, (gid_t)-1, (gid_t)-1), EPERM);
    CHECK_OK(setresgid(40, 40, 20));
    CHECK_RES_GIDS(40, 40, 20);
}

/* getresuid(2), getresgid(2): a bad pointer is EFAULT. */
static void
case_getresuid_bad_pointer_is_efault(void)
{
    uid_t a, b;
    CHECK_ERR(getresuid(&a, &b, (uid_t *)1), EFAULT);
    CHECK_ERR(getresgid((gid_t *)1, &a, &b), EFAULT);
}

/* (uid_t)-1 is not an id. */
static void
case_minus_one_is_einval(void)
{
    CHECK_ERR(setuid((uid_t)-1), EINVAL);
    CHECK_ERR(setgid((gid_t)-1), EINVAL);
    CHECK_ERR(seteuid((uid_t)-1), EINVAL);
    CHECK_ERR(setegid((gid_t)-1), EINVAL);
}

static void
child_reports_ids(void)
{
    _exit(getuid() == 1000 && geteuid() == 1000 && getgid() == 50 ? 0 : 1);
}

/* fork copies the credentials. */
static void
case_fork_inherits_credentials(void)
{
    CHECK_OK(setgid(50));
    CHECK_OK(setuid(1000));
    int status = check_fork_status(child_reports_ids);
    CHECK(WIFEXITED(status));
    CHECK_EQ(WEXITSTATUS(status), 0);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(processes_start_as_root),
        CHECK_CASE(root_setuid_sets_every_user_id),
        CHECK_CASE(unprivileged_setuid_to_a_stranger_is_eperm),
        CHECK_CASE(seteuid_drops_and_regains_privilege),
        CHECK_CASE(unprivileged_setuid_to_real_id_sets_effective_only),
        CHECK_CASE(group_ids_follow_the_same_rules),
        CHECK_CASE(unprivileged_setgid_to_real_gid_sets_effective_gid),
        CHECK_CASE(root_setgid_sets_every_group_id),
        CHECK_CASE(root_setegid_keeps_group_zero_reachable),
        CHECK_CASE(unprivileged_setuid_checks_real_and_saved_not_effective),
        CHECK_CASE(unprivileged_seteuid_to_its_own_effective_id),
        CHECK_CASE(setreuid_and_the_saved_id),
        CHECK_CASE(setreuid_effective_only_and_the_saved_id),
        CHECK_CASE(setresuid_rules),
        CHECK_CASE(setresgid_and_setregid),
        CHECK_CASE(getresuid_bad_pointer_is_efault),
        CHECK_CASE(minus_one_is_einval),
        CHECK_CASE(fork_inherits_credentials),
    };
    return check_main("cred", cases, CHECK_NCASES(cases), argc, argv);
}
