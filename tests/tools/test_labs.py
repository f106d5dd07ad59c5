"""Each lab's starting state builds, and the tests that grade the lab fail
there (so a lab never becomes "already solved" as the kernel changes):
tools/lab start in a scratch worktree of HEAD, then build and run the lab's
suite in it."""

import os
import shutil
import subprocess
import sys
import tempfile

guest = ROOT = DEADLINE = None


def run(cmd, cwd, timeout=600):
    return subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, timeout=timeout)


def lab_suite_result(lab, suite):
    """(build ok, test output) for lab started in a scratch worktree."""
    work = tempfile.mkdtemp(prefix="parley-lab-")
    tree = os.path.join(work, "tree")
    branch = "lab-test-%s-%d" % (lab, os.getpid())
    try:
        r = run(["git", "worktree", "add", "-q", "--detach", tree, "HEAD"], ROOT)
        assert r.returncode == 0, r.stdout
        r = run([sys.executable, "tools/lab", "start", lab, "--branch", branch], tree)
        assert r.returncode == 0, r.stdout
        r = run(["make", "-s", "-j2", "build"], tree)
        if r.returncode != 0:
            return False, r.stdout
        r = run([sys.executable, "tests/run.py", suite], tree)
        return True, r.stdout
    finally:
        run(["git", "worktree", "remove", "--force", tree], ROOT)
        run(["git", "branch", "-D", branch], ROOT)
        shutil.rmtree(work, ignore_errors=True)


def check_lab_fails_its_tests(lab, suite):
    built, out = lab_suite_result(lab, suite)
    assert built, "the starting state of %s does not build:\n%s" % (lab, out)
    lines = [l for l in out.splitlines() if l.startswith(("ok ", "FAIL "))]
    assert lines, "no test ran:\n" + out
    assert any(l.startswith("FAIL ") for l in lines), \
        "%s's tests pass in its starting state:\n%s" % (lab, out)


def case_semop_lab_starts_broken():
    check_lab_fails_its_tests("semop", "test_sem")


def case_pipe_size_lab_starts_broken():
    check_lab_fails_its_tests("pipe-size", "test_lab_pipefill")


def case_deadlock_lab_starts_broken():
    check_lab_fails_its_tests("deadlock", "test_lab_bank")


def case_lab_list_names_every_handout():
    r = run([sys.executable, "tools/lab", "list"], ROOT)
    labs = [l.split()[0] for l in r.stdout.splitlines()]
    assert len(labs) >= 4, labs
    for lab in labs:
        assert os.path.exists(os.path.join(ROOT, "docs", "labs", lab + ".md")), lab
