/*
 * demo_msgq_server -- a System V message-queue client/server, the classic
 * way: one queue, requests on type 1, each reply on the client's own type.
 *
 *   server:  msgrcv(q, &req, size, 1, 0)            take any request
 *            msgsnd(q, &reply with mtype = req.pid)  answer that client
 *   client:  msgsnd(q, &req with mtype 1 and its pid)
 *            msgrcv(q, &reply, size, getpid(), 0)    only its own answer
 *
 * msgrcv by type is what makes one queue serve many clients: each client
 * waits for messages of its own type and sleeps through everyone else's.
 * The key comes from ftok, as a real service would publish it.  Four
 * clients ask the server to square a number; the server stops at a
 * request of type 2.
 */
#include <stdio.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <unistd.h>

#define REQUEST 1
#define SHUTDOWN 2
#define CLIENTS 4

struct request {
    long  mtype;                /* REQUEST or SHUTDOWN */
    pid_t client;               /* the type to answer on */
    int   number;
};

struct reply {
    long mtype;                 /* the client's pid */
    int  square;
};

#define BODY(m) (sizeof(m) - sizeof(long))

static void
server(int q)
{
    struct request req;
    for (;;) {
        if (msgrcv(q, &req, BODY(req), -SHUTDOWN, 0) < 0) {  /* type 1 or 2 */
            perror("server: msgrcv");
            _exit(1);
        }
        if (req.mtype == SHUTDOWN)
            break;
        struct reply rep = { req.client, req.number * req.number };
        printf("server: %d asks for %d squared\n", req.client, req.number);
        if (msgsnd(q, &rep, BODY(rep), 0) < 0)
            perror("server: msgsnd");
    }
    _exit(0);
}

static void
client(int q, int number)
{
    struct request req = { REQUEST, getpid(), number };
    struct reply rep;
    if (msgsnd(q, &req, BODY(req), 0) < 0 ||
        msgrcv(q, &rep, BODY(rep), getpid(), 0) < 0) {
        perror("client");
        _exit(1);
    }
    printf("client %d: %d squared is %d\n", getpid(), number, rep.square);
    _exit(rep.square == number * number ? 0 : 1);
}

int
main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);   /* children _exit: print whole lines */
    key_t key = ftok("/bin/demo_msgq_server", 'S');
    int q = msgget(key, IPC_CREAT | 0600);
    if (q < 0) {
        perror("demo_msgq_server: msgget");
        return 1;
    }
    printf("queue key 0x%08x, id %d\n", (unsigned)key, q);
    pid_t srv = fork();
    if (srv == 0)
        server(q);
    int failed = 0, status;
    pid_t clients[CLIENTS];
    for (int c = 0; c < CLIENTS; c++)
        if ((clients[c] = fork()) == 0)
            client(q, c + 2);
    for (int c = 0; c < CLIENTS; c++) {
        waitpid(clients[c], &status, 0);
        failed |= !WIFEXITED(status) || WEXITSTATUS(status) != 0;
    }
    struct request stop = { SHUTDOWN, 0, 0 };
    msgsnd(q, &stop, BODY(stop), 0);
    waitpid(srv, NULL, 0);
    msgctl(q, IPC_RMID, NULL);
    printf("%s\n", failed ? "a client got a wrong answer" : "every client got its own answer");
    return failed;
}
