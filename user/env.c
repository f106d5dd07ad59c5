/*
 * env -- print the environment, or run a command in a modified one.
 *   env                          print NAME=VALUE lines
 *   env NAME=VALUE... [cmd args] add or replace variables, then run cmd
 *                                (a name without '/' is looked up in /bin)
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define ENV_MAX 64

/* Does entry ("NAME=value") set the same name as assignment does? */
static int
same_variable(const char *entry, const char *assignment)
{
    size_t len = strchr(assignment, '=') - assignment + 1;

    return strncmp(entry, assignment, len) == 0;
}

/* Adds assignment to env (count entries), replacing one of the same name. */
static int
env_set(char **env, int count, char *assignment)
{
    int i;

    for (i = 0; i < count; i++) {
        if (same_variable(env[i], assignment)) {
            env[i] = assignment;
            return count;
        }
    }
    if (count < ENV_MAX)
        env[count++] = assignment;
    return count;
}

int
main(int argc, char **argv, char **envp)
{
    char *env[ENV_MAX + 1], path[256];
    int i, count = 0;

    for (i = 0; envp[i] != NULL && count < ENV_MAX; i++)
        env[count++] = envp[i];
    for (i = 1; i < argc && strchr(argv[i], '=') != NULL; i++)
        count = env_set(env, count, argv[i]);
    env[count] = NULL;
    if (i == argc) {
        for (i = 0; i < count; i++)
            printf("%s\n", env[i]);
        return 0;
    }
    if (strchr(argv[i], '/') != NULL)
        snprintf(path, sizeof path, "%s", argv[i]);
    else
        snprintf(path, sizeof path, "/bin/%s", argv[i]);
    execve(path, argv + i, env);
    fprintf(stderr, "env: %s: %s\n", argv[i], strerror(errno));
    return errno == ENOENT ? 127 : 126;
}
