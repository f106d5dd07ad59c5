/*
 * trace -- run a program and show what it does, like strace.
 *
 *   trace [-e call,call...] [-i] [-r] [-o file] program [arg...]
 *
 * Every system call of the program and of every process it forks is shown
 * with its arguments, decoded from the parameter lists of the system-call
 * table itself (<parley/syscall.h>), and its result:
 *
 *   [5 prod] msgsnd(msqid=3, umsg={mtype=2}, size=64, flags=0) = 0
 *   [6 cons] read(fd=3, buf=0x804a000, n=512) = -1 EINTR
 *
 *   -e LIST   only these calls (names, comma-separated)
 *   -i        also the IPC events: sends, receives, blocks, wake-ups,
 *             signals, forks and exits
 *   -r        raw: one tab-separated line per event, for tools/ipc-diagram
 *   -o FILE   write the trace to FILE instead of standard error
 *   -D        at the end, copy FILE to standard output between marker
 *             lines (how tools/run-in-guest --ipc-trace brings it out)
 *
 * How it works: trace opens the kernel's tracing session, forks, and the
 * child asks to be traced and execs the program; trace then reads the
 * kernel's event ring until every traced process has exited.  The exit
 * status of trace is the program's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <parley.h>
#include <parley/syscall.h>
#include <parley/trace.h>

/* The table, expanded here for names and parameter lists. */
struct call {
    const char *name;
    int         nargs;
    const char *params;         /* "(int fd, char *buf, size_t n)" */
};

#define ROW(num, name, nargs, params) [num] = { #name, nargs, #params },
static const struct call calls[SYS_MAX] = { PARLEY_SYSCALLS(ROW, ROW) };
#undef ROW

#define KIND_NAME(name, text) text,
static const char *const kind_names[] = { PARLEY_TRACE_KINDS(KIND_NAME) };
static const char *const object_names[] = { PARLEY_TRACE_OBJECTS(KIND_NAME) };
#undef KIND_NAME

#define DUMP_BEGIN "@@parley-ipc-trace-begin@@"
#define DUMP_END   "@@parley-ipc-trace-end@@"

static FILE *out;
static int show_ipc, raw;
static char selected[SYS_MAX];  /* -e: 1 for each call to show */
static int selecting;

/* ---- decoding one call ---------------------------------------------------- */

/* Copy parameter i of params ("(int fd, char *buf)") into type and name. */
static void
param_at(const char *params, int i, char *type, size_t tsize, char *name, size_t nsize)
{
    const char *p = params + 1;
    for (; i > 0 && *p; p++)
        if (*p == ',')
            i--;
    while (*p == ' ')
        p++;
    const char *end = p;
    while (*end && *end != ',' && *end != ')')
        end++;
    const char *id = end;       /* the name is the last identifier */
    while (id > p && (id[-1] == '_' || (id[-1] >= 'a' && id[-1] <= 'z') ||
                      (id[-1] >= 'A' && id[-1] <= 'Z') || (id[-1] >= '0' && id[-1] <= '9')))
        id--;
    snprintf(type, tsize, "%.*s", (int)(id - p), p);
    snprintf(name, nsize, "%.*s", (int)(end - id), id);
}

static void
print_value(const char *type, long v, const struct trace_event *e, int *used_text)
{
    if (strstr(type, "const char *") && !*used_text && e->text[0]) {
        fprintf(out, "\"%s\"", e->text);
        *used_text = 1;
    } else if (strchr(type, '*')) {
        fprintf(out, v ? "%p" : "NULL", (void *)v);
    } else if (strstr(type, "mode_t")) {
        fprintf(out, v ? "0%lo" : "0", v);
    } else {
        fprintf(out, "%ld", v);
    }
}

static void
print_result(long r)
{
    if (r < 0 && r >= -4095) {
        const char *name = strerrorname_np((int)-r);
        fprintf(out, " = -1 %s (%s)\n", name ? name : "?", strerror((int)-r));
    } else if (r > 0xffff || r < -4095) {
        fprintf(out, " = %#lx\n", r);
    } else {
        fprintf(out, " = %ld\n", r);
    }
}

static void
print_syscall(const struct trace_event *e)
{
    const struct call *c = e->nr > 0 && e->nr < SYS_MAX ? &calls[e->nr] : NULL;
    if (!c || !c->name) {
        fprintf(out, "[%d %s] syscall_%d(...)", e->pid, e->comm, e->nr);
        print_result(e->result);
        return;
    }
    fprintf(out, "[%d %s] %s(", e->pid, e->comm, c->name);
    int used_text = 0;
    for (int i = 0; i < c->nargs; i++) {
        char type[48], name[32];
        param_at(c->params, i, type, sizeof type, name, sizeof name);
        fprintf(out, "%s%s=", i ? ", " : "", name);
        if (e->nr == SYS_msgsnd && i == 1 && e->text[0])
            fprintf(out, "{mtype=%s}", e->text);  /* the kernel read the type */
        else
            print_value(type, e->args[i], e, &used_text);
    }
    fputc(')', out);
    print_result(e->result);
}

/* ---- IPC events ---------------------------------------------------------- */

