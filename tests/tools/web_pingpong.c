/*
 * web_pingpong -- the program tests/tools/test_web.py adds to the web
 * page's image with `make web EXTRA=tests/tools/web_pingpong.c`, as an
 * instructor adds theirs: a parent and a child bat one byte back and forth
 * through two pipes, each adding one, N times (default 100).
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void
bat(int in, int out, int rounds)
{
    unsigned char b;
    for (int i = 0; i < rounds && read(in, &b, 1) == 1; i++) {
        b++;
        if (write(out, &b, 1) != 1)
            break;
    }
}

int
main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 100;
    int there[2], back[2];

    if (rounds < 1 || pipe(there) < 0 || pipe(back) < 0) {
        fprintf(stderr, "usage: web_pingpong [ROUNDS >= 1]\n");
        return 1;
    }
    pid_t child = fork();
    if (child < 0)
        return 1;
    if (child == 0) {
        bat(there[0], back[1], rounds);
        return 0;
    }
    unsigned char b = 0;
    int done = 0;
    for (; done < rounds; done++) {
        if (write(there[1], &b, 1) != 1 || read(back[0], &b, 1) != 1)
            break;
        b++;
    }
    waitpid(child, NULL, 0);
    printf("web_pingpong: %d round trips, the byte came back as %d\n", done, b);
    return done == rounds ? 0 : 1;
}
