#!/usr/bin/env python3
"""Parley's test runner.  `make test` runs `python3 tests/run.py [T]`.

Suites, by group:
  host    every tests/host/test_NAME.c, compiled with the host compiler and
          run on the host (unit tests of code that does not need the kernel)
  guest   every tests/guest/test_NAME.c (built into /bin by the Makefile):
          one boot runs /bin/test_NAME
  shell   the SHELL_CASES table below: one boot runs one command line and
          its output is compared with what is expected
  tools   every tests/tools/test_NAME.py: host-side checks of the teaching
          tools (each case a case_* function; it boots guests as it needs)
  boot    boot.kernel and boot.grub: boot with -kernel, or from the GRUB
          ISO, wait for the shell's prompt, type a command line, check the
          answer; and the BOOT_DIALOGS below (boot.job_*): boot with
          -kernel and type at the shell, control keys included (Ctrl-C,
          Ctrl-Z), to check job control from end to end

T selects suites: a suite's name (test_fs, shell.pipeline, boot.grub), a
group (host, guest, shell, tools, boot), or "list" to print the names.

Every case prints one line, "ok NAME" or "FAIL NAME: why" (or "skip NAME:
why", for a tools case whose machine cannot have what it needs: it raises
unittest.SkipTest); the last line is "N passed, N failed" (", N skipped")
and the exit status is 1 if anything failed.  With
PARLEY_TEST_JSON=FILE the results are also written to FILE as JSON (one
record per case: suite, passed, line), which tools/grade reads.  Each boot
has a deadline (PARLEY_TEST_TIMEOUT seconds, default 120), a kernel panic
ends it at once, and the console transcript of a failed suite is kept in
build/test-logs/<suite>.log.  Boots run two at a time.
"""

import concurrent.futures
import glob
import os
import re
import subprocess
import sys
import threading
import time
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from tool_module import load_source, load_tool  # noqa: E402  (tools/ is on the path now)
LOG_DIR = os.path.join(ROOT, "build", "test-logs")
DEADLINE = float(os.environ.get("PARLEY_TEST_TIMEOUT", 120))
PARALLEL_BOOTS = 2
HOST_TEST_TIMEOUT = 60
SUMMARY_LINE = re.compile(r"^(\S+: )?\d+ passed, \d+ failed$", re.M)

# ---- the shell cases -------------------------------------------------------
#
# (name, command line, expected): expected is the exact output (a string) or
# a list of regular expressions that must all be found in it.  The command
# must also exit with status 0.

SHELL_CASES = [
    ("echo", "echo hello world", "hello world\n"),
    ("quotes", "echo 'a  b' \"c d\" e\\ f", "a  b c d e f\n"),
    ("list", "echo 1; echo 2; echo 3", "1\n2\n3\n"),
    ("redirect_out_append_in",
     "echo a > /tmp/x; echo b >> /tmp/x; cat < /tmp/x", "a\nb\n"),
    ("redirect_out_truncates",
     "echo a long line > /tmp/x; echo s > /tmp/x; cat /tmp/x", "s\n"),
    ("pipeline", "echo one two | cat | cat", "one two\n"),
    ("exit_status", "sh -c 'exit 3'; echo $?", "3\n"),
    ("and_or", "sh -c 'exit 1' && echo no || echo yes", "yes\n"),
    ("stderr_redirect", "cat /no-such-file 2> /tmp/e; echo x; cat /tmp/e",
     [r"(?s)^x\n.*no-such-file"]),
    ("true_false", "true; echo $?; false; echo $?", "0\n1\n"),
    # A word too long for the shell's buffer fails the command; it is not
    # run with the word cut short.
    ("word_too_long", "echo %s | wc -c; echo $?; echo %s | wc -c" % ("z" * 5000, "z" * 4000),
     [r"(?m)^sh: word longer than 4095 bytes\n1\n4001\n$"]),
    ("stty", "stty tostop -onlcr; stty; stty sane; stty; stty size; stty -a",
     [r"^-onlcr tostop\n25 80\n", r"(?m)^icrnl .* opost onlcr .* -tostop\n"]),
    ("cd_pwd", "cd /tmp; pwd", "/tmp\n"),
    ("motd", "cat /etc/motd", None),        # None: rootfs/etc/motd itself
    ("ls_bin", "ls /bin | cat", [r"(?m)^sh$", r"(?m)^cat$"]),
    ("ps_ef", "ps -ef",
     [r"(?m)^.*\bPID\b.*$", r"(?m)\binit\b", r"(?m)\bsh\b", r"(?m)\bps\b"]),
    # demo_forkserver and demo_pollserver fork their own clients and end
    # when every client has been served.
    ("socket_demos",
     "demo_echo inet; demo_dgram; demo_passfd; demo_forkserver; demo_pollserver",
     [r'client: sent "echo me", got back "echo me"', r"server: client closed, read returned 0",
      r'datagram: "three" from 127\.0\.0\.1:\d+', r'stream: one read took 11 bytes',
      r'(?m)read on: "second half"$'] +
     [r'(?m)^client %d: server \d+ read "hello from client %d"$' % (i, i) for i in range(5)] +
     [r'(?m)^server: accepted connection %d$' % i for i in range(1, 5)] +
     [r'(?m)^server: connection %d is ready$' % i for i in range(1, 5)] +
     [r'(?m)^client %d got "served"$' % i for i in range(4)]),
    ("kstat", "kstat; kstat procs pipes",
     [r"(?m)^frames_free\s+\d+ of \d+", r"(?m)^procs\s+[1-9]\d*\s+processes",
      r"(?m)^open_files\s+[1-9]", r"(?m)^inodes\s+[1-9]", r"(?m)^[1-9]\d*\n0\n"]),
    # The bounded fuzz run and the stress run of docs/robustness.md (fixed
    # seeds, so a failure here replays with the same command line).
    ("fuzz", "fuzz -s 0x5eed -n 60000",
     [r"(?m)^fuzz: watchdog: \d+ rounds", r"(?m)^fuzz: ok \(seed 0x5eed\)$"]),
    ("stress", "stress -s 7 -n 3",
     [r"(?m)^stress: %s round 2: \d+ records .* 2 killed mid-transfer$" % row
      for row in ("pipe", "fifo", "msgq", "mailbox", "port", "direct", "shm-ring",
                  "unix-stream", "unix-dgram", "inet-stream")] + [r"(?m)^stress: ok$"]),
]

