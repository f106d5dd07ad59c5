/*
 * Lab chat: chatd relays each line a client sends to every other client,
 * prefixed "[N] " with the sender's number (1, 2, ... in connection order),
 * whole lines in order; a client leaving does not disturb the rest, and a
 * client that never reads does not stop the others.
 *
 * Each case starts its own /bin/chatd and talks to it over /tmp/chat.
 */
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "check.h"

#define CHAT_PATH  "/tmp/chat"
#define ANSWER_MS  5000         /* a line not there by then is not coming */
#define QUIET_MS   300          /* how long "nothing arrives" is watched */
#define MIN(a, b)  ((a) < (b) ? (a) : (b))

static pid_t chatd;

static void
chatd_start(void)
{
    unlink(CHAT_PATH);
    chatd = fork();
    CHECK(chatd >= 0);
    if (chatd == 0) {
        execl("/bin/chatd", "chatd", (char *)NULL);
        _exit(127);
    }
}

static void
chatd_stop(void)
{
    kill(chatd, SIGKILL);
    waitpid(chatd, NULL, 0);
}

/* A new client; until chatd listens, connect says ENOENT or ECONNREFUSED. */
static int
chat_connect(void)
{
    struct sockaddr_un addr = { .sun_family = AF_UNIX, .sun_path = CHAT_PATH };
    for (int tries = 0; tries < ANSWER_MS / 10; tries++) {
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        CHECK(fd >= 0);
        if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0)
            return fd;
        CHECK(errno == ENOENT || errno == ECONNREFUSED);
        close(fd);
        check_sleep_ms(10);
    }
    check_fail(__FILE__, __LINE__, "chatd never listened on " CHAT_PATH);
    return -1;
}

static void
chat_say(int fd, const char *text, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, text, len);
        CHECK(n > 0);
        text += n;
        len -= n;
    }
}

/* Exactly len bytes arrive on fd within ANSWER_MS, and they are want's. */
static void
chat_expect_bytes(int fd, const char *want, size_t len)
{
    static char got[2048];
    size_t have = 0;
    CHECK(len < sizeof got);
    while (have < len) {
        struct pollfd p = { fd, POLLIN, 0 };
        if (poll(&p, 1, ANSWER_MS) != 1)
            check_fail(__FILE__, __LINE__, "waited for \"%.*s\"%s, got only \"%.*s\"",
                       (int)MIN(len, 40), want, len > 40 ? "..." : "", (int)MIN(have, 40), got);
        ssize_t n = read(fd, got + have, len - have);
        if (n <= 0)
            check_fail(__FILE__, __LINE__, "chatd closed the connection; got \"%.*s\"",
                       (int)have, got);
        have += n;
    }
    got[have] = 0;
    CHECK_STR_EQ(got, want);
}

static void
chat_expect(int fd, const char *want)
{
    chat_expect_bytes(fd, want, strlen(want));
}

static void
chat_expect_nothing(int fd)
{
    struct pollfd p = { fd, POLLIN, 0 };
    CHECK_EQ(poll(&p, 1, QUIET_MS), 0);
}

/* n clients, 1..n; the last says so, and the others hearing it proves
 * that chatd has accepted them all (it accepts in connection order). */
static void
chat_join(int *fds, int n)
{
    char joined[32];
    for (int i = 0; i < n; i++)
        fds[i] = chat_connect();
    chat_say(fds[n - 1], "joined\n", 7);
    snprintf(joined, sizeof joined, "[%d] joined\n", n);
    for (int i = 0; i < n - 1; i++)
        chat_expect(fds[i], joined);
}

static void
case_a_line_reaches_every_other_client_prefixed(void)
{
    int c[3];
    chatd_start();
    chat_join(c, 3);
    chat_say(c[0], "hello\n", 6);
    chat_expect(c[1], "[1] hello\n");
    chat_expect(c[2], "[1] hello\n");
    chat_say(c[1], "hi, one\n", 8);
    chat_expect(c[0], "[2] hi, one\n");
    chat_expect(c[2], "[2] hi, one\n");
    chat_expect_nothing(c[0]);          /* nobody hears their own lines */
    chat_expect_nothing(c[1]);
    chatd_stop();
}

static void
case_lines_arrive_whole_and_in_order(void)
{
    int c[2];
    chatd_start();
    chat_join(c, 2);
    chat_say(c[0], "one\ntw", 6);
    check_sleep_ms(100);                /* "tw" alone is not a line yet */
    chat_expect(c[1], "[1] one\n");
    chat_expect_nothing(c[1]);
    chat_say(c[0], "o\nthree\n", 8);
    chat_expect(c[1], "[1] two\n[1] three\n");
    chatd_stop();
}

static void
case_a_client_leaving_does_not_disturb_the_rest(void)
{
    int c[3];
    chatd_start();
    chat_join(c, 3);
    CHECK_OK(close(c[1]));
    chat_say(c[0], "still here\n", 11);
    chat_expect(c[2], "[1] still here\n");
    chat_say(c[2], "me too\n", 7);
    chat_expect(c[0], "[3] me too\n");
    int late = chat_connect();          /* the fourth to connect: number 4 */
    chat_say(late, "new\n", 4);
    chat_expect(c[0], "[4] new\n");
    chat_expect(c[2], "[4] new\n");
    chatd_stop();
}

#define FLOOD_LINE  64                  /* bytes per line */
#define FLOOD_BATCH 16                  /* lines per write */
#define FLOOD_BYTES (256 * 1024)        /* far more than a socket holds */

/* Client 4 never reads.  Client 1 sends FLOOD_BYTES, a batch at a time,
 * each after clients 2 and 3 have received the one before: a server that
 * blocks writing to client 4 stops them all once its socket is full. */
static void
case_a_client_that_never_reads_does_not_stop_the_others(void)
{
    int c[4];
    static char batch[FLOOD_BATCH * FLOOD_LINE], relayed[FLOOD_BATCH * (FLOOD_LINE + 4) + 1];
    chatd_start();
    chat_join(c, 4);                    /* c[3] says "joined" and then never reads */
    for (int round = 0; round < FLOOD_BYTES / (int)sizeof batch; round++) {
        char *out = relayed;
        for (int i = 0; i < FLOOD_BATCH; i++) {
            char line[FLOOD_LINE + 1];
            snprintf(line, sizeof line, "%-*d\n", FLOOD_LINE - 1, round * FLOOD_BATCH + i);
            memcpy(batch + i * FLOOD_LINE, line, FLOOD_LINE);
            out += sprintf(out, "[1] %s", line);
        }
        chat_say(c[0], batch, sizeof batch);
        chat_expect_bytes(c[1], relayed, out - relayed);
        chat_expect_bytes(c[2], relayed, out - relayed);
    }
    chatd_stop();
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(a_line_reaches_every_other_client_prefixed),
        CHECK_CASE(lines_arrive_whole_and_in_order),
        CHECK_CASE(a_client_leaving_does_not_disturb_the_rest),
        CHECK_CASE(a_client_that_never_reads_does_not_stop_the_others),
    };
    return check_main("lab_chat", cases, CHECK_NCASES(cases), argc, argv);
}
