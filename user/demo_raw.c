/*
 * demo_raw -- the terminal in raw mode: every key shows its bytes at once.
 *
 * tcgetattr saves the modes; cfmakeraw turns off ICANON (line at a time),
 * ECHO, ISIG (^C would kill us) and ICRNL (Enter would look like ^J); the
 * old modes are put back at the end, as every such program must.  Press
 * keys, arrows, Ctrl-C...; q ends.  See docs/console.md.
 */
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

int
main(void)
{
    struct termios saved, raw;
    unsigned char key[8];

    if (tcgetattr(0, &saved) < 0) {
        perror("demo_raw: tcgetattr (is stdin a terminal?)");
        return 1;
    }
    raw = saved;
    cfmakeraw(&raw);
    raw.c_cc[VMIN] = 1;         /* wait for at least one byte ... */
    raw.c_cc[VTIME] = 1;        /* ... then 0.1 s more for the rest of a sequence */
    tcsetattr(0, TCSAFLUSH, &raw);
    printf("raw mode: press keys (q quits)\r\n");
    for (;;) {
        ssize_t n = read(0, key, sizeof key);
        if (n <= 0)
            break;
        printf("%zd byte%s:", n, n == 1 ? "" : "s");
        for (ssize_t i = 0; i < n; i++)
            printf(key[i] >= ' ' && key[i] < 0x7f ? " '%c'" : " %d", key[i]);
        printf("\r\n");         /* no OPOST-like help in raw mode: CR ourselves */
        fflush(stdout);
        if (n == 1 && key[0] == 'q')
            break;
    }
    tcsetattr(0, TCSAFLUSH, &saved);
    printf("modes restored\n");
    return 0;
}
