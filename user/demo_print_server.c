/*
 * demo_print_server -- a print server reached by request and reply on its
 * port, the client/server pattern of Minix's sendrec and QNX's MsgSend.
 *
 *   server:  port = port_create(0, 0)        only the server receives here
 *            mbox_receive(port, &job, 0)     next job (rendezvous: the
 *                                            client waits until it is taken)
 *            ...print it...
 *            msg_reply(job.header.reply_id, &answer)
 *   client:  mbox_request(port, &job, &answer, 0)
 *            one call: send the job, then sleep on a private reply port
 *            until the server's answer comes back.
 *
 * The server publishes its port's id in a named mailbox, "printer", which
 * clients look up with mbox_open.  Three clients each print two jobs; the
 * server answers with the job's number in its queue.
 */
#include <parley/mbox.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CLIENTS 3
#define JOBS    2

static void
server(int directory)
{
    int port = port_create(0, 0);
    struct msg_out pub = { 1, 0, &port, sizeof port };
    if (port < 0 || mbox_send(directory, &pub, 0) < 0) {
        perror("server: set-up");
        _exit(1);
    }
    for (int done = 1; done <= CLIENTS * JOBS; done++) {
        char text[128];
        struct msg_in job = { .body = text, .size = sizeof text - 1 };
        int n = mbox_receive(port, &job, MSG_TRUNC_OK);
        if (n < 0) {
            perror("server: mbox_receive");
            _exit(1);
        }
        text[n] = 0;
        printf("printer: job %d from %d: %s\n", done, job.header.sender, text);
        struct msg_out answer = { 2, 0, &done, sizeof done };
        if (msg_reply(job.header.reply_id, &answer) < 0)
            perror("server: msg_reply");
    }
    _exit(0);                           /* the port dies with us */
}

static void
client(int port, int c)
{
    for (int j = 0; j < JOBS; j++) {
        char text[64];
        snprintf(text, sizeof text, "page %d of client %d", j + 1, c);
        struct msg_out job = { 1, 0, text, (unsigned)strlen(text) };
        int number;
        struct msg_in answer = { .body = &number, .size = sizeof number };
        if (mbox_request(port, &job, &answer, 0) < 0) {
            perror("client: mbox_request");
            _exit(1);
        }
        printf("client %d: \"%s\" was job %d\n", c, text, number);
    }
    _exit(0);
}

int
main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);   /* children _exit: print whole lines */
    int directory = mbox_create("printer", 1, 0);
    if (directory < 0) {
        perror("demo_print_server: mbox_create");
        return 1;
    }
    pid_t srv = fork();
    if (srv == 0)
        server(directory);
    int port;
    struct msg_in in = { .body = &port, .size = sizeof port };
    if (mbox_receive(mbox_open("printer"), &in, 0) < 0) {   /* as a stranger would */
        perror("demo_print_server: looking up the printer");
        return 1;
    }
    for (int c = 1; c <= CLIENTS; c++)
        if (fork() == 0)
            client(port, c);
    int failed = 0, status;
    for (int c = 0; c < CLIENTS + 1; c++) {
        wait(&status);
        failed |= !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    }
    mbox_destroy(directory);
    return failed;
}
