"""The gdb helpers (tools/gdb/parley.py) on a running guest, gdb in batch
mode: the guest is stopped inside the kernel while two processes deadlock
on pipes, a third sleeps in semop, and messages and their senders and
receivers wait in a System V queue, a mailbox, a port and an inbox; each
command must show them."""

import re

import os
import subprocess
import tempfile

guest = ROOT = DEADLINE = None
_output = {}

SEM_PROGRAM = r'''
#include <parley/mbox.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <unistd.h>
int main(void)
{
    struct { long mtype; char text[8]; } m = { 7, "hello" };
    int q = msgget(4343, IPC_CREAT | 0600);
    msgsnd(q, &m, 6, 0);            /* one message waits in queue 4343 */
    struct msg_out mail = { 9, 3, "mail", 5 };
    mbox_send(mbox_create("gdbbox", 4, 0), &mail, 0);  /* and one in mailbox gdbbox */
    pid_t parent = getpid();
    if (fork() == 0) {              /* a port whose owner sleeps receiving */
        char buf[16];
        struct msg_in in = { .body = buf, .size = sizeof buf };
        mbox_receive(port_create(2, 0), &in, 0);
        _exit(0);
    }
    if (fork() == 0) {              /* a direct send the parent never takes */
        struct msg_out direct = { 11, 0, "direct", 7 };
        pid_send(parent, &direct, 0);
        _exit(0);
    }
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    write(sv[0], "abc", 3);         /* three bytes wait in a socket */
    int set = semget(4242, 2, IPC_CREAT | 0600);
    struct sembuf up = { 1, 3, 0 }, down = { 0, -1, 0 };
    semop(set, &up, 1);             /* [1] = 3 */
    struct sembuf undone = { 1, -1, SEM_UNDO };
    semop(set, &undone, 1);         /* [1] = 2, and an undo entry of +1 */
    shmat(shmget(4444, 8192, IPC_CREAT | 0600), 0, 0);  /* a segment, attached here
                                                           and in the child below */
    if (fork() == 0) {
        semop(set, &down, 1);       /* [0] is 0: sleeps */
        _exit(0);
    }
    sleep(60);
    return 0;
}
'''

COMMANDS = ["parley-ps", "parley-pipes", "parley-waitgraph", "parley-sem", "parley-msq", "parley-msq 4343", "parley-sockets",
            "parley-shm", "parley-vm 1", "parley-user",
            "parley-break-in deadlock sys_getpid",
            "parley-break-in deadlock sys_getppid current->pid > 1", "info breakpoints"]


