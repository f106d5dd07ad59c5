/* What procinfo() and sysinfo() report, for ps and for leak tests. */
#ifndef PARLEY_PROC_H
#define PARLEY_PROC_H

#include <parley/types.h>

#define PROC_NAME_LEN  16
#define PROC_WAIT_LEN  32

struct procinfo {
    pid_t pid;
    pid_t ppid;
    pid_t pgid;
    char  state;                /* R running/runnable, S sleeping, T stopped, Z zombie */
    char  name[PROC_NAME_LEN];
    char  wait[PROC_WAIT_LEN];  /* what a sleeping process waits for, or "" */
    unsigned int size;          /* bytes of user memory */
};

struct sysinfo {
    unsigned int total_pages;
    unsigned int free_pages;
    unsigned int total_inodes;
    unsigned int free_inodes;
    unsigned int nprocs;
    unsigned int open_files;    /* entries in use in the open-file table */
    unsigned long long uptime_ns;
};

#endif
