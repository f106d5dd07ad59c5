/* System V IPC, common part: keys, IPC_* flags, struct ipc_perm. */
#ifndef _SYS_IPC_H
#define _SYS_IPC_H

#include <sys/types.h>
#include <parley/ipc.h>

/* A key from a file's identity and a project id (same file, same id,
 * same key).  -1 if the file does not exist. */
key_t ftok(const char *path, int id);

#endif