def gdb_session():
    """Boot, stop in sys_waitgraph (the deadlock command's call), run every
    command; the output of each, by command."""
    if _output:
        return _output
    with tempfile.TemporaryDirectory() as work:
        src = os.path.join(work, "gdbsem.c")
        with open(src, "w") as f:
            f.write(SEM_PROGRAM)
        prog = guest.compile_program(src, work)
        image = guest.make_initrd(work, "gdbsem & demo_deadlock & sleep 1; deadlock -q", [prog])
        port = guest.free_tcp_port()
        qemu = subprocess.Popen(guest.qemu_args(os.path.join(ROOT, "build", "kernel.elf"), image)
                                + ["-S", "-gdb", "tcp:127.0.0.1:%d" % port],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        # One -ex per command: an error in one does not stop the others.
        steps = ["set pagination off", "set confirm off",
                 "symbol-file %s" % os.path.join(ROOT, "build", "kernel.elf"),
                 "source %s" % os.path.join(ROOT, "tools", "gdb", "parley.py"),
                 "target remote 127.0.0.1:%d" % port, "break sys_waitgraph", "continue"]
        for c in COMMANDS:
            steps += ["echo @@@ %s\\n" % c, c]
        steps += ["echo @@@ end\\n", "kill"]
        args = ["gdb", "-batch", "-nx"]
        for step in steps:
            args += ["-ex", step]
        try:
            r = subprocess.run(args, cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               universal_newlines=True, timeout=DEADLINE)
        finally:
            qemu.kill()
            qemu.wait()
    current = None
    for line in r.stdout.splitlines():
        if line.startswith("@@@ "):
            current = line[4:]
            _output[current] = ""
        elif current:
            _output[current] += line + "\n"
    _output["(all)"] = r.stdout
    return _output


def out(command):
    o = gdb_session()
    assert command in o, "gdb did not get to %s:\n%s" % (command, o.get("(all)"))
    return o[command]


def case_ps_lists_processes_and_their_waits():
    text = out("parley-ps")
    assert "init" in text and "demo_deadlock" in text and "gdbsem" in text, text
    assert text.count("pipe ") >= 2, "both deadlocked processes wait on a pipe:\n" + text
    assert "semop set" in text, text
    assert "*" in text, "the current process is marked"


def case_pipes_show_rings_and_sleepers():
    text = out("parley-pipes")
    assert "0 bytes of" in text and "readers waiting:" in text, text


def case_pipes_are_named_as_ps_names_their_waits():
    waits = re.findall(r"(?m)^\s*(\d+)\s+\d+\s+sleeping\s+demo_deadlock\s+pipe (\d+) empty",
                       out("parley-ps"))
    assert len(waits) == 2, out("parley-ps")
    for pid, ino in waits:
        m = re.search(r"(?m)^pipe %s: read at (\d+), write at (\d+): 0 bytes of \d+, "
                      r"1 reader\(s\), 1 writer\(s\)\n  readers waiting: %s$" % (ino, pid),
                      out("parley-pipes"))
        assert m and m.group(1) == m.group(2), out("parley-pipes")


def case_waitgraph_shows_the_cycle():
    text = out("parley-waitgraph")
    lines = [l for l in text.splitlines() if "demo_deadlock" in l and "waits for" in l]
    assert len(lines) == 2, text
    a, b = (int(l.split()[0]) for l in lines)
    assert "waits for %d" % b in lines[0] and "waits for %d" % a in lines[1], text


def case_sem_shows_values_and_pending_lists():
    text = out("parley-sem")
    assert "(key 4242)" in text and "[1]=2" in text, text
    assert "pending: pid" in text and "[0]-1" in text, text


def case_sem_shows_undo_entries():
    text = out("parley-sem")
    assert re.search(r"(?m)^undo: pid \d+ set \d+ \[1\] adj 1$", text), text


def case_shm_shows_a_segment_and_its_attachments():
    text = out("parley-shm")            # the maker, and the child it forked after shmat
    m = re.search(r"(?m)^segment \d+ \(key 4444\): 8192 bytes, 2 attached, made by (\d+), "
                  r"last used by \d+$", text)
    assert m, text
    at = re.findall(r"(?m)^  attached by (\d+) \(gdbsem\) at 0x[0-9a-f]+-0x[0-9a-f]+$", text)
    assert len(at) == 2 and m.group(1) in at, text


def case_vm_shows_regions_and_frames():
    text = out("parley-vm 1")
    assert "process 1 (init)" in text and "page 0x08048000 -> frame" in text, text


def case_user_loads_the_current_program():
    text = out("parley-user")
    assert "symbols of" in text and "build/bin/deadlock" in text, text


def case_break_in_is_conditional_on_the_program():
    text = out("info breakpoints")
    assert "sys_getpid" in text and '$_streq(current->name, "deadlock")' in text, text
    assert '$_streq(current->name, "deadlock") && (current->pid > 1)' in text, \
        "the extra condition is and-ed in:\n" + text


def case_msq_shows_queues_and_messages():
    text = out("parley-msq")
    assert "(key 4343): 1 messages, 6 bytes" in text, text
    assert "message 1: type 7, priority 0, 6 bytes, from pid" in text, text


def case_msq_shows_a_mailbox_its_owner_capacity_and_message():
    text = out("parley-msq")
    m = re.search(r'(?m)^mailbox \d+ "gdbbox" \(owner (\d+)\): 1 messages, 5 bytes; '
                  r'capacity 4 messages.*\n  message 1: type 9, priority 3, 5 bytes, '
                  r'from pid (\d+)$', text)
    assert m and m.group(1) == m.group(2), text


def case_msq_shows_a_port_and_its_owner_asleep_receiving():
    text = out("parley-msq")
    m = re.search(r"(?m)^port \d+ \(owner (\d+)\): 0 messages, 0 bytes; capacity 2 messages"
                  r".*\n  receivers waiting: (\d+)$", text)
    assert m and m.group(1) == m.group(2), text


def case_msq_shows_an_inbox_with_its_rendezvous_sender():
    text = out("parley-msq")
    m = re.search(r"(?m)^inbox of (\d+) \(gdbsem\): 1 messages, 7 bytes; capacity 0 \(rendezvous\)\n"
                  r"  message 1: type 11, priority 0, 7 bytes, from pid (\d+) "
                  r"\(its sender waits until it is taken\)\n  senders waiting: (\d+)$", text)
    assert m and m.group(2) == m.group(3) and m.group(1) != m.group(2), text
    assert "%s (gdbsem) send to pid %s" % (m.group(2), m.group(1)) in out("parley-waitgraph")


def case_msq_with_an_id_shows_only_that_object():
    text = out("parley-msq 4343")       # no queue, box or inbox has that id
    assert text.startswith("no message queue"), text


def case_sockets_show_a_pair_its_peers_and_buffered_bytes():
    text = out("parley-sockets")
    m = re.search(r"(?m)^socket (\d+): AF_UNIX stream, connected, peer socket (\d+)\n"
                  r"  receive buffer: 0 bytes of \d+\n"
                  r"socket (\d+): AF_UNIX stream, connected, peer socket (\d+)\n"
                  r"  receive buffer: 3 bytes of \d+$", text)
    assert m and (m.group(1), m.group(2)) == (m.group(4), m.group(3)), text
