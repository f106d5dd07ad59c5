/* <netdb.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <netdb.h>

static volatile int never;

int
main(void)
{
    struct addrinfo hints = { 0 }, *res; struct hostent *h;
    if (never) {
        hints.ai_flags = AI_PASSIVE | AI_NUMERICHOST; int e = getaddrinfo("localhost", "80", &hints, &res);
        (void)gai_strerror(e); (void)res->ai_addr; (void)res->ai_next; freeaddrinfo(res);
        h = gethostbyname("localhost"); (void)h;
    }
    return 0;
}
