"""gdb helpers for Parley: look at processes, memory and IPC objects in a
halted kernel.  `make gdb` loads this file; by hand: `source tools/gdb/parley.py`.

  parley-ps                 the process table: pid, state, name, what each waits for
  parley-vm [PID]           a process's regions and every mapped page -> frame
  parley-pipes              each pipe and open FIFO: its ring, ends and sleepers
  parley-msq [ID]           message queues, mailboxes, ports, inboxes: messages, waiters
  parley-sem [ID]           semaphore sets: values, pending operation lists, undo entries
  parley-shm [ID]           shared-memory segments and their attachments
  parley-sockets            sockets: kind, state, names, peer, buffered bytes, sleepers
  parley-waitgraph          who waits for whom (the kernel's own wait-for graph)
  parley-user               load the symbols of the program the current process runs
  parley-break-in PROG LOC [COND]
                            a breakpoint at LOC that stops only in program PROG (and if COND)

Every command reads kernel memory only, except parley-waitgraph, which calls
the kernel's waitfor_describe() in the halted machine.  Commands about a
mechanism that this kernel does not have say so instead of failing.
"""

import os
import re

import gdb

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STATE_NAMES = {0: "unused", 1: "embryo", 2: "runnable", 3: "running",
               4: "sleeping", 5: "stopped", 6: "zombie"}


# ---- reading the kernel ------------------------------------------------------

def value(expr):
    return gdb.parse_and_eval(expr)


def cstring(v, limit=64):
    """A C string from a char array or a char pointer, up to its NUL."""
    try:
        if v.type.strip_typedefs().code == gdb.TYPE_CODE_ARRAY:
            limit = min(limit, array_len(v))
            addr = int(v.address)
        else:
            addr = int(v)
        if addr == 0:
            return ""
        raw = bytes(gdb.selected_inferior().read_memory(addr, limit))
        return raw.split(b"\0")[0].decode("latin-1")
    except gdb.error:
        return "?"


def array_len(v):
    t = v.type.strip_typedefs()
    lo, hi = t.range()
    return hi - lo + 1


def procs(live_only=True):
    table = value("proc_table")
    for i in range(array_len(table)):
        p = table[i]
        if not live_only or int(p["state"]) != 0:
            yield p


def state_name(p):
    return STATE_NAMES.get(int(p["state"]), str(int(p["state"])))


def kernel_printf(fmt, args):
    """The wait name, as ps prints it: fmt is the kernel's format string."""
    out, k = [], 0
    for piece in re.split(r"(%-?\d*l?[dsuxc%])", fmt):
        if not piece.startswith("%") or len(piece) < 2:
            out.append(piece)
        elif piece == "%%":
            out.append("%")
        else:
            arg = int(args[k]) if k < len(args) else 0
            k += 1
            if piece.endswith("s"):
                out.append(cstring(gdb.Value(arg).cast(gdb.lookup_type("char").pointer())))
            elif piece.endswith("x"):
                out.append("%x" % (arg & 0xffffffff))
            else:
                out.append(str(arg if arg < 2 ** 31 else arg - 2 ** 32))
    return "".join(out)


def wait_of(p):
    if int(p["state"]) != 4 or int(p["wait_what"]) == 0:
        return ""
    return kernel_printf(cstring(p["wait_what"]), [p["wait_a"], p["wait_b"]])


def find_proc(pid):
    for p in procs():
        if int(p["pid"]) == pid:
            return p
    raise gdb.GdbError("no process %d" % pid)


def has_symbol(name):
    return gdb.lookup_global_symbol(name) is not None or \
        gdb.lookup_static_symbol(name) is not None


class Command(gdb.Command):
    """Base: the name and the first docstring line come from the subclass."""

    def __init__(self):
        super().__init__(self.NAME, gdb.COMMAND_USER)


# ---- the commands --------------------------------------------------------------

