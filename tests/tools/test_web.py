"""`make web`: the page boots Parley's ISO in v86 in headless Chromium.

One case builds the page as a user does and checks the folder is whole
and self-contained; the other builds it with an extra program (EXTRA=),
serves it on 127.0.0.1, opens it in Debian's Chromium (driven by
tools/web/drive.mjs through tools/web-bench), waits for the shell's
prompt, types `echo hi | cat`, presses the demo_pipe button, runs the extra
program, ends a `cat` with the Ctrl-C button, stops a `sleep` with Ctrl-Z
and ends it in the foreground again with Ctrl-C, then presses reset and uses the fresh shell; the terminal's
text must show each.  A screenshot of the page is kept in
build/test-logs/web.png.  Two boots, well under a minute on an idle
machine.

Skipped, saying why, only when Chromium is not there and tools/deps cannot
install it (not root).

tests/run.py sets `guest`, ROOT and DEADLINE before the cases run.  Each
case_* function fails by raising."""

import importlib.machinery
import importlib.util
import os
import re
import shutil
import subprocess
import unittest

guest = ROOT = DEADLINE = None
CHROMIUM = "/usr/bin/chromium"
TEST_WEB = "build/test-web"         # not build/web: that one is the user's
EXTRA = "tests/tools/web_pingpong.c"


def make(*args):
    r = subprocess.run(["make", "-s", "--no-print-directory"] + list(args), cwd=ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    assert r.returncode == 0, "make %s failed:\n%s" % (" ".join(args), r.stdout[-2000:])


def require_web_packages():
    """tools/deps web installs what is missing (as root); a machine where
    Chromium cannot be had is the one reason to skip."""
    r = subprocess.run([os.path.join(ROOT, "tools", "deps"), "web"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    if r.returncode != 0:
        if not os.path.exists(CHROMIUM):
            raise unittest.SkipTest("Chromium is not installed and cannot be installed "
                                    "here: " + r.stdout.strip().replace("\n", " "))
        raise AssertionError("tools/deps web failed:\n" + r.stdout)


def load_web_bench():
    """tools/web-bench has serve() and drive(); no .py suffix, so by path."""
    path = os.path.join(ROOT, "tools", "web-bench")
    loader = importlib.machinery.SourceFileLoader("web_bench", path)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def expect(text, pattern, what):
    if not re.search(pattern, text):
        error = AssertionError("%s: no match for %r in the terminal" % (what, pattern))
        error.transcript = text
        raise error


def case_make_web_builds_a_self_contained_folder_with_the_iso_make_qemu_boots():
    require_web_packages()
    make("web")
    web = os.path.join(ROOT, "build", "web")
    for name in ("index.html", "parley.js", "parley.css", "v86/libv86.js", "v86/v86.wasm",
                 "xterm/xterm.js", "xterm/xterm.css", "bios/bios.bin",
                 "bios/vgabios-stdvga.bin", "LICENSES/v86.txt", "LICENSES/seabios.txt"):
        assert os.path.isfile(os.path.join(web, name)), "build/web/%s is missing" % name
    with open(os.path.join(ROOT, "build", "parley.iso"), "rb") as a, \
            open(os.path.join(web, "parley.iso"), "rb") as b:
        assert a.read() == b.read(), "build/web/parley.iso is not build/parley.iso"
    with open(os.path.join(web, "index.html")) as f:
        page = f.read()
    loads = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert loads, "index.html loads nothing?"
    outside = [u for u in loads if re.match(r"[a-z]+:", u) and not u.startswith("data:")]
    assert not outside, "index.html loads from outside the folder: %s" % outside


def case_the_page_boots_to_the_shell_runs_a_pipe_a_demo_an_extra_program_and_ctrl_c():
    require_web_packages()
    make("web", "WEB=" + TEST_WEB, "EXTRA=" + EXTRA)
    folder = os.path.join(ROOT, TEST_WEB)
    log_dir = os.path.join(ROOT, "build", "test-logs")
    os.makedirs(log_dir, exist_ok=True)
    screenshot = os.path.join(log_dir, "web.png")
    web = load_web_bench()
    server = web.serve(folder)
    try:
        url = "http://127.0.0.1:%d/" % server.server_address[1]
        out = web.drive(url, [
            {"type": "echo hi | cat"},
            {"button": "demo_pipe"},
            {"type": "web_pingpong 100"},
            {"type": "cat", "wait": "none"},
            {"sleep": 0.5},
            {"key": "Ctrl-C"},
            {"type": "echo status $?"},
            {"type": "sleep 100", "wait": "none"},
            {"sleep": 0.5},
            {"key": "Ctrl-Z"},
            {"type": "jobs"},
            {"type": "fg", "wait": "none"},
            {"sleep": 0.5},
            {"key": "Ctrl-C"},
            {"type": "echo status $?"},
            {"reset": True},
            {"type": "echo after reset"},
        ], screenshot, timeout=DEADLINE)
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(folder, ignore_errors=True)
    before_reset, text = out["steps"][-3]["text"], out["text"]
    expect(before_reset, r"(?m)^\[1\]\+\s+Stopped\s+sleep 100$", "Ctrl-Z stops sleep 100")
    expect(before_reset, r"(?m)^\$ jobs\n\[1\]\+\s+Stopped\s+sleep 100\n\$ fg\nsleep 100\n"
           r"(\^C)?\n?\$ echo status \$\?\nstatus 130$", "fg, then Ctrl-C ends it")
    expect(text, r"(?m)^\$ echo after reset\nafter reset$", "a fresh shell after reset")
    assert "echo hi | cat" not in text, "reset did not clear the terminal"
    text = before_reset
    expect(text, r"Parley \d+\.\d+: an x86 teaching kernel", "the kernel's banner")
    expect(text, r"(?m)^\$ echo hi \| cat\nhi$", "echo hi | cat")
    expect(text, r"(?m)^\$ demo_pipe\n(.*\n)*child:  read returned 0: end of file",
           "demo_pipe, from its button")
    expect(text, r"(?m)^parent: child \d+ finished with status 0$", "demo_pipe's end")
    expect(text, r"(?m)^web_pingpong: 100 round trips, the byte came back as 200$",
           "the EXTRA program")
    expect(text, r"(?m)^\$ cat\n(\^C)?\n?\$ echo status \$\?\nstatus 130$",
           "Ctrl-C ends cat (128 + SIGINT)")
    assert out["bootSeconds"] is not None, "the page did not time the boot"
    assert not out["errors"], "the page reported errors: %s" % out["errors"]
    assert os.path.getsize(screenshot) > 0, "no screenshot"
