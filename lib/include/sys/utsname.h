#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include <parley/utsname.h>

int uname(struct utsname *buf);

#endif