BEGIN_MARK = "=== begin ==="
END_MARK = "=== end status "


guest = load_tool("run-in-guest")


class Result:
    """The outcome of one suite: its case lines and, for the log, its
    transcript."""

    def __init__(self, name):
        self.name = name
        self.cases = []             # (passed, line)
        self.transcript = ""

    def add(self, passed, line):
        """passed: True, False, or None for a case skipped."""
        self.cases.append((passed, line))

    def fail(self, why):
        self.add(False, "FAIL %s: %s" % (self.name, why))

    def failed(self):
        return any(passed is False for passed, _ in self.cases)


def case_lines(result, text):
    """Collects the "ok ..." and "FAIL ..." lines a test program printed."""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("ok "):
            result.add(True, line)
        elif line.startswith("FAIL "):
            result.add(False, line)


def judge_program(result, text, code, message=None):
    """Fills result from a test program's output and exit status."""
    result.transcript = text
    case_lines(result, text)
    if message:
        result.fail(message)
    elif code != 0 and not result.failed():
        result.fail("exited with status %d" % code)
    elif not SUMMARY_LINE.search(text):
        result.fail("no summary line: the program did not finish")
    elif not result.cases:
        result.add(True, "ok " + result.name)   # it passed without details


# ---- host suites -----------------------------------------------------------

def build_directives(source, key):
    """The words after "// key:" lines in a test source (see check.h)."""
    words = []
    with open(source) as f:
        for line in f:
            m = re.match(r"\s*//\s*%s:(.*)" % key, line)
            if m:
                words += m.group(1).split()
    return words


def run_host_suite(name):
    """Compiles tests/host/NAME.c and its "// build:" sources; runs it."""
    result = Result(name)
    source = os.path.join("tests", "host", name + ".c")
    exe = os.path.join(ROOT, "build", "host-tests", name)
    os.makedirs(os.path.dirname(exe), exist_ok=True)
    cc = os.environ.get("HOSTCC", "cc")
    cmd = ([cc, "-O1", "-g", "-Wall", "-Wextra", "-Wno-unused-parameter",
            "-Itests/host"] + build_directives(os.path.join(ROOT, source),
                                               "cflags") +
           [source] + build_directives(os.path.join(ROOT, source), "build") +
           ["-o", exe])
    built = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, universal_newlines=True)
    if built.returncode != 0:
        result.transcript = " ".join(cmd) + "\n" + built.stdout
        result.fail("does not compile")
        return result
    try:
        ran = subprocess.run([exe], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, universal_newlines=True,
                             timeout=HOST_TEST_TIMEOUT)
        judge_program(result, built.stdout + ran.stdout, ran.returncode)
    except subprocess.TimeoutExpired as e:
        output = e.output.decode() if isinstance(e.output, bytes) else e.output
        judge_program(result, output or "", 124,
                      "timeout after %d s" % HOST_TEST_TIMEOUT)
    return result


# ---- guest suites ----------------------------------------------------------

def run_guest_suite(name):
    """Boots once and runs /bin/NAME."""
    result = Result(name)
    run = guest.run_command("/bin/" + name, DEADLINE, build=False)
    judge_program(result, run.transcript, run.code, run.message)
    return result


