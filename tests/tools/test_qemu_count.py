"""tools/qemu-count's arithmetic, on made-up perf output (no perf, no
guest): the counts of one iteration are the difference of two runs
divided by the difference of their iteration counts, and the real QEMU
binary is found behind Debian's wrapper script.

tests/run.py sets `guest`, ROOT and DEADLINE before the cases run.  Each
case_* function fails by raising."""

import os
import tempfile

from tool_module import load_tool

guest = ROOT = DEADLINE = None


def stat(jumpcache, tlbfill, invlpg, tlbflush):
    return ("# started on Sun Dec  6 21:00:00 2026\n\n"
            "%d,,parley_qemu:parley_jumpcache,1000,100.00,,\n"
            "%d,,parley_qemu:parley_tlbfill,1000,100.00,,\n"
            "%d,,parley_qemu:parley_invlpg,1000,100.00,,\n"
            "%d,,parley_qemu:parley_tlbflush,1000,100.00,,\n"
            "<not counted>,,cycles,0,0.00,,\n") % (jumpcache, tlbfill, invlpg, tlbflush)


def case_perf_stat_lines_are_read_by_event():
    t = load_tool("qemu-count")
    counts = t.parse_stat(stat(5, 6, 7, 8))
    assert counts == {"parley_jumpcache": 5, "parley_tlbfill": 6, "parley_invlpg": 7, "parley_tlbflush": 8}, counts


def case_one_iteration_is_the_difference_of_two_runs():
    t = load_tool("qemu-count")
    first = t.parse_stat(stat(1000 + 20 * 10, 500 + 20 * 3, 40, 7))
    second = t.parse_stat(stat(1000 + 120 * 10, 500 + 120 * 3, 40 + 100 * 2, 7))
    got = {event: value for event, _, value in t.per_iteration(first, second, 20, 120)}
    assert got == {"parley_jumpcache": 10.0, "parley_tlbfill": 3.0, "parley_invlpg": 2.0, "parley_tlbflush": 0.0}, got


def case_debians_wrapper_script_leads_to_the_real_binary():
    t = load_tool("qemu-count")
    with tempfile.TemporaryDirectory() as tmp:
        wrapper = os.path.join(tmp, "qemu-system-i386")
        with open(wrapper, "w") as f:
            f.write("#! /bin/sh\nxenredir=/usr/libexec/xen-qemu-system-i386\n"
                    "exe=/usr/libexec/qemu-system-i386\nexec \"$exe\" \"$@\"\n")
        os.chmod(wrapper, 0o755)
        saved = os.environ.get("QEMU")
        os.environ["QEMU"] = wrapper
        try:
            assert t.qemu_binary() == "/usr/libexec/qemu-system-i386", t.qemu_binary()
        finally:
            if saved is None:
                del os.environ["QEMU"]
            else:
                os.environ["QEMU"] = saved
