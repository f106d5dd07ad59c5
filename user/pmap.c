/*
 * pmap -- a process's mappings, and the physical frame behind each page.
 *   pmap [-r] [pid]     (no pid: pmap itself)
 * One line per region -- address range, protection, shared or private,
 * what it maps -- then one line per present page: its frame and how many
 * references the frame has.  Run it on two processes that share memory
 * and the same frame shows up in both; run it on a parent and a child
 * just after fork and their private pages share frames too, until one
 * side writes (copy-on-write).  -r prints the regions only.
 */
#include <errno.h>
#include <parley.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define MAX_PAGES 8192

static struct parley_vmpage pages[MAX_PAGES];

static const char *
kind_name(const struct parley_vmpage *p)
{
    switch (p->kind) {
    case VMPAGE_PROGRAM: return "program";
    case VMPAGE_STACK:   return "stack";
    case VMPAGE_ANON:    return "anon";
    case VMPAGE_FILE:    return "file";
    case VMPAGE_SHM:     return "shm";
    default:             return "?";
    }
}

static void
print_region(const struct parley_vmpage *p, int npages)
{
    printf("%08lx-%08lx %c%c%c %-7s %-7s", p->region_start, p->region_end,
           p->prot & PROT_READ ? 'r' : '-', p->prot & PROT_WRITE ? 'w' : '-',
           p->prot & PROT_EXEC ? 'x' : '-',
           p->flags & VMPAGE_SHARED ? "shared" : "private", kind_name(p));
    if (p->kind == VMPAGE_SHM)
        printf(" id %ld", p->object);
    else if (p->kind == VMPAGE_FILE)
        printf(" inode %ld", p->object);
    printf("  %d of %lu pages present\n", npages,
           (p->region_end - p->region_start) / 4096);
}

static void
print_page(const struct parley_vmpage *p)
{
    printf("    %08lx  frame %08lx  refs %-3u %s%s%s\n", p->addr, p->frame, p->refs,
           !(p->flags & VMPAGE_USER) ? "no-access" :
           p->flags & VMPAGE_WRITABLE ? "writable" : "read-only",
           p->flags & VMPAGE_COW ? " copy-on-write" : "",
           p->flags & VMPAGE_SHARED ? " shared" : "");
}

int
main(int argc, char **argv)
{
    int regions_only = 0, i, n, first, pid = 0;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-r") == 0)
            regions_only = 1;
        else if (argv[i][0] >= '0' && argv[i][0] <= '9')
            pid = atoi(argv[i]);
        else {
            fprintf(stderr, "usage: pmap [-r] [pid]\n");
            return 2;
        }
    }
    if ((n = vmpages(pid, pages, MAX_PAGES)) < 0) {
        fprintf(stderr, "pmap: %d: %s\n", pid, strerror(errno));
        return 1;
    }
    if (n > MAX_PAGES) {
        printf("(first %d of %d pages)\n", MAX_PAGES, n);
        n = MAX_PAGES;
    }
    for (first = 0; first < n; first = i) {
        for (i = first; i < n && pages[i].region_start == pages[first].region_start; i++)
            ;
        print_region(&pages[first], i - first);
        if (!regions_only)
            for (int j = first; j < i; j++)
                print_page(&pages[j]);
    }
    return 0;
}