def run_tool_suite(path):
    """Runs the case_* functions of tests/tools/test_NAME.py: host-side tests
    of the tools (trace recordings, diagrams, grading, gdb), which boot
    guests through run-in-guest themselves.  A case fails by raising."""
    name = os.path.basename(path)[:-3]
    result = Result(name)
    module = load_source(name, path)
    module.guest, module.ROOT, module.DEADLINE = guest, ROOT, DEADLINE
    suite = name[len("test_"):]
    for case in [n for n in dir(module) if n.startswith("case_")]:
        line = "%s.%s" % (suite, case[len("case_"):])
        try:
            getattr(module, case)()
            result.add(True, "ok " + line)
        except unittest.SkipTest as e:  # only what the machine cannot have
            result.add(None, "skip %s: %s" % (line, e))
        except Exception as e:          # an assertion or a crash: the case failed
            result.add(False, "FAIL %s: %s: %s" % (line, type(e).__name__, e))
            result.transcript += "%s: %r\n%s\n" % (line, e, getattr(e, "transcript", ""))
    return result


def shell_output(transcript):
    """The command's output between the markers, and its exit status."""
    begin = transcript.find(BEGIN_MARK + "\n")
    end = transcript.rfind(END_MARK)
    if begin < 0 or end < begin:
        return None, None
    status = re.match(r"\d+", transcript[end + len(END_MARK):])
    output = transcript[begin + len(BEGIN_MARK) + 1:end]
    return output, int(status.group()) if status else None


def expected_motd():
    with open(os.path.join(ROOT, "rootfs", "etc", "motd")) as f:
        return f.read()


def compare_output(result, output, expected):
    """Adds the case's verdict: exact text, or every pattern found."""
    if isinstance(expected, str):
        if output == expected:
            result.add(True, "ok " + result.name)
        else:
            result.fail("output %r, expected %r" % (output, expected))
        return
    missing = [p for p in expected if not re.search(p, output)]
    if missing:
        result.fail("output %r lacks %s" % (output, ", ".join(missing)))
    else:
        result.add(True, "ok " + result.name)


def run_shell_suite(name, command, expected):
    """Boots once, runs `command` between two markers, checks its output."""
    result = Result(name)
    line = "echo '%s'; %s; echo \"%s$?\"" % (BEGIN_MARK, command, END_MARK)
    run = guest.run_command(line, DEADLINE, build=False)
    result.transcript = run.transcript
    output, status = shell_output(run.transcript)
    if run.message:
        result.fail(run.message)
    elif output is None:
        result.fail("the markers around the command's output are missing")
    elif status != 0:
        result.fail("command exited with status %s" % status)
    else:
        compare_output(result, output, expected_motd()
                       if expected is None else expected)
    return result


def run_date_suite():
    """The guest's clock (from the CMOS RTC that QEMU sets from the host)
    is within a day of the host's."""
    result = Result("shell.date_is_the_hosts_date")
    line = "echo '%s'; date +%%s; echo \"%s$?\"" % (BEGIN_MARK, END_MARK)
    run = guest.run_command(line, DEADLINE, build=False)
    result.transcript = run.transcript
    output, status = shell_output(run.transcript)
    if run.message or output is None or status != 0:
        result.fail(run.message or "date did not run (status %s)" % status)
    elif not re.match(r"^\d+\n$", output):
        result.fail("date +%%s printed %r" % output)
    elif abs(int(output) - time.time()) > 86400:
        result.fail("guest date %s, host date %d" % (output.strip(), time.time()))
    else:
        result.add(True, "ok " + result.name)
    return result


# ---- boot suites -----------------------------------------------------------

BOOT_COMMAND = "echo hi > f; cat f; ls; ps -ef\n"


def at_prompt(text):
    """The shell prints "$ " and waits for a line."""
    return text.endswith("$ ")


def check_boot_answer(result, answer):
    """answer: what came after the prompt: the echo of the typed line (left
    out), the output, the next prompt."""
    typed = BOOT_COMMAND.strip()
    lines = [l.strip() for l in answer.split("\n") if typed not in l]
    rest = "\n".join(lines)
    checks = [("'hi' from cat f", "hi" in lines),
              ("'f' in ls", re.search(r"(?m)(^|\s)f(\s|$)", rest)),
              ("init in ps -ef", re.search(r"\binit\b", rest)),
              ("sh in ps -ef", re.search(r"\bsh\b", rest))]
    missing = [what for what, ok in checks if not ok]
    if missing:
        result.fail("missing: " + ", ".join(missing))
    else:
        result.add(True, "ok " + result.name)


def run_boot_suite(name, qemu_args, image):
    """Boots to the interactive shell, types BOOT_COMMAND, checks the answer,
    then kills QEMU (Parley has no poweroff command)."""
    result = Result(name)
    guest.require_files(image)
    deadline = time.monotonic() + DEADLINE
    session = guest.QemuSession(qemu_args)
    try:
        outcome = session.pump(deadline, until=at_prompt)
        if outcome == "match":
            mark = len(session.text())
            session.send(BOOT_COMMAND)
            outcome = session.pump(deadline, until=lambda t: "\n" in t[mark:]
                                   and at_prompt(t[mark:]))
    finally:
        session.kill()
    result.transcript = session.text()
    if outcome == "match":
        check_boot_answer(result, result.transcript[mark:])
    elif outcome == "exit":
        result.fail("QEMU exited (code %s) before the prompt came back"
                    % session.returncode)
    else:
        result.fail({"panic": "kernel panic",
                     "timeout": "no prompt within %g s" % DEADLINE}[outcome])
    return result


