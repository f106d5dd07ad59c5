"""tools/bench's own plumbing, on made-up figures (no guest, no timing):
reading `name value unit` and `name n/a unit # why` lines, which way a
ratio points, the baseline check's notes, and a well-formed table and SVG
chart.  (The benchmark program itself is smoke-tested in the guest by
tests/guest/test_bench.c.)

tests/run.py sets `guest`, ROOT and DEADLINE before the cases run.  Each
case_* function fails by raising."""

import contextlib
import io
import os
import tempfile
import xml.etree.ElementTree as ET

from tool_module import load_tool

guest = ROOT = DEADLINE = None
SVG = "{http://www.w3.org/2000/svg}"

FIGURES = """\
trap_null_sysenter_ns 30.000 ns
getpid_ns 180.000 ns
pipe_rtt_us 10.000 us
pipe_rtt_64_us 10.000 us
pipe_rtt_4096_us 20.000 us
pipe_tput_64_mibs 40.000 MiB/s
pipe_tput_65536_mibs 900.000 MiB/s
msg_rtt_64_us n/a us # msg: not implemented (ENOSYS)
some console noise 12 that is not a figure
"""


def bench_module():
    return load_tool("bench")


def case_figures_and_na_lines_are_read_and_noise_is_not():
    b = bench_module()
    f = b.parse_figures(FIGURES)
    assert f["getpid_ns"] == (180.0, "ns", ""), f["getpid_ns"]
    assert f["msg_rtt_64_us"][0] is None
    assert "ENOSYS" in f["msg_rtt_64_us"][2]
    assert len(f) == 8, sorted(f)
    assert b.parse_figures(b.format_figures(f)) == f


def case_speedup_inverts_times_but_not_rates():
    b = bench_module()
    assert b.speedup("pipe_rtt_us", 10.0, 40.0) == 4.0
    assert b.speedup("pipe_4k_mibs", 400.0, 100.0) == 4.0


def case_baseline_check_notes_a_slowdown_and_never_fails():
    b = bench_module()
    with tempfile.TemporaryDirectory() as d:
        b.BASELINE = os.path.join(d, "baseline.txt")
        with open(b.BASELINE, "w") as f:
            f.write(FIGURES)
        now = b.parse_figures(FIGURES)
        now["pipe_rtt_us"] = (20.0, "us", "")             # twice as slow
        now["pipe_tput_64_mibs"] = (39.0, "MiB/s", "")    # within the noise
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            b.check_against_baseline(now)
        text = out.getvalue()
    assert "NOTE: pipe_rtt_us is 2.00x slower" in text, text
    assert "NOTE: pipe_tput_64_mibs" not in text, text


def case_table_and_chart_are_well_formed_with_linux_beside():
    b = bench_module()
    parley = b.parse_figures(FIGURES)
    linux = {k: (v * 3, u, n) for k, (v, u, n) in parley.items() if v is not None}
    with tempfile.TemporaryDirectory() as d:
        b.OUT = d
        b.write_table(parley, linux)
        b.write_chart(parley, linux)
        table = open(os.path.join(d, "table.md")).read()
        root = ET.parse(os.path.join(d, "ipc-cost.svg")).getroot()
    assert "| pipe (Parley) | round trip, us | 10.0 | n/a | 20.0 | n/a |" in table, table
    assert "| pipe (Linux) |" in table
    assert root.tag == SVG + "svg"
    lines = root.findall(".//" + SVG + "polyline")
    titles = sorted(l.find(SVG + "title").text for l in lines)
    assert titles == ["pipe (Linux)", "pipe (Linux)", "pipe (Parley)", "pipe (Parley)"], titles
    dashed = [l for l in lines if l.get("stroke-dasharray")]
    assert len(dashed) == 2                               # Linux's lines
    bars = [r.find(SVG + "title").text for r in root.findall(".//" + SVG + "rect")
            if r.find(SVG + "title") is not None]
    assert any(t.startswith("getpid Parley") for t in bars), bars
    assert any(t.startswith("null trap (sysenter) Linux") for t in bars), bars
