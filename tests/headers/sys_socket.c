/* <sys/socket.h>, <sys/un.h>, <netinet/in.h>, <arpa/inet.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static volatile int never;

int
main(void)
{
    struct sockaddr_un un; struct sockaddr_in in; struct msghdr m; struct in_addr a; socklen_t len = sizeof in;
    char buf[INET_ADDRSTRLEN]; int sv[2], one = 1;
    if (never) {
        int s = socket(AF_INET, SOCK_STREAM, 0); socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
        in.sin_family = AF_INET; in.sin_port = htons(80); in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(s, (struct sockaddr *)&in, sizeof in); listen(s, 5); accept(s, (struct sockaddr *)&in, &len);
        accept4(s, NULL, NULL, 0); connect(s, (struct sockaddr *)&un, SUN_LEN(&un));
        getsockname(s, (struct sockaddr *)&in, &len); getpeername(s, (struct sockaddr *)&in, &len);
        send(s, buf, 1, 0); recv(s, buf, 1, 0); sendto(s, buf, 1, 0, NULL, 0); recvfrom(s, buf, 1, 0, NULL, NULL);
        sendmsg(s, &m, 0); recvmsg(s, &m, 0); shutdown(s, SHUT_RDWR);
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one); getsockopt(s, SOL_SOCKET, SO_ERROR, &one, &len);
        (void)ntohl(1); (void)ntohs(1); (void)inet_addr("127.0.0.1"); inet_aton("127.0.0.1", &a); (void)inet_ntoa(a);
        inet_pton(AF_INET, "127.0.0.1", &a); inet_ntop(AF_INET, &a, buf, sizeof buf); (void)un.sun_path;
    }
    return 0;
}
