/*
 * ps -- list processes.
 *   ps          PID, state and command
 *   ps -e, -f, -ef
 *               also the parent's PID and, for a sleeping process, what it
 *               is waiting for (the kernel names every wait, e.g. "pipe 3
 *               full"): the quickest way to see who is blocked on what.
 * States: R running or runnable, S sleeping, T stopped, Z zombie.
 */
#include <errno.h>
#include <parley.h>
#include <stdio.h>
#include <string.h>

#define PROCS_MAX 64            /* the kernel's process-table size */

static struct procinfo procs[PROCS_MAX];

int
main(int argc, char **argv)
{
    int i, n, full = 0;
    char *flag;

    for (i = 1; i < argc; i++) {
        for (flag = argv[i]; *flag != '\0'; flag++) {
            if (*flag == 'e' || *flag == 'f')
                full = 1;
            else if (*flag != '-' || flag != argv[i]) {
                fprintf(stderr, "usage: ps [-ef]\n");
                return 2;
            }
        }
    }
    if ((n = procinfo(procs, PROCS_MAX)) < 0) {
        fprintf(stderr, "ps: procinfo: %s\n", strerror(errno));
        return 1;
    }
    if (full)
        printf("  PID  PPID STATE WAIT                 CMD\n");
    else
        printf("  PID STATE CMD\n");
    for (i = 0; i < n; i++) {
        struct procinfo *p = &procs[i];

        if (full)
            printf("%5d %5d %-5c %-20s %s\n", p->pid, p->ppid, p->state,
                   p->wait[0] ? p->wait : "-", p->name);
        else
            printf("%5d %-5c %s\n", p->pid, p->state, p->name);
    }
    return 0;
}
