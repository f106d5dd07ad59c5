/* <dirent.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <dirent.h>

static volatile int never;

int
main(void)
{
    DIR *d; struct dirent *e;
    if (never) {
        d = opendir("/"); e = readdir(d); (void)e->d_name; (void)e->d_ino; rewinddir(d); (void)dirfd(d); closedir(d);
    }
    return 0;
}