static void
print_ipc(const struct trace_event *e)
{
    const char *obj = e->obj_type < TRACE_OBJ_NKINDS ? object_names[e->obj_type] : "?";
    fprintf(out, "[%d %s] %llu.%06llu %s", e->pid, e->comm,
            e->t_ns / 1000000000ULL, e->t_ns / 1000 % 1000000ULL, kind_names[e->kind]);
    switch (e->kind) {
    case TRACE_EV_SEND: case TRACE_EV_RECV:
        fprintf(out, " %s %d: %ld bytes", obj, e->obj_id, e->a);
        if (e->peer)
            fprintf(out, " (%s %d)", e->kind == TRACE_EV_SEND ? "to" : "from", e->peer);
        break;
    case TRACE_EV_BLOCK:   fprintf(out, ": %s", e->text); break;
    case TRACE_EV_WAKE:    fprintf(out, " %d", e->peer); break;
    case TRACE_EV_SIGNAL:  fprintf(out, " %ld to %d", e->a, e->peer); break;
    case TRACE_EV_DELIVER: fprintf(out, " %ld (%s)", e->a, e->b ? "handler" : "default"); break;
    case TRACE_EV_SEMOP:   fprintf(out, " %s %d [%ld] %+ld", obj, e->obj_id, e->a, e->b); break;
    case TRACE_EV_FORK:    fprintf(out, " child %d", e->peer); break;
    case TRACE_EV_EXEC:    fprintf(out, " %s", e->text); break;
    case TRACE_EV_EXIT:    fprintf(out, " status 0x%lx", e->a); break;
    default:
        fprintf(out, " %s %d", obj, e->obj_id);
        if (e->peer)
            fprintf(out, " peer %d", e->peer);
        if (e->text[0])
            fprintf(out, " %s", e->text);
    }
    fputc('\n', out);
}

/* One line per event, tab-separated, every field: what tools read. */
static void
print_raw(const struct trace_event *e)
{
    fprintf(out, "E\t%llu\t%d\t%s\t%s\t%s\t%d\t%d\t%ld\t%ld\t%d\t%ld\t%s\n",
            e->t_ns, e->pid, e->comm, kind_names[e->kind],
            e->obj_type < TRACE_OBJ_NKINDS ? object_names[e->obj_type] : "?",
            e->obj_id, e->peer, e->a, e->b,
            e->nr, e->result, e->kind == TRACE_EV_SYSCALL && e->nr < SYS_MAX && calls[e->nr].name
                ? calls[e->nr].name : e->text);
}

static void
show(const struct trace_event *e)
{
    if (e->kind == TRACE_EV_SYSCALL && selecting && (e->nr <= 0 || e->nr >= SYS_MAX || !selected[e->nr]))
        return;
    if (raw)
        print_raw(e);
    else if (e->kind == TRACE_EV_SYSCALL)
        print_syscall(e);
    else if (show_ipc)
        print_ipc(e);
}

/* ---- the command --------------------------------------------------------- */

static void
select_calls(char *list)
{
    selecting = 1;
    for (char *name = strtok(list, ","); name; name = strtok(NULL, ",")) {
        int found = 0;
        for (int i = 1; i < SYS_MAX; i++)
            if (calls[i].name && strcmp(calls[i].name, name) == 0)
                selected[i] = found = 1;
        if (!found) {
            fprintf(stderr, "trace: no system call named %s\n", name);
            exit(2);
        }
    }
}

/* Copy the finished trace file to stdout between the marker lines. */
static void
dump_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return;
    char line[256];
    printf("\n%s\n", DUMP_BEGIN);
    while (fgets(line, sizeof line, f))
        fputs(line, stdout);
    printf("%s\n", DUMP_END);
    fflush(stdout);
    fclose(f);
}

static void
usage(void)
{
    fprintf(stderr, "usage: trace [-e call,...] [-i] [-r] [-o file [-D]] program [arg...]\n");
    exit(2);
}

static void
run_traced(char **argv, int flags)
{
    if (tracectl(TRACE_ME, flags, NULL, 0) < 0) {
        perror("trace: tracectl");
        _exit(126);
    }
    execvp(argv[0], argv);
    fprintf(stderr, "trace: %s: %s\n", argv[0], strerror(errno));
    _exit(127);
}

int
main(int argc, char **argv)
{
    const char *outfile = NULL;
    int i = 1, dump = 0;
    out = stderr;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-e") == 0 && i + 1 < argc)
            select_calls(argv[++i]);
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            outfile = argv[++i];
        else if (strcmp(argv[i], "-i") == 0)
            show_ipc = 1;
        else if (strcmp(argv[i], "-r") == 0)
            raw = show_ipc = 1;
        else if (strcmp(argv[i], "-D") == 0)
            dump = 1;
        else
            usage();
    }
    if (i == argc || (dump && !outfile))
        usage();
    if (outfile && !(out = fopen(outfile, "w"))) {
        fprintf(stderr, "trace: %s: %s\n", outfile, strerror(errno));
        return 2;
    }
    if (tracectl(TRACE_OPEN, 0, NULL, 0) < 0) {
        perror("trace: cannot open the tracing session");
        return 2;
    }
    pid_t child = fork();
    if (child < 0) {
        perror("trace: fork");
        return 2;
    }
    if (child == 0)
        run_traced(argv + i, TRACE_SYSCALLS | (show_ipc ? TRACE_IPC : 0));

    static struct trace_event events[64];
    int n;
    while ((n = tracectl(TRACE_READ, 0, events, 64)) > 0 || (n < 0 && errno == EINTR))
        for (int k = 0; k < n; k++)
            show(&events[k]);
    int lost = tracectl(TRACE_LOST, 0, NULL, 0);
    if (lost > 0)
        fprintf(out, "trace: %d events lost (the ring was full)\n", lost);
    tracectl(TRACE_CLOSE, 0, NULL, 0);
    fflush(out);
    if (dump) {
        fclose(out);
        dump_file(outfile);
    }
    int status;
    if (waitpid(child, &status, 0) < 0)
        return 2;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
