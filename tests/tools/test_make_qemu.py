"""`make qemu` where there is no display: it says so in one line and runs
the serial console in the terminal; when QEMU ends (Ctrl-A X here), the
terminal's line wrapping and colours are put back.  One boot.

tests/run.py sets `guest`, ROOT and DEADLINE before the cases run.  Each
case_* function fails by raising."""

import os
import select
import subprocess
import time

guest = ROOT = DEADLINE = None
FALLBACK = b"make qemu: no display to open a window on, so Parley runs on the serial console here"
RESTORE = b"\x1b[?7h\x1b[0m"


def read_until(proc, mark, deadline):
    """Reads proc's stdout until mark appears (or EOF, or the deadline)."""
    out = b""
    while mark not in out and time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.5)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break
            out += chunk
    return out


def case_without_a_display_it_runs_on_the_serial_console_and_restores_the_terminal():
    env = dict(os.environ, DISPLAY="", WAYLAND_DISPLAY="")
    proc = subprocess.Popen(["make", "--no-print-directory", "qemu"], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    deadline = time.monotonic() + DEADLINE
    try:
        out = read_until(proc, b"$ ", deadline)
        assert FALLBACK in out, "no fallback line in %r" % out[-300:]
        assert b"$ " in out, "no shell prompt: %r" % out[-300:]
        proc.stdin.write(b"\x01x")          # QEMU's Ctrl-A X: quit
        proc.stdin.flush()
        out += read_until(proc, b"\x00never\x00", deadline)
        proc.wait(timeout=max(1, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
    assert out.rstrip(b"\r\n").endswith(RESTORE), "terminal not restored: %r" % out[-80:]
