#ifndef IPC_IPC_EXIT_H
#define IPC_IPC_EXIT_H

struct proc;

/* Called by exit: release the IPC objects a process owns (semaphore undo
 * records, ports, mailboxes, shared-memory attachments). */
void ipc_process_exit(struct proc *p);

#endif
