"""make grade and tools/grade-program: the score table (with a failing
case), its JSON, and the program grader's verdicts (pass, wrong output,
wrong status, time limit, output limit)."""

import json
import os
import subprocess
import sys
import tempfile

from tool_module import load_tool

guest = ROOT = DEADLINE = None

RESULTS = [
    {"suite": "test_sem", "passed": True, "line": "ok sem.semop_applies_the_whole_list"},
    {"suite": "test_sem", "passed": False,
     "line": "FAIL sem.undo_restores_a_killed_holder: tests/guest/test_sem.c:210: "
             "semctl(set, 0, GETVAL) == 1: got 0, want 1"},
    {"suite": "test_pipe", "passed": True, "line": "ok pipe.read_returns_what_was_written"},
    {"suite": "shell.echo", "passed": True, "line": "ok shell.echo"},
]


def grade(*args):
    with tempfile.TemporaryDirectory() as d:
        results = os.path.join(d, "results.json")
        out = os.path.join(d, "grade.json")
        with open(results, "w") as f:
            json.dump(RESULTS, f)
        r = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "grade"),
                            "--results", results, "--json", out] + list(args),
                           stdout=subprocess.PIPE, universal_newlines=True)
        with open(out) as f:
            return r.returncode, r.stdout, json.load(f)


def case_a_failing_case_shows_fail_its_detail_and_the_subtotal():
    code, text, _ = grade()
    assert code == 1, "a failure makes grade exit 1"
    assert "== semaphores ==" in text and "== pipes ==" in text, text
    line = next(l for l in text.splitlines() if "undo_restores_a_killed_holder" in l)
    assert "FAIL" in line and line.rstrip().endswith("0/2"), line
    assert "got 0, want 1" in text, "the expected and actual values are shown"
    assert "  semaphores: 2/4" in text, text
    assert text.rstrip().endswith("Score: 4/6"), text


def case_json_has_every_mechanism_and_case():
    _, _, result = grade()
    assert (result["score"], result["max"]) == (4, 6), result
    names = [m["name"] for m in result["mechanisms"]]
    assert names == ["pipes", "semaphores", "shell"], names
    sem = result["mechanisms"][1]
    assert [c["passed"] for c in sem["cases"]] == [True, False]
    assert sem["cases"][1]["detail"].startswith("tests/guest/test_sem.c:210")


def case_grading_a_real_suite_passes():
    r = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "grade"), "test_cred"],
                       stdout=subprocess.PIPE, universal_newlines=True)
    assert r.returncode == 0, r.stdout
    with open(os.path.join(ROOT, "tests", "guest", "test_cred.c")) as f:
        cases = f.read().count("CHECK_CASE(")
    want = "Score: %d/%d" % (cases, cases)                # every case graded, all passed
    assert "== processes ==" in r.stdout and want in r.stdout, (want, r.stdout)


PROGRAM = r'''
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(int argc, char **argv)
{
    if (argc > 1 && argv[1][0] == 'l') for (;;) sleep(1);
    if (argc > 1 && argv[1][0] == 'b') for (int i = 0; i < 500; i++) printf("line %d\n", i);
    printf("sum = %d\n", 2 + 2);
    return argc > 1 && argv[1][0] == 's' ? 3 : 0;
}
'''


def grade_program(*args):
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "student.c")
        with open(src, "w") as f:
            f.write(PROGRAM)
        r = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "grade-program"),
                            "--src", src] + list(args), stdout=subprocess.PIPE,
                           universal_newlines=True)
        return r.returncode, r.stdout


def case_program_with_the_expected_output_passes():
    code, text = grade_program("--expect-text", "sum = 4\\n", "--", "student")
    assert code == 0 and text.startswith("PASS"), text


def case_program_with_other_output_fails_with_a_diff():
    code, text = grade_program("--expect-text", "sum = 5\\n", "--", "student")
    assert code == 1 and text.startswith("FAIL: output differs"), text
    assert "-sum = 5" in text and "+sum = 4" in text, text


def case_program_with_the_wrong_status_fails():
    code, text = grade_program("--", "student", "s")
    assert code == 1 and "exit status 3, expected 0" in text, text


def case_program_that_runs_forever_hits_the_time_limit():
    code, text = grade_program("--timeout", "10", "--", "student", "loop")
    assert code == 1 and "time limit" in text, text


def case_program_that_prints_too_much_hits_the_output_limit():
    code, text = grade_program("--max-output", "1000", "--", "student", "big")
    assert code == 1 and "output limit" in text, text


def case_the_tools_and_labs_suites_have_their_own_mechanisms():
    g = load_tool("grade")
    table = g.read_table(os.path.join(ROOT, "tests", "grading.txt"))
    for suite in ("test_ipc_diagram", "test_gdb", "test_gdb_docs", "test_labs", "test_trace"):
        assert g.mechanism_of(suite, table)[0] == "tools", (suite, g.mechanism_of(suite, table))
    assert g.mechanism_of("test_lab_chat", table)[0] == "labs"
    assert g.mechanism_of("test_waitid", table)[0] == "processes"
