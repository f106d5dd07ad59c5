/* Resource limits and usage, nice values: the structures and numbers are
 * the kernel's (<parley/resource.h>).  Parley enforces RLIMIT_NOFILE,
 * RLIMIT_NPROC and RLIMIT_AS; the others are kept and reported. */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <sys/time.h>
#include <parley/resource.h>

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
int getrusage(int who, struct rusage *usage);
int getpriority(int which, id_t who);   /* the nice value; check errno for -1 */
int setpriority(int which, id_t who, int prio);

#endif
