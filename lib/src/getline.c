/* getline and getdelim: a whole line into a buffer that grows. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

ssize_t
getdelim(char **line, size_t *size, int delim, FILE *f)
{
    size_t len = 0;
    int c;

    if (!line || !size || !f) {
        errno = EINVAL;
        return -1;
    }
    for (;;) {
        if (!*line || len + 2 > *size) {
            size_t bigger = *size < 64 ? 128 : *size * 2;
            char *p = realloc(*line, bigger);
            if (!p) {
                errno = ENOMEM;
                return -1;
            }
            *line = p;
            *size = bigger;
        }
        if ((c = fgetc(f)) == EOF)
            break;
        (*line)[len++] = c;
        if (c == delim)
            break;
    }
    (*line)[len] = '\0';
    return len == 0 && c == EOF ? -1 : (ssize_t)len;
}

ssize_t
getline(char **line, size_t *size, FILE *f)
{
    return getdelim(line, size, '\n', f);
}
