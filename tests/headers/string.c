/* <string.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <stdlib.h>
#include <string.h>

static volatile int never;

int
main(void)
{
    char a[8] = "x", b[8] = "y"; char *save;
    if (never) {
        memcpy(a, b, 1); memmove(a, b, 1); memset(a, 0, 1); memcmp(a, b, 1); memchr(a, 0, 1); strlen(a); strnlen(a, 1); strcpy(a, b); strncpy(a, b, 2); strcat(a, b); strncat(a, b, 2); strcmp(a, b); strncmp(a, b, 1); strchr(a, 1); strrchr(a, 1); strstr(a, b); free(strdup(a)); free(strndup(a, 1)); strtok(a, b); strtok_r(a, b, &save); strspn(a, b); strcspn(a, b); strpbrk(a, b); strerror(1); strsignal(1);
    }
    return 0;
}
