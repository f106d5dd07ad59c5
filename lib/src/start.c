/*
 * Where a program's C life begins.  crt0.S (_start) finds argc, argv and
 * envp on the initial stack, which exec laid out as Linux i386 does:
 *
 *     %esp -> argc, argv[0] .. argv[argc-1], NULL, envp[0] .. , NULL
 *
 * and calls __libc_start_main(), which never returns.
 */
#include <stdlib.h>
#include <unistd.h>

char **environ;
const char *__progname = "";    /* argv[0], for messages like assert's */

int main(int argc, char **argv, char **envp);
void __libc_start_main(int argc, char **argv, char **envp) __attribute__((__noreturn__));

void
__libc_start_main(int argc, char **argv, char **envp)
{
    environ = envp;
    if (argc > 0 && argv[0] != NULL)
        __progname = argv[0];
    exit(main(argc, argv, envp));
}
