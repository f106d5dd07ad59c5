"""tools/run-in-guest --output-only: stdout is exactly what the command
printed, for graders, whether the command ends normally or exits; the
transcript (boot messages and all) still goes to --keep.  One boot each.

tests/run.py sets `guest` (tools/run-in-guest as a module), ROOT and
DEADLINE before the cases run.  Each case_* function fails by raising."""

import os
import subprocess
import tempfile

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
