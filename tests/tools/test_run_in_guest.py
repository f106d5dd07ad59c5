"""tools/run-in-guest --output-only: stdout is exactly what the command
printed, for graders, whether the command ends normally or exits; the
transcript (boot messages and all) still goes to --keep.  --image writes
an image with the --src programs that boots to the shell (make web
EXTRA=); a long command line runs whole, and one too long for init is
refused.  One boot each.

tests/run.py sets `guest` (tools/run-in-guest as a module), ROOT and
DEADLINE before the cases run.  Each case_* function fails by raising."""

import os
import subprocess
import tempfile
import time

guest = ROOT = DEADLINE = None


def run_tool(*args):
    """tools/run-in-guest with args; (exit status, stdout)."""
    tool = os.path.join(ROOT, "tools", "run-in-guest")
    ran = subprocess.run([tool, "--no-build", "--timeout", str(DEADLINE)] + list(args),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return ran.returncode, ran.stdout.decode()


def case_output_only_is_exactly_the_output():
    code, out = run_tool("--output-only", "--", "echo one; printf 'two\\n  three'")
    assert code == 0, "exit status %d" % code
    assert out == "one\ntwo\n  three", repr(out)


def case_output_only_keeps_the_status_of_exit_and_the_transcript():
    with tempfile.TemporaryDirectory() as work:
        log = os.path.join(work, "log")
        code, out = run_tool("--output-only", "--keep", log, "--", "echo bye; exit 3")
        assert code == 3, "exit status %d" % code
        assert out == "bye\n", repr(out)
        with open(log) as f:
            transcript = f.read()
        assert "Parley" in transcript and "poweroff: status 3" in transcript


def case_a_long_command_runs_whole_and_a_too_long_one_is_refused():
    """init reads /etc/autorun up to 16 KiB; past that it runs nothing
    and says so (a cut command line would do something else)."""
    word = "x" * 3000                   # past the 1 KiB init once cut at
    code, out = run_tool("--output-only", "--", "echo %s | wc -c" % word)
    assert code == 0, "exit status %d" % code
    assert out.strip() == str(3000 + 1), repr(out[:80])
    with tempfile.TemporaryDirectory() as work:
        log = os.path.join(work, "log")
        code, out = run_tool("--output-only", "--keep", log, "--", "echo ran " + "y" * 17000)
        assert code == 126, "exit status %d" % code
        assert "ran" not in out, repr(out[:80])
        with open(log) as f:
            assert "/etc/autorun is longer than 16383 bytes: not run" in f.read()


def case_image_holds_the_src_programs_and_boots_to_the_shell():
    with tempfile.TemporaryDirectory() as work:
        image = os.path.join(work, "initrd.img")
        code, _ = run_tool("--image", image, "--src",
                           os.path.join(ROOT, "tests", "tools", "web_pingpong.c"))
        assert code == 0 and os.path.isfile(image), "exit status %d" % code
        kernel = os.path.join(ROOT, "build", "kernel.elf")
        session = guest.QemuSession(guest.qemu_args(kernel, image))
        deadline = time.monotonic() + DEADLINE
        try:
            # no /etc/autorun: init starts the shell, which prompts
            assert session.pump(deadline, until=lambda t: t.endswith("$ ")) == "match", \
                session.text()[-500:]
            session.send("web_pingpong 7\n")
            done = session.pump(deadline, until=lambda t: t.endswith("\n$ "))
            assert done == "match", session.text()[-500:]
        finally:
            session.kill()
        assert "web_pingpong: 7 round trips, the byte came back as 14" in session.text(), \
            session.text()[-500:]