class Ps(Command):
    """parley-ps: every process, its state, its program and what it waits for."""
    NAME = "parley-ps"

    def invoke(self, arg, from_tty):
        cur = int(value("current")["pid"]) if int(value("current")) else -1
        print("  PID  PPID STATE     NAME             WAITING FOR")
        for p in procs():
            parent = int(p["parent"]["pid"]) if int(p["parent"]) else 0
            mark = "*" if int(p["pid"]) == cur else " "
            print("%s%4d %5d %-9s %-16s %s" % (mark, int(p["pid"]), parent, state_name(p),
                                             cstring(p["name"], 16), wait_of(p)))


PTE_P, PTE_W, PTE_U = 1, 2, 4
KERNBASE = 0xC0000000


class Vm(Command):
    """parley-vm [PID]: regions and the page table, page -> frame (default: current)."""
    NAME = "parley-vm"

    def invoke(self, arg, from_tty):
        p = find_proc(int(arg)) if arg.strip() else value("current").dereference()
        vm = p["vm"]
        print("process %d (%s): heap %#x..%#x, stack from %#x" % (
            int(p["pid"]), cstring(p["name"], 16), int(vm["heap_start"]), int(vm["brk"]),
            int(vm["stack_low"])))
        self.regions(vm)
        self.pages(vm)

    def regions(self, vm):
        try:
            r = vm["regions"]
        except gdb.error:
            return
        while int(r):
            kind = "shm" if int(r["shm"]) else ("file" if int(r["object"]) else "anon")
            print("  region %#010x-%#010x prot %d %s %s" % (
                int(r["start"]), int(r["end"]), int(r["prot"]),
                "shared" if bool(r["shared"]) else "private", kind))
            r = r["next"]

    def pages(self, vm):
        pgdir = vm["pgdir"]
        inferior = gdb.selected_inferior()
        for i in range(KERNBASE >> 22):
            pde = int(pgdir[i])
            if not pde & PTE_P:
                continue
            table = (pde & ~0xfff) + KERNBASE
            raw = bytes(inferior.read_memory(table, 4096))
            for j in range(1024):
                pte = int.from_bytes(raw[4 * j:4 * j + 4], "little")
                if pte & PTE_P:
                    print("  page %#010x -> frame %#010x %s" % (
                        (i << 22) | (j << 12), pte & ~0xfff, "rw" if pte & PTE_W else "r-"))


class Pipes(Command):
    """parley-pipes: each pipe/FIFO (by inode, as ps names it): its ring, ends and sleepers."""
    NAME = "parley-pipes"

    def invoke(self, arg, from_tty):
        table, used = value("pipe_table"), value("pipe_used")
        inode_of = pipe_inodes()
        for i in range(array_len(table)):
            if not bool(used[i]):
                continue
            q = table[i]["q"]
            start, count, capacity = int(q["read_pos"]), int(q["count"]), int(q["capacity"])
            print("pipe %s: read at %d, write at %d: %d bytes of %d, %d reader(s), %d writer(s)" % (
                inode_of.get(int(table[i].address), "(state %d)" % i), start,
                (start + count) % capacity if capacity else 0, count, capacity,
                int(q["readers"]), int(q["writers"])))
            for label, wq in (("readers waiting", q["read_wait"]),
                              ("writers waiting", q["write_wait"])):
                pids = sleepers(wq)
                if pids:
                    print("  %s: %s" % (label, " ".join(map(str, pids))))


def pipe_inodes():
    """{address of a pipe_state: its inode's number}, from the inode table."""
    table = static_table("inode_table")
    found = {}
    for k in range(array_len(table) if table is not None else 0):
        ip = table[k]
        if int(ip["ino"]) and int(ip["pipe"]):
            found[int(ip["pipe"])] = str(int(ip["ino"]))
    return found


def sleepers(wq):
    pids, e = [], wq["head"]
    while int(e):
        pids.append(int(e["proc"]["pid"]))
        e = e["next"]
    return pids


