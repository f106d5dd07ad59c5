/*
 * uname -- print system information.
 *   -s kernel name (the default)   -n node name   -r release
 *   -v version                     -m machine     -a all of them
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

static const char letters[] = "snrvm";  /* in the order they are printed */

/* Sets show[i] for each field selected by the flags; 0, or -1 if unknown. */
static int
parse_flags(int argc, char **argv, int show[5])
{
    const char *flag, *p;
    int i, any = 0;

    for (i = 1; i < argc; i++) {
        if (argv[i][0] != '-' || argv[i][1] == '\0')
            return -1;
        for (flag = argv[i] + 1; *flag != '\0'; flag++) {
            if (*flag == 'a')
                show[0] = show[1] = show[2] = show[3] = show[4] = 1;
            else if ((p = strchr(letters, *flag)) != NULL)
                show[p - letters] = 1;
            else
                return -1;
            any = 1;
        }
    }
    if (!any)
        show[0] = 1;
    return 0;
}

int
main(int argc, char **argv)
{
    struct utsname u;
    const char *fields[5];
    int show[5] = { 0 }, i, first = 1;

    if (parse_flags(argc, argv, show) < 0) {
        fprintf(stderr, "usage: uname [-asnrvm]\n");
        return 2;
    }
    if (uname(&u) < 0) {
        fprintf(stderr, "uname: %s\n", strerror(errno));
        return 1;
    }
    fields[0] = u.sysname;
    fields[1] = u.nodename;
    fields[2] = u.release;
    fields[3] = u.version;
    fields[4] = u.machine;
    for (i = 0; i < 5; i++) {
        if (show[i]) {
            printf("%s%s", first ? "" : " ", fields[i]);
            first = 0;
        }
    }
    printf("\n");
    return 0;
}
