/*
 * Lab pipe-size: pipefill reports the pipe's real capacity (PIPE_CAPACITY,
 * which make SMALL=1 shrinks) and that a larger write blocks.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include "check.h"

static char out[256];

static void
run_pipefill(void)
{
    int fds[2];
    CHECK_OK(pipe(fds));
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        execl("/bin/pipefill", "pipefill", (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    size_t n = 0;
    ssize_t r;
    while ((r = read(fds[0], out + n, sizeof out - 1 - n)) > 0)
        n += r;
    out[n] = 0;
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
}

static void
case_capacity_is_the_kernels(void)
{
    run_pipefill();
    char *line = strstr(out, "capacity ");
    CHECK(line != NULL);
    CHECK_EQ(atol(line + 9), PIPE_CAPACITY);
}

static void
case_a_larger_write_blocks(void)
{
    run_pipefill();
    CHECK(strstr(out, "writer blocked: yes") != NULL);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(capacity_is_the_kernels),
        CHECK_CASE(a_larger_write_blocks),
    };
    return check_main("lab_pipefill", cases, CHECK_NCASES(cases), argc, argv);
}