class Msq(Command):
    """parley-msq [ID]: message queues, mailboxes, ports and inboxes: owner, capacity, messages, waiters."""
    NAME = "parley-msq"

    def invoke(self, arg, from_tty):
        want = int(arg, 0) if arg.strip() else None
        shown = sysv_queues(want) + boxes(want) + inboxes(want)
        if not shown:
            print("no message queue, mailbox, port or busy inbox%s" %
                  ("" if want is None else " with id %d" % want))


MSGS_SHOWN = 16     # messages listed per queue; the rest are counted


def show_msgq(q):
    """The messages queued in a struct msgq and the processes asleep on it."""
    m, k = q["head"], 0
    while int(m) and k < MSGS_SHOWN:
        h = m["hdr"]
        taken = " (its sender waits until it is taken)" if int(m["sync_sender"]) else ""
        print("  message %d: type %d, priority %d, %d bytes, from pid %d%s" % (
            int(h["seq"]), int(h["type"]), int(h["priority"]), int(h["length"]),
            int(h["sender"]), taken))
        m, k = m["next"], k + 1
    if int(q["count"]) > k:
        print("  ... and %d more" % (int(q["count"]) - k))
    for label, head in (("senders waiting", q["senders"]), ("receivers waiting", q["receivers"])):
        pids, w = [], head
        while int(w):
            pids.append(str(int(w["proc"]["pid"])))
            w = w["next"]
        if pids:
            print("  %s: %s" % (label, " ".join(pids)))


def limits(q):
    if int(q["max_count"]) == 0:
        return "capacity 0 (rendezvous)"
    order = "priority" if int(q["order"]) == int(value("MSGQ_PRIORITY")) else "FIFO"
    return "capacity %d messages, %d bytes, %s" % (int(q["max_count"]), int(q["max_bytes"]), order)


def sysv_queues(want):
    if not has_symbol("msg_ids"):
        return 0
    n = 0
    for obj, mq in ipc_objects("msg_ids", "struct msg_queue", "" if want is None else str(want)):
        q = mq["q"]                 # struct msg_queue: the ids object, then the msgq
        print("queue %d (key %d): %d messages, %d bytes; %s; owner uid %d" % (
            int(obj["id"]), int(obj["perm"]["__key"]), int(q["count"]), int(q["bytes"]),
            limits(q), int(obj["perm"]["uid"])))
        show_msgq(q)
        n += 1
    return n


def static_table(name):
    """A file-static table of the kernel (its length from its type), or None."""
    sym = gdb.lookup_static_symbol(name) or gdb.lookup_global_symbol(name)
    return sym.value() if sym else None


def boxes(want):
    table = static_table("boxes")
    if table is None:
        return 0
    n = 0
    for k in range(array_len(table)):
        b = table[k]
        if not bool(b["used"]) or (want is not None and int(b["id"]) != want):
            continue
        kind = "port" if int(b["kind"]) == 2 else "mailbox"     # MBOX_KIND_PORT
        name = cstring(b["name"])
        q = b["q"]
        print("%s %d%s (owner %d): %d messages, %d bytes; %s" % (
            kind, int(b["id"]), ' "%s"' % name if name else "", int(b["owner"]),
            int(q["count"]), int(q["bytes"]), limits(q)))
        show_msgq(q)
        n += 1
    return n


def inboxes(want):
    """Each live process's inbox that holds messages, has room or has sleepers, and
    a request awaiting its reply."""
    table = static_table("msg_procs")
    if table is None:
        return 0
    procs_by_slot = value("proc_table")
    n = 0
    for k in range(array_len(table)):
        mp, p = table[k], procs_by_slot[k]
        pid = int(mp["pid"])
        if pid == 0 or int(p["state"]) == 0 or int(p["pid"]) != pid or \
                (want is not None and pid != want):
            continue
        q = mp["inbox"]
        busy = int(q["count"]) or int(q["senders"]) or int(q["receivers"]) or int(q["max_count"])
        if not busy and not int(mp["awaiting_reply"]):
            continue
        print("inbox of %d (%s): %d messages, %d bytes; %s" % (
            pid, cstring(p["name"], 16), int(q["count"]), int(q["bytes"]), limits(q)))
        if int(mp["receiving_from"]):
            print("  its owner receives only from %d" % int(mp["receiving_from"]))
        if int(mp["awaiting_reply"]):
            server = int(mp["reply_server"])
            print("  its owner awaits the reply to request %d%s" % (
                int(mp["awaiting_reply"]), " (taken by %d)" % server if server else ""))
        show_msgq(q)
        n += 1
    return n


