/* Byte order and dotted-quad text (byteorder(3), inet(3), inet_pton(3)).
 * Network order is big-endian; the i386 is little-endian. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

uint32_t htonl(uint32_t v) { return __builtin_bswap32(v); }
uint16_t htons(uint16_t v) { return (uint16_t)(v << 8 | v >> 8); }
uint32_t ntohl(uint32_t v) { return __builtin_bswap32(v); }
uint16_t ntohs(uint16_t v) { return (uint16_t)(v << 8 | v >> 8); }

/* Strictly four decimal parts 0..255 (what inet_pton accepts); *out in
 * network order.  1 on success, 0 for bad text. */
static int
parse_quad(const char *s, uint32_t *out)
{
    uint32_t v = 0;
    for (int part = 0; part < 4; part++) {
        unsigned n = 0;
        int digits = 0;
        while (*s >= '0' && *s <= '9' && digits < 4) {
            n = n * 10 + (*s++ - '0');
            digits++;
        }
        if (digits == 0 || digits > 3 || n > 255)
            return 0;
        v = v << 8 | n;
        if (part < 3 && *s++ != '.')
            return 0;
    }
    if (*s)
        return 0;
    *out = htonl(v);
    return 1;
}

int
inet_pton(int family, const char *text, void *out)
{
    uint32_t a;
    if (family != AF_INET) {
        errno = EAFNOSUPPORT;
        return -1;
    }
    if (!parse_quad(text, &a))
        return 0;
    memcpy(out, &a, sizeof a);
    return 1;
}

const char *
inet_ntop(int family, const void *src, char *dst, socklen_t size)
{
    char buf[INET_ADDRSTRLEN];
    const unsigned char *b = src;
    if (family != AF_INET) {
        errno = EAFNOSUPPORT;
        return NULL;
    }
    snprintf(buf, sizeof buf, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    if (strlen(buf) + 1 > size) {
        errno = ENOSPC;
        return NULL;
    }
    strcpy(dst, buf);
    return dst;
}

int
inet_aton(const char *text, struct in_addr *out)
{
    uint32_t a;
    if (!parse_quad(text, &a))
        return 0;
    out->s_addr = a;
    return 1;
}

in_addr_t
inet_addr(const char *text)
{
    uint32_t a;
    return parse_quad(text, &a) ? a : INADDR_NONE;
}

char *
inet_ntoa(struct in_addr in)
{
    static char buf[INET_ADDRSTRLEN];
    return (char *)inet_ntop(AF_INET, &in, buf, sizeof buf);
}