def run_boot_kernel():
    kernel = os.path.join(ROOT, "build", "kernel.elf")
    initrd = os.path.join(ROOT, "build", "initrd.img")
    guest.require_files(kernel)
    return run_boot_suite("boot.kernel", guest.qemu_args(kernel, initrd),
                          initrd)


BOOT_NOISE = [("a failed boot-device probe", "Boot failed"),
              ("the network ROM's prompt", "iPXE"),
              ("the network ROM's prompt", "Press Ctrl-B")]


def check_quiet_boot(result):
    """A clean boot: no probing of absent disks, no network ROM, GRUB's
    line once."""
    text = result.transcript
    noise = [what for what, mark in BOOT_NOISE if mark in text]
    if text.count("Booting `Parley'") != 1:
        noise.append("GRUB's line %d times" % text.count("Booting `Parley'"))
    if noise:
        result.add(False, "FAIL boot.grub_quiet: " + ", ".join(sorted(set(noise))))
    else:
        result.add(True, "ok boot.grub_quiet")


def run_boot_grub():
    iso = os.path.join(ROOT, "build", "parley.iso")
    result = run_boot_suite("boot.grub", guest.qemu_args(cdrom=iso), iso)
    check_quiet_boot(result)
    return result


# ---- boot dialogs: typing at the shell, control keys included --------------
#
# Each dialog boots with -kernel, waits for the prompt and then types lines
# and keys on the serial console, waiting after each for what must come
# back.  A step whose answer does not come (before the suite's deadline) or
# is wrong fails the suite, named after the step.

CTRL_C, CTRL_Z = "\x03", "\x1a"
CTRL_P = "\x10"                # the kernel prints its process list
SLEEPING = r"(?m)^\s*\d+\s+\d+\s+sleeping\s+%s\s+sleep\s*$"
PROBE_ECHO = "x\b \b"          # the console's echo of "x" then Backspace


class DialogFailure(Exception):
    pass


class Dialog:
    """A conversation with the shell on the console of one QEMU."""

    def __init__(self, session, deadline):
        self.session = session
        self.deadline = deadline
        self.mark = 0               # where the answer to the last step starts

    def wait(self, step, done):
        """Pumps the console until done(answer) holds; fails the step if
        QEMU exits, panics or the deadline passes first."""
        outcome = self.session.pump(self.deadline,
                                    until=lambda t: done(t[self.mark:]))
        if outcome != "match":
            raise DialogFailure("%s: %s" % (step, {
                "exit": "QEMU exited", "panic": "kernel panic",
                "timeout": "no answer within %g s" % DEADLINE}[outcome]))
        return self.session.text()[self.mark:]

    def type(self, keys, step, done):
        self.mark = len(self.session.text())
        self.session.send(keys)
        return self.wait(step, done)

    def command(self, line):
        """Types a line, waits for the next prompt; returns the output
        (without the echoed line and the prompt)."""
        answer = self.type(line + "\n", "'%s'" % line,
                           lambda t: "\n" in t and at_prompt(t))
        return answer.split("\n", 1)[1][:-len("$ ")]

    def expect(self, step, text, pattern):
        if not re.search(pattern, text):
            raise DialogFailure("%s: %r does not match %r" % (step, text, pattern))

    def until_sleeping(self, name, step):
        """Waits until process `name` sleeps in nanosleep: then it has been
        started (or continued) and owns the console.  Asks with Ctrl-P; the
        echo of "x" and Backspace, which leave the typed line as it was,
        marks the end of the kernel's list."""
        while True:
            answer = self.type(CTRL_P + "x\b", step, lambda t: PROBE_ECHO in t)
            if re.search(SLEEPING % re.escape(name), answer):
                return
            time.sleep(0.2)


def dialog_ctrl_c_ends_job(d):
    """^C kills the foreground job, the prompt returns, $? is 128 + 2."""
    d.type("sleep 100\n", "'sleep 100'", lambda t: "\n" in t)
    d.until_sleeping("sleep", "sleep 100 running")
    d.type(CTRL_C, "prompt after ^C", at_prompt)
    d.expect("$? after ^C", d.command("echo $?"), r"^130\n")


def dialog_ctrl_z_then_fg(d):
    """^Z stops the job ("Stopped"), jobs lists it, fg resumes it in the
    foreground, where ^C reaches it."""
    d.type("sleep 100\n", "'sleep 100'", lambda t: "\n" in t)
    d.until_sleeping("sleep", "sleep 100 running")
    stopped = d.type(CTRL_Z, "prompt after ^Z", at_prompt)
    d.expect("report of ^Z", stopped, r"\[1\]\+\s+Stopped\s+sleep 100")
    d.expect("jobs", d.command("jobs"), r"^\[1\]\+\s+Stopped\s+sleep 100\n")
    d.type("fg\n", "'fg'", lambda t: "sleep 100\n" in t.split("\n", 1)[-1])
    d.until_sleeping("sleep", "sleep 100 continued")
    d.type(CTRL_C, "prompt after ^C", at_prompt)
    d.expect("$? after ^C", d.command("echo $?"), r"^130\n")
    d.expect("jobs after the end", d.command("jobs"), r"^$")


