/*
 * kstat -- what the kernel holds now: free and total page frames, then one
 * line per kind of kernel object (processes, open files, inodes, pipes, IPC
 * objects...) with its count, straight from the kernel's accounting
 * (<parley/kstat.h>).
 *
 *   kstat          every kind
 *   kstat -n       only the kinds with a count other than zero
 *   kstat NAME...  only these kinds, one count a line (for scripts)
 *
 * Run it before and after a program: a count that grew and does not come
 * back when the program has ended is a leak.
 */
#include <errno.h>
#include <parley.h>
#include <stdio.h>
#include <string.h>

struct kind {
    const char *name;
    const char *text;
};

#define KIND_ROW(field, text) { #field, text },
static const struct kind kinds[KSTAT_NKINDS] = { PARLEY_KSTAT_KINDS(KIND_ROW) };

static int
kind_index(const char *name)
{
    for (int i = 0; i < KSTAT_NKINDS; i++)
        if (strcmp(kinds[i].name, name) == 0)
            return i;
    return -1;
}

static void
print_all(const struct kstat *k, int nonzero_only)
{
    printf("%-14s %8u of %u (pages of 4 KiB)\n", "frames_free", k->frames_free,
           k->frames_total);
    for (int i = 0; i < KSTAT_NKINDS && i < (int)k->nkinds; i++)
        if (!nonzero_only || k->count[i])
            printf("%-14s %8u  %s\n", kinds[i].name, k->count[i], kinds[i].text);
}

/* kstat NAME...: one count a line, in the order asked. */
static int
print_named(const struct kstat *k, int argc, char **argv)
{
    int status = 0;

    for (int a = 1; a < argc; a++) {
        int i = kind_index(argv[a]);
        if (strcmp(argv[a], "frames_free") == 0)
            printf("%u\n", k->frames_free);
        else if (i < 0) {
            fprintf(stderr, "kstat: no kind '%s'\n", argv[a]);
            status = 1;
        } else
            printf("%u\n", k->count[i]);
    }
    return status;
}

int
main(int argc, char **argv)
{
    struct kstat k;

    if (kstat(&k) < 0) {
        fprintf(stderr, "kstat: %s\n", strerror(errno));
        return 1;
    }
    if (argc == 1 || (argc == 2 && strcmp(argv[1], "-n") == 0)) {
        print_all(&k, argc == 2);
        return 0;
    }
    return print_named(&k, argc, argv);
}
