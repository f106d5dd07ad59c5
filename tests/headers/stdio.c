/* <stdio.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <stdio.h>

static volatile int never;

int
main(void)
{
    FILE *f; char buf[BUFSIZ]; int e = EOF + FILENAME_MAX + FOPEN_MAX + _IOFBF + _IOLBF + _IONBF; (void)e;
    if (never) {
        f = fopen("/x", "r"); f = fdopen(0, "r"); fgets(buf, sizeof buf, f); fputs("x", f); fprintf(stderr, "%d", 1); printf("%s", "x"); snprintf(buf, 4, "%d", 1); sprintf(buf, "x"); dprintf(1, "x"); fread(buf, 1, 1, f); fwrite(buf, 1, 1, f); fseek(f, 0, SEEK_SET); ftell(f); rewind(f); fflush(f); fileno(f); feof(f); ferror(f); clearerr(f); setvbuf(f, 0, _IONBF, 0); getc(f); fgetc(f); ungetc(1, f); putc(1, f); fputc(1, f); putchar(1); getchar(); puts("x"); perror("x"); remove("/x"); fclose(f);
    }
    return 0;
}