class Sem(Command):
    """parley-sem [ID]: semaphore sets: values, pending operation lists, undo entries."""
    NAME = "parley-sem"

    def invoke(self, arg, from_tty):
        if not has_symbol("sem_ids"):
            print("this kernel has no semaphores")
            return
        for obj, s in ipc_objects("sem_ids", "struct sem_set", arg):
            n = int(s["nsems"])
            values = " ".join("[%d]=%d(pid %d)" % (k, int(s["sems"][k]["value"]),
                                                   int(s["sems"][k]["pid"])) for k in range(n))
            print("set %d (key %d): %s" % (int(obj["id"]), int(obj["perm"]["__key"]), values))
            q = s["pending_head"]
            while int(q):
                # the list as ps names the sleeper's wait (sem.c formats a
                # one-operation list only when asked, so q->what may be empty)
                print("  pending: pid %d: %s" % (int(q["proc"]["pid"]), wait_of(q["proc"].dereference())))
                q = q["next"]
        try:
            u = value("'sem_undo.c'::pool")
        except gdb.error:
            u = None
        if u is not None:
            for k in range(array_len(u)):
                if int(u[k]["owner"]):
                    print("undo: pid %d set %d [%d] adj %d" % (
                        int(u[k]["owner"]["pid"]), int(u[k]["semid"]), int(u[k]["semnum"]),
                        int(u[k]["adj"])))


class Shm(Command):
    """parley-shm [ID]: shared-memory segments, their size and who has them attached where."""
    NAME = "parley-shm"

    def invoke(self, arg, from_tty):
        if not has_symbol("shm_ids"):
            print("this kernel has no System V shared memory")
            return
        for obj, seg in ipc_objects("shm_ids", "struct shm_segment", arg):
            print("segment %d (key %d): %d bytes, %d attached, made by %d, last used by %d" % (
                int(obj["id"]), int(obj["perm"]["__key"]), int(seg["segsz"]),
                int(seg["nattch"]), int(seg["cpid"]), int(seg["lpid"])))
            for p in procs():
                r = p["vm"]["regions"]
                while int(r):
                    if int(r["shm"]) == int(seg):
                        print("  attached by %d (%s) at %#x-%#x" % (
                            int(p["pid"]), cstring(p["name"], 16), int(r["start"]), int(r["end"])))
                    r = r["next"]


class Sockets(Command):
    """parley-sockets: every socket: kind, state, names, peer, buffered bytes, sleepers."""
    NAME = "parley-sockets"

    def invoke(self, arg, from_tty):
        table = static_table("sock_table")
        if table is None:
            print("this kernel has no sockets")
            return
        live = [table[k] for k in range(array_len(table)) if int(table[k]["refs"])]
        for sock in live:
            show_socket(sock)
        if not live:
            print("no sockets")


SOCK_DOMAINS = {1: "AF_UNIX", 2: "AF_INET"}
SOCK_TYPES = {1: "stream", 2: "datagram"}


def sock_name(a):
    family = int(a["family"])
    if family == 1:
        return cstring(a["path"]) or "(unnamed)"
    if family == 2:
        ip = int(a["ip"])
        return "%d.%d.%d.%d:%d" % (ip >> 24, (ip >> 16) & 255, (ip >> 8) & 255, ip & 255,
                                   int(a["port"]))
    return ""


