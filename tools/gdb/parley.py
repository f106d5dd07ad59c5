"""gdb helpers for Parley: look at processes, memory and IPC objects in a
halted kernel.  `make gdb` loads this file; by hand: `source tools/gdb/parley.py`.

  parley-ps                 the process table: pid, state, name, what each waits for
  parley-vm [PID]           a process's regions and every mapped page -> frame
  parley-pipes              each pipe and open FIFO: its ring, ends and sleepers
  parley-msq [ID]           System V message queues: messages and waiters
  parley-sem [ID]           semaphore sets: values, pending operation lists, undo entries
  parley-shm                shared-memory segments and their attachments
  parley-sockets            sockets: type, state, buffered bytes
  parley-waitgraph          who waits for whom (the kernel's own wait-for graph)
  parley-user               load the symbols of the program the current process runs
  parley-break-in PROG LOC  a breakpoint at LOC that stops only in program PROG

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
    """parley-pipes: each pipe/FIFO ring (read position, bytes, capacity), its ends and sleepers."""
    NAME = "parley-pipes"

    def invoke(self, arg, from_tty):
        table, used = value("pipe_table"), value("pipe_used")
        for i in range(array_len(table)):
            if not bool(used[i]):
                continue
            q = table[i]["q"]
            print("pipe state %d: read_pos %d, %d bytes of %d, %d reader(s), %d writer(s)" % (
                i, int(q["read_pos"]), int(q["count"]), int(q["capacity"]),
                int(q["readers"]), int(q["writers"])))
            for label, wq in (("readers waiting", q["read_wait"]),
                              ("writers waiting", q["write_wait"])):
                pids = sleepers(wq)
                if pids:
                    print("  %s: %s" % (label, " ".join(map(str, pids))))


def sleepers(wq):
    pids, e = [], wq["head"]
    while int(e):
        pids.append(int(e["proc"]["pid"]))
        e = e["next"]
    return pids


class Msq(Command):
    """parley-msq [ID]: System V message queues with their messages and waiters."""
    NAME = "parley-msq"

    def invoke(self, arg, from_tty):
        if not has_symbol("msg_ids"):
            print("this kernel has no System V message queues")
            return
        for obj, q in ipc_objects("msg_ids", "struct msg_queue", arg):
            mq = q["q"]                 # struct msg_queue: the ids object, then the msgq
            print("queue %d (key %d): %d messages, %d bytes" % (
                int(obj["id"]), int(obj["perm"]["__key"]), int(mq["count"]), int(mq["bytes"])))
            m = mq["head"]
            while int(m):
                print("  " + str(m.dereference()))
                m = m["next"]


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
    """parley-shm: shared-memory segments, their size and attachments."""
    NAME = "parley-shm"

    def invoke(self, arg, from_tty):
        if not has_symbol("shm_ids"):
            print("this kernel has no System V shared memory")
            return
        for obj, seg in ipc_objects("shm_ids", "struct shm_segment", arg):
            print("segment %d (key %d): %s" % (int(obj["id"]), int(obj["perm"]["__key"]),
                                               str(seg.dereference())))
        for p in procs():
            r = p["vm"]["regions"]
            while int(r):
                if int(r["shm"]):
                    print("  attached by %d at %#x-%#x" % (int(p["pid"]), int(r["start"]),
                                                          int(r["end"])))
                r = r["next"]


class Sockets(Command):
    """parley-sockets: every socket's type, state and buffered bytes."""
    NAME = "parley-sockets"

    def invoke(self, arg, from_tty):
        for name in ("sock_table", "socket_table"):
            if has_symbol(name):
                t = value(name)
                for k in range(array_len(t)):
                    s = t[k]
                    fields = [f.name for f in s.type.fields()]
                    if "used" in fields and not bool(s["used"]):
                        continue
                    if "refs" in fields and int(s["refs"]) == 0:
                        continue
                    print("socket %d: %s" % (k, str(s)))
                return
        print("this kernel has no sockets")


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
    """parley-break-in PROG LOCATION: a breakpoint that stops only while PROG runs."""
    NAME = "parley-break-in"

    def invoke(self, arg, from_tty):
        words = arg.split()
        if len(words) != 2:
            raise gdb.GdbError("usage: parley-break-in PROGRAM LOCATION")
        prog, where = words
        gdb.execute('break %s if $_streq(current->name, "%s")' % (where, prog))


for command in (Ps, Vm, Pipes, Msq, Sem, Shm, Sockets, Waitgraph, User, BreakIn):
    command()
