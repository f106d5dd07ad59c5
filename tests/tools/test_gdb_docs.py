"""The gdb walk-throughs of the docs, run exactly as written: every fenced
block after a `<!-- gdb-session -->` line in docs/tools.md and
docs/debugging.md is a session in three voices,

  host$ CMD      a command in a host terminal (make qemu-nox-gdb, make gdb);
                 the test adds GDBPORT=N so that it never meets another
                 session on the default port
  parley$ LINE   typed at Parley's shell prompt, in the QEMU terminal,
                 once the prompt is there (so after a `continue`)
  (gdb) CMD      a gdb command, fed to `make gdb` in order

and the other lines are what that step must print, in order (`...` stands
for anything; a line need only appear within the step's output).  A
trailing `  # comment` is the reader's, not part of a command or an
expected line.  No gdb command may fail."""

import os
import re
import select
import signal
import subprocess
import time

guest = ROOT = DEADLINE = None
TREE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MARK = "<!-- gdb-session -->"
DOCS = ["docs/tools.md", "docs/debugging.md"]
STEP = re.compile(r"^(host\$|parley\$|\(gdb\)) (.*)$")
GDB_ERRORS = re.compile(r"(?m)^(No symbol|Undefined command|No breakpoint|Cannot access memory|"
                        r"Python Exception|Error occurred in Python|The program is not being run|"
                        r"No source file|Function \".*\" not defined|A syntax error)")


def without_comment(line):
    return re.sub(r"\s{2,}#.*$", "", line).rstrip()


def doc_sessions(path):
    """The blocks marked as sessions in path: each a list of its lines."""
    lines = open(os.path.join(TREE, path)).read().splitlines()
    sessions = []
    for i, line in enumerate(lines):
        if line.strip() == MARK:
            assert lines[i + 1].startswith("```"), "%s:%d: no block after the mark" % (path, i + 1)
            end = next(j for j in range(i + 2, len(lines)) if lines[j].startswith("```"))
            sessions.append(lines[i + 2:end])
    return sessions


def parse(block):
    """[(voice, text, [expected line patterns])]"""
    steps = []
    for line in block:
        line = without_comment(line)
        m = STEP.match(line)
        if m:
            steps.append((m.group(1), m.group(2), []))
        elif line.strip():
            assert steps, "an output line before any step: %r" % line
            pattern = ".*".join(re.escape(p) for p in line.strip().split("..."))
            steps[-1][2].append(pattern)
    return steps


def listening(port):
    """Someone listens on TCP port (read from /proc, without connecting)."""
    with open("/proc/net/tcp") as f:
        return any(l.split()[1].endswith(":%04X" % port) and l.split()[3] == "0A"
                   for l in f.readlines()[1:])


class Terminal:
    """A host command with its output collected as it comes."""

    def __init__(self, command, stdin_text=None):
        self.proc = subprocess.Popen(command, shell=True, cwd=ROOT, start_new_session=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT)
        self.out = b""
        if stdin_text is not None:
            self.proc.stdin.write(stdin_text.encode())
            self.proc.stdin.close()

    def read(self, seconds):
        ready, _, _ = select.select([self.proc.stdout], [], [], seconds)
        if ready:
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            self.out += chunk
            return bool(chunk)
        return True

    def text(self):
        return self.out.decode("latin-1")

    def stop(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()


def run_session(steps):
    """Runs the steps: QEMU, then gdb fed every (gdb) command (each after a
    marker line, to cut its output out), typing the parley$ lines whenever
    Parley's prompt shows.  Returns the (gdb) steps, their outputs by step
    number, what gdb printed before the first, and the QEMU terminal's text."""
    port = guest.free_tcp_port()
    hosts = [text for voice, text, _ in steps if voice == "host$"]
    gdb_steps = [(text, want) for voice, text, want in steps if voice == "(gdb)"]
    typed = [text for voice, text, _ in steps if voice == "parley$"]
    assert len(hosts) == 2 and "qemu" in hosts[0] and hosts[1].startswith("make gdb"), hosts
    script = "".join("echo @@@ %d\\n\n%s\n" % (k, cmd) for k, (cmd, _) in enumerate(gdb_steps))
    script += "echo @@@ end\\n\n"
    deadline = time.monotonic() + DEADLINE
    qemu = Terminal("%s GDBPORT=%d" % (hosts[0], port))
    gdb = None
    try:
        while not listening(port) and time.monotonic() < deadline and qemu.proc.poll() is None:
            qemu.read(0.2)
        assert listening(port), "QEMU never listened for gdb:\n" + qemu.text()[-2000:]
        gdb = Terminal("%s GDBPORT=%d" % (hosts[1], port), script)
        mark = 0
        while gdb.proc.poll() is None and time.monotonic() < deadline:
            gdb.read(0.05)
            qemu.read(0.05)
            screen = qemu.text()[mark:]
            if typed and screen.endswith("$ "):
                qemu.proc.stdin.write((typed.pop(0) + "\n").encode())
                qemu.proc.stdin.flush()
                mark = len(qemu.text())
            if "@@@ end" in gdb.text():
                break
        while gdb.read(0.1) and gdb.proc.poll() is None and time.monotonic() < deadline:
            pass
    finally:
        if gdb:
            gdb.stop()
        qemu.stop()
    text = gdb.text()
    assert "@@@ end" in text, "gdb did not get through the session:\n%s\n--- QEMU:\n%s" % (
        text[-3000:], qemu.text()[-1500:])
    assert not typed, "Parley's prompt never came for %s" % typed
    text = re.sub(r"(?m)^(\(gdb\) )+", "", text)      # gdb prompts even when stdin is a pipe
    parts = re.split(r"(?m)^@@@ (\d+|end)\n", text)
    by_step = {int(parts[i]): parts[i + 1] for i in range(1, len(parts) - 1, 2)
               if parts[i] != "end"}
    return gdb_steps, by_step, parts[0], qemu.text()


def check_session(steps):
    gdb_steps, by_step, preamble, console = run_session(steps)
    assert "Remote debugging using" in preamble or "target remote" in preamble, preamble
    for k, (cmd, wanted) in enumerate(gdb_steps):
        out = by_step.get(k, "")
        bad = GDB_ERRORS.search(out)
        assert not bad, "(gdb) %s failed: %s" % (cmd, out)
        pos = 0
        for pattern in wanted:
            m = re.compile(pattern, re.M).search(out, pos)
            assert m, "(gdb) %s: no line like %r after what came before, in:\n%s" % (
                cmd, pattern.replace("\\", ""), out)
            pos = m.end()


def session_cases():
    """One case per marked block, named after its page and its place."""
    for path in DOCS:
        for n, _ in enumerate(doc_sessions(path)):
            page = os.path.basename(path)[:-3]
            yield "case_%s_session_%d_runs_as_written" % (page, n + 1), path, n


def session_case(path, n):
    def case():
        check_session(parse(doc_sessions(path)[n]))
    return case


for _name, _path, _n in session_cases():
    globals()[_name] = session_case(_path, _n)


def case_the_docs_have_sessions_to_run():
    assert all(doc_sessions(p) for p in DOCS), "a page lost its marked gdb session"
