/*
 * What an exiting process gives back to the IPC mechanisms.  Each mechanism
 * that keeps per-process state adds its release call here.
 */
#include "proc/proc.h"
#include "ipc/ipc_exit.h"

void
ipc_process_exit(struct proc *p)
{
    (void)p;
}
