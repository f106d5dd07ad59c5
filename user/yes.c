/* yes -- print "y" (or the arguments) for ever, until the reader goes. */
#include "util.h"

int
main(int argc, char **argv)
{
    USAGE(argc, argv, "usage: yes [STRING...]\n");
    for (;;) {
        for (int i = 1; i < argc; i++)
            printf(i > 1 ? " %s" : "%s", argv[i]);
        if (printf(argc > 1 ? "\n" : "y\n") < 0 || ferror(stdout))
            return 1;               /* the pipe's reader is gone (EPIPE) */
    }
}
