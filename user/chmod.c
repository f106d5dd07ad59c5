/*
 * chmod -- change permission bits: an octal MODE (755) or symbolic clauses
 * [ugoa...][+-=][rwx...], comma-separated (u+x, go-w, a=r, +x).
 */
#include <sys/stat.h>
#include "util.h"

/* The new mode from a symbolic spec applied to old; -1 if malformed. */
static long
symbolic(const char *spec, mode_t old)
{
    long mode = old & 07777;
    while (*spec) {
        int who = 0, perm = 0;
        for (; strchr("ugoa", *spec) && *spec; spec++)
            who |= *spec == 'u' ? 04700 : *spec == 'g' ? 02070 : *spec == 'o' ? 01007 : 07777;
        if (!who)
            who = 07777;
        char op = *spec++;
        if (op != '+' && op != '-' && op != '=')
            return -1;
        for (; *spec && *spec != ','; spec++) {
            switch (*spec) {
            case 'r': perm |= 0444; break;
            case 'w': perm |= 0222; break;
            case 'x': perm |= 0111; break;
            case 's': perm |= 06000; break;
            case 't': perm |= 01000; break;
            default: return -1;
            }
        }
        perm &= who;
        if (op == '+')
            mode |= perm;
        else if (op == '-')
            mode &= ~perm;
        else
            mode = (mode & ~who) | perm;
        if (*spec == ',')
            spec++;
    }
    return mode;
}

int
main(int argc, char **argv)
{
    struct stat st;
    int status = 0;

    USAGE(argc, argv, "usage: chmod MODE FILE...   (MODE: 644, or u+x,go-w ...)\n");
    if (argc < 3)
        usage();
    for (int i = 2; i < argc; i++) {
        char *end;
        long mode = strtol(argv[1], &end, 8);
        if (*end) {
            if (stat(argv[i], &st) < 0) {
                status = complain("chmod", argv[i]);
                continue;
            }
            mode = symbolic(argv[1], st.st_mode);
        }
        if (mode < 0 || mode > 07777)
            usage();
        if (chmod(argv[i], mode) < 0)
            status = complain("chmod", argv[i]);
    }
    return status;
}
