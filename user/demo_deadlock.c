/*
 * demo_deadlock -- two processes that each wait for the other.
 *
 * The parent and the child share two pipes, one in each direction.  Each
 * is meant to send a line and then read the other's answer -- but both
 * read first, so each waits for data that only the other would write:
 * a cycle in the wait-for graph, a deadlock.  Run it in the background
 * and look:
 *
 *   demo_deadlock &
 *   deadlock          # 12 waits for 13: pipe 7 empty; 13 waits for 12: ...
 *   ps -ef            # both asleep on "pipe N empty"; Ctrl-P says "waits for"
 *   kill %1
 *
 * The fix: one side writes before it reads (or use a non-blocking read).
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void
talk(int in, int out, const char *who)
{
    char buf[64];
    ssize_t n = read(in, buf, sizeof buf);          /* both block here */
    printf("%s got %zd bytes\n", who, n);
    write(out, "hello\n", 6);
}

int
main(void)
{
    int to_child[2], to_parent[2];
    if (pipe(to_child) < 0 || pipe(to_parent) < 0) {
        perror("pipe");
        return 1;
    }
    printf("demo_deadlock: parent %d and child both read before writing\n", getpid());
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        talk(to_child[0], to_parent[1], "child");
        return 0;
    }
    talk(to_parent[0], to_child[1], "parent");
    waitpid(pid, NULL, 0);
    return 0;
}
