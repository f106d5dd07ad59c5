/* <setjmp.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <setjmp.h>

static volatile int never;

int
main(void)
{
    static jmp_buf j; static sigjmp_buf sj;
    if (never) {
        if (setjmp(j) == 0)
            longjmp(j, 1);
        if (sigsetjmp(sj, 1) == 0)
            siglongjmp(sj, 1);
    }
    return 0;
}
