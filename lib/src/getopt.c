/*
 * getopt: POSIX command-line options.  Options come first ("-a -b x" or
 * "-ab x" or "-bx"); the first non-option, or "--", ends them (no GNU
 * reordering).  A ':' after a letter in optstring means it takes an
 * argument.  An unknown option or a missing argument gives '?' (or ':' for
 * a missing argument when optstring starts with ':'), with a message on
 * stderr unless opterr is 0 or optstring starts with ':'.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

static int next_char;           /* position inside a group like "-abc" */

int
getopt(int argc, char *const argv[], const char *optstring)
{
    int quiet = optstring[0] == ':';

    if (optind == 0) {          /* glibc's way to restart a scan */
        optind = 1;
        next_char = 0;
    }
    optarg = NULL;
    if (next_char == 0) {
        if (optind >= argc || argv[optind][0] != '-' || argv[optind][1] == '\0')
            return -1;
        if (strcmp(argv[optind], "--") == 0) {
            optind++;
            return -1;
        }
        next_char = 1;
    }
    const char *arg = argv[optind];
    int c = (unsigned char)arg[next_char++];
    const char *spec = c != ':' ? strchr(optstring + quiet, c) : NULL;
    if (arg[next_char] == '\0') {
        optind++;
        next_char = 0;
    }
    if (!spec) {
        optopt = c;
        if (opterr && !quiet)
            fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
        return '?';
    }
    if (spec[1] != ':')
        return c;
    if (next_char != 0) {           /* "-bx": the rest of this word */
        optarg = (char *)arg + next_char;
        optind++;
        next_char = 0;
    } else if (optind < argc) {     /* "-b x" */
        optarg = argv[optind++];
    } else {
        optopt = c;
        if (opterr && !quiet)
            fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], c);
        return quiet ? ':' : '?';
    }
    return c;
}
