"""tools/tcg-profile's counting, on a made-up QEMU log (no guest): blocks,
instructions and memory operands per iteration, and which transitions
are look-ups (after a return or to another page) and which are chained.

tests/run.py sets `guest`, ROOT and DEADLINE before the cases run.  Each
case_* function fails by raising."""

import io

from tool_module import load_tool

guest = ROOT = DEADLINE = None

# Three blocks: A calls B on another page, B returns to C, and C jumps
# back to A on A's own page (chained: no look-up).
BLOCKS = """\
----------------
IN: a
0xc0100000:  8b 18                    movl     (%eax), %ebx
0xc0100002:  e8 f9 1f 00 00           calll    0xc0102000

----------------
IN: b
0xc0102000:  c3                       retl

----------------
IN: c
0xc0100010:  eb ee                    jmp      0xc0100000

"""


def log(iterations):
    trace = "".join("Trace 0: 0x7f0000000000 [00000000/%08x/00000040/ff000200] f\n" % pc
                    for _ in range(iterations) for pc in (0xc0100000, 0xc0102000, 0xc0100010))
    return (BLOCKS + trace).splitlines(keepends=True)


def names(pc):
    return {0xc0100000: "a", 0xc0102000: "b", 0xc0100010: "c"}.get(pc & ~0xf, "USER")


def case_blocks_are_read_with_their_last_instruction():
    t = load_tool("tcg-profile")
    blocks, seq = t.parse_log(log(2))
    assert sorted(blocks) == [0xc0100000, 0xc0100010, 0xc0102000], sorted(blocks)
    a = blocks[0xc0100000]
    assert (a.insns, a.mem, a.last) == (2, 2, "calll"), (a.insns, a.mem, a.last)
    assert blocks[0xc0102000].last == "retl"
    assert seq == [0xc0100000, 0xc0102000, 0xc0100010] * 2, seq


def case_returns_and_other_pages_are_look_ups_and_the_same_page_is_chained():
    t = load_tool("tcg-profile")
    out = io.StringIO()
    total = t.report(t.parse_log(log(3)), t.parse_log(log(8)), 5, names, 10, out)
    blocks, insns, mem, lookups, crosspage = total
    assert (blocks, insns, mem) == (3, 4, 3), total
    assert (lookups, crosspage) == (2, 1), total      # a->b (page), b->c (ret); c->a chained
    text = out.getvalue()
    assert "look-ups 2.0 (to another page 1.0)" in text, text
    assert "  b\n" in text and "  c\n" in text, text


def case_an_indirect_jump_is_a_look_up_even_on_its_own_page():
    t = load_tool("tcg-profile")
    op, _ = t.opcode("ff e0                    jmpl     *%eax")
    assert op == "ind", op
    blocks, _ = t.parse_log(BLOCKS.replace("jmp      0xc0100000", "jmpl     *%eax").splitlines(True))
    assert t.is_lookup(blocks, 0xc0100010, 0xc0100000)
    assert not t.is_lookup(t.parse_log(BLOCKS.splitlines(True))[0], 0xc0100010, 0xc0100000)
