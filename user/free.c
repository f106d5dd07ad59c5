/* free -- show how much memory and how many inodes are in use (from the
 * kernel's sysinfo), plus the process and open-file counts and uptime. */
#include <errno.h>
#include <parley.h>
#include <stdio.h>
#include <string.h>

int
main(void)
{
    struct sysinfo s;
    unsigned int up_s, up_ms;

    if (sysinfo(&s) < 0) {
        fprintf(stderr, "free: sysinfo: %s\n", strerror(errno));
        return 1;
    }
    up_s = (unsigned int)(s.uptime_ns / 1000000000u);
    up_ms = (unsigned int)(s.uptime_ns / 1000000u % 1000u);
    printf("%-8s %8s %8s %8s\n", "", "total", "used", "free");
    printf("%-8s %8u %8u %8u   (pages of 4 KiB)\n", "pages:", s.total_pages,
           s.total_pages - s.free_pages, s.free_pages);
    printf("%-8s %8u %8u %8u\n", "inodes:", s.total_inodes,
           s.total_inodes - s.free_inodes, s.free_inodes);
    printf("processes: %u   open files: %u   uptime: %u.%03u s\n",
           s.nprocs, s.open_files, up_s, up_ms);
    return 0;
}
