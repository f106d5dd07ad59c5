/*
 * ls -- list directories and files, one name per line, sorted.
 *   -a   also names that start with '.'
 *   -l   long format: type and permissions, links, size, name
 * Without a path, lists the current directory.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int show_all, long_format;

/* "drwxr-xr-x": the type letter, then read/write/execute for each class. */
static void
mode_string(mode_t mode, char s[11])
{
    static const char rwx[] = "rwxrwxrwx";
    int i;

    s[0] = S_ISDIR(mode) ? 'd' : S_ISFIFO(mode) ? 'p' : S_ISCHR(mode) ? 'c' :
           S_ISBLK(mode) ? 'b' : S_ISLNK(mode) ? 'l' : S_ISSOCK(mode) ? 's' : '-';
    for (i = 0; i < 9; i++)
        s[i + 1] = (mode & (0400 >> i)) ? rwx[i] : '-';
    s[10] = '\0';
}

/* Prints one entry: path is what to stat, name is what to show. */
static int
print_entry(const char *path, const char *name)
{
    struct stat st;
    char mode[11];

    if (!long_format) {
        printf("%s\n", name);
        return 0;
    }
    if (stat(path, &st) < 0) {
        fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
        return -1;
    }
    mode_string(st.st_mode, mode);
    printf("%s %2u %8ld %s\n", mode, (unsigned int)st.st_nlink,
           (long)st.st_size, name);
    return 0;
}

/* Insertion sort: directories are small, and it is easy to read. */
static void
sort_names(char **names, int n)
{
    int i, j;
    char *name;

    for (i = 1; i < n; i++) {
        name = names[i];
        for (j = i; j > 0 && strcmp(names[j - 1], name) > 0; j--)
            names[j] = names[j - 1];
        names[j] = name;
    }
}

struct name_list {
    char **names;               /* malloc'ed, as is each name */
    int count;
};

static void
name_list_free(struct name_list *list)
{
    while (list->count > 0)
        free(list->names[--list->count]);
    free(list->names);
}

/* Reads the names in directory path into list, sorted; 0 or -1 with errno. */
static int
read_names(const char *path, struct name_list *list)
{
    DIR *dir = opendir(path);
    struct dirent *entry;
    char **bigger;
    int capacity = 0;

    list->names = NULL;
    list->count = 0;
    if (dir == NULL)
        return -1;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.' && !show_all)
            continue;
        if (list->count == capacity) {
            capacity = capacity ? 2 * capacity : 32;
            bigger = realloc(list->names, capacity * sizeof(char *));
            if (bigger == NULL)
                break;
            list->names = bigger;
        }
        if ((list->names[list->count] = strdup(entry->d_name)) == NULL)
            break;
        list->count++;
    }
    closedir(dir);
    if (entry != NULL) {        /* stopped early: out of memory */
        name_list_free(list);
        errno = ENOMEM;
        return -1;
    }
    sort_names(list->names, list->count);
    return 0;
}

static int
list_directory(const char *path)
{
    char full[PATH_MAX];
    struct name_list list;
    int i, status = 0;

    if (read_names(path, &list) < 0) {
        fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
        return -1;
    }
    for (i = 0; i < list.count; i++) {
        snprintf(full, sizeof full, "%s/%s", path, list.names[i]);
        if (print_entry(full, list.names[i]) < 0)
            status = -1;
    }
    name_list_free(&list);
    return status;
}

static int
list_path(const char *path, int show_header)
{
    struct stat st;

    if (stat(path, &st) < 0) {
        fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode))
        return print_entry(path, path);
    if (show_header)
        printf("%s:\n", path);
    return list_directory(path);
}

int
main(int argc, char **argv)
{
    int i, status = 0, npaths;
    char *flag;

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        for (flag = argv[i] + 1; *flag != '\0'; flag++) {
            if (*flag == 'a')
                show_all = 1;
            else if (*flag == 'l')
                long_format = 1;
            else {
                fprintf(stderr, "usage: ls [-al] [path...]\n");
                return 2;
            }
        }
    }
    npaths = argc - i;
    if (npaths == 0)
        return list_path(".", 0) < 0;
    for (; i < argc; i++) {
        if (list_path(argv[i], npaths > 1) < 0)
            status = 1;
        if (npaths > 1 && i + 1 < argc)
            printf("\n");
    }
    return status;
}
