/*
 * man -- a manual page: /usr/share/man/NAME (from rootfs/), a short page
 * for a command or a Parley system call.  Without a page for a command,
 * its own --help is shown.  "man -k WORD" lists the pages mentioning WORD.
 */
#include <dirent.h>
#include <sys/wait.h>
#include "util.h"

#define MANDIR "/usr/share/man"

static int
show(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, MANDIR "/%s", name);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    int fd = fileno(f);
    fflush(stdout);
    copy_fd(fd, 1);
    fclose(f);
    return 0;
}

/* No page: ask the program itself. */
static int
help_of(const char *name)
{
    char path[256];
    int status;
    snprintf(path, sizeof path, "/bin/%s", name);
    if (access(path, X_OK) != 0)
        return -1;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execl(path, name, "--help", (char *)NULL);
        _exit(127);
    }
    return pid > 0 && waitpid(pid, &status, 0) == pid ? 0 : -1;
}

static int
search(const char *word)
{
    DIR *d = opendir(MANDIR);
    struct dirent *e;
    char path[256], line[256];
    int found = 0;
    if (!d)
        return 1;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, MANDIR "/%s", e->d_name);
        FILE *f = fopen(path, "r");
        if (f && fgets(line, sizeof line, f) && strstr(line, word)) {
            fputs(line, stdout);
            found = 1;
        }
        if (f)
            fclose(f);
    }
    closedir(d);
    return !found;
}

int
main(int argc, char **argv)
{
    USAGE(argc, argv, "usage: man NAME   (a command or a system call: man pipe, man sh)\n"
          "       man -k WORD   (the pages whose summary mentions WORD)\n");
    if (argc == 3 && strcmp(argv[1], "-k") == 0)
        return search(argv[2]);
    if (argc != 2)
        usage();
    if (show(argv[1]) == 0 || help_of(argv[1]) == 0)
        return 0;
    fprintf(stderr, "man: no page for %s (try: man -k WORD, or help)\n", argv[1]);
    return 1;
}
