"""The IPC recording and its pictures: run-in-guest --ipc-trace brings a
guest's recording out, and tools/ipc-diagram draws it as a well-formed SVG
with one lifeline per process and an arrow per message, and as a timeline.

tests/run.py sets `guest` (tools/run-in-guest as a module), ROOT and
DEADLINE before the cases run.  Each case_* function fails by raising."""

import os
import re
import tempfile
import xml.etree.ElementTree as ET

from tool_module import load_tool

guest = ROOT = DEADLINE = None
SVG = "{http://www.w3.org/2000/svg}"
_cache = {}


def diagram_module():
    return load_tool("ipc-diagram")


def recording_of(command, sources=()):
    """Boot once per command; the recording's lines."""
    if command not in _cache:
        run = guest.run_command(guest.traced_command(command), DEADLINE, sources=sources,
                                build=False)
        assert run.code == 0, "guest exited %d: %s" % (run.code, run.message)
        text = guest.extract_ipc_trace(run.transcript)
        assert text, "no recording in the transcript"
        _cache[command] = text.splitlines(True)
    return _cache[command]


def demo_pipe_events():
    d = diagram_module()
    return d, d.parse(recording_of("demo_pipe"))


def case_recording_has_every_process_and_its_messages():
    d, events = demo_pipe_events()
    pids = {e.pid for e in events}
    assert len(pids) == 3, "sh, demo_pipe and its child: %s" % pids
    sends = [e.a for e in events if e.kind == "send" and e.obj == "pipe"]
    recvs = [e.a for e in events if e.kind == "recv" and e.obj == "pipe"]
    assert sends == [5, 16, 3], sends       # "hello", "from your parent", "bye"
    assert recvs == [5, 16, 3], recvs


def case_svg_is_well_formed_with_one_lifeline_per_process():
    d, events = demo_pipe_events()
    root = ET.fromstring(d.svg(events))
    assert root.tag == SVG + "svg"
    lifelines = [g for g in root.iter(SVG + "g") if g.get("class") == "lifeline"]
    assert sorted(int(g.get("data-pid")) for g in lifelines) == sorted({e.pid for e in events})
    names = [g.find(SVG + "text").text for g in lifelines]
    assert sum("demo_pipe" in n for n in names) == 2, names


def case_svg_has_an_arrow_per_message_from_writer_to_reader():
    d, events = demo_pipe_events()
    root = ET.fromstring(d.svg(events))
    arrows = [g for g in root.iter(SVG + "g") if g.get("class") == "message"]
    labels = [g.find(SVG + "text").text for g in arrows]
    assert [re.sub(r"pipe \d+", "pipe", l) for l in labels] == \
        ["pipe: 5 B", "pipe: 16 B", "pipe: 3 B"], labels
    writer = next(e.pid for e in events if e.kind == "send")
    reader = next(e.pid for e in events if e.kind == "recv")
    x = {int(g.get("data-pid")): g.find(SVG + "line").get("x1")
         for g in root.iter(SVG + "g") if g.get("class") == "lifeline"}
    for g in arrows:
        start, end = re.match(r"M(\d+),\d+ L(\d+),", g.find(SVG + "path").get("d")).groups()
        assert (start, end) == (x[writer], x[reader]), (start, end, x)


def case_svg_shows_blocked_time_and_forks():
    d, events = demo_pipe_events()
    root = ET.fromstring(d.svg(events))
    bars = [g.find(SVG + "text").text for g in root.iter(SVG + "g")
            if g.get("class") == "blocked"]
    assert any(re.match(r"pipe \d+ empty", b) for b in bars), bars
    assert any(b.startswith("wait for child") for b in bars), bars
    forks = [g for g in root.iter(SVG + "g") if g.get("class") == "fork"]
    assert len(forks) == 2, "sh forks demo_pipe, demo_pipe forks its child"


def case_timeline_names_the_sender_of_each_receive():
    d, events = demo_pipe_events()
    text = d.timeline(events)
    writer = next(e.pid for e in events if e.kind == "send")
    assert re.search(r"recv pipe \d+: 16 bytes \(from %d\)" % writer, text), text


def case_a_write_read_in_pieces_gives_an_arrow_per_piece():
    d = diagram_module()
    lines = ["E\t1\t5\tw\tsend\tpipe\t7\t0\t10\t0\t0\t0\t\n",
             "E\t2\t6\tr\trecv\tpipe\t7\t0\t4\t0\t0\t0\t\n",
             "E\t3\t6\tr\trecv\tpipe\t7\t0\t6\t0\t0\t0\t\n"]
    pairs = d.match_messages(d.parse(lines))
    assert [label for _, _, label in pairs] == ["pipe 7: 4 B", "pipe 7: 6 B"], pairs


def case_queue_messages_match_in_order():
    d = diagram_module()
    lines = ["E\t1\t5\ta\tsend\tmsq\t3\t0\t64\t2\t0\t0\t\n",
             "E\t2\t5\ta\tsend\tmsq\t3\t0\t8\t1\t0\t0\t\n",
             "E\t3\t6\tb\trecv\tmsq\t3\t0\t64\t2\t0\t0\t\n"]
    pairs = d.match_messages(d.parse(lines))
    assert len(pairs) == 1 and pairs[0][0].a == 64, "the type-2 message, not the first"


def case_signals_are_red_arrows_from_sender_to_target():
    d = diagram_module()
    events = d.parse(recording_of("demo_sigchld"))
    sigs = [e for e in events if e.kind == "signal" and e.a == 17]
    assert sigs, "SIGCHLD sends are recorded"
    assert any(e.kind == "deliver" and e.a == 17 and e.b == 1 for e in events), \
        "and delivered to the handler"
    root = ET.fromstring(d.svg(events))
    arrows = [g for g in root.iter(SVG + "g") if g.get("class") == "signal"]
    assert len(arrows) == len(sigs), (len(arrows), len(sigs))
    assert "sends signal 17 to %d" % sigs[0].peer in d.timeline(events)


SHM_ONCE = r'''
#include <sys/shm.h>
int main(void)
{
    int id = shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
    char *p = shmat(id, 0, 0);
    p[0] = 1;
    shmdt(p);
    return shmctl(id, IPC_RMID, 0);
}
'''


def case_semops_attaches_and_connections_are_recorded_and_drawn():
    d = diagram_module()
    with tempfile.TemporaryDirectory() as work:
        src = os.path.join(work, "shmonce.c")
        with open(src, "w") as f:
            f.write(SHM_ONCE)
        events = d.parse(recording_of("demo_shm_sem 20; shmonce; demo_echo", [src]))
    kinds = {e.kind for e in events}
    for kind in ("semop", "attach", "detach", "connect", "accept"):
        assert kind in kinds, "no %s event in %s" % (kind, sorted(kinds))
    semops = [e for e in events if e.kind == "semop"]
    assert {e.b for e in semops} >= {-1, 1}, "P and V: %s" % [e.b for e in semops]
    text = d.timeline(events)
    notes = [r"\] sem \d+ \[0\] -1$", r"\] sem \d+ \[0\] \+1$", r"\] attach shm \d+ at 0x",
             r"\] detach shm \d+ at 0x", r"\] connect sock", r"\] accept sock"]
    for note in notes:
        assert re.search("(?m)" + note, text), "no %r in the timeline:\n%s" % (note, text[:3000])
    root = ET.fromstring(d.svg(events))
    drawn = [g.find(SVG + "text").text for g in root.iter(SVG + "g") if g.get("class") == "note"]
    for note in notes:
        assert any(re.search(note[3:], t) for t in drawn), "no %r beside a lifeline" % note