def dialog_ctrl_c_at_prompt(d):
    """^C at an empty prompt: a fresh prompt from the same shell."""
    before = d.command("echo $$")
    answer = d.type(CTRL_C, "prompt after ^C", at_prompt)
    d.expect("a fresh prompt", answer, r"^\^C\n\$ $")
    d.expect("the same shell", d.command("echo $$"), "^" + re.escape(before))
    d.expect("echo alive", d.command("echo alive"), r"^alive\n")


def dialog_kill_background_job(d):
    """A background job killed with kill %1 is reported as Terminated."""
    d.expect("sleep 100 &", d.command("sleep 100 &"), r"^\[1\] \d+\n")
    killed = d.command("kill %1")
    killed += d.command("echo next")
    d.expect("report", killed, r"\[1\]\+\s+Terminated\s+sleep 100")
    d.expect("jobs after the end", d.command("jobs"), r"^$")


def dialog_kill_stopped_job(d):
    """kill %1 of a stopped job ends it, as in bash: the shell continues
    the job after the SIGTERM, so the signal acts at once."""
    d.type("sleep 100\n", "'sleep 100'", lambda t: "\n" in t)
    d.until_sleeping("sleep", "sleep 100 running")
    stopped = d.type(CTRL_Z, "prompt after ^Z", at_prompt)
    d.expect("report of ^Z", stopped, r"\[1\]\+\s+Stopped\s+sleep 100")
    killed = d.command("kill %1")
    killed += d.command("echo next")
    d.expect("report", killed, r"\[1\]\+\s+Terminated\s+sleep 100")
    d.expect("jobs after the end", d.command("jobs"), r"^$")


def dialog_ctrl_p_names_the_deadlock(d):
    """Ctrl-P lists the processes and then the deadlocked ones, each edge
    of their cycle named: demo_deadlock's two processes each wait on the
    pipe the other should write."""
    # (not d.command: the job's own line may come after the next prompt)
    d.type("demo_deadlock &\n", "'demo_deadlock &'", lambda t: re.search(r"\[1\] \d+\n", t))
    edge = r"(?m)^  (\d+) \(demo_deadlock\) waits for (\d+) \(demo_deadlock\): pipe \d+ empty\r?$"
    cycle = r"(?m)^deadlocked \(they wait only for each other\):\r?\n(%s\n){2}" % edge[4:-1]
    for _ in range(30):             # until both have blocked: Ctrl-P again
        answer = d.type(CTRL_P, "Ctrl-P", lambda t: re.search(cycle, t) or
                        re.search(r"(?m)^no deadlock\r?$", t))
        if re.search(cycle, answer):
            break
        time.sleep(0.2)
    d.expect("Ctrl-P's deadlock", answer, cycle)
    pairs = re.findall(edge, answer)
    if len(pairs) != 2 or pairs[0] != pairs[1][::-1]:
        raise DialogFailure("Ctrl-P: no two-process cycle in %r" % answer)


UP, DOWN, LEFT, RIGHT = "\x1b[A", "\x1b[B", "\x1b[D", "\x1b[C"
HOME, END, DELETE = "\x1b[H", "\x1b[F", "\x1b[3~"
CTRL_E, CTRL_K, CTRL_U, CTRL_W, CTRL_L = "\x05", "\x0b", "\x15", "\x17", "\x0c"
REDRAWN = "$ %s\x1b[J"       # the line editor redrawing its line (after a CR,
                               # which the transcript drops)


def dialog_history_with_arrow_keys(d):
    """Up recalls earlier lines (the screen shows each), Down comes back,
    Enter runs the recalled line; history lists them."""
    d.expect("echo first", d.command("echo first"), r"^first\n$")
    d.expect("echo second", d.command("echo second"), r"^second\n$")
    d.type(UP, "Up once", lambda t: REDRAWN % "echo second" in t)
    d.type(UP, "Up twice", lambda t: REDRAWN % "echo first" in t)
    d.type(DOWN, "Down", lambda t: REDRAWN % "echo second" in t)
    d.type(UP, "Up again", lambda t: REDRAWN % "echo first" in t)
    d.expect("the recalled line runs", d.command(""), r"^first\n$")
    d.expect("history", d.command("history"),
             r"^\s+1\s+echo first\n\s+2\s+echo second\n\s+3\s+echo first\n\s+4\s+history\n$")


