/* <stdlib.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <stdlib.h>

static volatile int never;

int
main(void)
{
    int e = EXIT_SUCCESS + EXIT_FAILURE + RAND_MAX; (void)e;
    if (never) {
        void *p = malloc(1); p = calloc(1, 1); p = realloc(p, 2); free(p); atoi("1"); atol("1"); atoll("1"); strtol("1", 0, 10); strtoul("1", 0, 10); strtoll("1", 0, 10); strtoull("1", 0, 10); abs(-1); labs(-1); llabs(-1); rand(); srand(1); qsort(0, 0, 1, 0); getenv("X"); setenv("X", "1", 1); unsetenv("X"); atexit(0); abort(); _Exit(0); exit(0);
    }
    return 0;
}
