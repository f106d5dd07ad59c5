/* <pthread.h> is not provided until Parley has threads: including it must
 * stop the build with one clear message (tests/tools/test_headers.py). */
#include <pthread.h>

int
main(void)
{
    return 0;
}