def dialog_cursor_keys_edit_the_line(d):
    """Left/Right, Home/End, Delete and the Ctrl keys edit in the middle of
    the line; the escape bytes never reach the command."""
    d.type("echo ac", "typed", lambda t: t.endswith("echo ac"))
    d.type(LEFT, "Left", lambda t: "\x1b[1D" in t)
    d.expect("insert in the middle", d.command("b"), r"^abc\n$")
    d.type("cho x" + HOME, "Home", lambda t: "\x1b[" in t)
    d.expect("Home then type", d.command("e"), r"^x\n$")
    d.type("echo keep drop", "typed 2", lambda t: t.endswith("drop"))
    d.type(CTRL_W, "Ctrl-W", lambda t: REDRAWN % "echo keep " in t)
    # (Ctrl-A itself is QEMU's escape key on a multiplexed serial line)
    d.type(HOME + RIGHT + DELETE, "Home, Right, Delete", lambda t: REDRAWN % "eho keep " in t)
    d.type(CTRL_E + CTRL_U, "Ctrl-E, Ctrl-U", lambda t: REDRAWN % "" in t)
    d.expect("after Ctrl-U", d.command("echo clean"), r"^clean\n$")
    d.type("echo abc" + LEFT + LEFT + CTRL_K, "Ctrl-K", lambda t: REDRAWN % "echo a" in t)
    d.expect("after Ctrl-K", d.command(""), r"^a\n$")
    # (the transcript drops ESC[2J, the clear, with the firmware's resets)
    d.type(CTRL_L, "Ctrl-L", lambda t: "\x1b[H" in t and t.endswith(REDRAWN % ""))
    d.expect("after Ctrl-L", d.command("echo screen"), r"^screen\n$")


def dialog_tab_completes_commands_and_paths(d):
    """Tab completes a command from /bin and a path; with several matches
    it lists them."""
    d.type("ech\t", "Tab on a command", lambda t: t.endswith("echo "))
    d.expect("completed command runs", d.command("done"), r"^done\n$")
    d.type("cat /etc/mo\t", "Tab on a path", lambda t: t.endswith("motd "))
    d.expect("completed path", d.command(""), re.escape(expected_motd()[:20]))
    d.type("demo_pip\t", "Tab to the common prefix", lambda t: t.endswith("demo_pipe"))
    d.type("\t", "Tab again lists the matches",
           lambda t: re.search(r"(?m)^demo_pipe  demo_pipeline\n", t) and t.endswith(REDRAWN % "demo_pipe"))
    d.type(CTRL_U, "clear the line", lambda t: t.endswith(REDRAWN % ""))
    d.expect("still working", d.command("echo ok"), r"^ok\n$")


class Screen:
    """A VT100-like terminal, enough to check what the console shows: 80
    columns, autowrap (a character written in the last column holds the
    cursor there until the next one comes, which wraps), CR, LF, BS,
    ESC[nA/B/C/D, ESC[K, ESC[J, ESC[2J, ESC[H, ESC[?7h/l.  Rows are added
    as the cursor goes down; nothing scrolls away."""

    CSI = re.compile(rb"\x1b\[([?0-9;]*)([@-~])")

    def __init__(self, cols=80):
        self.cols = cols
        self.rows = [[" "] * cols]
        self.row = self.col = 0
        self.pending = False        # in the last column, a wrap to come
        self.wrap = True

    def _goto(self, row, col):
        self.row, self.col, self.pending = max(row, 0), min(max(col, 0), self.cols - 1), False
        while len(self.rows) <= self.row:
            self.rows.append([" "] * self.cols)

    def _put(self, ch):
        if self.pending and self.wrap:
            self._goto(self.row + 1, 0)
        self.rows[self.row][self.col] = ch
        if self.col == self.cols - 1:
            self.pending = True
        else:
            self.col += 1

    def _escape(self, params, final):
        n = int(params) if params.isdigit() else 0
        step = max(n, 1)
        if final == "A":
            self._goto(self.row - step, self.col)
        elif final == "B":
            self._goto(self.row + step, self.col)
        elif final == "C":
            self._goto(self.row, self.col + step)
        elif final == "D":
            self._goto(self.row, self.col - step)
        elif final == "H":
            self._goto(0, 0)
        elif final == "K":
            self.rows[self.row][self.col:] = [" "] * (self.cols - self.col)
        elif final == "J" and n in (0, 2):
            first = 0 if n == 2 else self.row + 1
            if n == 0:
                self.rows[self.row][self.col:] = [" "] * (self.cols - self.col)
            for r in range(first, len(self.rows)):
                self.rows[r] = [" "] * self.cols
        elif final in "hl" and params == "?7":
            self.wrap = final == "h"

    def feed(self, data):
        i = 0
        while i < len(data):
            m = self.CSI.match(data, i)
            if m:
                self._escape(m.group(1).decode(), m.group(2).decode())
                i = m.end()
                continue
            c = data[i:i + 1]
            i += 1
            if c == b"\r":
                self._goto(self.row, 0)
            elif c == b"\n":
                self._goto(self.row + 1, self.col)
            elif c == b"\b":
                self._goto(self.row, self.col - 1)
            elif b" " <= c < b"\x7f":
                self._put(c.decode())
        return self

    def lines(self):
        return ["".join(r).rstrip() for r in self.rows]


