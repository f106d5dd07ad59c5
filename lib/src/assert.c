/* The failure half of assert(): glibc's message, then abort(). */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

extern const char *__progname;

void
__assert_fail(const char *expr, const char *file, unsigned int line,
              const char *function)
{
    fprintf(stderr, "%s: %s:%u: %s: Assertion `%s' failed.\n",
            __progname, file, line, function, expr);
    abort();
}
