/* <ctype.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <ctype.h>

static volatile int never;

int
main(void)
{
    /* types and constants only in the calls */
    if (never) {
        int c = isalnum(1)+isalpha(1)+isascii(1)+isblank(1)+iscntrl(1)+isdigit(1)+isgraph(1)+islower(1)+isprint(1)+ispunct(1)+isspace(1)+isupper(1)+isxdigit(1)+tolower(1)+toupper(1); (void)c;
    }
    return 0;
}