def wait_for_screen(d, step, start, lines, cursor):
    """Pumps the console until the screen drawn from raw byte `start` on
    shows `lines` (from its first row) with the cursor at `cursor`."""
    def shown(_):
        screen = Screen().feed(bytes(d.session.raw[start:]))
        return screen.lines()[:len(lines)] == lines and (screen.row, screen.col) == cursor
    d.mark = len(d.session.text())
    outcome = "match" if shown(None) else d.session.pump(d.deadline, until=shown)
    if outcome != "match":
        screen = Screen().feed(bytes(d.session.raw[start:]))
        raise DialogFailure("%s: the screen shows %r with the cursor at %r, not %r at %r (%s)"
                            % (step, screen.lines()[:len(lines) + 1], (screen.row, screen.col),
                               lines, cursor, outcome))


def dialog_edit_a_line_longer_than_the_screen(d):
    """A line that wraps onto a second row: Left arrows back across the
    row boundary, an insert and a Backspace there, then Enter.  The screen
    (a VT100 model fed the console's bytes) shows the edited line on its
    two rows with the cursor in the right place at each step, and the
    command run is the edited one."""
    d.command("echo start")
    start = len(d.session.raw) - len("$ ")
    text = "echo " + "a" * 40 + "b" * 40 + "c" * 20           # 105 + the prompt: 2 rows
    d.session.send(text)
    full = "$ " + text
    wait_for_screen(d, "typed", start, [full[:80], full[80:]], (1, len(full) - 80))
    d.session.send(LEFT * 30)                                  # to row 0, column 77
    wait_for_screen(d, "30 x Left", start, [full[:80], full[80:]], (0, 77))
    d.session.send("XYZ")
    edited = full[:77] + "XYZ" + full[77:]
    wait_for_screen(d, "insert XYZ", start, [edited[:80], edited[80:]], (1, 0))
    d.session.send("\x7f")                                    # Backspace: the Z
    edited = full[:77] + "XY" + full[77:]
    wait_for_screen(d, "Backspace", start, [edited[:80], edited[80:]], (0, 79))
    d.session.send(HOME)
    wait_for_screen(d, "Home", start, [edited[:80], edited[80:]], (0, 2))
    d.session.send(END)
    wait_for_screen(d, "End", start, [edited[:80], edited[80:]], (1, len(edited) - 80))
    word = edited[len("$ echo "):]
    output = d.command("")
    d.expect("the edited command ran", output, "^" + re.escape(word) + "\n$")
    wait_for_screen(d, "after Enter", start,                  # the output, the next prompt
                    [edited[:80], edited[80:], word[:80], word[80:], "$"], (4, 2))


def dialog_stty_onlcr_lasts_past_the_prompt(d):
    """stty -onlcr: a newline goes out as a bare LF, as on Linux, and the
    setting outlives the prompt (the line editor keeps what stty set);
    stty onlcr brings CR LF back."""
    d.command("stty -onlcr")
    start = len(d.session.raw)
    d.expect("echo one", d.command("echo one"), r"^one\n")
    bare = bytes(d.session.raw[start:])
    d.command("stty onlcr")
    start = len(d.session.raw)
    d.expect("echo two", d.command("echo two"), r"^two\n")
    crlf = bytes(d.session.raw[start:])
    # (the line editor ends the typed line with CR LF itself)
    if not bare.split(b"\r\n", 1)[-1].startswith(b"one\n"):
        raise DialogFailure("-onlcr: %r has no bare LF after 'one'" % bare)
    if not crlf.split(b"\r\n", 1)[-1].startswith(b"two\r\n"):
        raise DialogFailure("onlcr: %r has no CR LF after 'two'" % crlf)


BOOT_DIALOGS = [
    ("boot.edit_history_with_arrow_keys", dialog_history_with_arrow_keys),
    ("boot.edit_cursor_keys", dialog_cursor_keys_edit_the_line),
    ("boot.edit_tab_completion", dialog_tab_completes_commands_and_paths),
    ("boot.edit_wrapped_line", dialog_edit_a_line_longer_than_the_screen),
    ("boot.job_ctrl_c_ends_job", dialog_ctrl_c_ends_job),
    ("boot.job_ctrl_z_then_fg", dialog_ctrl_z_then_fg),
    ("boot.job_ctrl_c_at_prompt", dialog_ctrl_c_at_prompt),
    ("boot.job_kill_background", dialog_kill_background_job),
    ("boot.job_kill_stopped", dialog_kill_stopped_job),
    ("boot.ctrl_p_names_the_deadlock", dialog_ctrl_p_names_the_deadlock),
    ("boot.stty_onlcr", dialog_stty_onlcr_lasts_past_the_prompt),
]


def run_boot_dialog(name, dialog):
    """Boots with -kernel, waits for the prompt, runs the dialog."""
    result = Result(name)
    kernel = os.path.join(ROOT, "build", "kernel.elf")
    initrd = os.path.join(ROOT, "build", "initrd.img")
    guest.require_files(kernel, initrd)
    session = guest.QemuSession(guest.qemu_args(kernel, initrd))
    d = Dialog(session, time.monotonic() + DEADLINE)
    try:
        d.wait("first prompt", at_prompt)
        dialog(d)
        result.add(True, "ok " + name)
    except DialogFailure as e:
        result.fail(str(e))
    finally:
        session.kill()
        result.transcript = session.text()
    return result


# ---- choosing, building, running, reporting --------------------------------