def show_socket(sock):
    kind = "%s %s" % (SOCK_DOMAINS.get(int(sock["domain"]), str(int(sock["domain"]))),
                      SOCK_TYPES.get(int(sock["type"]), str(int(sock["type"]))))
    state = str(sock["state"]).replace("SOCK_", "").lower()
    line = "socket %d: %s, %s" % (int(sock["id"]), kind, state)
    for label, field in (("name", "local"), ("peer name", "remote")):
        name = sock_name(sock[field])
        if name:
            line += ", %s %s" % (label, name)
    if int(sock["peer"]):
        line += ", peer socket %d" % int(sock["peer"]["id"])
    print(line)
    if int(sock["type"]) == 1 and state == "listening":
        print("  %d connections waiting to be accepted (backlog %d)%s" % (
            int(sock["pending"]), int(sock["backlog"]), waiting(" accept", sock["accept_wait"])))
    elif int(sock["type"]) == 1:
        rx = sock["rx"]
        print("  receive buffer: %d bytes of %d%s%s" % (
            int(rx["count"]), int(rx["capacity"]), waiting(" readers", rx["read_wait"]),
            waiting(" writers", rx["write_wait"])))
    else:
        print("  %d datagrams queued, %d bytes" % (int(sock["inbox"]["count"]),
                                                   int(sock["inbox"]["bytes"])))
        show_msgq(sock["inbox"])


def waiting(label, wq):
    pids = sleepers(wq)
    return ";%s waiting: %s" % (label, " ".join(map(str, pids))) if pids else ""


def ipc_objects(table, type_name, arg):
    """(ipc_object, the mechanism's object) for each live object, or the one id."""
    ids = value(table)
    want = int(arg) if arg.strip() else None
    pointer = gdb.parse_and_eval("(%s *)0" % type_name).type
    for k in range(int(ids["max"])):
        o = ids["slot"][k]
        if not int(o) or (want is not None and int(o["id"]) != want):
            continue
        yield o, o.cast(pointer)


class Waitgraph(Command):
    """parley-waitgraph: for each blocked process, whom it waits for (calls the kernel)."""
    NAME = "parley-waitgraph"

    def invoke(self, arg, from_tty):
        buf = value("waitfor_gdb_text")
        describe = value("waitfor_describe")
        for p in procs():
            if int(p["state"]) != 4:
                continue
            describe(p.address, buf, array_len(buf))
            print("%d (%s) %s: %s" % (int(p["pid"]), cstring(p["name"], 16), wait_of(p),
                                      cstring(buf) or "waits for the outside world"))


class User(Command):
    """parley-user: load the symbols of the program the current process runs."""
    NAME = "parley-user"

    def invoke(self, arg, from_tty):
        name = cstring(value("current")["name"], 16)
        path = os.path.join(ROOT, "build", "bin", name)
        if not os.path.exists(path):
            raise gdb.GdbError("no %s for process %s" % (path, name))
        gdb.execute("add-symbol-file %s" % path, to_string=True)
        print("symbols of %s loaded (every program is linked at the same address:"
              " use parley-break-in to stop only in this one)" % path)


class BreakIn(Command):
    """parley-break-in PROG LOCATION [CONDITION]: a breakpoint that stops only while PROG runs
    (and CONDITION, a C expression, holds)."""
    NAME = "parley-break-in"

    def invoke(self, arg, from_tty):
        words = arg.split(None, 2)
        if len(words) < 2:
            raise gdb.GdbError("usage: parley-break-in PROGRAM LOCATION [CONDITION]")
        prog, where = words[:2]
        condition = '$_streq(current->name, "%s")' % prog
        if len(words) == 3:
            condition += " && (%s)" % words[2]
        gdb.execute("break %s if %s" % (where, condition))


for command in (Ps, Vm, Pipes, Msq, Sem, Shm, Sockets, Waitgraph, User, BreakIn):
    command()
