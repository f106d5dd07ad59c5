/*
 * mmbench -- what memory mappings cost (make bench runs it).
 *
 *   mmbench [scale]
 *
 * mmap_1p_us, mmap_256p_us   mmap + touch every page + munmap of an
 *                            anonymous private mapping of 1 and 256 pages
 * fork_1m_us, fork_16m_us    fork + _exit + waitpid of a process with 1 MiB
 *                            and 16 MiB of private memory touched: the
 *                            child shares every page copy-on-write, so the
 *                            cost is the page tables, not the data
 * Prints "name value unit" lines like ipcbench.  Timing only; no checks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE 4096

static double
now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void
report(const char *name, double value)
{
    printf("%s %.2f us\n", name, value);
    fflush(stdout);
}

static void
bench_mmap(const char *name, size_t pages, long n)
{
    double t0 = now_us();

    for (long i = 0; i < n; i++) {
        char *p = mmap(NULL, pages * PAGE, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            perror("mmbench: mmap");
            exit(1);
        }
        for (size_t j = 0; j < pages; j++)
            p[j * PAGE] = 1;
        munmap(p, pages * PAGE);
    }
    report(name, (now_us() - t0) / n);
}

static void
bench_fork(const char *name, size_t bytes, long n)
{
    char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    double t0;

    if (p == MAP_FAILED) {
        perror("mmbench: mmap");
        exit(1);
    }
    memset(p, 1, bytes);
    t0 = now_us();
    for (long i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid == 0)
            _exit(0);
        waitpid(pid, NULL, 0);
    }
    report(name, (now_us() - t0) / n);
    munmap(p, bytes);
}

int
main(int argc, char **argv)
{
    long scale = argc > 1 ? atol(argv[1]) : 1;

    if (scale < 1)
        scale = 1;
    bench_mmap("mmap_1p_us", 1, 2000 * scale);
    bench_mmap("mmap_256p_us", 256, 50 * scale);
    bench_fork("fork_1m_us", 1 << 20, 200 * scale);
    bench_fork("fork_16m_us", 16 << 20, 50 * scale);
    return 0;
}
