/* which -- where a command is: the first PATH directory that holds an
 * executable of that name (PATH is /bin when unset). */
#include "util.h"

int
main(int argc, char **argv)
{
    char path[512];
    int status = 0;

    USAGE(argc, argv, "usage: which COMMAND...\n");
    if (argc < 2)
        usage();
    const char *search = getenv("PATH");
    if (!search || !*search)
        search = "/bin";
    for (int i = 1; i < argc; i++) {
        int found = 0;
        for (const char *dir = search; dir && !found;) {
            const char *colon = strchr(dir, ':');
            int len = colon ? colon - dir : (int)strlen(dir);
            snprintf(path, sizeof path, "%.*s/%s", len, len ? dir : ".", argv[i]);
            if (strchr(argv[i], '/'))
                snprintf(path, sizeof path, "%s", argv[i]);
            if (access(path, X_OK) == 0) {
                puts(path);
                found = 1;
            }
            dir = colon ? colon + 1 : NULL;
        }
        status |= !found;
    }
    return status;
}
