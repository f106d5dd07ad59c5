"""Each lab's starting state builds and the tests that grade the lab fail
there (so a lab never becomes "already solved" as the kernel changes), and
its reference solution (tools/lab solve) passes them (so a lab stays
solvable): tools/lab start in a scratch worktree of HEAD, build, run the
lab's suite; then tools/lab solve, build, run it again; then the next lab
in the same worktree."""

import json
import os
import shutil
import subprocess
import sys
import tempfile

from tool_module import load_tool

guest = ROOT = DEADLINE = None
_results = {}


def run(cmd, cwd, timeout=600):
    return subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, timeout=timeout)


def build_and_test(tree, suite):
    """(build ok, output of the build or of the suite)."""
    r = run(["make", "-s", "-j2", "build"], tree)
    if r.returncode != 0:
        return False, r.stdout
    return True, run([sys.executable, "tests/run.py", suite], tree).stdout


def lab_results(lab, suite):
    """{"start": (built, output), "solved": (built, output)} for lab."""
    if not _results:
        run_every_lab()
    return _results[lab]


def run_every_lab():
    """Every lab in one scratch worktree of HEAD, built once: for each lab,
    tools/lab start, build (only what the lab changed), test; tools/lab
    solve, build, test; back to HEAD for the next."""
    work = tempfile.mkdtemp(prefix="parley-lab-")
    tree = os.path.join(work, "tree")
    base = run(["git", "rev-parse", "HEAD"], ROOT).stdout.strip()
    try:
        r = run(["git", "worktree", "add", "-q", "--detach", tree, base], ROOT)
        assert r.returncode == 0, r.stdout
        for lab, spec in LABS.items():
            branch = "lab-test-%s-%d" % (lab, os.getpid())
            r = run([sys.executable, "tools/lab", "start", lab, "--branch", branch], tree)
            assert r.returncode == 0, r.stdout
            results = {"start": build_and_test(tree, spec["grade"])}
            if lab == GRADED_LAB:
                results["grade"] = grade_json(tree, spec["grade"])
            r = run([sys.executable, "tools/lab", "solve", lab], tree)
            results["solved"] = build_and_test(tree, spec["grade"]) if r.returncode == 0 \
                else (False, "tools/lab solve %s: %s" % (lab, r.stdout))
            _results[lab] = results
            run(["git", "checkout", "-q", "-f", "--detach", base], tree)
            run(["git", "branch", "-D", branch], tree)
    finally:
        run(["git", "worktree", "remove", "--force", tree], ROOT)
        shutil.rmtree(work, ignore_errors=True)


GRADED_LAB = "pipe-size"      # its starting state fails fast


def grade_json(tree, suite):
    """make grade's table and JSON on a tree whose tests fail: (status, text, json)."""
    out = os.path.join(tree, "build", "grade.json")
    r = run([sys.executable, "tools/grade", "--json", out, suite], tree)
    with open(out) as f:
        return r.returncode, r.stdout, json.load(f)


def case_grade_scores_a_lab_that_fails():
    code, text, table = lab_results(GRADED_LAB, None)["grade"]
    assert code == 1, "a failing tree makes grade exit 1:\n" + text
    assert "== labs ==" in text and "Score: 0/" in text, text
    fails = [l for l in text.splitlines() if l.strip().startswith("lab_pipefill.") and "FAIL" in l]
    assert len(fails) == 2 and all(l.endswith("0/2") for l in fails), text
    assert table["score"] == 0 and table["max"] == 4, table
    cases = table["mechanisms"][0]["cases"]
    assert all(not c["passed"] and c["detail"] for c in cases), cases   # each says why


def result_lines(out):
    return [l for l in out.splitlines() if l.startswith(("ok ", "FAIL "))]


def check_lab_fails_its_tests(lab, suite):
    built, out = lab_results(lab, suite)["start"]
    assert built, "the starting state of %s does not build:\n%s" % (lab, out)
    lines = result_lines(out)
    assert lines, "no test ran:\n" + out
    assert any(l.startswith("FAIL ") for l in lines), \
        "%s's tests pass in its starting state:\n%s" % (lab, out)


def check_solution_passes(lab, suite):
    built, out = lab_results(lab, suite)["solved"]
    assert built, "the reference solution of %s does not build:\n%s" % (lab, out)
    lines = result_lines(out)
    assert lines and all(l.startswith("ok ") for l in lines), \
        "%s's reference solution fails its tests:\n%s" % (lab, out)


def lab_cases(lab, suite):
    name = lab.replace("-", "_")
    globals()["case_%s_lab_starts_broken" % name] = lambda: check_lab_fails_its_tests(lab, suite)
    globals()["case_%s_lab_solution_passes" % name] = lambda: check_solution_passes(lab, suite)


LABS = load_tool("lab").LABS
for _lab, _spec in LABS.items():
    lab_cases(_lab, _spec["grade"])


def case_lab_list_names_every_handout():
    r = run([sys.executable, "tools/lab", "list"], ROOT)
    labs = [l.split()[0] for l in r.stdout.splitlines()]
    assert len(labs) >= 4, labs
    for lab in labs:
        assert os.path.exists(os.path.join(ROOT, "docs", "labs", lab + ".md")), lab
