/* Case-insensitive comparison (<strings.h>), for ASCII. */
#include <ctype.h>
#include <strings.h>

int
strcasecmp(const char *a, const char *b)
{
    int ca, cb;

    do {
        ca = tolower((unsigned char)*a++);
        cb = tolower((unsigned char)*b++);
    } while (ca == cb && ca != '\0');
    return ca - cb;
}

int
strncasecmp(const char *a, const char *b, size_t n)
{
    int ca = 0, cb = 0;

    while (n-- > 0) {
        ca = tolower((unsigned char)*a++);
        cb = tolower((unsigned char)*b++);
        if (ca != cb || ca == '\0')
            break;
    }
    return ca - cb;
}
