/*
 * The semaphore demos run and say what they should: every item through the
 * bounded buffers, no torn read under the readers-writers lock, the dining
 * philosophers done right finish, the naive ones deadlock and the cycle is
 * found.
 */
#include "ipc_check.h"

static char out[8192];

static void
case_bounded_buffer_with_system_v_semaphores_delivers_every_item(void)
{
    CHECK_EQ(ipc_run_tool("demo_sem_buffer", NULL, NULL, NULL, out, sizeof out), 0);
    CHECK(strstr(out, "consumer: sum 2870 (expected 2870)") != NULL);
}

static void
case_bounded_buffer_with_sem_t_delivers_every_item(void)
{
    CHECK_EQ(ipc_run_tool("demo_sem_t_buffer", NULL, NULL, NULL, out, sizeof out), 0);
    CHECK(strstr(out, "consumer: sum 2870 (expected 2870)") != NULL);
}

static void
case_readers_writers_lock_has_no_torn_reads(void)
{
    CHECK_EQ(ipc_run_tool("demo_readers_writers", NULL, NULL, NULL, out, sizeof out), 0);
    CHECK(strstr(out, "600 reads, 400 writes, 0 torn reads") != NULL);
}

static void
case_philosophers_taking_both_forks_at_once_all_eat(void)
{
    CHECK_EQ(ipc_run_tool("demo_philosophers", NULL, NULL, NULL, out, sizeof out), 0);
    CHECK(strstr(out, "all 5 philosophers ate 20 meals: no deadlock") != NULL);
}

/* The naive philosophers deadlock (each holds its left fork), and the
 * kernel's wait-for graph shows the five-process cycle. */
static void
case_naive_philosophers_deadlock_and_the_cycle_is_found(void)
{
    CHECK_EQ(ipc_run_tool("demo_philosophers", "-naive", NULL, NULL, out, sizeof out), 1);
    CHECK(strstr(out, "DEADLOCK: every fork is taken") != NULL);
    CHECK(strstr(out, "fork 3 is held by philosopher 3") != NULL);
    const char *cycle = strstr(out, "deadlock: ");
    CHECK(cycle != NULL);
    int arrows = 0;                     /* "deadlock: a -> b -> c -> d -> e -> a" */
    for (const char *c = cycle; *c && *c != '\n'; c++)
        arrows += c[0] == '-' && c[1] == '>';
    CHECK_EQ(arrows, 5);
    int edges = 0;                      /* and its five edges, each named */
    for (const char *c = strstr(cycle, "\n"); c && (c = strstr(c, ": semop set ")); c++)
        edges++;
    CHECK_EQ(edges, 5);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(bounded_buffer_with_system_v_semaphores_delivers_every_item),
        CHECK_CASE(bounded_buffer_with_sem_t_delivers_every_item),
        CHECK_CASE(readers_writers_lock_has_no_torn_reads),
        CHECK_CASE(philosophers_taking_both_forks_at_once_all_eat),
        CHECK_CASE(naive_philosophers_deadlock_and_the_cycle_is_found),
    };
    return check_main("sem_demos", cases, CHECK_NCASES(cases), argc, argv);
}
