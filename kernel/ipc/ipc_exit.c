/*
 * What an exiting process gives back to the IPC mechanisms.  Each mechanism
 * that keeps per-process state adds its release call here.
 */
#include "proc/proc.h"
#include "ipc/ipc_exit.h"
#include "ipc/mbox.h"
#include "ipc/sem.h"

void
ipc_process_exit(struct proc *p)
{
    mbox_process_exit(p);       /* mailboxes, ports, inbox, requests */
    sem_process_exit(p);        /* SEM_UNDO adjustments */
}
