/*
 * Credentials: real, effective and saved user and group ids with the POSIX
 * setuid rules.  Each case runs in its own child, so dropping privilege in
 * one case does not affect the next.
 */
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
        CHECK_CASE(minus_one_is_einval),
        CHECK_CASE(fork_inherits_credentials),
    };
    return check_main("cred", cases, CHECK_NCASES(cases), argc, argv);
}
