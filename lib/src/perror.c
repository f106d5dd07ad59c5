/* perror: "msg: error text" on stderr, for the current errno. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

void
perror(const char *msg)
{
    const char *text = strerror(errno);

    if (msg != NULL && *msg != '\0')
        fprintf(stderr, "%s: %s\n", msg, text);
    else
        fprintf(stderr, "%s\n", text);
}