class Suite:
    def __init__(self, name, group, run):
        self.name = name
        self.group = group
        self.run = run              # () -> Result


def all_suites():
    suites = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/host/test_*.c"))):
        name = os.path.basename(path)[:-2]
        suites.append(Suite(name, "host", lambda n=name: run_host_suite(n)))
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/guest/test_*.c"))):
        name = os.path.basename(path)[:-2]
        suites.append(Suite(name, "guest", lambda n=name: run_guest_suite(n)))
    for case, command, expected in SHELL_CASES:
        suites.append(Suite("shell." + case, "shell",
                            lambda n="shell." + case, c=command, e=expected:
                            run_shell_suite(n, c, e)))
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/tools/test_*.py"))):
        name = os.path.basename(path)[:-3]
        suites.append(Suite(name, "tools", lambda p=path: run_tool_suite(p)))
    suites.append(Suite("shell.date_is_the_hosts_date", "shell", run_date_suite))
    suites.append(Suite("boot.kernel", "boot", run_boot_kernel))
    suites.append(Suite("boot.grub", "boot", run_boot_grub))
    for name, dialog in BOOT_DIALOGS:
        suites.append(Suite(name, "boot", lambda n=name, d=dialog:
                            run_boot_dialog(n, d)))
    return suites


def select(suites, wanted):
    if not wanted:
        return suites
    return [s for s in suites if wanted in (s.name, s.group)]


def make(*targets):
    """Brings build outputs up to date; returns an error message or None."""
    r = subprocess.run(["make", "-s", "--no-print-directory"] + list(targets),
                       cwd=ROOT, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, universal_newlines=True)
    if r.returncode != 0:
        sys.stdout.write(r.stdout)
        return "make %s failed" % " ".join(targets)
    return None


def build_for(suites):
    """Builds what the chosen suites need, once, before any boot starts (two
    makes running at once in one tree would trip over each other)."""
    groups = {s.group for s in suites}
    targets = ["build/mkinitrd"] if "host" in groups else []
    if groups - {"host"}:
        targets.append("build")
    if any(s.name == "boot.grub" for s in suites):
        targets.append("build/parley.iso")
    return make(*targets) if targets else None


class Reporter:
    """Prints each suite's lines as it finishes and keeps the totals."""

    def __init__(self):
        self.lock = threading.Lock()
        self.passed = self.failed = self.skipped = 0
        self.records = []           # for PARLEY_TEST_JSON (tools/grade)

    def report(self, result):
        with self.lock:
            for passed, line in result.cases:
                print(line)
                self.passed += passed is True
                self.failed += passed is False
                self.skipped += passed is None
                if passed is not None:      # a skipped case is not graded
                    self.records.append({"suite": result.name, "passed": passed,
                                         "line": line})
            self.keep_log(result)
            sys.stdout.flush()

    def keep_log(self, result):
        """The transcript of a failed suite stays; a stale one goes."""
        log = os.path.join(LOG_DIR, result.name + ".log")
        if result.failed():
            os.makedirs(LOG_DIR, exist_ok=True)
            with open(log, "w") as f:
                f.write(result.transcript)
            print("  log: %s" % os.path.relpath(log, ROOT))
        elif os.path.exists(log):
            os.remove(log)


def run_suites(suites, reporter):
    host = [s for s in suites if s.group == "host"]
    boots = [s for s in suites if s.group != "host"]
    for suite in host:
        reporter.report(suite_safely(suite))
    with concurrent.futures.ThreadPoolExecutor(PARALLEL_BOOTS) as pool:
        futures = [pool.submit(suite_safely, s) for s in boots]
        for future in concurrent.futures.as_completed(futures):
            reporter.report(future.result())


def suite_safely(suite):
    """Runs a suite; a crash of the runner itself fails only that suite."""
    try:
        return suite.run()
    except guest.GuestError as e:
        why = str(e)
    except Exception as e:                      # noqa: broad on purpose
        why = "runner error: %s: %s" % (type(e).__name__, e)
    result = Result(suite.name)
    result.fail(why)
    return result


def main():
    wanted = sys.argv[1] if len(sys.argv) > 1 else ""
    suites = all_suites()
    if wanted == "list":
        for s in suites:
            print("%-6s %s" % (s.group, s.name))
        return 0
    chosen = select(suites, wanted)
    if not chosen:
        print("tests/run.py: no suite named %r (try T=list)" % wanted)
        return 2
    reporter = Reporter()
    error = build_for(chosen)
    if error:
        for s in chosen:
            result = Result(s.name)
            result.fail(error)
            reporter.report(result)
    else:
        run_suites(chosen, reporter)
    print("%d passed, %d failed" % (reporter.passed, reporter.failed) +
          (", %d skipped" % reporter.skipped if reporter.skipped else ""))
    if os.environ.get("PARLEY_TEST_JSON"):
        import json
        with open(os.environ["PARLEY_TEST_JSON"], "w") as f:
            json.dump(reporter.records, f, indent=1)
    return 1 if reporter.failed else 0


if __name__ == "__main__":
    sys.exit(main())
